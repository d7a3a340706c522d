// Reading Wix's standard error body: {"message", "details": {"applicationError": {"code", ...}}}.
// Pure; any JSON is accepted and what is not there comes back empty.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace conform {

// details.applicationError.code, e.g. "UNAUTHENTICATED"; empty when the body has none.
std::string ApplicationErrorCode(const nlohmann::json& body);

}  // namespace conform
