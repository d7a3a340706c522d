// What running cases produced: outcomes, findings, exchanges (already redacted) and latency.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "check/finding.h"
#include "http/http_types.h"
#include "load/case.h"
#include "run/choice.h"
#include "redact/redactor.h"
#include "stats/latency_by_kind.h"
#include "stats/latency_budget.h"

namespace conform {

enum class Outcome { kPassed, kWarned, kFailed, kError, kSkipped };
const char* OutcomeName(Outcome outcome);

// One request and its answer, as the reports may show them (secrets already hidden).
struct Exchange {
  std::string step;
  CallKind call = CallKind::kGet;
  HttpRequest request;
  HttpResponse response;
  std::string curl;  // a runnable reproduction, secrets as $CONFORM_TOKEN-style variables
};

struct CaseResult {
  std::string id;
  std::string title;
  std::string file;
  Level level = Level::kMust;
  std::vector<std::string> tags;
  Outcome outcome = Outcome::kPassed;
  std::vector<Finding> findings;
  std::string error_type;     // set for kError: a transport error name, "setup" or "cleanup"
  std::string error_message;  // one line; also the reason for kSkipped
  std::vector<Exchange> exchanges;
  std::vector<std::string> leftovers;  // names cleanup could not delete
  double seconds = 0;
  int retries = 0;  // requests repeated after 429 or 503
  LatencyByKind latency;
  int64_t search_size = -1;  // the size a limit search's try sent (run/limit_search.h); -1 for others
};

// Why a run ended before its last case (a signal is RunResult::interrupted).
enum class RunStop { kNone, kTargetStoppedAnswering, kDeadline };

// request and response as the reports may show them: headers, bodies and URL redacted, with a
// curl line. body is the response body parsed (discarded when it is not JSON).
Exchange RedactedExchange(const std::string& step, CallKind call, const HttpRequest& request,
                          const HttpResponse& response, const nlohmann::json& body, const Redactor& redactor);

// What a case's findings, error and leftovers make of it: an error, failed (must-level findings,
// or should-level ones with --strict), warned or passed.
Outcome DecideOutcome(const CaseResult& r, bool strict);

// Hides every secret the redactor knows in the findings' messages, expected and actual values.
void RedactFindings(const Redactor& redactor, std::vector<Finding>* findings);

// An answer that was retried is recorded under its step's label ("step N (call)") with this
// after it; the answer the step was judged by is the last one without it.
constexpr char kRetriedLabel[] = " (retried)";

// The label a step's own request is recorded under: "step 2 (update)".
std::string StepLabel(int step, CallKind call);

// The last answer step `step` (1-based) got to its own request, the one it was judged by; nullptr
// when it was never sent.
const Exchange* LastAnswerOf(const CaseResult& result, int step);

// A result that names its case (id, title, file, level, tags) and holds nothing else yet.
CaseResult ResultFor(const Case& c);

// The error message of a case a stopped run never started begins with this; the rest says why.
constexpr char kNotRun[] = "not run: ";
// Never started: the breaker opened or the deadline passed before its turn.
bool WasNotRun(const CaseResult& c);

// One row of what exploration covered: a pair of consecutive operations, sent and judged, or
// the reason it was not.
struct CoverageRow {
  std::string kind;    // "transition pair"
  std::string name;    // "update→update, the same body"
  bool covered = false;
  std::string reason;  // why not: "no token to be wrong about", "the exploration ended first", ...
};

// How many of `rows` were covered.
size_t CoveredCount(const std::vector<CoverageRow>& rows);

struct RunResult {
  std::string target;
  std::string run_id;
  std::string timestamp;  // UTC, "YYYY-MM-DDTHH:MM:SS"
  std::string hostname;
  std::string seed;       // exploration's, as --seed takes it; empty when nothing was explored
  bool strict = false;
  bool insecure = false;      // TLS verification was off: every report says so
  bool interrupted = false;   // a signal stopped the run early
  double seconds = 0;
  std::vector<CaseResult> cases;
  LatencyByKind latency;
  std::vector<LatencyCheck> latency_checks;  // budgets and baseline comparisons
  std::vector<Choice> choices;  // what the cases observed where the contract is free: shown, never judged
  std::vector<CoverageRow> coverage;  // what exploration covered; empty when nothing was explored
  int repeat = 1;             // runs of each case that count
  int warmup = 0;             // discarded runs of each case before those
  int responses = 0;          // HTTP answers received, of any status
  int transport_errors = 0;
  RunStop stopped = RunStop::kNone;
  std::string stop_message;   // why, when stopped: "the target stopped answering (...)"

  int Count(Outcome outcome) const;
  int FailedLatencyChecks() const;
  // Requests repeated after 429 or 503 in the cases reported (setup and cleanup included).
  int Retries() const;
  // "target-stopped-answering", "deadline"; empty when the run went to its end.
  std::string StopName() const;
  // Nothing answered at all: the target is unreachable.
  bool Unreachable() const { return responses == 0 && transport_errors > 0; }
};

}  // namespace conform
