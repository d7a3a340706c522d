#include "explore/credential_judgement.h"

#include <algorithm>
#include <vector>

#include "contract/connection_rules.h"
#include "run/case_execution.h"

namespace conform {

bool CredentialAnswerOf(CallKind call, const std::string& name, bool held, const std::optional<nlohmann::json>& body,
                        int actual, TargetProbes& probes, CredentialAnswer* answer) {
  *answer = CredentialAnswer::kOther;
  if (actual / 100 == 2) {
    *answer = CredentialAnswer::kServed;
  } else if ((actual == 404 && !name.empty() && !held && call != CallKind::kCreate) ||
             (actual == 409 && held && call == CallKind::kCreate)) {
    *answer = CredentialAnswer::kLookedUp;
  } else if (IsBodyRefusal(actual)) {
    const bool writes = call == CallKind::kCreate || call == CallKind::kUpdate;
    bool refused = (writes && (!body || CheckConnectionBody(*body))) || (!name.empty() && CheckName(name));
    if (!refused && !name.empty() && !probes.RefusesName(name, &refused)) return false;
    // A body the contract allows may still be one the server refuses (a limit the docs do not
    // state): the same fields, created under a name of the exploration's own, tell.
    const nlohmann::json* connection = writes ? BodyConnection(body) : nullptr;
    if (!refused && connection && !probes.RefusesBody(*connection, &refused)) return false;
    if (refused) *answer = CredentialAnswer::kRefusedFirst;
  }
  return true;
}

std::optional<Finding> CredentialsFinding(const std::string& step, AuthMode auth, CallKind call, CredentialAnswer answer,
                                          int actual) {
  const int preferred = CredentialRefusal(auth, call);
  if (actual == preferred) return std::nullopt;
  const std::vector<int> allowed = AllowedCredentialRefusals(auth, call);
  std::string expected;
  for (int status : allowed) expected += (expected.empty() ? "" : " or ") + std::to_string(status);
  const std::string sent = std::string("sent with credentials \"") + AuthModeName(auth) + "\"";
  Finding f;
  if (answer == CredentialAnswer::kServed || (answer == CredentialAnswer::kLookedUp && auth != AuthMode::kReadonly)) {
    f = MakeFinding(Level::kMust, step, "explore.credentials-ignored",
                    "a call " + sent + " was served" + (actual / 100 == 2 ? "" : " (the name was looked up)") +
                        ": it must be refused (" + expected + ") [D]");
  } else if (answer == CredentialAnswer::kLookedUp) {
    f = MakeFinding(Level::kShould, step, "explore.credentials-status",
                    "a write " + sent + " answered " + std::to_string(actual) +
                        ": the name was looked up before the permission was checked; conform expects the permission "
                        "first [I]");
  } else if (answer == CredentialAnswer::kRefusedFirst) {
    f = MakeFinding(Level::kShould, step, "explore.credentials-status",
                    "a call " + sent + " with a body or name the server refuses was refused for it (" +
                        std::to_string(actual) + ") before its credentials: conform expects credentials first [I]");
  } else if (std::find(allowed.begin(), allowed.end(), actual) == allowed.end()) {
    f = MakeFinding(Level::kMust, step, "explore.credentials-status",
                    "a call " + sent + " was refused with a status the docs do not give it (" + expected + " [D])");
  } else {
    f = MakeFinding(Level::kShould, step, "explore.credentials-status",
                    "a call " + sent + " was refused with " + std::to_string(actual) + "; " + std::to_string(preferred) +
                        " is what the docs give a missing permission (401 only 'occasionally')");
    expected = std::to_string(preferred);
  }
  f.expected = expected;
  f.actual = std::to_string(actual);
  return f;
}

}  // namespace conform
