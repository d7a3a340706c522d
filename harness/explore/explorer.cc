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
#include "check/name_relations.h"
#include "check/list_view.h"
#include "check/replace_oracle.h"
#include "contract/connection_rules.h"
#include "explore/reference.h"
#include "http/curl_transport.h"
#include "http/guarded_transport.h"
#include "http/json_text.h"
#include "http/utf8.h"
#include "run/boundary.h"
#include "run/case_execution.h"
#include "run/list_settle.h"
#include "run/list_walker.h"
#include "run/request_builder.h"

namespace conform {
namespace {

// Only the last few exchanges are kept: a divergence shows the calls that led to it.
constexpr size_t kKeptExchanges = 12;

// A listed connection must show what the model holds (docs/contract.md §1).
const ViewRule kListViewRule{"explore.list-view-diverged", "the contract's model holds it"};

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
    progress_ = explore_.progress;
    ExploreOutcome outcome = RunSequence();
    if (progress_) progress_->finished = true;
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
    const bool refused = CredentialRefusal(op.request.auth, op.request.call) != 0 || ReadOnlyReadRefused(op, response.status);
    if (op.request.call == CallKind::kList) return refused || JudgeList(label, request, observed);
    if (op.request.call == CallKind::kGet && !refused) return JudgeState(label, name, response, observed);
    return CheckStored(label, name);
  }

