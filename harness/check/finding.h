// One evaluated expectation that did not hold: data, not an exception.
#pragma once

#include <string>
#include <vector>

#include "http/http_types.h"
#include "load/case.h"

namespace conform {

struct Finding {
  Level level = Level::kMust;
  std::string rule;      // stable id of the rule broken, e.g. "status", "replace.field-survived"
  std::string step;      // which request, e.g. "step 1 (update)"
  std::string pointer;   // JSON pointer into the body concerned, if any
  std::string expected;
  std::string actual;
  std::string message;   // one line a person can act on
};

// "[must] step 1 (update): replace.field-survived at /endpoint: message"
std::string FindingLine(const Finding& f);

// A finding with what every finding has; pointer, expected and actual are set by the caller.
Finding MakeFinding(Level level, std::string step, std::string rule, std::string message);

// A 503 that conform retried: a note, because a retry that recovers is the service saying "not
// now" (docs/contract.md section 5); a 503 that outlasts the retries is judged as any answer.
Finding UnavailableNote(const std::string& step, const HttpResponse& answer);

// The first must-level finding at or after index `from`; nullptr if there is none.
const Finding* FirstMust(const std::vector<Finding>& findings, size_t from = 0);

}  // namespace conform
