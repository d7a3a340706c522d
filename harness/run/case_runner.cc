// The life of one case. Findings are collected, never thrown; transport failures end the case
// as an error but cleanup still runs.
#include "run/case_runner.h"

#include <strings.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <memory>

#include "check/create_oracle.h"
#include "check/expectations.h"
#include "check/list_contents.h"
#include "check/list_page.h"
#include "check/replace_oracle.h"
#include "http/guarded_transport.h"
#include "http/utf8.h"

namespace conform {
namespace {

// A walk through the list stops here: 100 pages of a site's connections is far more than a site
// holds, and bounds the requests a list with a broken offset can cost.
constexpr int kMaxListPages = 100;

// Everything one case run accumulates.
struct CaseState {
  const Case* kase = nullptr;
  Variables vars;
  CaseResult result;
  std::vector<std::string> owned_names;  // in first-touched order
  bool broken = false;                   // a transport or setup error ended the case
  std::string skip_reason;               // set when the case must not go on (a foreign name exists)
};

// Snapshots of the ledger as text, published for a signal handler to print. Old snapshots stay
// alive a while, so a handler reading one while the next is published never reads freed memory.
constexpr size_t kSnapshots = 8;
std::array<std::unique_ptr<std::string>, kSnapshots> g_snapshots;
std::atomic<const std::string*> g_ledger{nullptr};
size_t g_next_snapshot = 0;

void PublishLedger(const std::vector<std::string>& names) {
  auto text = std::make_unique<std::string>();
  for (const std::string& n : names) *text += "  " + n + "\n";
  g_ledger.store(text.get());
  g_snapshots[g_next_snapshot++ % kSnapshots] = std::move(text);
}

void Own(CaseState* s, const std::string& name) {
  if (!name.empty() && std::find(s->owned_names.begin(), s->owned_names.end(), name) == s->owned_names.end()) {
    s->owned_names.push_back(name);
    PublishLedger(s->owned_names);
  }
}

// The body's externalDatabaseConnection, if it is an object.
const nlohmann::json* BodyConnection(const std::optional<nlohmann::json>& body) {
  if (!body || !body->is_object()) return nullptr;
  auto c = body->find("externalDatabaseConnection");
  return c != body->end() && c->is_object() ? &*c : nullptr;
}

// The body's externalDatabaseConnection.name, if it is a string.
std::string BodyName(const std::optional<nlohmann::json>& body) {
  const nlohmann::json* c = BodyConnection(body);
  if (!c) return "";
  auto n = c->find("name");
  return n != c->end() && n->is_string() ? n->get<std::string>() : "";
}

bool ExpandExpectation(const Expectation& in, const Variables& vars, Expectation* out, std::string* err) {
  Expectation e = in;
  if (in.json_subset) {
    nlohmann::json expanded;
    if (!vars.ExpandJson(*in.json_subset, &expanded, err)) return false;
    e.json_subset = expanded;
  }
  e.pointers.clear();
  for (const auto& [pointer, value] : in.pointers) {
    std::string p;
    nlohmann::json v;
    if (!vars.Expand(pointer, &p, err) || !vars.ExpandJson(value, &v, err)) return false;
    e.pointers[p] = v;
  }
  for (std::vector<std::string>* texts : {&e.absent, &e.listed, &e.unlisted}) {
    for (std::string& text : *texts) {
      if (!vars.Expand(text, &text, err)) return false;
    }
  }
  *out = std::move(e);
  return true;
}

}  // namespace

const std::string* LedgerSnapshot() { return g_ledger.load(); }

namespace {

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

  bool InitVariables() {
    Variables& v = s_->vars;
    v.Set("name", NamePrefix(settings_.run_id) + s_->kase->id);
    v.Set("run_id", settings_.run_id);
    v.Set("case_id", s_->kase->id);
    v.Set("token", settings_.credentials.token);
    v.Set("readonly_token", settings_.credentials.readonly_token);
    v.Set("wrong_token", settings_.credentials.wrong_token);
    for (const auto& [name, value_template] : s_->kase->vars) {
      std::string value, err;
      if (!v.Expand(value_template, &value, &err)) return Error("setup", "vars." + name + ": " + err);
      v.Set(name, value);
    }
    return true;
  }

