// Helpers of the result types.
#include "run/results.h"

#include <algorithm>

#include "redact/curl_command.h"

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

Exchange RedactedExchange(const std::string& step, CallKind call, const HttpRequest& request,
                          const HttpResponse& response, const nlohmann::json& body, const Redactor& redactor) {
  Exchange x;
  x.curl = CurlCommand(request, redactor);
  x.step = step;
  x.call = call;
  x.request = request;
  x.request.headers = redactor.RedactHeaders(request.headers);
  x.request.body = redactor.Body(request.body);
  x.request.url = redactor.Text(request.url);
  x.response = response;
  x.response.headers = redactor.RedactHeaders(response.headers);
  x.response.body = redactor.Body(response.body, body);
  return x;
}

CaseResult ResultFor(const Case& c) {
  CaseResult r;
  r.id = c.id;
  r.title = c.title;
  r.file = c.file;
  r.level = c.level;
  r.tags = c.tags;
  return r;
}

bool WasNotRun(const CaseResult& c) { return c.error_message.rfind(kNotRun, 0) == 0; }

int RunResult::Count(Outcome outcome) const {
  return static_cast<int>(
      std::count_if(cases.begin(), cases.end(), [&](const CaseResult& c) { return c.outcome == outcome; }));
}

int RunResult::FailedLatencyChecks() const {
  return static_cast<int>(std::count_if(latency_checks.begin(), latency_checks.end(),
                                        [](const LatencyCheck& c) { return !c.passed; }));
}

int RunResult::Retries() const {
  int n = 0;
  for (const CaseResult& c : cases) n += c.retries;
  return n;
}

std::string RunResult::StopName() const {
  switch (stopped) {
    case RunStop::kNone: return "";
    case RunStop::kTargetStoppedAnswering: return "target-stopped-answering";
    case RunStop::kDeadline: return "deadline";
  }
  return "";
}

Outcome DecideOutcome(const CaseResult& r, bool strict) {
  if (!r.error_type.empty()) return Outcome::kError;
  bool must = false, should = false;
  for (const Finding& f : r.findings) {
    if (f.level == Level::kMust) must = true;
    if (f.level == Level::kShould) should = true;
  }
  if (must || (should && strict)) return Outcome::kFailed;
  if (!r.leftovers.empty()) return Outcome::kError;
  return should ? Outcome::kWarned : Outcome::kPassed;
}

void RedactFindings(const Redactor& redactor, std::vector<Finding>* findings) {
  for (Finding& f : *findings) {
    f.expected = redactor.Text(f.expected);
    f.actual = redactor.Text(f.actual);
    f.message = redactor.Text(f.message);
  }
}

const Exchange* LastAnswerOf(const CaseResult& result, int step) {
  const Exchange* last = nullptr;
  for (const Exchange& x : result.exchanges) {
    // Exactly the step's own label: not its retried answers, nor the reads an oracle or a list
    // walk made after it ("step 1 (update) oracle GET after", "step 2 (list) page 2").
    if (x.step == StepLabel(step, x.call)) last = &x;
  }
  return last;
}

std::string StepLabel(int step, CallKind call) {
  return "step " + std::to_string(step) + " (" + CallKindName(call) + ")";
}

size_t CoveredCount(const std::vector<CoverageRow>& rows) {
  return static_cast<size_t>(std::count_if(rows.begin(), rows.end(), [](const CoverageRow& r) { return r.covered; }));
}

}  // namespace conform
