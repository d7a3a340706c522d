// Secret hiding.
#include "report/redactor.h"

#include <strings.h>

namespace conform {
namespace {

constexpr size_t kMinSecretLength = 4;
const char* const kSecretKeys[] = {"secretKey"};
const char* const kSecretHeaders[] = {"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key"};

bool IsSecretKey(const std::string& key) {
  for (const char* k : kSecretKeys) {
    if (key == k) return true;
  }
  return false;
}

}  // namespace

void Redactor::AddSecret(const std::string& value) {
  if (value.size() >= kMinSecretLength) secrets_.insert(value);
}

void Redactor::LearnFromJson(const nlohmann::json& value) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (IsSecretKey(it.key()) && it.value().is_string()) AddSecret(it.value().get<std::string>());
      LearnFromJson(it.value());
    }
  } else if (value.is_array()) {
    for (const auto& item : value) LearnFromJson(item);
  }
}

std::string Redactor::Text(const std::string& text) const {
  std::string out = text;
  for (const std::string& secret : secrets_) {
    for (size_t at = out.find(secret); at != std::string::npos; at = out.find(secret, at + sizeof(kRedacted) - 1)) {
      out.replace(at, secret.size(), kRedacted);
    }
  }
  return out;
}

nlohmann::json Redactor::Json(const nlohmann::json& value) const {
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      out[Text(it.key())] = IsSecretKey(it.key()) && !it.value().is_null() ? nlohmann::json(kRedacted) : Json(it.value());
    }
    return out;
  }
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : value) out.push_back(Json(item));
    return out;
  }
  if (value.is_string()) return Text(value.get<std::string>());
  return value;
}

std::string Redactor::Body(const std::string& body) const {
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded() || body.empty()) return Text(body);
  return Json(parsed).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Headers Redactor::RedactHeaders(const Headers& headers) const {
  Headers out;
  for (const auto& [name, value] : headers) {
    bool secret = false;
    for (const char* h : kSecretHeaders) secret = secret || strcasecmp(name.c_str(), h) == 0;
    out.emplace_back(name, secret ? kRedacted : Text(value));
  }
  return out;
}

}  // namespace conform
