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

#include "run/run_progress.h"

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
  bool shrinking = false;      // exploration diverged and is being shrunk: no estimate
  int requests = 0;            // sent so far
  int case_requests = -1;      // sent by the cases, once they are all done; -1 before
  double elapsed_s = 0;
  double request_interval_s = 0;  // the pacing; 0: not paced
};

// "12/85 cases, 3/40 operations, 1m05s elapsed, about 2m10s left". The estimate counts the
// requests left (a case as many as the cases took so far, an operation as many as the operations
// did, or 2 before the first) and times them at the speed seen so far, or the pacing if slower.
std::string FormatProgress(const ProgressSnapshot& s);

// Whether a line is shown: `auto` wants a terminal on stderr, no CI variable, not -q or -v, and a
// run that is paced or has gone on longer than kAutoAfter; `on` wants only the terminal.
struct ProgressPolicy {
  ProgressMode mode = ProgressMode::kAuto;
  bool terminal = false;   // stderr is a terminal (the line's)
  bool stdout_terminal = false;  // so is stdout (auto: case lines piped elsewhere would land on the line)
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
  // The cases are over: the requests so far are theirs (the estimate prices operations apart).
  void CasesDone() { case_requests_ = requests_ ? requests_() : 0; }
  void SetOperationsTotal(int total) { operations_total_ = total; }
  // The explorer counts its operations here as it sends them.
  ExploreProgress* exploration() { return &exploration_; }

 private:
  void Loop();
  void Draw();   // with mutex_ held
  void Clear();  // with mutex_ held
  double Elapsed() const;

  const ProgressPolicy policy_;
  const double interval_s_;
  const std::function<int()> requests_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::atomic<int> cases_done_{0}, cases_total_{0}, operations_total_{0}, case_requests_{-1};
  ExploreProgress exploration_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool drawn_ = false;
  std::thread ticker_;
};

}  // namespace conform
