// A live line on a terminal while a long run goes: cases done of total, exploration operations
// done, time elapsed and an estimate of what is left. Like k6's and Newman's, it is for a person
// watching; CI logs and pipes never get it.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace conform {

enum class ProgressMode { kAuto, kOn, kOff };

// "auto", "on", "off"; false for anything else.
bool ParseProgressMode(const std::string& text, ProgressMode* mode);

// What the line shows, as plain numbers (Format is pure, for tests).
struct ProgressSnapshot {
  int cases_done = 0;
  int cases_total = 0;
  int operations_done = 0;
  int operations_total = 0;    // 0: no exploration
  int requests = 0;            // sent so far
  double elapsed_s = 0;
  double request_interval_s = 0;  // the pacing; 0: not paced
};

// "12/85 cases, 3/40 operations, 1m05s elapsed, about 2m10s left". The estimate is what is left
// of the work at the pace seen so far; when paced, the pacing bounds it from below, since every
// request left waits its turn.
std::string FormatProgress(const ProgressSnapshot& s);

// Whether a line is shown: `auto` wants a terminal on stderr, no CI variable, not -q or -v, and a
// run that is paced or has gone on longer than kAutoAfter; `on` wants only the terminal.
struct ProgressPolicy {
  ProgressMode mode = ProgressMode::kAuto;
  bool terminal = false;   // stderr is a terminal
  bool ci = false;         // $CI is set
  bool quiet_or_verbose = false;
  bool paced = false;
};
constexpr double kAutoAfterSeconds = 2.0;
bool ProgressShown(const ProgressPolicy& policy, double elapsed_s);

class ProgressLine {
 public:
  // `requests` reads how many requests went out so far (the run's gate).
  ProgressLine(const ProgressPolicy& policy, double request_interval_s, std::function<int()> requests);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Starts redrawing a few times a second (nothing when the policy can never show a line).
  void Start();
  // Clears the line and stops redrawing; the verdict and summary follow on a clean line.
  void Stop();
  // Prints through `print` with the line cleared first and redrawn after, so a case line never
  // lands on top of it.
  void Above(const std::function<void()>& print);

  void SetCases(int done, int total);
  void SetOperationsTotal(int total) { operations_total_ = total; }
  // The explorer counts its operations here as it sends them.
  std::atomic<int>* operations_done() { return &operations_done_; }

 private:
  void Loop();
  void Draw();   // with mutex_ held
  void Clear();  // with mutex_ held
  double Elapsed() const;

  const ProgressPolicy policy_;
  const double interval_s_;
  const std::function<int()> requests_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::atomic<int> cases_done_{0}, cases_total_{0}, operations_done_{0}, operations_total_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool drawn_ = false;
  std::thread ticker_;
};

}  // namespace conform
