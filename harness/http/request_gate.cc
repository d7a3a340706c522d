#include "http/request_gate.h"

#include <algorithm>
#include <thread>

#include "http/interrupt.h"

namespace conform {

RequestGate::RequestGate(GatePolicy policy) : policy_(policy) {
  if (policy_.deadline_us > 0) {
    has_deadline_ = true;
    deadline_ = Clock::now() + std::chrono::microseconds(policy_.deadline_us);
  }
}

StopReason RequestGate::stop_reason() const {
  if (Interrupted()) return StopReason::kInterrupted;
  if (breaker_open_) return StopReason::kBreaker;
  if (has_deadline_ && Clock::now() >= deadline_) return StopReason::kDeadline;
  return StopReason::kNone;
}

std::string RequestGate::StopMessage() const {
  switch (stop_reason()) {
    case StopReason::kNone: return "";
    case StopReason::kInterrupted: return "stopped by a signal";
    case StopReason::kBreaker:
      return "the target stopped answering (" + std::to_string(policy_.max_transport_errors) +
             " requests in a row got no HTTP answer; last: " + last_cause_ + ")";
    case StopReason::kDeadline: {
      const double seconds = static_cast<double>(policy_.deadline_us) / 1e6;
      char text[64];
      snprintf(text, sizeof(text), "%.3g", seconds);
      return std::string("the run's --deadline (") + text + " s) was reached";
    }
  }
  return "";
}

const char* RequestGate::StopType() const {
  switch (stop_reason()) {
    case StopReason::kBreaker: return "not-run";
    case StopReason::kDeadline: return "deadline";
    case StopReason::kInterrupted: return "interrupted";
    case StopReason::kNone: break;
  }
  return "not-run";
}

RequestGate::Clock::time_point RequestGate::Horizon(bool cleanup) const {
  if (!has_deadline_) return Clock::time_point::max();
  return cleanup ? deadline_ + std::chrono::microseconds(policy_.cleanup_grace_us) : deadline_;
}

bool RequestGate::CleanupMayGo() const {
  // After the breaker opened, cleanup gets one more chance: stop once it too goes unanswered.
  if (breaker_open_ && consecutive_unanswered_ > policy_.max_transport_errors) return false;
  return Clock::now() < Horizon(true);
}

bool RequestGate::Admit(HttpRequest* request, HttpResponse* refusal) {
  const bool may = request->cleanup ? CleanupMayGo() : stop_reason() == StopReason::kNone;
  if (may) Pace();
  const Clock::time_point horizon = Horizon(request->cleanup);
  const auto left_ms = std::chrono::duration_cast<std::chrono::milliseconds>(horizon - Clock::now()).count();
  if (!may || left_ms <= 0) {
    *refusal = Refusal(*request, "the cleanup grace period is over");
    return false;
  }
  if (has_deadline_ && (request->timeout_ms == 0 || request->timeout_ms > left_ms)) request->timeout_ms = left_ms;
  admitted_.fetch_add(1, std::memory_order_relaxed);
  return true;
}

HttpResponse RequestGate::Refusal(const HttpRequest& request, const std::string& otherwise) const {
  HttpResponse refusal;
  refusal.error = TransportError::kNotSent;
  const std::string why = StopMessage();
  refusal.error_message = request.method + " " + request.url + ": not sent: " + (why.empty() ? otherwise : why);
  return refusal;
}

void RequestGate::Observe(const HttpRequest& request, HttpResponse* response) {
  if (response->status > 0) {
    consecutive_unanswered_ = 0;
    return;
  }
  if (response->error == TransportError::kNotSent) return;
  if ((response->error == TransportError::kTimeout || response->error == TransportError::kConnectTimeout) &&
      has_deadline_ && Clock::now() >= Horizon(request.cleanup)) {
    // Our own clock ran out, not the target's patience: not evidence against the target.
    response->error = TransportError::kNotSent;
    response->error_message = request.method + " " + request.url + ": not finished: " + StopMessage();
    return;
  }
  ++unanswered_;
  ++consecutive_unanswered_;
  last_cause_ = response->error_message;
  if (policy_.max_transport_errors > 0 && consecutive_unanswered_ >= policy_.max_transport_errors) {
    breaker_open_ = true;
  }
}

namespace {

// Sleeps until `until` in short slices, so a signal is noticed soon; false if one cut it short.
bool SleepUntil(std::chrono::steady_clock::time_point until, bool through_signals) {
  while (std::chrono::steady_clock::now() < until) {
    if (Interrupted() && !through_signals) return false;
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(std::chrono::milliseconds(20), until - std::chrono::steady_clock::now()));
  }
  return true;
}

}  // namespace

bool RequestGate::WaitBeforeRetry(int64_t us, bool cleanup) {
  const Clock::time_point until = Clock::now() + std::chrono::microseconds(us);
  if (until >= Horizon(cleanup)) return false;  // the answer would come too late to matter
  return SleepUntil(until, /*through_signals=*/cleanup);
}

bool RequestGate::WaitForRetryAfter(int64_t us, bool cleanup) {
  const Clock::time_point start = Clock::now();
  const bool waited = WaitBeforeRetry(us, cleanup);
  retry_waited_us_ += std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
  return waited;
}

void RequestGate::Pace() {
  if (policy_.min_interval_us <= 0) return;
  SleepUntil(last_start_ + std::chrono::microseconds(policy_.min_interval_us), /*through_signals=*/false);
  last_start_ = Clock::now();
}

}  // namespace conform
