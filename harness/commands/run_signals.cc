#include "commands/run_signals.h"

#include <signal.h>
#include <unistd.h>

#include <string>

#include "http/interrupt.h"
#include "run/case_runner.h"

namespace conform {
namespace {

// The first signal asks the run to stop after cleaning up; the second exits at once and says
// which connections are left behind.
void OnSignal(int) {
  if (!Interrupted()) {
    Interrupt();
    // On a terminal, "\r\033[K" clears a progress line (or the echoed ^C) instead of leaving it.
    const char erase[] = "\r\033[K";
    const char message[] = "conform: interrupted; cleaning up (interrupt again to exit at once)\n";
    [[maybe_unused]] ssize_t n = isatty(2) ? write(2, erase, sizeof(erase) - 1) : write(2, "\n", 1);
    n = write(2, message, sizeof(message) - 1);
    return;
  }
  const char header[] = "\nconform: exiting now; these connections may be left behind (conform cleanup removes them):\n";
  [[maybe_unused]] ssize_t n = write(2, header, sizeof(header) - 1);
  if (const std::string* ledger = LedgerSnapshot()) n = write(2, ledger->data(), ledger->size());
  _exit(130);
}

}  // namespace

void InstallSignalHandlers() {
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

}  // namespace conform