  // Sends and records one request through the gate (paced, retried on 429/503, stopped by the
  // breaker, the deadline or a signal) and classifies the answer. false (and the case is an
  // error) when no usable answer came back.
  bool Send(const std::string& step, CallKind call, const HttpRequest& request, HttpResponse* response) {
    const HttpRequest decorated = Decorate(request);
    sending_step_ = step;
    sending_call_ = call;
    *response = transport_.Send(decorated);
    if (response->error == TransportError::kNotSent) return Error(gate_.StopType(), step + ": " + response->error_message);
    // Parsed once here for the redactor, the record and the classification below.
    const nlohmann::json body = ParseBody(*response);
    Record(step, call, decorated, *response, body);
    if (!response->ok()) return Error(TransportErrorName(response->error), response->error_message);
    if (call == CallKind::kCreate && response->status / 100 == 2) OwnCreated(body);
    return Classify(decorated, *response, body);
  }

  // A body that should be JSON and isn't is the environment's fault (a proxy's error page, a
  // wrong URL), not a contract finding: the case becomes an error naming the URL.
  bool Classify(const HttpRequest& request, const HttpResponse& response, const nlohmann::json& body) {
    if (response.body.empty() || !body.is_discarded()) return true;
    const std::string where = request.method + " " + redactor_->Text(request.url);
    const std::string type = response.Header("Content-Type");
    if (!IsValidUtf8(response.body)) {
      return Error("invalid-utf8", where + ": response body is not valid UTF-8 (" + std::to_string(response.body.size()) +
                                       " bytes, Content-Type " + (type.empty() ? "none" : type) + ")");
    }
    return Error("non-json-response", where + ": answered " + std::to_string(response.status) + " with a body that is not JSON (Content-Type " +
                                          (type.empty() ? "none" : type) + "): " +
                                          redactor_->Text(response.body.substr(0, 60)));
  }

  // body: the response body parsed (discarded when it is not JSON).
  void Record(const std::string& step, CallKind call, const HttpRequest& request, const HttpResponse& response,
              const nlohmann::json& body) {
    for (const auto& [name, value] : request.headers) {
      if (redactor_->IsSecretHeader(name)) redactor_->AddSecret(value);
    }
    if (!response.body.empty() && !body.is_discarded()) redactor_->LearnFromJson(body);
    s_->result.exchanges.push_back(RedactedExchange(step, call, request, response, body, *redactor_));
    if (response.ok() || response.error == TransportError::kRedirect) {
      s_->result.latency[call].Record(response.timings.total_us);
    }
  }

  // Each answer the gate is about to retry is kept, and a retry never hides a contract finding:
  // a 503 is reported even if the retry succeeds.
  void OnRetry(const HttpRequest& sent, const HttpResponse& answer) {
    ++s_->result.retries;
    Record(sending_step_ + " (retried)", sending_call_, sent, answer, ParseBody(answer));
    if (answer.status != 503) return;
    Finding f;
    f.rule = "server-error";
    f.step = sending_step_;
    const std::string after = answer.Header("Retry-After");
    f.message = "answered 503 (retried" + (after.empty() ? std::string() : " after Retry-After: " + after) + ")";
    f.expected = "not 5xx";
    f.actual = "503";
    s_->result.findings.push_back(f);
  }

  HttpRequest Decorate(const HttpRequest& request) const {
    HttpRequest out = request;
    for (const auto& header : settings_.extra_headers) {
      const bool present = std::any_of(out.headers.begin(), out.headers.end(), [&](const auto& h) {
        return strcasecmp(h.first.c_str(), header.first.c_str()) == 0;
      });
      if (!present) out.headers.push_back(header);
    }
    return out;
  }

  bool RunSetup() {
    for (size_t i = 0; i < s_->kase->setup.size(); ++i) {
      const RequestSpec& spec = s_->kase->setup[i];
      const std::string step = "setup " + std::to_string(i + 1) + " (" + CallKindName(spec.call) + ")";
      HttpRequest request;
      HttpResponse response;
      if (!Build(spec, &request)) return false;
      if (!Send(step, spec.call, request, &response)) return false;
      // Held to the same checks as a step's answer: a failing setup is an error of the case, and
      // its findings say why.
      CheckAnswer(Observe(spec.call, step, response), request, "", false);
      if (response.status < 200 || response.status >= 300) {
        return Error("setup", step + " answered " + std::to_string(response.status) + ": " +
                                  response.body.substr(0, 200));
      }
    }
    return true;
  }

