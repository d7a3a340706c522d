// One exploration: generate (or take) a sequence, send it, judge each answer against the
// reference, clean up on both.
#include "explore/explorer.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <map>
#include <set>

#include "check/expectations.h"
#include "check/json_match.h"
#include "check/list_page.h"
#include "check/list_view.h"
#include "check/name_relations.h"
#include "check/replace_oracle.h"
#include "contract/connection_rules.h"
#include "explore/credential_judgement.h"
#include "explore/list_judgement.h"
#include "explore/reference.h"
#include "explore/state_judgement.h"
#include "explore/status_rules.h"
#include "explore/target_questions.h"
#include "explore/transition_coverage.h"
#include "http/curl_transport.h"
#include "http/guarded_transport.h"
#include "run/boundary.h"
#include "run/case_execution.h"
#include "run/list_settle.h"
#include "run/list_walker.h"
#include "run/request_builder.h"
#include "text/json_text.h"
#include "text/utf8.h"

namespace conform {
namespace {

// Only the last few exchanges are kept: a divergence shows the calls that led to it.
constexpr size_t kKeptExchanges = 12;

class Exploration {
 public:
  Exploration(const ExploreSettings& explore, const RunSettings& run, const SchemaRegistry& schemas, Transport& transport,
              RequestGate& gate, Redactor* redactor)
      : explore_(explore),
        run_(run),
        schemas_(schemas),
        gate_(gate),
        transport_(transport, gate,
                   [this](const HttpRequest&, const HttpResponse& answer) {
                     if (answer.status == 503) out_.result.findings.push_back(UnavailableNote(sending_step_, answer));
                   }),
        redactor_(redactor),
        questions_(run, schemas,
                   [this](const std::string& step, CallKind call, const HttpRequest& request, HttpResponse* response) {
                     return Send(step, call, request, response);
                   },
                   [this](const std::string& name) { Touch(name); }, &out_.result.findings,
                   NamePrefix(run.run_id) + explore.names + "-probe"),
        reference_transport_(explore.reference_curl),
        reference_gate_(run.gate),
        reference_(explore.reference_url.empty()
                       ? ModelReference()
                       : RemoteReference(explore.reference_url, run.credentials, reference_transport_, reference_gate_)) {
    vars_.Set("name", NamePrefix(run.run_id) + explore.names);
    vars_.Set("run_id", run.run_id);
  }

  ExploreOutcome Run() {
    ValueGenerator values(explore_.seed);
    // Bad credentials only when the target has a token to be wrong about.
    const CredentialMix credentials{!run_.credentials.token.empty(), !run_.credentials.readonly_token.empty()};
    out_.sequence = GenerateOperations(explore_.operations, &values, credentials);
    out_.classes_covered = AllValueClasses().size() - values.Undrawn();
    const std::vector<Operation> planned = out_.sequence;
    progress_ = explore_.progress;
    ExploreOutcome outcome = RunSequence();
    if (progress_) progress_->finished = true;
    const std::string ended = FirstMust(outcome.result.findings) ? "the exploration ended at its first divergence"
                                                                 : "the exploration ended first";
    outcome.coverage = TransitionCoverage(planned, outcome.sent, credentials.bad, ended);
    return outcome;
  }

  ExploreOutcome Run(std::vector<Operation> sequence) {
    out_.sequence = std::move(sequence);
    return RunSequence();
  }