  // false when the target gave no usable answer to the GET that tells a conflation.
  bool JudgeStatus(const std::string& label, const Operation& op, const std::string& name,
                   const std::optional<nlohmann::json>& body, int expected, int actual) {
    // Before the status classes: which 4xx refuses credentials is documented, not any 4xx.
    if (CredentialRefusal(op.request.auth, op.request.call) != 0) {
      if (auto f = CredentialsFinding(label, op, CredentialAnswerOf(op, name, body, actual), actual)) {
        out_.result.findings.push_back(*f);
      }
      return true;
    }
    if (SameStatusMeaning(expected, actual)) return true;
    if (ReadOnlyReadRefused(op, actual)) {
      // What a read-only token may do depends on the site [I]: the cases say so at should level.
      Finding f = MakeFinding(Level::kShould, label, "explore.readonly-read-refused",
                              "a read with the read-only token was refused; conform expects it to be served [I]");
      f.expected = std::to_string(expected);
      f.actual = std::to_string(actual);
      out_.result.findings.push_back(f);
      return true;
    }
    if (ExistenceDiffers(expected, actual)) {
      // The target holds the name where the model does not, or the reverse: did it take the name
      // for another? A GET of it shows which connection it reaches.
      std::string reached;
      if (!NameReached(label, name, &reached)) return false;
      // A delete leaves nothing to GET: which related connection did it take with it?
      if (reached.empty() && op.request.call == CallKind::kDelete && !RelatedNameGone(label, name, &reached)) return false;
      if (!reached.empty() && reached != name) {
        Conflated(label, name, reached);
        return true;
      }
    }
    const bool writes = op.request.call == CallKind::kCreate || op.request.call == CallKind::kUpdate;
    const bool reuse = op.request.call == CallKind::kCreate && deleted_.count(name) > 0;
    Finding f = MakeFinding(Level::kMust, label, "explore.status-diverged", "the target answered otherwise than the contract's model");
    f.expected = std::to_string(expected);
    f.actual = std::to_string(actual);
    bool name_refused = false;
    if (writes && IsOrderChoice(expected, actual) && ReferenceState(name).status != 200) {
      // A name the model does not hold and a body the server refuses: which check comes first is
      // the server's choice (docs/contract.md section 4). The answer is a 4xx either way (its
      // schema and the state after are still judged). For a name the model holds, 404 is wrong.
      f.level = Level::kNote;
      f.rule = actual == 404 ? "order.looked-up-before-validation" : "order.validated-before-lookup";
      f.message = actual == 404 ? "the name was looked up before the body was validated (conform's model validates first)"
                                : "the body was validated before the name was looked up: " + f.actual + ", not 404";
    } else if (!writes && expected == 404 && IsBodyRefusal(actual)) {
      // Only a name the server will not hold may be refused before it is looked up (section 6): one
      // the contract forbids, or one the server refuses to create. A probe asks which.
      const bool forbidden = CheckName(name).has_value();
      if (!forbidden && !TargetRefusesName(label, name, &name_refused)) return false;
      if (forbidden || name_refused) {
        f.level = Level::kNote;
        f.rule = "order.validated-before-lookup";
        f.message = "the name, which the server will not hold, was validated before it was looked up: " + f.actual +
                    ", not 404";
      } else {
        f.message = "a " + std::string(CallKindName(op.request.call)) + " of a name the server holds none of, and takes " +
                    "in a create, answered " + f.actual + ": only a name it will not hold may be refused before the lookup";
      }
    } else if (writes && expected / 100 == 2 && actual == 404 && name.find('/') != std::string::npos) {
      // That a name may hold '/' is read from the path template {name=**} [I].
      f.level = Level::kShould;
      f.rule = "explore.name-with-slash-lost";
      f.message = "a write of a name holding '/' answered 404: conform reads the docs' {name=**} as allowing '/' [I]";
      unaligned_ = true;
    } else if (op.request.call == CallKind::kList && expected == 200 && actual == 400) {
      // A server may cap its pages (docs/contract.md section 1); refusing a paging.limit over its
      // cap, rather than capping the page, is its choice too. The cases' lists ask for 10 or less.
      f.level = Level::kNote;
      f.rule = "explore.list-refused";
      f.message = "a list with paging.limit " + PageLimitOf(op) + " was refused (400): a server may cap its pages";
    } else if (reuse && expected / 100 == 2 && actual == 409) {
      // "A deleted connection can't be restored" [D] does not say its name can't be used again [I].
      f.level = Level::kShould;
      f.rule = "explore.name-reuse-refused";
      f.message = "a name was refused after its connection was deleted; conform expects names to be reusable [I]";
      ForgetRefusedWrite();
    } else if (writes && expected / 100 == 2 && IsBodyRefusal(actual)) {
      // A limit the docs don't state: a note, and the model forgets the write the target refused.
      // The name's length is stated (255 characters [D]): a create refused for it is must.
      std::string shorter;
      if (op.request.call == CallKind::kCreate && !NameLengthRefused(label, name, &shorter)) return false;
      if (!shorter.empty()) {
        f.rule = "explore.name-length-refused";
        f.message = "a name of " + std::to_string(Utf8Length(name)) + " characters (" + std::to_string(name.size()) +
                    " bytes) was refused, and the same name cut to " + std::to_string(Utf8Length(shorter)) +
                    " characters was taken: the docs allow 255 characters [D]";
        f.pointer = "/externalDatabaseConnection/name";
      } else {
        f.level = Level::kNote;
        f.rule = "explore.valid-body-refused";
        f.message = "a body the contract allows was refused; the state must still be unchanged";
      }
      ForgetRefusedWrite();
    }
    out_.result.findings.push_back(f);
    return true;
  }

  // Whether the target refuses to hold `name`: a create of it with the documented minimal body
  // (an accepted probe is deleted again). Only a name it took (2xx), or holds already (409),
  // shows it holds such names; any other answer (a 5xx, a 429) tells nothing, and nothing is
  // claimed. false when the target gave no usable answer.
  bool TargetRefusesName(const std::string& label, const std::string& name, bool* refuses) {
    int status = 0;
    if (!ProbeCreate(label + " create probe", name, &status)) return false;
    *refuses = status / 100 != 2 && status != 409;
    return true;
  }