  bool RunStep(size_t index, const Step& step) {
    const std::string label = "step " + std::to_string(index + 1) + " (" + CallKindName(step.request.call) + ")";
    HttpRequest request;
    std::string name;
    if (!Build(step.request, &request, &name)) return false;
    if (name.empty()) name = BodyName(last_body_);  // a create names its connection in the body

    Snapshot before;
    if (step.oracle != Oracle::kNone && !Read(label + " oracle GET before", name, &before)) return false;
    HttpResponse response;
    if (!Send(label, step.request.call, request, &response)) return false;

    Observed observed = Observe(step.request.call, label, response);
    const Expectation* declared = step.expect ? &*step.expect : nullptr;
    const bool allow_5xx = declared && std::any_of(declared->status.begin(), declared->status.end(),
                                                   [](const StatusMatcher& m) { return m.code / 100 == 5 || m.code_class == 5; });
    CheckAnswer(observed, request, declared ? declared->schema : "", allow_5xx);
    if (!Evaluate(step.expect, s_->kase->level, observed) || !Evaluate(step.should, Level::kShould, observed)) {
      return false;
    }
    if (step.request.call == CallKind::kList && !JudgeList(label, request, observed, step)) return false;
    if (step.oracle == Oracle::kNone) return true;

    Snapshot after;
    if (!Read(label + " oracle GET after", name, &after)) return false;
    if (step.oracle == Oracle::kCreated) {
      Append(JudgeCreate(CreateInputOf(name, before, response, observed, after), label));
      return true;
    }
    if (step.oracle == Oracle::kUnchanged) {
      Append(JudgeUnchanged(before, after, label));
      return true;
    }
    ReplaceInput in;
    in.path_name = name;
    if (const nlohmann::json* sent = BodyConnection(last_body_)) in.sent = *sent;
    in.before = before;
    in.put_status = response.status;
    in.put_connection = MakeSnapshot(response.status, observed.body).connection;
    in.after = after;
    const std::string body_name = BodyName(last_body_);
    if (!body_name.empty() && body_name != name) {
      Snapshot other;
      if (!Read(label + " oracle GET of body name", body_name, &other)) return false;
      in.body_name_after = other;
    }
    Append(JudgeReplace(in, label));
    return true;
  }

  // Cleanup goes on after a stop (breaker, deadline, signal) as far as the gate allows.
  void Cleanup() {
    for (const std::string& name : s_->owned_names) {
      HttpRequest request = Decorate(NameRequest("DELETE", settings_.base_url, name, settings_.credentials));
      request.cleanup = true;
      sending_step_ = "cleanup";
      sending_call_ = CallKind::kDelete;
      HttpResponse response = transport_.Send(request);
      CheckCleanupAnswer(request, response);
      if (DeleteLeftNothing(response)) continue;
      s_->result.leftovers.push_back(name);
    }
    PublishLedger({});
  }

 private:
  // A cleanup answer gets the checks every answer gets; it is kept in the report only when they
  // find something, so passing cases stay short.
  void CheckCleanupAnswer(const HttpRequest& request, const HttpResponse& response) {
    if (response.status == 0) return;  // no answer: the leftover says so
    const size_t before = s_->result.findings.size();
    CheckResponse(Observe(CallKind::kDelete, "cleanup", response), schemas_, "", false, &s_->result.findings);
    if (s_->result.findings.size() > before) {
      Record("cleanup", CallKind::kDelete, request, response, ParseBody(response));  // latency too
    } else if (response.ok()) {
      s_->result.latency[CallKind::kDelete].Record(response.timings.total_us);
    }
  }

