// The boundary around each unit of work of a run (a case, the exploration, a report writer): an
// exception that escapes the unit becomes one line naming it, never std::terminate, so the other
// results stand and every report is still written. Pure.
#pragma once

#include <functional>
#include <string>

#include "run/results.h"

namespace conform {

// The error type of a unit that threw.
constexpr char kInternalErrorType[] = "internal";

// Runs work. Returns true when it finished; otherwise *message is "conform internal error in
// <unit>: what(): <text>; please report it" and false.
bool RunGuarded(const std::string& unit, const std::function<void()>& work, std::string* message);

// Makes `result` an errored testcase saying so (its findings and exchanges stay).
void MarkInternalError(const std::string& message, CaseResult* result);

// The first testcase that ended in an internal error; nullptr if none did.
const CaseResult* FirstInternalError(const RunResult& run);

}  // namespace conform
