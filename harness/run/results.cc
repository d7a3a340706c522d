// Helpers of the result types.
#include "run/results.h"

#include <algorithm>

namespace conform {

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPassed: return "passed";
    case Outcome::kWarned: return "warned";
    case Outcome::kFailed: return "failed";
    case Outcome::kError: return "error";
    case Outcome::kSkipped: return "skipped";
  }
  return "error";
}

int RunResult::Count(Outcome outcome) const {
  return static_cast<int>(
      std::count_if(cases.begin(), cases.end(), [&](const CaseResult& c) { return c.outcome == outcome; }));
}

int RunResult::FailedLatencyChecks() const {
  return static_cast<int>(std::count_if(latency_checks.begin(), latency_checks.end(),
                                        [](const LatencyCheck& c) { return !c.passed; }));
}

}  // namespace conform