  // The checks every answer gets, and for a list the checks of a page against what it asked.
  void CheckAnswer(const Observed& observed, const HttpRequest& request, const std::string& schema, bool allow_5xx) {
    CheckResponse(observed, schemas_, schema, allow_5xx, &s_->result.findings);
    if (observed.call == CallKind::kList) CheckListPage(observed, PageRequestOf(request.url), &s_->result.findings);
  }

  // When a list step's expectations name connections to find (listed) or not (unlisted), walks
  // the pages and judges them. A name judged wrong is judged again on a second walk, and only
  // what both walks agree on is reported: a real service's list may lag a moment behind a
  // write, and other clients' creates and deletes shift the pages.
  bool JudgeList(const std::string& label, const HttpRequest& request, const Observed& first, const Step& step) {
    std::vector<std::pair<Expectation, Level>> wanted;
    for (const auto& [e, level] : {std::pair{&step.expect, s_->kase->level}, std::pair{&step.should, Level::kShould}}) {
      if (!*e || ((*e)->listed.empty() && (*e)->unlisted.empty())) continue;
      Expectation expanded;
      std::string err;
      if (!ExpandExpectation(**e, s_->vars, &expanded, &err)) return Error("setup", err);
      wanted.emplace_back(std::move(expanded), level);
    }
    if (wanted.empty()) return true;
    std::vector<Finding> findings;
    for (int walk_number = 1; walk_number <= 2; ++walk_number) {
      ListWalk walk;
      const std::optional<nlohmann::json>& body = walk_number == 1 ? first.body : std::nullopt;
      if (!WalkList(label + (walk_number == 1 ? "" : " again"), request, body, walk_number == 1, &walk)) return false;
      findings.clear();
      for (const auto& [e, level] : wanted) Append(JudgeListContents(walk, e.listed, e.unlisted, level, label), &findings);
      if (findings.empty()) return true;
    }
    Append(std::move(findings));
    return true;
  }

  // Pages through the list from `request`'s page (whose body is `first`, or fetched when none),
  // moving paging.offset by each page's length, until a page is empty, pagingMetadata.total is
  // reached, a page repeats the one before, or kMaxListPages is reached. A page shorter than
  // paging.limit does not end the walk: a server may cap its pages below the limit asked for. With `check_pages` every page gets the checks every
  // answer gets (the second walk would only repeat them).
  bool WalkList(const std::string& label, const HttpRequest& request, std::optional<nlohmann::json> first,
                bool check_pages, ListWalk* walk) {
    const PageRequest asked = PageRequestOf(request.url);
    long offset = asked.offset;
    std::vector<std::string> page, previous;
    for (int number = 1;; ++number) {
      if (number > kMaxListPages) {
        walk->truncated = true;
        return true;
      }
      std::optional<nlohmann::json> body = number == 1 ? first : std::nullopt;
      if (!body) {
        const std::string step = label + " page " + std::to_string(number);
        HttpResponse response;
        if (!Send(step, CallKind::kList, ListPageRequest(request, offset), &response)) return false;
        const Observed observed = Observe(CallKind::kList, step, response);
        if (check_pages) CheckAnswer(observed, ListPageRequest(request, offset), "", false);
        if (response.status / 100 != 2 || !observed.body) {
          walk->truncated = true;  // the page's own findings say why
          return true;
        }
        body = observed.body;
      }
      previous = std::move(page);
      page = ListedNames(*body);
      if (!AddPage(page, previous, walk)) return true;
      const size_t shown = ListedConnections(*body).size();
      offset += static_cast<long>(shown);
      if (shown == 0 || ListEndsBy(*body, offset)) return true;
    }
  }

  // Whatever a 2xx create made is this case's to delete, also under a name the server chose.
  void OwnCreated(const nlohmann::json& body) {
    if (!body.is_object()) return;
    auto c = body.find("externalDatabaseConnection");
    if (c == body.end() || !c->is_object()) return;
    auto n = c->find("name");
    if (n != c->end() && n->is_string()) Own(s_, n->get<std::string>());
  }

  CreateInput CreateInputOf(const std::string& name, const Snapshot& before, const HttpResponse& response,
                            const Observed& observed, const Snapshot& after) const {
    CreateInput in;
    in.name = name;
    if (const nlohmann::json* sent = BodyConnection(last_body_)) in.sent = *sent;
    in.before = before;
    in.create_status = response.status;
    in.create_connection = MakeSnapshot(response.status, observed.body).connection;
    in.after = after;
    return in;
  }

