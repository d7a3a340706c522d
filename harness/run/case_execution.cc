// Variables, setup, plain steps and cleanup of one case. Findings are collected, never thrown;
// transport failures end the case as an error but cleanup still runs.
#include "run/case_execution.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>

#include "check/list_page.h"
#include "contract/connection_rules.h"
#include "text/json_text.h"
#include "text/utf8.h"

namespace conform {
namespace {

// Snapshots of the ledger as text, published for a signal handler to print. Old snapshots stay
// alive a while, so a handler reading one while the next is published never reads freed memory.
constexpr size_t kSnapshots = 8;
std::array<std::unique_ptr<std::string>, kSnapshots> g_snapshots;
std::atomic<const std::string*> g_ledger{nullptr};
size_t g_next_snapshot = 0;

}  // namespace

void PublishLedger(const std::vector<std::string>& names) {
  auto text = std::make_unique<std::string>();
  for (const std::string& n : names) *text += "  " + n + "\n";
  g_ledger.store(text.get());
  g_snapshots[g_next_snapshot++ % kSnapshots] = std::move(text);
}

const std::string* LedgerSnapshot() { return g_ledger.load(); }

void Own(CaseState* s, const std::string& name) {
  if (!name.empty() && std::find(s->owned_names.begin(), s->owned_names.end(), name) == s->owned_names.end()) {
    s->owned_names.push_back(name);
    PublishLedger(s->owned_names);
  }
}

const nlohmann::json* BodyConnection(const std::optional<nlohmann::json>& body) {
  if (!body || !body->is_object()) return nullptr;
  auto c = body->find("externalDatabaseConnection");
  return c != body->end() && c->is_object() ? &*c : nullptr;
}

std::string BodyName(const std::optional<nlohmann::json>& body) {
  const nlohmann::json* c = BodyConnection(body);
  return c ? NameOf(*c) : "";
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

bool Execution::InitVariables() {
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

bool Execution::Send(const std::string& step, CallKind call, const HttpRequest& request, HttpResponse* response) {
  sending_step_ = step;
  sending_call_ = call;
  *response = transport_.Send(request);
  return Accept(step, call, request, *response);
}

bool Execution::SendGroup(const std::string& label, const std::vector<std::string>& steps,
                          const std::vector<CallKind>& calls, const std::vector<HttpRequest>& requests,
                          std::vector<HttpResponse>* responses) {
  sending_step_ = label;
  sending_call_ = calls.front();
  *responses = transport_.SendAll(requests);
  bool usable = true;
  for (size_t i = 0; i < requests.size(); ++i) usable = Accept(steps[i], calls[i], requests[i], (*responses)[i]) && usable;
  return usable;
}

bool Execution::Accept(const std::string& step, CallKind call, const HttpRequest& sent, const HttpResponse& response) {
  if (response.error == TransportError::kNotSent) return Error(gate_.StopType(), step + ": " + response.error_message);
  // Parsed once here for the redactor, the record and the classification below.
  const nlohmann::json body = ParseBody(response);
  Record(step, call, sent, response, body);
  if (!response.ok()) return Error(TransportErrorName(response.error), response.error_message);
  if (call == CallKind::kCreate && response.status / 100 == 2) OwnCreated(body);
  return Classify(sent, response, body);
}

bool Execution::Classify(const HttpRequest& request, const HttpResponse& response, const nlohmann::json& body) {
  if (response.body.empty() || !body.is_discarded()) return true;
  if (JsonNestingDepth(response.body) > kMaxJsonDepth) return true;  // a finding of the checks (json-depth)
  const std::string where = request.method + " " + redactor_->Text(request.url);
  const std::string type = response.Header("Content-Type");
  if (!IsValidUtf8(response.body)) {
    return Error("invalid-utf8", where + ": response body is not valid UTF-8 (" + std::to_string(response.body.size()) +
                                     " bytes, Content-Type " + (type.empty() ? "none" : type) + ")");
  }
  return Error("non-json-response", where + ": answered " + std::to_string(response.status) + " with a body that is not JSON (" +
                                        JsonParseProblem(response.body) + "; Content-Type " + (type.empty() ? "none" : type) +
                                        "): " + redactor_->Excerpt(response.body, 60));
}

void Execution::Record(const std::string& step, CallKind call, const HttpRequest& request, const HttpResponse& response,
            const nlohmann::json& body) {
  for (const auto& [name, value] : request.headers) {
    if (redactor_->IsSecretHeader(name)) redactor_->AddSecret(value);  // conform's wrong token too: whole only
  }
  s_->result.exchanges.push_back(RedactedExchange(step, call, request, response, body, *redactor_));
  if (response.ok() || response.error == TransportError::kRedirect) {
    s_->result.latency[call].Record(response.timings.total_us);
  }
}

void Execution::OnRetry(const HttpRequest& sent, const HttpResponse& answer) {
  ++s_->result.retries;
  Record(sending_step_ + kRetriedLabel, sending_call_, sent, answer, ParseBody(answer));
  if (answer.status == 503) s_->result.findings.push_back(UnavailableNote(sending_step_, answer));
}

bool Execution::RunSetup() {
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
      const std::string why = step + " answered " + std::to_string(response.status) + ": " + redactor_->Excerpt(response.body, 200);
      // A should-level case rests on an [I] fact: a server that refuses what it needs (a name
      // holding '/', say) made that choice, which warns as the case's findings would. So does a
      // server that refuses a case's name it will not hold, where the case says it may.
      const bool name_refused = s_->kase->name_may_be_refused && spec.call == CallKind::kCreate && IsBodyRefusal(response.status);
      if ((s_->kase->level == Level::kShould && response.status / 100 == 4) || name_refused) {
        const std::string what = name_refused ? "the server refused this case's name (a limit the docs do not state): "
                                              : "the server refused what this should-level case needs: ";
        s_->result.findings.push_back(MakeFinding(Level::kShould, step, "setup.refused", what + why));
        return false;
      }
      return Error("setup", why);
    }
  }
  return true;
}

bool Execution::RunStep(size_t index, const Step& step) {
  if (step.parallel) return RunParallel(index, *step.parallel);
  const std::string label = StepLabel(static_cast<int>(index) + 1, step.request.call);
  HttpRequest request;
  std::string name;
  if (!Build(step.request, &request, &name)) return false;
  if (name.empty()) name = BodyName(last_body_);  // a create names its connection in the body

  Snapshot before;
  if (step.oracle != Oracle::kNone && !Read(label + " oracle GET before", name, &before)) return false;
  HttpResponse response;
  if (!Send(label, step.request.call, request, &response)) return false;

  Observed observed = Observe(step.request.call, label, response);
  if (ReuseRefused(step, name, response.status, label)) return false;
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
  std::vector<Finding> judged = JudgeReplace(in, label);
  // A should-level case rests on an [I] fact: a connection it created and cannot read before its
  // update (a name holding '/' that the server's router will not take) is the server's choice on
  // that fact, and warns as a refused setup does.
  for (Finding& f : judged) {
    if (f.rule == "replace.precondition" && s_->kase->level == Level::kShould) f.level = Level::kShould;
  }
  Append(std::move(judged));
  return true;
}

void Execution::Cleanup() {
  for (const std::string& name : s_->owned_names) {
    HttpRequest request = NameRequest("DELETE", settings_.base_url, name, settings_.credentials);
    request.cleanup = true;
    sending_step_ = "cleanup";
    sending_call_ = CallKind::kDelete;
    HttpResponse response = transport_.Send(request);
    CheckCleanupAnswer(request, response);
    if (CleanupLeftNothing(transport_, request, response)) continue;
    s_->result.leftovers.push_back(name);
  }
  PublishLedger({});
}

void Execution::CheckCleanupAnswer(const HttpRequest& request, const HttpResponse& response) {
  if (response.status == 0) return;  // no answer: the leftover says so
  const size_t before = s_->result.findings.size();
  CheckResponse(Observe(CallKind::kDelete, "cleanup", response), schemas_, "", false, &s_->result.findings);
  if (s_->result.findings.size() > before) {
    Record("cleanup", CallKind::kDelete, request, response, ParseBody(response));  // latency too
  } else if (response.ok()) {
    s_->result.latency[CallKind::kDelete].Record(response.timings.total_us);
  }
}

void Execution::CheckAnswer(const Observed& observed, const HttpRequest& request, const std::string& schema, bool allow_5xx) {
  CheckResponse(observed, schemas_, schema, allow_5xx, &s_->result.findings);
  if (observed.call == CallKind::kList) CheckListPage(observed, PageRequestOf(request.url), &s_->result.findings);
}

void Execution::OwnCreated(const nlohmann::json& body) {
  if (!body.is_object()) return;
  auto c = body.find("externalDatabaseConnection");
  if (c != body.end()) Own(s_, NameOf(*c));
}

CreateInput Execution::CreateInputOf(const std::string& name, const Snapshot& before, const HttpResponse& response,
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

nlohmann::json Execution::ParseBody(const HttpResponse& response) {
  return response.body.empty() ? nlohmann::json() : ParseJsonText(response.body);
}

bool Execution::Error(const std::string& type, const std::string& message) {
  if (!s_->broken) {
    s_->result.error_type = type;
    s_->result.error_message = redactor_->Text(message);
    s_->broken = true;
  }
  return false;
}

bool Execution::Build(const RequestSpec& spec, HttpRequest* request, std::string* name) {
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

// A create answered 409 for a name the guard GET had just found free: the server keeps deleted
// names (an earlier run's one-character name, say), and reusing them is [I]. The case cannot go
// on, and warns as exploration's explore.name-reuse-refused does.
bool Execution::ReuseRefused(const Step& step, const std::string& name, int status, const std::string& label) {
  const auto& absent = s_->seen_absent;
  if (step.request.call != CallKind::kCreate || status != 409 || std::find(absent.begin(), absent.end(), name) == absent.end()) {
    return false;
  }
  s_->result.findings.push_back(MakeFinding(Level::kShould, label, "name-reuse-refused",
                                            "the name \"" + name + "\" was free, yet its create answered 409: the server "
                                            "keeps deleted names, and that names are reusable is [I]"));
  return true;
}

bool Execution::MayTouch(const std::string& name) {
  // A name holding the run's prefix anywhere is this run's (exploration puts whitespace before it).
  if (name.empty() || name.find(NamePrefix(settings_.run_id)) != std::string::npos) return true;
  if (std::find(s_->owned_names.begin(), s_->owned_names.end(), name) != s_->owned_names.end()) return true;
  HttpResponse response;
  if (!Send("guard GET of " + name, CallKind::kGet, NameRequest("GET", settings_.base_url, name, settings_.credentials),
            &response)) {
    return false;
  }
  if (response.status / 100 != 2) {
    s_->seen_absent.push_back(name);
    return true;
  }
  s_->skip_reason = "the case would use the name \"" + name + "\", which already exists on the target: not touched";
  return false;
}

bool Execution::Read(const std::string& label, const std::string& name, Snapshot* out, bool check) {
  HttpResponse response;
  if (!Send(label, CallKind::kGet, NameRequest("GET", settings_.base_url, name, settings_.credentials), &response)) {
    return false;
  }
  Observed observed = Observe(CallKind::kGet, label, response);
  if (check) CheckResponse(observed, schemas_, "", false, &s_->result.findings);
  *out = MakeSnapshot(response.status, observed.body);
  return true;
}

bool Execution::Evaluate(const std::optional<Expectation>& e, Level level, const Observed& observed) {
  if (!e) return true;
  Expectation expanded;
  std::string err;
  if (!ExpandExpectation(*e, s_->vars, &expanded, &err)) return Error("setup", err);
  CheckExpectation(expanded, level, observed, schemas_, &s_->result.findings);
  return true;
}

void Execution::Append(std::vector<Finding> findings) { Append(std::move(findings), &s_->result.findings); }

void Execution::Append(std::vector<Finding> findings, std::vector<Finding>* out) {
  for (Finding& f : findings) out->push_back(std::move(f));
}

}  // namespace conform
