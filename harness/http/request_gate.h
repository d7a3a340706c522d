// What every request of a run passes through before it is sent: pacing, the circuit breaker
// (stop after K consecutive requests without an HTTP answer), the run's deadline and a signal.
// One gate per run, shared by the transports of all its cases; used from one thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "http/http_types.h"

namespace conform {

struct GatePolicy {
  int64_t min_interval_us = 0;      // pacing: at least this long between two request starts
  int max_transport_errors = 3;     // consecutive requests without an answer that stop the run; 0: never
  int max_retries = 3;              // on 429 and 503
  int64_t max_retry_wait_us = 10'000'000;
  int64_t deadline_us = 0;          // from the gate's creation; 0: none
  int64_t cleanup_grace_us = 30'000'000;  // how long cleanup may go on after the deadline
};

// Why the gate stopped letting ordinary requests through.
enum class StopReason { kNone, kBreaker, kDeadline, kInterrupted };

class RequestGate {
 public:
  explicit RequestGate(GatePolicy policy = {});

  // Waits for the pace and returns true when `request` may go now; its timeout_ms is cut to
  // what is left before the deadline. false: stopped (*refusal says why, as a kNotSent answer).
  // Cleanup requests still go after a stop: within the grace period after the deadline, and
  // after the breaker opened until one more of them goes unanswered.
  bool Admit(HttpRequest* request, HttpResponse* refusal);
  // Counts the answer (or its absence) towards the breaker. A timeout cut short by the deadline
  // becomes a kNotSent answer and does not count against the target.
  void Observe(const HttpRequest& request, HttpResponse* response);
  // Sleeps before a retry; false when a signal, the deadline or the grace period cut it short.
  bool WaitBeforeRetry(int64_t us, bool cleanup);
  // The same for a 429 or 503 being retried, whose wait is counted in retry_waited_us().
  bool WaitForRetryAfter(int64_t us, bool cleanup);
  // How long the run has slept for Retry-After so far: time the target asked for, which a window
  // measured in the run's time (a list's settling) does not count against the target.
  int64_t retry_waited_us() const { return retry_waited_us_; }
  // The kNotSent answer for a request the gate stopped; `otherwise` when it is still running.
  HttpResponse Refusal(const HttpRequest& request, const std::string& otherwise) const;
  void CountRetry() { ++retries_; }

  const GatePolicy& policy() const { return policy_; }
  StopReason stop_reason() const;
  // "the target stopped answering (...)", "--deadline reached", ... for reports; empty if running.
  std::string StopMessage() const;
  // The error type a case stopped by the gate is reported with: not-run, deadline, interrupted.
  const char* StopType() const;
  int retries() const { return retries_; }
  int unanswered() const { return unanswered_; }
  // Requests let through so far; read by the progress line's thread while the run goes on.
  int admitted() const { return admitted_.load(std::memory_order_relaxed); }

 private:
  using Clock = std::chrono::steady_clock;
  bool CleanupMayGo() const;
  void Pace();
  // The latest moment a request may still be running: the deadline, or its grace period for cleanup.
  Clock::time_point Horizon(bool cleanup) const;

  GatePolicy policy_;
  Clock::time_point deadline_;
  bool has_deadline_ = false;
  Clock::time_point last_start_;
  int consecutive_unanswered_ = 0;
  bool breaker_open_ = false;
  std::string last_cause_;
  int retries_ = 0;
  int64_t retry_waited_us_ = 0;
  int unanswered_ = 0;
  std::atomic<int> admitted_{0};
};

}  // namespace conform