  static nlohmann::json ParseBody(const HttpResponse& response) {
    return response.body.empty() ? nlohmann::json() : nlohmann::json::parse(response.body, nullptr, false);
  }

  bool Error(const std::string& type, const std::string& message) {
    if (!s_->broken) {
      s_->result.error_type = type;
      s_->result.error_message = redactor_->Text(message);
      s_->broken = true;
    }
    return false;
  }

  // Builds the request and records the names it touches; *name gets the expanded connection name.
  bool Build(const RequestSpec& spec, HttpRequest* request, std::string* name = nullptr) {
    std::string err;
    if (!BuildRequest(spec, s_->vars, settings_.base_url, settings_.credentials, request, &last_body_, &err)) {
      return Error("setup", err);
    }
    if (last_body_) redactor_->LearnFromJson(*last_body_);
    std::string expanded;
    s_->vars.Expand(spec.name, &expanded, &err);
    if (name) *name = expanded;
    const std::string body_name = BodyName(last_body_);
    if (!MayTouch(expanded) || !MayTouch(body_name)) return false;
    Own(s_, expanded);
    Own(s_, body_name);
    return true;
  }

  // A name without the run's prefix (a one-character name cannot carry it) may be somebody
  // else's: before the case first touches it, a GET must not find it. If it exists, the case
  // is skipped and the name is neither changed nor deleted.
  bool MayTouch(const std::string& name) {
    if (name.empty() || name.rfind(NamePrefix(settings_.run_id), 0) == 0) return true;
    if (std::find(s_->owned_names.begin(), s_->owned_names.end(), name) != s_->owned_names.end()) return true;
    HttpResponse response;
    if (!Send("guard GET of " + name, CallKind::kGet, NameRequest("GET", settings_.base_url, name, settings_.credentials),
              &response)) {
      return false;
    }
    if (response.status / 100 != 2) return true;
    s_->skip_reason = "the case would use the name \"" + name + "\", which already exists on the target: not touched";
    return false;
  }

  bool Read(const std::string& label, const std::string& name, Snapshot* out) {
    HttpResponse response;
    if (!Send(label, CallKind::kGet, NameRequest("GET", settings_.base_url, name, settings_.credentials), &response)) {
      return false;
    }
    Observed observed = Observe(CallKind::kGet, label, response);
    CheckResponse(observed, schemas_, "", false, &s_->result.findings);
    *out = MakeSnapshot(response.status, observed.body);
    return true;
  }

  bool Evaluate(const std::optional<Expectation>& e, Level level, const Observed& observed) {
    if (!e) return true;
    Expectation expanded;
    std::string err;
    if (!ExpandExpectation(*e, s_->vars, &expanded, &err)) return Error("setup", err);
    CheckExpectation(expanded, level, observed, schemas_, &s_->result.findings);
    return true;
  }

  void Append(std::vector<Finding> findings) { Append(std::move(findings), &s_->result.findings); }
  static void Append(std::vector<Finding> findings, std::vector<Finding>* out) {
    for (Finding& f : findings) out->push_back(std::move(f));
  }

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

bool Missing(const Case& c, const RunSettings& settings, std::string* reason) {
  for (const std::string& need : c.requires_values) {
    if (need == "token" && settings.credentials.token.empty()) *reason = "needs --token";
    if (need == "readonly_token" && settings.credentials.readonly_token.empty()) *reason = "needs --readonly-token";
  }
  return !reason->empty();
}

Outcome Decide(const CaseResult& r, bool strict) {
  if (!r.error_type.empty()) return Outcome::kError;
  bool must = false, should = false;
  for (const Finding& f : r.findings) (f.level == Level::kMust ? must : should) = true;
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
  if (run.InitVariables() && run.RunSetup()) {
    for (size_t i = 0; i < c.steps.size(); ++i) {
      if (!run.RunStep(i, c.steps[i])) break;
    }
  }
  run.Cleanup();
  RedactFindings(*redactor_, &r.findings);
  r.outcome = Decide(r, settings_.strict);
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