 private:
  ExploreOutcome RunSequence() {
    const auto start = std::chrono::steady_clock::now();
    out_.result.id = explore_.label;
    out_.result.title = "exploration: " + std::to_string(explore_.operations) + " operations, seed " +
                        std::to_string(explore_.seed);
    out_.result.tags = {"explore"};
    size_t i = 0;
    // A bug of conform's ends the exploration as an error; its names are still cleaned up.
    std::string internal;
    RunGuarded("the exploration (seed " + std::to_string(explore_.seed) + ")", [&] {
      for (; i < out_.sequence.size(); ++i) {
        if (!Step(i, out_.sequence[i]) || FirstMust(out_.result.findings) || unaligned_) break;
      }
    }, &internal);
    if (i < out_.sequence.size()) out_.sequence.resize(i + 1);
    // What was sent, not what was planned: a divergence ends the exploration early.
    if (out_.sent < explore_.operations) {
      out_.result.title = "exploration: " + std::to_string(out_.sent) + " of " + std::to_string(explore_.operations) +
                          " operations, seed " + std::to_string(explore_.seed);
    }
    Cleanup();
    Conclude();
    if (!internal.empty()) MarkInternalError(redactor_->Text(internal), &out_.result);
    out_.result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return std::move(out_);
  }

  // Sends operation i and judges it; false when the target gave no usable answer.
  bool Step(size_t i, const Operation& op) {
    const std::string label = "operation " + std::to_string(i + 1) + " (" + op.what + ")";
    HttpRequest request;
    std::optional<nlohmann::json> body;
    std::string err;
    if (!BuildRequest(op.request, vars_, run_.base_url, run_.credentials, &request, &body, &err)) {
      return Fail("setup", err);
    }
    // The secrets this run sends (configuration.secretKey), as generated: a replay's shrunk
    // value is a fragment of one, and hunting fragments would find them in ordinary words.
    if (body && explore_.learn_secrets) redactor_->LearnFromJson(*body);
    std::string name;
    vars_.Expand(op.request.name, &name, &err);
    if (name.empty() && op.request.call == CallKind::kCreate) name = BodyName(body);
    Touch(name);
    HttpResponse response;
    if (!Send(label, op.request.call, request, &response)) return false;
    ++out_.sent;
    if (progress_) progress_->sent.fetch_add(1, std::memory_order_relaxed);
    const Observed observed = Observe(op.request.call, label, response);
    CheckResponse(observed, schemas_, "", false, &out_.result.findings);

    known_.clear();  // the reference's states change with this operation
    const Reply expected = reference_->Apply(op.request, vars_, name, body);
    if (!reference_->Failure().empty()) return Fail("reference", reference_->Failure());
    if (!JudgeStatus(label, op, name, body, expected.status, response.status)) return false;
    // The model can no longer follow the target (names it conflates, a refusal it cannot undo).
    if (unaligned_) return true;
    if (op.request.call == CallKind::kDelete && expected.status / 100 == 2) deleted_.insert(name);
    JudgeAnswer(label, op.request.call, name, observed);
    if (unaligned_) return true;
    // A call with refused credentials changes nothing: the state after is judged, not its answer.
    const bool refused = CredentialRefusal(op.request.auth, op.request.call) != 0 || ReadOnlyReadRefused(op.request.auth, op.request.call, response.status);
    if (op.request.call == CallKind::kList) return refused || JudgeList(label, request, observed);
    if (op.request.call == CallKind::kGet && !refused) return JudgeState(label, name, response, observed);
    return CheckStored(label, name);
  }