  // A refused create of `name`, within the docs' 255 characters: is its length the reason? The
  // same characters, half as many, are probed with the minimal body, and so is `name` itself.
  // *shorter is the shorter name when only it was taken. Half, not 255 bytes: a server that
  // counts bytes may stop short of 255 of them, and its refusal is just as much a divergence.
  bool NameLengthRefused(const std::string& label, const std::string& name, std::string* shorter) {
    shorter->clear();
    const size_t length = Utf8Length(name);
    if (length > kMaxNameLength || length < 2) return true;
    const std::string cut = Utf8Head(name, length / 2);
    // Only the length may differ: a cut that drops a character the name holds tests that character.
    if (CharactersOf(cut) != CharactersOf(name) || cut == name) return true;
    int whole = 0, part = 0;
    if (!ProbeCreate(label + " create probe", name, &whole)) return false;
    if (whole / 100 == 2 || !IsBodyRefusal(whole)) return true;  // the body was the reason, or no telling
    if (!ProbeCreate(label + " create probe of a shorter name", cut, &part)) return false;
    if (part / 100 == 2) *shorter = cut;
    return true;
  }

  static std::set<std::string> CharactersOf(const std::string& text) {
    const std::vector<std::string> characters = Utf8Characters(text);
    return {characters.begin(), characters.end()};
  }

  // Creates `name` with the documented minimal body (name, endpoint and configuration, as the
  // create page requires) and deletes it again when it was taken. Its answer gets the checks every
  // answer gets: a 5xx to it is a finding of its own.
  bool ProbeCreate(const std::string& step, const std::string& name, int* status) {
    Touch(name);
    const nlohmann::json body = {
        {"externalDatabaseConnection",
         {{"name", name}, {"endpoint", "https://example.com/probe"}, {"configuration", nlohmann::json::object()}}},
        {"connectionType", "STANDALONE"}};
    HttpResponse response;
    if (!Send(step, CallKind::kCreate, CreateRequest(run_.base_url, DumpJson(body), run_.credentials), &response)) return false;
    CheckResponse(Observe(CallKind::kCreate, step, response), schemas_, "", false, &out_.result.findings);
    *status = response.status;
    if (response.status / 100 != 2) return true;
    HttpRequest undo = NameRequest("DELETE", run_.base_url, name, run_.credentials);
    return Send(step + " deleted", CallKind::kDelete, undo, &response);
  }

  static bool ReadOnlyReadRefused(const Operation& op, int status) {
    return op.request.auth == AuthMode::kReadonly && !IsWriteCall(op.request.call) && (status == 401 || status == 403);
  }

  // One side says the name exists (2xx, or 409 on a create) and the other that it does not (404).
  static bool ExistenceDiffers(int expected, int actual) {
    const auto holds = [](int status) { return status / 100 == 2 || status == 409; };
    return (expected == 404 && holds(actual)) || (holds(expected) && actual == 404) ||
           (expected / 100 == 2 && actual == 409) || (expected == 409 && actual / 100 == 2);
  }

  // The name of the connection a GET of `name` reaches on the target ("" when none).
  bool NameReached(const std::string& label, const std::string& name, std::string* reached) {
    HttpResponse response;
    const std::string step = label + " GET of the name";
    if (!Send(step, CallKind::kGet, NameRequest("GET", run_.base_url, name, run_.credentials), &response)) return false;
    const Observed observed = Observe(CallKind::kGet, step, response);
    const Snapshot got = MakeSnapshot(response.status, observed.body);
    if (response.status == 200 && got.connection) *reached = NameOf(*got.connection);
    return true;
  }

