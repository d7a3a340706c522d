// Hides secrets before anything reaches a sink: Authorization headers, the token values wherever
// they appear, and configuration.secretKey values. Pure.
#pragma once

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "http/http_types.h"

namespace conform {

constexpr char kRedacted[] = "[REDACTED]";

class Redactor {
 public:
  // A value to hide wherever it appears as text (shorter than 4 characters is ignored: hiding
  // every "a" would ruin reports without protecting anything).
  void AddSecret(const std::string& value);
  // Learns the values of every "secretKey" member anywhere in value.
  void LearnFromJson(const nlohmann::json& value);

  std::string Text(const std::string& text) const;
  nlohmann::json Json(const nlohmann::json& value) const;
  // A body: JSON is redacted structurally and re-serialised; other text by value.
  std::string Body(const std::string& body) const;
  Headers RedactHeaders(const Headers& headers) const;

 private:
  std::set<std::string> secrets_;
};

}  // namespace conform
