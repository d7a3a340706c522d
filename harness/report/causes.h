// Root causes before symptoms: when several cases fail or error for the same reason (the same
// broken rule, the same setup answer, the same transport error), that reason is listed once with
// how many cases it explains and one example. Every report leads with these. Pure.
#pragma once

#include <string>
#include <vector>

#include "run/results.h"

namespace conform {

struct Cause {
  std::string title;         // "the update merged instead of replacing (fields left out of a PUT survived)"
  int cases = 0;             // how many failed or errored cases it explains
  std::string example_case;  // one of them
  std::string example;       // its first finding or error, one line
};

// Causes shared by at least two failed or errored cases, most cases first. Each such case is
// explained by one cause: its most specific broken rule, or what ended it.
std::vector<Cause> FindCauses(const RunResult& run);

// How many cases failed or errored (what the causes explain a part of).
int FailedOrErrored(const RunResult& run);

}  // namespace conform