  // A name related to `name` (explore/name_pool.h) that the model holds and the target no longer
  // does ("" when none).
  bool RelatedNameGone(const std::string& label, const std::string& name, std::string* gone) {
    for (const std::string& other : touched_) {
      if (other == name || ConflationBetween(name, other) == NameConflation::kNone || ReferenceState(other).status != 200) continue;
      HttpResponse response;
      const std::string step = label + " GET of " + other;
      if (!Send(step, CallKind::kGet, NameRequest("GET", run_.base_url, other, run_.credentials), &response)) return false;
      if (response.status == 404) {
        *gone = other;
        return true;
      }
    }
    return true;
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

  // What a call the credentials refuse was answered with, beside the documented refusal: what an
  // authenticated call gets (a 2xx; 404 for a name the model does not hold, or 409 for a create
  // of one it holds: the name was looked up), or a refusal of a body the contract refuses too
  // (validated before authenticated: an order the docs do not name).
  enum class CredentialAnswer { kServed, kBodyValidatedFirst, kOther };
  CredentialAnswer CredentialAnswerOf(const Operation& op, const std::string& name, const std::optional<nlohmann::json>& body,
                                      int actual) {
    if (actual / 100 == 2) return CredentialAnswer::kServed;
    const bool held = !name.empty() && ReferenceState(name).status == 200;
    if (actual == 404 && !name.empty() && !held && op.request.call != CallKind::kCreate) return CredentialAnswer::kServed;
    if (actual == 409 && held && op.request.call == CallKind::kCreate) return CredentialAnswer::kServed;
    const bool writes = op.request.call == CallKind::kCreate || op.request.call == CallKind::kUpdate;
    if (writes && IsBodyRefusal(actual) && (!body || CheckConnectionBody(*body))) return CredentialAnswer::kBodyValidatedFirst;
    return CredentialAnswer::kOther;
  }

  // A call the credentials refuse: served is must, a status the docs do not give a refusal is
  // must, the documented one that is not the preferred one (401 for a read-only write) is should,
  // and so is a body refused before the credentials were looked at.
  static std::optional<Finding> CredentialsFinding(const std::string& label, const Operation& op, CredentialAnswer answer,
                                                   int actual) {
    const AuthMode auth = op.request.auth;
    const CallKind call = op.request.call;
    const int preferred = CredentialRefusal(auth, call);
    if (actual == preferred) return std::nullopt;
    const std::vector<int> allowed = AllowedCredentialRefusals(auth, call);
    std::string expected;
    for (int status : allowed) expected += (expected.empty() ? "" : " or ") + std::to_string(status);
    const std::string sent = std::string("sent with credentials \"") + AuthModeName(auth) + "\"";
    Finding f;
    if (answer == CredentialAnswer::kServed) {
      f = MakeFinding(Level::kMust, label, "explore.credentials-ignored",
                      "a call " + sent + " was served" + (actual / 100 == 2 ? "" : " (the name was looked up)") +
                          ": it must be refused (" + expected + ") [D]");
    } else if (answer == CredentialAnswer::kBodyValidatedFirst) {
      f = MakeFinding(Level::kShould, label, "explore.credentials-status",
                      "a call " + sent + " with a body the contract refuses was refused for the body (" +
                          std::to_string(actual) + ") before its credentials: conform expects credentials first [I]");
    } else if (std::find(allowed.begin(), allowed.end(), actual) == allowed.end()) {
      f = MakeFinding(Level::kMust, label, "explore.credentials-status",
                      "a call " + sent + " was refused with a status the docs do not give it (" + expected + " [D])");
    } else {
      f = MakeFinding(Level::kShould, label, "explore.credentials-status",
                      "a call " + sent + " was refused with " + std::to_string(actual) + "; " + std::to_string(preferred) +
                          " is what the docs give a missing permission (401 only 'occasionally')");
      expected = std::to_string(preferred);
    }
    f.expected = expected;
    f.actual = std::to_string(actual);
    return f;
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

  // One side says 404 (no such name), the other refuses the body.
  static bool IsOrderChoice(int expected, int actual) {
    return (expected == 404 && IsBodyRefusal(actual)) || (IsBodyRefusal(expected) && actual == 404);
  }

  // A 2xx create or update answers with the connection as now stored: the model's.
  void JudgeAnswer(const std::string& label, CallKind call, const std::string& name, const Observed& observed) {
    if ((call != CallKind::kCreate && call != CallKind::kUpdate) || observed.response->status / 100 != 2) return;
    const Reply& model = ReferenceState(name);
    const Snapshot answered = MakeSnapshot(observed.response->status, observed.body);
    if (model.status != 200 || !answered.connection) return;  // a status finding, or the schema's, says it
    const std::string reached = NameOf(*answered.connection);
    if (!reached.empty() && reached != name) return Conflated(label, name, reached);
    if (auto d = FirstDifference(StateOf(MakeSnapshot(model.status, model.body)), StateOf(answered))) {
      Finding f;
      f.level = Level::kMust;
      f.step = label;
      f.rule = "explore.answer-diverged";
      f.message = "the answer does not show the connection as the contract's model stores it";
      f.pointer = "/externalDatabaseConnection" + d->pointer;
      f.expected = d->expected;
      f.actual = d->actual;
      out_.result.findings.push_back(f);
    }
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
    // A name the server will not hold is refused on a GET too (400/413/422): nothing exists.
    if (want.status == 404 && IsBodyRefusal(got.status)) return true;
    Finding f = MakeFinding(Level::kMust, step, "explore.state-diverged", "");
    if (want.status == 200 && got.status == 404 && name.find('/') != std::string::npos) {
      // That a name may hold '/' is read from the path template {name=**} [I].
      f.level = Level::kShould;
      f.rule = "explore.name-with-slash-lost";
      f.message = "a connection whose name holds '/' cannot be read back: conform reads the docs' {name=**} as allowing '/' [I]";
      unaligned_ = true;
      out_.result.findings.push_back(f);
    } else if (want.status != got.status) {
      f.message = "the connection exists for one and not the other of the target and the contract's model";
      f.expected = std::to_string(want.status);
      f.actual = std::to_string(got.status);
      out_.result.findings.push_back(f);
    } else if (auto d = FirstDifference(StateOf(want), StateOf(got))) {
      f.message = "the stored connection is not what the contract's model holds after the same calls";
      f.pointer = "/externalDatabaseConnection" + d->pointer;
      f.expected = d->expected;
      f.actual = d->actual;
      out_.result.findings.push_back(f);
    }
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
    const ListJudgement judge = [&](int walk_number, std::vector<Finding>* diverged) {
      ListWalk walk;
      std::optional<nlohmann::json> first = walk_number == 1 && from_start ? observed.body : std::nullopt;
      if (!WalkList(WalkLabel(step, walk_number), start, std::move(first), ListFetcher(), touched_, &walk)) return false;
      if (!walk.truncated) *diverged = ListDivergences(step, walk);  // else a page that is no list: its findings say so
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

  std::vector<Finding> ListDivergences(const std::string& step, const ListWalk& walk) {
    std::vector<Finding> out;
    for (const std::string& name : touched_) {
      const Reply& model = ReferenceState(name);
      const bool held = model.status == 200;
      if (held != (walk.names.count(name) > 0)) {
        out.push_back(Membership(step, name, held));
      } else if (auto shown = walk.shown.find(name); held && shown != walk.shown.end()) {
        if (auto f = JudgeListedView(name, shown->second, MakeSnapshot(model.status, model.body), kListViewRule, step)) {
          out.push_back(std::move(*f));
        }
      }
    }
    return out;
  }

  // A name listed that the model does not hold, or held and not listed.
  static Finding Membership(const std::string& step, const std::string& name, bool held) {
    Finding f = MakeFinding(Level::kMust, step, "explore.list-diverged",
                            held ? "a connection the model holds is not listed" : "a connection the model does not hold is listed");
    f.pointer = "/externalDatabaseConnections";
    f.expected = "\"" + name + "\" " + (held ? "listed" : "not listed");
    f.actual = held ? "not listed" : "listed";
    return f;
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
  GuardedTransport transport_;
  Redactor* redactor_;
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
  ExploreOutcome out_;
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
