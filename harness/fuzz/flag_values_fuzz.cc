// Flag values: any text as a duration, rate, size, percentage, shard, latency budget, mock delay
// or fault name. Accepted values are in range.
#include <cstddef>
#include <cstdint>

#include "commands/mock_command.h"
#include "fuzz/fuzz_support.h"
#include "run/shard.h"
#include "stats/latency_budget.h"
#include "text/quantities.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = Text(data, size);
  std::string err;
  int64_t us = -1;
  if (ParseDuration(text, &us, &err)) Require(us >= 0, "durations are not negative");
  double rate = 0;
  if (ParseRate(text, &rate, &err)) Require(rate > 0, "rates are positive");
  size_t bytes = 0;
  if (ParseSize(text, &bytes, &err)) Require(bytes > 0, "sizes are positive");
  double fraction = -1;
  if (ParsePercent(text, &fraction, &err)) Require(fraction >= 0, "percentages are not negative");
  Shard shard;
  if (ParseShard(text, &shard, &err)) Require(shard.index >= 1 && shard.index <= shard.count, "shard i of n has 1 <= i <= n");
  LatencyBudget budget;
  ParseLatencyBudget(text, &budget, &err);
  MockOptions mock;
  ParseDelays({text}, text, "--delay", &mock, &err);
  FaultSet faults;
  ParseFaults({text}, "--fault", &faults, &err);
  return 0;
}
