// The live progress line as a person sees it: under a pseudo-terminal (script(1), as in a shell)
// a paced run draws it on stderr; into a pipe, as in a CI log, nothing of it appears.
#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "commands/conform_binary_for_tests.h"

namespace conform {
namespace {

constexpr const char* kErase = "\r\033[K";  // how the line is redrawn in place

class ProgressTerminalTest : public TempDirTest {
 protected:
  // A paced run of two cases and a few operations against a mock of its own: about 15 requests
  // at 20 a second, so the line is redrawn several times.
  std::string PacedRun(const std::string& url, const std::string& extra = "") const {
    return std::string(CONFORM_BINARY) + " run --target " + url + " --token T --rate 20/s --filter 'auth-no-token-[gl]*'" +
           " --explore 4 --seed 1 --junit " + Path("junit.xml") + " --json " + Path("report.json") + " --html " +
           Path("report.html") + " --found " + Path("found") + " " + extra;
  }
  // Runs `command` with stdin, stdout and stderr a pseudo-terminal; its exit code is script's.
  static Ran UnderTerminal(const std::string& command) {
    return RunShell("script -qfec \"" + command + "\" /dev/null");
  }
  static Ran RunShell(const std::string& command) {
    Ran result;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    char buffer[4096];
    size_t n;
    while (pipe && (n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
    const int status = pipe ? pclose(pipe) : -1;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
  }
};

TEST_F(ProgressTerminalTest, APacedRunShowsTheLineOnATerminalOnly) {
  ASSERT_EQ(std::system("command -v script >/dev/null"), 0) << "script(1) is missing (Debian: bsdutils)";
  MockProcess mock({"--token", "T"});
  ASSERT_FALSE(mock.BaseUrl().empty());

  const Ran shown = UnderTerminal("env -u CI " + PacedRun(mock.BaseUrl()));
  EXPECT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_NE(shown.output.find(std::string(kErase) + "0/2 cases, 0/4 operations, 0s elapsed"), std::string::npos)
      << "a paced run shows the line from its start: " << shown.output;
  EXPECT_NE(shown.output.find("2/2 cases, 4/4 operations, "), std::string::npos) << shown.output;
  EXPECT_NE(shown.output.find(" left"), std::string::npos) << "an estimate once work is done: " << shown.output;
  EXPECT_NE(shown.output.find(": 3 cases against "), std::string::npos) << "the verdict follows: " << shown.output;

  const Ran piped = RunShell("env -u CI " + PacedRun(mock.BaseUrl()));
  EXPECT_EQ(piped.exit_code, 0) << piped.output;
  EXPECT_EQ(piped.output.find(" elapsed"), std::string::npos) << "none of it in a pipe: " << piped.output;
  EXPECT_EQ(piped.output.find(kErase), std::string::npos) << piped.output;

  const Ran in_ci = UnderTerminal("env CI=true " + PacedRun(mock.BaseUrl()));
  EXPECT_EQ(in_ci.exit_code, 0) << in_ci.output;
  EXPECT_EQ(in_ci.output.find(" elapsed"), std::string::npos) << "auto stays quiet under CI: " << in_ci.output;

  const Ran off = UnderTerminal("env -u CI " + PacedRun(mock.BaseUrl(), "--progress off"));
  EXPECT_EQ(off.output.find(" elapsed"), std::string::npos) << off.output;

  const Ran on = UnderTerminal("env CI=true " + PacedRun(mock.BaseUrl(), "--progress on"));
  EXPECT_NE(on.output.find(" elapsed"), std::string::npos) << "on: whenever there is a terminal: " << on.output;
}

}  // namespace
}  // namespace conform
