// Counters a run's progress line reads from its own thread while the run goes on: the explorer
// counts what it sends here. Plain atomics, so the run never waits for the line.
#pragma once

#include <atomic>

namespace conform {

struct ExploreProgress {
  std::atomic<int> sent{0};            // operations of the generated sequence sent so far
  std::atomic<bool> finished{false};   // the generated run is over (a divergence is shrunk next)
};

}  // namespace conform
