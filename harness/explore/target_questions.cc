#include "explore/target_questions.h"

#include "check/expectations.h"
#include "check/name_relations.h"
#include "check/replace_oracle.h"
#include "contract/connection_rules.h"
#include "run/request_builder.h"
#include "text/json_text.h"

namespace conform {
namespace {

// The documented minimal body's connection (name, endpoint and configuration, as the create page
// requires); the probe sets the name.
nlohmann::json MinimalConnection() {
  return {{"endpoint", "https://example.com/probe"}, {"configuration", nlohmann::json::object()}};
}

}  // namespace

bool TargetQuestions::NameReached(const std::string& name, std::string* reached) {
  HttpResponse response;
  const std::string step = step_ + " GET of the name";
  if (!send_(step, CallKind::kGet, NameRequest("GET", run_.base_url, name, run_.credentials), &response)) return false;
  const Observed observed = Observe(CallKind::kGet, step, response);
  const Snapshot got = MakeSnapshot(response.status, observed.body);
  if (response.status == 200 && got.connection) *reached = NameOf(*got.connection);
  return true;
}

bool TargetQuestions::RelatedNameGone(const std::string& name, const std::set<std::string>& names,
                                      const std::function<bool(const std::string&)>& model_holds, std::string* gone) {
  for (const std::string& other : names) {
    if (other == name || ConflationBetween(name, other) == NameConflation::kNone || !model_holds(other)) continue;
    HttpResponse response;
    const std::string step = step_ + " GET of " + other;
    if (!send_(step, CallKind::kGet, NameRequest("GET", run_.base_url, other, run_.credentials), &response)) return false;
    if (response.status == 404) {
      *gone = other;
      return true;
    }
  }
  return true;
}

// Only a name it took (2xx), or holds already (409), shows the target holds such names; any other
// answer (a 5xx, a 429) tells nothing, and nothing is claimed.
bool TargetQuestions::RefusesName(const std::string& name, bool* refuses) {
  int status = 0;
  if (!ProbeCreate(step_ + " create probe", name, MinimalConnection(), &status)) return false;
  *refuses = status / 100 != 2 && status != 409;
  return true;
}

// Only a refusal of the body (400/413/422) shows the target refuses it; any other answer tells
// nothing, and nothing is claimed.
bool TargetQuestions::RefusesBody(const nlohmann::json& connection, bool* refuses) {
  int status = 0;
  if (!ProbeCreate(step_ + " create probe of the body", probe_name_, connection, &status)) return false;
  *refuses = IsBodyRefusal(status);
  return true;
}

// `name` itself and a shorter name of the same characters (ShorterNameToProbe) are probed: the
// shorter one counts only when `name` is refused again for its body or name.
bool TargetQuestions::ShorterNameTaken(const std::string& name, std::string* shorter) {
  shorter->clear();
  const std::string cut = ShorterNameToProbe(name);
  if (cut.empty()) return true;
  int whole = 0, part = 0;
  if (!ProbeCreate(step_ + " create probe", name, MinimalConnection(), &whole)) return false;
  if (whole / 100 == 2 || !IsBodyRefusal(whole)) return true;  // the body was the reason, or no telling
  if (!ProbeCreate(step_ + " create probe of a shorter name", cut, MinimalConnection(), &part)) return false;
  if (part / 100 == 2) *shorter = cut;
  return true;
}

// A create probe's answer gets the checks every answer gets: a 5xx to it is a finding of its own.
bool TargetQuestions::ProbeCreate(const std::string& step, const std::string& name, nlohmann::json connection,
                                  int* status) {
  touch_(name);
  if (!connection.is_object()) connection = nlohmann::json::object();
  connection["name"] = name;
  const nlohmann::json body = {{"externalDatabaseConnection", connection}, {"connectionType", "STANDALONE"}};
  HttpResponse response;
  if (!send_(step, CallKind::kCreate, CreateRequest(run_.base_url, DumpJson(body), run_.credentials), &response)) return false;
  CheckResponse(Observe(CallKind::kCreate, step, response), schemas_, "", false, findings_);
  *status = response.status;
  if (response.status / 100 != 2) return true;
  const HttpRequest undo = NameRequest("DELETE", run_.base_url, name, run_.credentials);
  return send_(step + " deleted", CallKind::kDelete, undo, &response);
}

}  // namespace conform
