// Wix's standard error body in detail, at should level: the docs say "most" errors follow it
// (docs/contract.md §4), so a body that leaves out a part is a warning, never a failure. The
// body's overall shape (a message, at most one kind of details) is the error schema's, at must.
// Pure.
#pragma once

#include <string>
#include <vector>

#include "check/expectations.h"
#include "check/finding.h"

namespace conform {

// The applicationError.code that goes with a status on every call ("" for none): 401
// UNAUTHENTICATED, 403 PERMISSION_DENIED, 404 NOT_FOUND, 409 ALREADY_EXISTS (ERRORS [D]).
std::string CodeForStatus(int status);

// For a 4xx answer with a JSON body: details with an applicationError (code, description, data)
// or a validationError (fieldViolations of field, description, violatedRule), and the code that
// goes with the status. Findings are should-level; rules error.details, error.application-error,
// error.field-violation, error.code.
void CheckErrorDetails(const Observed& o, std::vector<Finding>* out);

}  // namespace conform
