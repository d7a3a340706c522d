#include "contract/error_body.h"

namespace conform {

std::string ApplicationErrorCode(const nlohmann::json& body) {
  if (!body.is_object()) return "";
  const auto details = body.find("details");
  if (details == body.end() || !details->is_object()) return "";
  const auto error = details->find("applicationError");
  if (error == details->end() || !error->is_object()) return "";
  const auto code = error->find("code");
  return code != error->end() && code->is_string() ? code->get<std::string>() : "";
}

}  // namespace conform
