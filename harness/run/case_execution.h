// One run of one case, step by step: the requests it sends through the run's gate, the checks
// and oracles it applies, and the names it owns for cleanup. Internal to run/ (CaseRunner is the
// way in), and split by kind of work: case_execution.cc (variables, setup, plain steps,
// cleanup), list_step.cc (walks through the list's pages), parallel_step.cc (groups of
// concurrent requests).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/create_oracle.h"
#include "check/expectations.h"
#include "check/list_contents.h"
#include "check/replace_oracle.h"
#include "http/guarded_transport.h"
#include "run/case_runner.h"

namespace conform {

// Everything one case run accumulates.
struct CaseState {
  const Case* kase = nullptr;
  Variables vars;
  CaseResult result;
  std::vector<std::string> owned_names;  // in first-touched order
  bool broken = false;                   // a transport or setup error ended the case
  std::string skip_reason;               // set when the case must not go on (a foreign name exists)
  std::vector<std::string> seen_absent;  // names without the run's prefix that the guard GET found free
};

// Adds a name to the case's ledger (the names cleanup deletes), once.
void Own(CaseState* s, const std::string& name);

// The body's externalDatabaseConnection, if it is an object.
const nlohmann::json* BodyConnection(const std::optional<nlohmann::json>& body);

// The body's externalDatabaseConnection.name, if it is a string.
std::string BodyName(const std::optional<nlohmann::json>& body);

// The expectation with ${variables} expanded in its values, pointers and names.
bool ExpandExpectation(const Expectation& in, const Variables& vars, Expectation* out, std::string* err);

class Execution {
 public:
  Execution(const RunSettings& settings, const SchemaRegistry& schemas, Redactor* redactor, CaseState* state,
            Transport& transport, RequestGate& gate)
      : settings_(settings),
        schemas_(schemas),
        redactor_(redactor),
        s_(state),
        gate_(gate),
        transport_(transport, gate, [this](const HttpRequest& sent, const HttpResponse& answer) { OnRetry(sent, answer); }) {}

  bool InitVariables();

  bool RunSetup();

  bool RunStep(size_t index, const Step& step);

  // Cleanup goes on after a stop (breaker, deadline, signal) as far as the gate allows.
  void Cleanup();

 private:
  // Sends and records one request through the gate (paced, retried on 429/503, stopped by the
  // breaker, the deadline or a signal) and classifies the answer. false (and the case is an
  // error) when no usable answer came back.
  bool Send(const std::string& step, CallKind call, const HttpRequest& request, HttpResponse* response);

  // Sends a group at once (each request admitted by the gate, then all overlapping) and records
  // every answer. false when any answer is unusable (the case becomes an error).
  bool SendGroup(const std::string& label, const std::vector<std::string>& steps, const std::vector<CallKind>& calls,
                 const std::vector<HttpRequest>& requests, std::vector<HttpResponse>* responses);

  // Records an answer and classifies it: false (and the case is an error) when no usable answer
  // came back.
  bool Accept(const std::string& step, CallKind call, const HttpRequest& sent, const HttpResponse& response);

  // A parallel step (parallel_step.cc): round after round, prepare, send the group at once,
  // read the connection back, and judge the round with the group's oracle. The rounds stop at
  // the first that fails at must level; a passing round's exchanges are dropped (the last
  // round's are kept as a sample) so reports show the group that broke.
  bool RunParallel(size_t index, const ParallelGroup& group);
  // *last: the state the round before left, updated to this round's.
  bool RunRound(const std::string& label, const ParallelGroup& group, int round, int writers,
                std::optional<Snapshot>* last);
  bool PrepareRound(const std::string& label, const ParallelGroup& group);

  // A body that should be JSON and isn't is the environment's fault (a proxy's error page, a
  // wrong URL), not a contract finding: the case becomes an error naming the URL.
  bool Classify(const HttpRequest& request, const HttpResponse& response, const nlohmann::json& body);

  // body: the response body parsed (discarded when it is not JSON).
  void Record(const std::string& step, CallKind call, const HttpRequest& request, const HttpResponse& response,
              const nlohmann::json& body);

  // Each answer the gate is about to retry is kept, and a retry never hides a contract finding:
  // a 503 is reported even if the retry succeeds.
  void OnRetry(const HttpRequest& sent, const HttpResponse& answer);

  // A cleanup answer gets the checks every answer gets; it is kept in the report only when they
  // find something, so passing cases stay short.
  void CheckCleanupAnswer(const HttpRequest& request, const HttpResponse& response);

  // The checks every answer gets, and for a list the checks of a page against what it asked.
  void CheckAnswer(const Observed& observed, const HttpRequest& request, const std::string& schema, bool allow_5xx);

  // When a list step's expectations name connections to find (listed) or not (unlisted), walks
  // the pages and judges them, and what they show of the case's own connections. What is judged
  // wrong is walked and judged again until the settle window (--list-settle) has passed, and only
  // what the last walk still shows is reported: a real service's list may lag a moment behind a
  // write, and other clients' creates and deletes shift the pages.
  bool JudgeList(const std::string& label, const HttpRequest& request, const Observed& first, const Step& step);

  // Each own connection the walk showed must show what a GET of its name shows now
  // (list.view-stale). With `check`, the GETs' answers get the checks every answer gets.
  bool JudgeViews(const std::string& label, const ListWalk& walk, bool check, std::vector<Finding>* found);

  // Pages through the list from `request`'s page (whose body is `first`, or fetched when none),
  // moving paging.offset by each page's length, until a page is empty, pagingMetadata.total is
  // reached, a page repeats the one before, or kMaxListPages is reached. A page shorter than
  // paging.limit does not end the walk: a server may cap its pages below the limit asked for.
  // With `check_pages` every page gets the checks every answer gets (a second walk would only
  // repeat them). The connections of the `own` names are kept in walk->shown.
  bool WalkList(const std::string& label, const HttpRequest& request, std::optional<nlohmann::json> first,
                bool check_pages, const std::set<std::string>& own, ListWalk* walk);

  // Whatever a 2xx create made is this case's to delete, also under a name the server chose.
  void OwnCreated(const nlohmann::json& body);

  CreateInput CreateInputOf(const std::string& name, const Snapshot& before, const HttpResponse& response,
                            const Observed& observed, const Snapshot& after) const;

  static nlohmann::json ParseBody(const HttpResponse& response);

  bool Error(const std::string& type, const std::string& message);

  // Builds the request and records the names it touches; *name gets the expanded connection name.
  bool Build(const RequestSpec& spec, HttpRequest* request, std::string* name = nullptr);

  // A name without the run's prefix (a one-character name cannot carry it) may be somebody
  // else's: before the case first touches it, a GET must not find it. If it exists, the case
  // is skipped and the name is neither changed nor deleted.
  bool ReuseRefused(const Step& step, const std::string& name, int status, const std::string& label);
  bool MayTouch(const std::string& name);

  // A GET of `name`; with `check` its answer gets the checks every answer gets.
  bool Read(const std::string& label, const std::string& name, Snapshot* out, bool check = true);

  bool Evaluate(const std::optional<Expectation>& e, Level level, const Observed& observed);

  void Append(std::vector<Finding> findings);

  static void Append(std::vector<Finding> findings, std::vector<Finding>* out);

  const RunSettings& settings_;
  const SchemaRegistry& schemas_;
  Redactor* redactor_;
  CaseState* s_;
  RequestGate& gate_;
  GuardedTransport transport_;
  std::string sending_step_;  // the request in flight, for OnRetry
  CallKind sending_call_ = CallKind::kGet;
  std::optional<nlohmann::json> last_body_;
};

}  // namespace conform