  // false when the target gave no usable answer to a GET or probe the judgement sent.
  bool JudgeStatus(const std::string& label, const Operation& op, const std::string& name,
                   const std::optional<nlohmann::json>& body, int expected, int actual) {
    questions_.SetStep(label);  // the GETs and probes below belong to this operation
    // Before the status classes: which 4xx refuses credentials is documented, not any 4xx.
    if (CredentialRefusal(op.request.auth, op.request.call) != 0) {
      const bool held = !name.empty() && ReferenceState(name).status == 200;
      CredentialAnswer answer;
      if (!CredentialAnswerOf(op.request.call, name, held, body, actual, questions_, &answer)) return false;
      if (auto f = CredentialsFinding(label, op.request.auth, op.request.call, answer, actual)) {
        out_.result.findings.push_back(*f);
      }
      return true;
    }
    if (SameStatusMeaning(expected, actual)) return true;
    if (ExistenceDiffers(expected, actual)) {
      // The target holds the name where the model does not, or the reverse: did it take the name
      // for another? A GET of it shows which connection it reaches.
      std::string reached;
      if (!questions_.NameReached(name, &reached)) return false;
      // A delete leaves nothing to GET: which related connection did it take with it?
      const auto holds = [this](const std::string& other) { return ReferenceState(other).status == 200; };
      if (reached.empty() && op.request.call == CallKind::kDelete && !questions_.RelatedNameGone(name, touched_, holds, &reached)) {
        return false;
      }
      if (!reached.empty() && reached != name) {
        Conflated(label, name, reached);
        return true;
      }
    }
    // The rest is the table's (explore/status_rules.h), walked in its order.
    const StatusDivergence divergence{op.request.call,
                                      op.request.auth,
                                      name,
                                      expected,
                                      actual,
                                      ReferenceState(name).status == 200,
                                      op.request.call == CallKind::kCreate && deleted_.count(name) > 0,
                                      PageLimitOf(op)};
    StatusRuling ruling;
    if (!JudgeStatusDivergence(divergence, questions_, &ruling)) return false;
    Finding f = MakeFinding(ruling.level, label, ruling.rule, ruling.message);
    f.pointer = ruling.pointer;
    f.expected = std::to_string(expected);
    f.actual = std::to_string(actual);
    out_.result.findings.push_back(f);
    if (ruling.forget_write) ForgetRefusedWrite();
    if (ruling.unaligned) unaligned_ = true;
    return true;
  }

  // One side says the name exists (2xx, or 409 on a create) and the other that it does not (404).
  static bool ExistenceDiffers(int expected, int actual) {
    const auto holds = [](int status) { return status / 100 == 2 || status == 409; };
    return (expected == 404 && holds(actual)) || (holds(expected) && actual == 404) ||
           (expected / 100 == 2 && actual == 409) || (expected == 409 && actual / 100 == 2);
  }

  // An operation on `sent` reached the connection `reached`: the finding names the class of the
  // bug. Case and normalization are the server's choice [I]: the model keeps names exact, so it
  // cannot follow the target past one and the exploration ends there.
  void Conflated(const std::string& label, const std::string& sent, const std::string& reached) {
    Finding f = ConflationFinding(label, sent, reached);
    if (f.level != Level::kMust) {
      f.message += "; exploration stops here, as the contract's model keeps names exact";
      unaligned_ = true;
    }
    out_.result.findings.push_back(f);
  }

  // The reference takes back a write the target refused. A second target cannot: the exploration
  // ends here rather than compare states that no longer start alike.
  void ForgetRefusedWrite() {
    if (!reference_->Undo()) unaligned_ = true;
    known_.clear();
  }

  static std::string PageLimitOf(const Operation& op) {
    for (const auto& [key, value] : op.request.query) {
      if (key == "paging.limit") return value;
    }
    return "(none)";
  }

  // A 2xx create or update answers with the connection as now stored: the model's.
  void JudgeAnswer(const std::string& label, CallKind call, const std::string& name, const Observed& observed) {
    if ((call != CallKind::kCreate && call != CallKind::kUpdate) || observed.response->status / 100 != 2) return;
    const Reply& model = ReferenceState(name);
    const Snapshot answered = MakeSnapshot(observed.response->status, observed.body);
    if (model.status != 200 || !answered.connection) return;  // a status finding, or the schema's, says it
    const std::string reached = NameOf(*answered.connection);
    if (!reached.empty() && reached != name) return Conflated(label, name, reached);
    const Snapshot want = MakeSnapshot(model.status, model.body);
    if (auto f = AnswerFinding(label, want, answered)) out_.result.findings.push_back(*f);
  }

