// How exploration judges a call sent with credentials the contract refuses (no token, a wrong
// one, the read-only token on a write): which statuses are documented is a table of load/case.h
// (AllowedCredentialRefusals); this says what an answer outside it means. Pure.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "check/finding.h"
#include "load/case.h"

namespace conform {

// What a call the credentials refuse was answered with, beside a refusal: what an authenticated
// call gets (a 2xx; 404 for a name the model does not hold, or 409 for a create of one it holds:
// the name was looked up), or a refusal of a body the contract refuses too (validated before
// authenticated: an order the docs do not name).
enum class CredentialAnswer { kServed, kBodyValidatedFirst, kOther };

// `held`: the model holds `name`; `body`: the request's body, when it has one.
CredentialAnswer CredentialAnswerOf(CallKind call, const std::string& name, bool held,
                                    const std::optional<nlohmann::json>& body, int actual);

// A call the credentials refuse, answered `actual`: served is must, a status the docs do not give
// a refusal is must, the documented one that is not the preferred one (401 for a read-only write)
// is should, and so is a body refused before the credentials were looked at. None for the
// preferred status.
std::optional<Finding> CredentialsFinding(const std::string& step, AuthMode auth, CallKind call, CredentialAnswer answer,
                                          int actual);

}  // namespace conform
