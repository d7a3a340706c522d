#include "run/boundary.h"

#include <exception>

namespace conform {

bool RunGuarded(const std::string& unit, const std::function<void()>& work, std::string* message) {
  std::string what;
  try {
    work();
    return true;
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
    what = "an exception that is not a std::exception";
  }
  *message = "conform internal error in " + unit + ": what(): " + what + "; please report it";
  return false;
}

void MarkInternalError(const std::string& message, CaseResult* result) {
  result->outcome = Outcome::kError;
  result->error_type = kInternalErrorType;
  result->error_message = message;
}

const CaseResult* FirstInternalError(const RunResult& run) {
  for (const CaseResult& c : run.cases) {
    if (c.error_type == kInternalErrorType) return &c;
  }
  return nullptr;
}

}  // namespace conform
