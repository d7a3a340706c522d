// Builds bodies in Wix's standard error format (api-facts.md §4.1). Pure.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace conform {

// {"message", "details": {"validationError": {"fieldViolations": [{field, description, violatedRule}]}}}
nlohmann::json ValidationErrorBody(const std::string& field, const std::string& description,
                                   const std::string& violated_rule);

// {"message", "details": {"applicationError": {code, description, data: {}}}}
nlohmann::json ApplicationErrorBody(const std::string& code, const std::string& description);

// 5xx bodies are empty by design [D]: {"message": "", "details": {}}.
nlohmann::json SystemErrorBody();

}  // namespace conform
