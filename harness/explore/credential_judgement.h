// How exploration judges a call sent with credentials the contract refuses (no token, a wrong
// one, the read-only token on a write): which statuses are documented is a table of load/case.h
// (AllowedCredentialRefusals); this says what an answer outside it means. Pure.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "check/finding.h"
#include "explore/status_rules.h"
#include "load/case.h"

namespace conform {

// What a call the credentials refuse was answered with, beside a refusal: what an authenticated
// call gets (kServed: a 2xx), an answer that shows the name was looked up (kLookedUp: 404 for a
// name the model does not hold, 409 for a create of one it holds), or a refusal of a body or a
// name the server refuses anyway (kRefusedFirst: validated before authenticated, an order the docs
// do not name).
enum class CredentialAnswer { kServed, kLookedUp, kRefusedFirst, kOther };

// `held`: the model holds `name`; `body`: the request's body, when it has one. A 400/413/422 for a
// name the contract allows asks `probes` whether the server will hold it (a create with the run's
// own token). false when a probe got no usable answer.
bool CredentialAnswerOf(CallKind call, const std::string& name, bool held, const std::optional<nlohmann::json>& body,
                        int actual, TargetProbes& probes, CredentialAnswer* answer);

// A call the credentials refuse, answered `actual`: served is must, and so is a name looked up
// without a token or with a wrong one (it tells who may not ask whether a name exists); a status
// the docs do not give a refusal is must. Should: the documented status that is not the preferred
// one (401 for a read-only write), a body or name refused before the credentials were looked at,
// and a read-only write whose name was looked up before its permission (the token may read: the
// order is the server's [I]). None for the preferred status.
std::optional<Finding> CredentialsFinding(const std::string& step, AuthMode auth, CallKind call, CredentialAnswer answer,
                                          int actual);

}  // namespace conform
