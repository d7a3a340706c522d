// Reproduction: a runnable curl command for one request, with secrets replaced by environment
// variables ("$CONFORM_TOKEN") or [REDACTED]. Pure.
#pragma once

#include <string>

#include "http/http_types.h"
#include "redact/redactor.h"

namespace conform {

// raw is the request as sent (secrets still in it); the result is safe to print.
std::string CurlCommand(const HttpRequest& raw, const Redactor& redactor);

// Quotes text for a POSIX shell: 'it'\''s'.
std::string ShellQuote(const std::string& text);

}  // namespace conform
