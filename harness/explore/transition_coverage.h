// Switch coverage, as model-based testing calls it: pairs of consecutive operations on one name
// that the model allows. The coverage phase (explore/operations.cc) sends every pair below before
// the random phase spends the rest of the budget, so a bug that needs a pair (a PUT answered from
// a cache when its body was seen before: write X, write Y, write X) is met on every seed, not by
// luck of the draw. An operation that completes a pair carries its name (Operation::pair).
#pragma once

#include <string>
#include <vector>

#include "explore/operations.h"
#include "run/results.h"

namespace conform {

struct TransitionPair {
  const char* name;  // "update→update, the same body", as reports show it
  const char* why;   // the bug of a real backend it meets
};

// Every pair the coverage phase sends, in its order.
const std::vector<TransitionPair>& TransitionPairs();

// Which pairs the first `sent` operations of `planned` covered (sent and judged), and why each
// other one was not: not planned (no token to be wrong about, when !bad_credentials, or the
// budget), or planned and not sent (`unsent_reason`: the exploration ended first).
std::vector<CoverageRow> TransitionCoverage(const std::vector<Operation>& planned, int sent, bool bad_credentials,
                                            const std::string& unsent_reason);

}  // namespace conform