  // After a mutation: a GET of the name must show what the model holds.
  bool CheckStored(const std::string& label, const std::string& name) {
    if (name.empty()) return true;
    HttpResponse response;
    const std::string step = label + " GET after";
    if (!Send(step, CallKind::kGet, NameRequest("GET", run_.base_url, name, run_.credentials), &response)) return false;
    const Observed observed = Observe(CallKind::kGet, step, response);
    CheckResponse(observed, schemas_, "", false, &out_.result.findings);
    return JudgeState(step, name, response, observed);
  }

  bool JudgeState(const std::string& step, const std::string& name, const HttpResponse& response, const Observed& observed) {
    const Reply& model = ReferenceState(name);
    const Snapshot want = MakeSnapshot(model.status, model.body);
    const Snapshot got = MakeSnapshot(response.status, observed.body);
    // A connection under another name: the name reached the wrong one (its class says how).
    const std::string reached = got.connection ? NameOf(*got.connection) : "";
    if (!reached.empty() && reached != name) {
      Conflated(step, name, reached);
      return true;
    }
    if (auto f = StoredStateFinding(step, name, want, got, &unaligned_)) out_.result.findings.push_back(*f);
    return true;
  }

  // The pool's names: listed exactly when the model holds them, showing what it holds (others on
  // the target are not judged), walked by the one list walker. What diverges is walked again
  // until the settle window has passed before it is reported: a list may lag a write for a moment.
  bool JudgeList(const std::string& step, const HttpRequest& request, const Observed& observed) {
    if (!observed.body || observed.response->status != 200) return true;  // its own findings say why
    // A page from an offset past 0 shows only the rest: the names are judged over a walk from 0,
    // with the same page size.
    const bool from_start = PageRequestOf(request.url).offset == 0;
    const HttpRequest start = from_start ? request : ListPageRequest(request, 0);
    const ModelState model = [this](const std::string& name) -> const Reply& { return ReferenceState(name); };
    const ListJudgement judge = [&](int walk_number, std::vector<Finding>* diverged) {
      ListWalk walk;
      std::optional<nlohmann::json> first = walk_number == 1 && from_start ? observed.body : std::nullopt;
      if (!WalkList(WalkLabel(step, walk_number), start, std::move(first), ListFetcher(), touched_, &walk)) return false;
      if (!walk.truncated) *diverged = ListDivergences(step, walk, touched_, model);  // else a page that is no list: its findings say so
      return true;
    };
    std::vector<Finding> diverged;
    if (!JudgeSettled(run_.list_settle_us, gate_, judge, &diverged)) return false;
    for (Finding& f : diverged) out_.result.findings.push_back(std::move(f));
    return true;
  }

  PageFetcher ListFetcher() {
    return [this](const std::string& label, const HttpRequest& page, std::optional<nlohmann::json>* body) {
      HttpResponse next;
      if (!Send(label, CallKind::kList, page, &next)) return false;
      const Observed o = Observe(CallKind::kList, label, next);
      CheckResponse(o, schemas_, "", false, &out_.result.findings);
      // Every page answers 200 in the contract (and the model): one that does not is a divergence,
      // and is not read as a list.
      if (!SameStatusMeaning(200, next.status)) return PageDiverged(label, next.status);
      if (next.status == 200 && o.body) *body = o.body;
      return true;
    };
  }

  // A later page of the list that answered otherwise than 200.
  bool PageDiverged(const std::string& label, int status) {
    Finding f = MakeFinding(Level::kMust, label, "explore.status-diverged",
                            "a later page of the list answered otherwise than the contract's model");
    f.expected = "200";
    f.actual = std::to_string(status);
    out_.result.findings.push_back(f);
    return true;
  }

  // Keeps the exchange raw; only the last kKeptExchanges are redacted, at the end (redacting a
  // 64 KB body for every request would cost more than sending it).
  bool Send(const std::string& step, CallKind call, const HttpRequest& request, HttpResponse* response) {
    sending_step_ = step;
    *response = transport_.Send(request);
    recent_.push_back({step, call, request, *response});
    if (recent_.size() > kKeptExchanges) recent_.pop_front();
    if (response->ok()) out_.result.latency[call].Record(response->timings.total_us);
    if (response->ok()) return true;
    return Fail(TransportErrorName(response->error), redactor_->Text(response->error_message));
  }

