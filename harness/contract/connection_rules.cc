// Contract rules for connection bodies.
#include "contract/connection_rules.h"

#include <regex>

namespace conform {

const std::vector<std::string>& WritableFields() {
  static const std::vector<std::string> kFields = {"name", "endpoint", "configuration"};
  return kFields;
}

std::optional<FieldViolation> CheckName(const std::string& name) {
  if (name.empty()) return FieldViolation{"externalDatabaseConnection.name", "must not be empty", "REQUIRED_FIELD"};
  if (name.size() > kMaxNameLength) {
    return FieldViolation{"externalDatabaseConnection.name", "must be at most 255 characters", "MAX_LENGTH"};
  }
  return std::nullopt;
}

namespace {

bool IsWebUrl(const std::string& s) {
  static const std::regex kUrl(R"(^https?://[^\s/?#]+[^\s]*$)");
  return std::regex_match(s, kUrl);
}

}  // namespace

std::optional<FieldViolation> CheckConnectionBody(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("externalDatabaseConnection")) {
    return FieldViolation{"externalDatabaseConnection", "is required", "REQUIRED_FIELD"};
  }
  const nlohmann::json& c = body["externalDatabaseConnection"];
  if (!c.is_object()) return FieldViolation{"externalDatabaseConnection", "must be an object", "TYPE"};
  if (c.contains("name") && !c["name"].is_string() && !c["name"].is_null()) {
    return FieldViolation{"externalDatabaseConnection.name", "must be a string", "TYPE"};
  }
  if (c.contains("endpoint") && !c["endpoint"].is_null() &&
      !(c["endpoint"].is_string() && IsWebUrl(c["endpoint"].get<std::string>()))) {
    return FieldViolation{"externalDatabaseConnection.endpoint", "must be an http(s) URL", "FORMAT"};
  }
  if (c.contains("configuration") && !c["configuration"].is_null() && !c["configuration"].is_object()) {
    return FieldViolation{"externalDatabaseConnection.configuration", "must be an object", "TYPE"};
  }
  return std::nullopt;
}

namespace {

nlohmann::json DropNulls(const nlohmann::json& value) {
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!it.value().is_null()) out[it.key()] = DropNulls(it.value());
    }
    return out;
  }
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : value) out.push_back(DropNulls(item));
    return out;
  }
  return value;
}

}  // namespace

nlohmann::json WritableState(const nlohmann::json& connection) {
  nlohmann::json out = nlohmann::json::object();
  if (!connection.is_object()) return out;
  for (const std::string& field : WritableFields()) {
    auto it = connection.find(field);
    if (it == connection.end() || it->is_null()) continue;
    nlohmann::json value = DropNulls(*it);
    if (field == "configuration" && value.is_object() && value.empty()) continue;
    out[field] = value;
  }
  return out;
}

}  // namespace conform
