// Wix standard error bodies.
#include "mock/wix_error.h"

namespace conform {

nlohmann::json ValidationErrorBody(const std::string& field, const std::string& description,
                                   const std::string& violated_rule) {
  nlohmann::json violation = {{"field", field}, {"description", description}, {"violatedRule", violated_rule}};
  return {{"message", field + ": " + description},
          {"details", {{"validationError", {{"fieldViolations", nlohmann::json::array({violation})}}}}}};
}

nlohmann::json ApplicationErrorBody(const std::string& code, const std::string& description) {
  return {{"message", description},
          {"details",
           {{"applicationError",
             {{"code", code}, {"description", description}, {"data", nlohmann::json::object()}}}}}};
}

nlohmann::json SystemErrorBody() { return {{"message", ""}, {"details", nlohmann::json::object()}}; }

}  // namespace conform