  // The reference's state of a name, read once per operation: the answer, the state after and
  // the list all compare with it.
  const Reply& ReferenceState(const std::string& name) {
    auto it = known_.find(name);
    if (it == known_.end()) it = known_.emplace(name, reference_->Get(name)).first;
    return it->second;
  }

  // A name to delete on the way out, on the target and the reference; a list names none.
  void Touch(const std::string& name) {
    if (name.empty() || !touched_.insert(name).second) return;
    PublishLedger(std::vector<std::string>(touched_.begin(), touched_.end()));
  }

  bool Fail(const std::string& type, const std::string& message) {
    out_.result.error_type = type;
    out_.result.error_message = message;
    return false;
  }

  void Cleanup() {
    reference_->Cleanup(touched_);
    for (const std::string& name : touched_) {
      if (name.empty()) continue;
      HttpRequest request = NameRequest("DELETE", run_.base_url, name, run_.credentials);
      request.cleanup = true;
      const HttpResponse response = transport_.Send(request);
      if (!CleanupLeftNothing(transport_, request, response)) out_.result.leftovers.push_back(name);
    }
    PublishLedger({});
  }

  void Conclude() {
    CaseResult& r = out_.result;
    for (const Sent& x : recent_) {
      const nlohmann::json body = x.response.body.empty() ? nlohmann::json() : ParseJsonText(x.response.body);
      r.exchanges.push_back(RedactedExchange(x.step, x.call, x.request, x.response, body, *redactor_));
    }
    RedactFindings(*redactor_, &r.findings);
    r.outcome = DecideOutcome(r, run_.strict);
    const Finding* first_must = FirstMust(r.findings);
    if (r.outcome == Outcome::kFailed && first_must) r.id = explore_.label + "/" + first_must->rule;
  }

  const ExploreSettings& explore_;
  const RunSettings& run_;
  const SchemaRegistry& schemas_;
  RequestGate& gate_;  // the settle window's waits are the run's, cut short by its deadline
  ExploreOutcome out_;  // before the members whose callbacks write findings into it
  GuardedTransport transport_;
  Redactor* redactor_;
  TargetQuestions questions_;  // the GETs and probes that judging sends
  Variables vars_;
  CurlTransport reference_transport_;
  RequestGate reference_gate_;
  std::unique_ptr<Reference> reference_;
  bool unaligned_ = false;  // the reference could not undo a write the target refused
  std::string sending_step_;  // the step a retried answer belongs to
  std::set<std::string> touched_;
  std::set<std::string> deleted_;  // names the sequence deleted (re-creating one is a reuse)
  std::map<std::string, Reply> known_;  // ReferenceState's reads since the last operation
  struct Sent {
    std::string step;
    CallKind call;
    HttpRequest request;
    HttpResponse response;
  };
  std::deque<Sent> recent_;  // the last exchanges, redacted into the result at the end
  ExploreProgress* progress_ = nullptr;  // set for a generated run, not for a replay
};

}  // namespace

bool SameStatusMeaning(int model_status, int target_status) {
  if (model_status == 404 || target_status == 404) return model_status == target_status;
  return model_status / 100 == target_status / 100;
}

ExploreOutcome Explore(const ExploreSettings& explore, const RunSettings& run, const SchemaRegistry& schemas,
                       Transport& transport, RequestGate& gate, Redactor* redactor) {
  return Exploration(explore, run, schemas, transport, gate, redactor).Run();
}

ExploreOutcome Replay(const std::vector<Operation>& sequence, const ExploreSettings& explore, const RunSettings& run,
                      const SchemaRegistry& schemas, Transport& transport, RequestGate& gate, Redactor* redactor) {
  return Exploration(explore, run, schemas, transport, gate, redactor).Run(sequence);
}

}  // namespace conform
