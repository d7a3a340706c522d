#include "run/list_settle.h"

#include <algorithm>
#include <chrono>

namespace conform {
namespace {

constexpr int64_t kFirstWaitUs = 25'000;
// Bounds the walks whatever the window: the waits double, so 32 walks outlast any window a run
// could wait for.
constexpr int kMaxWalks = 32;

}  // namespace

bool JudgeSettled(int64_t settle_us, RequestGate& gate, const ListJudgement& judge, std::vector<Finding>* findings) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  const int64_t retry_waited_before = gate.retry_waited_us();
  int64_t wait_us = kFirstWaitUs;
  for (int walk = 1; walk <= kMaxWalks; ++walk) {
    findings->clear();
    if (!judge(walk, findings)) return false;
    if (findings->empty()) return true;
    if (walk == 1) continue;  // once more at once: pages shifted by other clients' writes
    // The window is the list's time to settle: a Retry-After the target asked for meanwhile does
    // not use it up (a 429 answered to a page must not turn a lag into a verdict).
    const int64_t elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count() -
                            (gate.retry_waited_us() - retry_waited_before);
    const int64_t left = settle_us - elapsed;
    if (left <= 0 || !gate.WaitBeforeRetry(std::min(wait_us, left), /*cleanup=*/false)) return true;
    wait_us *= 2;
  }
  return true;
}

std::string WalkLabel(const std::string& step, int walk) {
  if (walk == 1) return step;
  return step + " again" + (walk == 2 ? "" : " (" + std::to_string(walk) + ")");
}

}  // namespace conform
