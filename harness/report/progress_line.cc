#include "report/progress_line.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>

namespace conform {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(250);

// "45s", "3m05s", "1h02m": whole seconds are as precise as a person watching wants.
std::string ClockText(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  char text[32];
  if (s < 60) {
    std::snprintf(text, sizeof text, "%lds", s);
  } else if (s < 3600) {
    std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, s % 3600 / 60);
  }
  return text;
}

// An operation and the GET after it, before the first operation says otherwise.
constexpr double kRequestsPerOperation = 2;

// Seconds left, or a negative number when nothing is known yet.
double SecondsLeft(const ProgressSnapshot& s) {
  if (s.cases_done <= 0 || s.requests <= 0 || s.shrinking) return -1;
  const int case_requests = s.case_requests >= 0 ? s.case_requests : s.requests;
  const double per_case = static_cast<double>(case_requests) / s.cases_done;
  const double per_operation = s.operations_done > 0 && s.case_requests >= 0
                                   ? static_cast<double>(s.requests - s.case_requests) / s.operations_done
                                   : kRequestsPerOperation;
  const double left = std::max(0, s.cases_total - s.cases_done) * per_case +
                      std::max(0, s.operations_total - s.operations_done) * per_operation;
  const double seconds_per_request = std::max(s.elapsed_s / s.requests, s.request_interval_s);
  return left * seconds_per_request;
}

}  // namespace

bool ParseProgressMode(const std::string& text, ProgressMode* mode) {
  if (text == "auto") *mode = ProgressMode::kAuto;
  else if (text == "on") *mode = ProgressMode::kOn;
  else if (text == "off") *mode = ProgressMode::kOff;
  else return false;
  return true;
}

std::string FormatProgress(const ProgressSnapshot& s) {
  std::string line = std::to_string(s.cases_done) + "/" + std::to_string(s.cases_total) + " cases";
  if (s.shrinking) {
    line += ", exploration diverged after " + std::to_string(s.operations_done) + " operations: shrinking";
  } else if (s.operations_total > 0) {
    line += ", " + std::to_string(s.operations_done) + "/" + std::to_string(s.operations_total) + " operations";
  }
  line += ", " + ClockText(s.elapsed_s) + " elapsed";
  const double left = SecondsLeft(s);
  if (left >= 0) line += ", about " + ClockText(left) + " left";
  return line;
}

bool ProgressShown(const ProgressPolicy& p, double elapsed_s) {
  if (!p.terminal || p.mode == ProgressMode::kOff) return false;
  if (p.mode == ProgressMode::kOn) return true;
  return p.stdout_terminal && !p.ci && !p.quiet_or_verbose && (p.paced || elapsed_s > kAutoAfterSeconds);
}

ProgressLine::ProgressLine(const ProgressPolicy& policy, double request_interval_s, std::function<int()> requests)
    : policy_(policy), interval_s_(request_interval_s), requests_(std::move(requests)) {}

ProgressLine::~ProgressLine() { Stop(); }

void ProgressLine::Start() {
  // A line that would not show however long the run went never will: no thread for it.
  const bool never = !ProgressShown(policy_, std::numeric_limits<double>::infinity());
  if (never || ticker_.joinable()) return;
  ticker_ = std::thread([this] { Loop(); });
}

void ProgressLine::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    Clear();
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
}

void ProgressLine::Above(const std::function<void()>& print) {
  std::lock_guard<std::mutex> lock(mutex_);
  const bool was_drawn = drawn_;
  Clear();
  print();
  std::cout.flush();
  if (was_drawn && !stopping_) Draw();
}

void ProgressLine::SetCases(int done, int total) {
  cases_done_ = done;
  cases_total_ = total;
}

void ProgressLine::Loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    if (ProgressShown(policy_, Elapsed())) Draw();
    wake_.wait_for(lock, kRedrawEvery, [this] { return stopping_; });
  }
}

void ProgressLine::Draw() {
  ProgressSnapshot s;
  s.cases_done = cases_done_;
  s.cases_total = cases_total_;
  s.operations_done = std::min(exploration_.sent.load(), operations_total_.load());
  s.operations_total = operations_total_;
  s.shrinking = exploration_.finished && s.operations_done < s.operations_total;
  s.requests = requests_ ? requests_() : 0;
  s.case_requests = case_requests_;
  s.elapsed_s = Elapsed();
  s.request_interval_s = interval_s_;
  std::cerr << "\r\033[K" << FormatProgress(s) << std::flush;
  drawn_ = true;
}

void ProgressLine::Clear() {
  if (!drawn_) return;
  std::cerr << "\r\033[K" << std::flush;
  drawn_ = false;
}

double ProgressLine::Elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

}  // namespace conform
