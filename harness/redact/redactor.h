// Hides secrets before anything reaches a sink: Authorization headers, the token values wherever
// they appear, and configuration.secretKey values. Pure.
#pragma once

#include <map>
#include <set>
#include <vector>
#include <string>

#include <nlohmann/json.hpp>

#include "http/http_types.h"

namespace conform {

constexpr char kRedacted[] = "[REDACTED]";
// The shortest fragment of a credential that is hidden (its first or last characters).
constexpr size_t kCredentialFragment = 8;

class Redactor {
 public:
  // A value to hide wherever it appears as text (shorter than 4 characters is ignored: hiding
  // every "a" would ruin reports without protecting anything).
  void AddSecret(const std::string& value);
  // A credential of the user's (a token, an API key): hidden whole like any secret, and so are its
  // fragments, the first or last kCredentialFragment characters and as much more of it as follows
  // or precedes them. A server may echo a key cut short, or masked after its first characters.
  // Only a fragment that mixes letters and digits, or upper and lower case, is hunted: one that
  // reads as a word ("conform-", "readonly") would hide conform's own text, and the case files it
  // writes. Only credentials: a configuration value's fragments are ordinary words.
  void AddCredential(const std::string& value);
  // A credential that reproduction commands show as an environment variable ("$CONFORM_TOKEN").
  void AddNamedSecret(const std::string& value, const std::string& variable);
  // A header whose value is always hidden (Authorization and friends are already).
  void AddHeader(const std::string& name);
  // A JSON pointer whose value is hidden in every body (secretKey members already are).
  void AddPointer(const std::string& pointer);
  // Learns the values of every "secretKey" member anywhere in value, and of the added pointers.
  void LearnFromJson(const nlohmann::json& value);

  // Every secret value known so far: what the leak scan looks for in written files.
  const std::set<std::string>& secrets() const { return secrets_; }
  // The variable a named secret stands for in reproduction commands; empty if none.
  std::string VariableFor(const std::string& value) const;

  std::string Text(const std::string& text) const;
  // At most max_bytes of text for a message: redacted first, then cut on a character boundary
  // (ending "..."). Cut first, a secret's first part would no longer be recognised as one.
  std::string Excerpt(const std::string& text, size_t max_bytes) const;
  nlohmann::json Json(const nlohmann::json& value) const;
  // A body: JSON is redacted structurally and re-serialised (kept as sent when nothing in it is
  // hidden); other text by value.
  std::string Body(const std::string& body) const;
  // The same, for a body the caller already parsed (discarded when it is not JSON).
  std::string Body(const std::string& body, const nlohmann::json& parsed) const;
  Headers RedactHeaders(const Headers& headers) const;
  bool IsSecretHeader(const std::string& name) const;

 private:
  void LearnSecretKeys(const nlohmann::json& value);
  void HideCutSecret(std::string* text) const;
  void HideCredentialFragments(std::string* text) const;
  void HideSecretKeyMembers(std::string* text) const;
  nlohmann::json Structural(const nlohmann::json& value) const;

  std::set<std::string> secrets_;
  std::set<std::string> credentials_;  // secrets whose fragments are hidden too
  std::map<std::string, std::string> variables_;  // secret value -> environment variable name
  std::vector<std::string> headers_;
  std::vector<std::string> pointers_;
};

}  // namespace conform
