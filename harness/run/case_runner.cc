// The life of one case: skipped when it needs what the run lacks, else variables, setup, steps
// and cleanup (run/case_execution.h), then its outcome.
#include "run/case_runner.h"

#include <chrono>

#include "run/boundary.h"
#include "run/case_execution.h"

namespace conform {
namespace {

bool Missing(const Case& c, const RunSettings& settings, std::string* reason) {
  for (const std::string& need : c.requires_values) {
    if (need == "token" && settings.credentials.token.empty()) *reason = "needs --token";
    if (need == "readonly_token" && settings.credentials.readonly_token.empty()) *reason = "needs --readonly-token";
  }
  return !reason->empty();
}

}  // namespace

CaseResult CaseRunner::Run(const Case& c, Transport& transport, RequestGate& gate) {
  const auto start = std::chrono::steady_clock::now();
  CaseState state;
  state.kase = &c;
  state.result = ResultFor(c);
  CaseResult& r = state.result;
  std::string reason;
  if (Missing(c, settings_, &reason)) {
    r.outcome = Outcome::kSkipped;
    r.error_message = reason;
    return r;
  }
  Execution run(settings_, schemas_, redactor_, &state, transport, gate);
  // A bug of conform's in the steps still lets cleanup run, and either ends this case only.
  std::string internal;
  const bool steps_done = RunGuarded("case " + c.id, [&] {
    if (!run.InitVariables() || !run.RunSetup()) return;
    for (size_t i = 0; i < c.steps.size(); ++i) {
      if (!run.RunStep(i, c.steps[i])) break;
    }
  }, &internal);
  std::string cleanup_internal;
  const bool cleanup_done = RunGuarded("the cleanup of case " + c.id, [&] { run.Cleanup(); }, &cleanup_internal);
  RedactFindings(*redactor_, &r.findings);
  r.outcome = DecideOutcome(r, settings_.strict);
  if (!steps_done || !cleanup_done) {
    MarkInternalError(redactor_->Text(steps_done ? cleanup_internal : internal), &r);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
  }
  if (!state.skip_reason.empty() && r.outcome != Outcome::kFailed && r.outcome != Outcome::kError) {
    r.outcome = Outcome::kSkipped;
    r.error_message = redactor_->Text(state.skip_reason);
  }
  if (r.outcome == Outcome::kError && r.error_type.empty()) {
    std::string names;
    for (const std::string& n : r.leftovers) names += (names.empty() ? "" : ", ") + n;
    r.error_type = "cleanup";
    r.error_message = "cleanup could not delete: " + redactor_->Text(names);
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace conform
