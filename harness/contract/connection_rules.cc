// Contract rules for connection bodies.
#include "contract/connection_rules.h"

#include "text/utf8.h"

namespace conform {

const std::vector<std::string>& WritableFields() {
  static const std::vector<std::string> kFields = {"name", "endpoint", "configuration"};
  return kFields;
}

std::string NameOf(const nlohmann::json& connection) {
  if (!connection.is_object()) return "";
  auto n = connection.find("name");
  return n != connection.end() && n->is_string() ? n->get<std::string>() : "";
}

bool IsBodyRefusal(int status) { return status == 400 || status == 413 || status == 422; }

std::optional<FieldViolation> CheckName(const std::string& name) {
  if (name.empty()) return FieldViolation{"externalDatabaseConnection.name", "must not be empty", "REQUIRED_FIELD"};
  if (Utf8Length(name) > kMaxNameLength) {  // characters, as the docs count them
    return FieldViolation{"externalDatabaseConnection.name", "must be at most 255 characters", "MAX_LENGTH"};
  }
  return std::nullopt;
}

namespace {

// http(s)://, a host character, and no ASCII whitespace anywhere: the schema's endpoint rule.
// Not std::regex: libstdc++ matches `[^\s]*` recursively, one stack frame per character, and an
// endpoint of 100 000 characters overflowed the stack.
bool IsWebUrl(const std::string& s) {
  const size_t host = s.rfind("https://", 0) == 0 ? 8 : s.rfind("http://", 0) == 0 ? 7 : 0;
  if (host == 0 || host >= s.size() || std::string("/?#").find(s[host]) != std::string::npos) return false;
  return s.find_first_of(" \t\n\r\f\v") == std::string::npos;
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
