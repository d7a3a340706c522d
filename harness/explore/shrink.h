// Shrinking a diverging sequence to the smallest one that still diverges by the same rule: first
// whole operations (delta debugging), then the values in their bodies (fewer configuration
// keys, shorter strings, emptier arrays and objects, simpler numbers). Bounded in attempts and
// time; each attempt is a replay against the target on names of its own.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "explore/operations.h"

namespace conform {

// Replays a candidate and returns the rule of its first must-level divergence ("" if none).
using Replayer = std::function<std::string(const std::vector<Operation>&)>;

struct ShrinkLimits {
  int max_attempts = 300;
  std::chrono::milliseconds budget{5000};
};

struct ShrinkResult {
  std::vector<Operation> sequence;  // the smallest found that still diverges by `rule`
  int attempts = 0;
  bool cut_short = false;  // the limits stopped it before it was done
};

ShrinkResult Shrink(std::vector<Operation> failing, const std::string& rule, const Replayer& replay, ShrinkLimits limits);

// The simpler forms of a value tried in turn (exposed for tests): "" and half a string, [] and
// the first half of an array, {} for an object, 0 for a number; nothing for what is simplest.
std::vector<nlohmann::json> SimplerValues(const nlohmann::json& value);

}  // namespace conform
