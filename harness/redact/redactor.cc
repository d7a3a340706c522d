// Secret hiding.
#include "redact/redactor.h"

#include <strings.h>

#include <algorithm>
#include <cctype>

#include "text/json_text.h"
#include "text/utf8.h"

namespace conform {
namespace {

constexpr size_t kMinSecretLength = 4;
const char* const kSecretKeys[] = {"secretKey"};
const char* const kSecretHeaders[] = {"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key"};

// Text of one kind of character only (lower case, upper case or digits, with punctuation): a word
// or a number, not the random part of a key.
bool ReadsAsAWord(const std::string& fragment) {
  const bool lower = std::any_of(fragment.begin(), fragment.end(), [](unsigned char c) { return std::islower(c); });
  const bool upper = std::any_of(fragment.begin(), fragment.end(), [](unsigned char c) { return std::isupper(c); });
  const bool digit = std::any_of(fragment.begin(), fragment.end(), [](unsigned char c) { return std::isdigit(c); });
  return lower + upper + digit < 2;
}

bool IsSecretKey(const std::string& key) {
  for (const char* k : kSecretKeys) {
    if (key == k) return true;
  }
  return false;
}

}  // namespace

void Redactor::AddSecret(const std::string& value) {
  // The marker is what a redacted secret became (a found case's secretKey is written as it): it
  // hides nothing, and as a secret every report that shows a redaction would be a leak.
  if (value.size() >= kMinSecretLength && value != kRedacted) secrets_.insert(value);
}

void Redactor::AddCredential(const std::string& value) {
  AddSecret(value);
  if (value.size() > kCredentialFragment && value != kRedacted) credentials_.insert(value);
}

void Redactor::AddNamedSecret(const std::string& value, const std::string& variable) {
  if (value.size() < kMinSecretLength) return;
  AddCredential(value);
  variables_[value] = variable;
}

std::string Redactor::VariableFor(const std::string& value) const {
  auto it = variables_.find(value);
  return it == variables_.end() ? "" : it->second;
}

void Redactor::AddHeader(const std::string& name) { headers_.push_back(name); }

void Redactor::AddPointer(const std::string& pointer) { pointers_.push_back(pointer); }

bool Redactor::IsSecretHeader(const std::string& name) const {
  for (const char* h : kSecretHeaders) {
    if (strcasecmp(name.c_str(), h) == 0) return true;
  }
  for (const std::string& h : headers_) {
    if (strcasecmp(name.c_str(), h.c_str()) == 0) return true;
  }
  return false;
}

void Redactor::LearnFromJson(const nlohmann::json& value) {
  for (const std::string& pointer : pointers_) {
    try {
      const nlohmann::json::json_pointer p(pointer);
      if (value.contains(p)) {
        const nlohmann::json& found = value.at(p);
        // null and booleans are not secrets, and hiding every "null" would ruin the reports.
        if (found.is_string()) AddSecret(found.get<std::string>());
        else if (found.is_number() || found.is_structured()) AddSecret(DumpJson(found));
      }
    } catch (const nlohmann::json::exception&) {
    }
  }
  LearnSecretKeys(value);
}

void Redactor::LearnSecretKeys(const nlohmann::json& value) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (IsSecretKey(it.key()) && it.value().is_string()) AddSecret(it.value().get<std::string>());
      LearnSecretKeys(it.value());
    }
  } else if (value.is_array()) {
    for (const auto& item : value) LearnSecretKeys(item);
  }
}

std::string Redactor::Text(const std::string& text) const {
  std::string out = text;
  for (const std::string& secret : secrets_) {
    for (size_t at = out.find(secret); at != std::string::npos; at = out.find(secret, at + sizeof(kRedacted) - 1)) {
      out.replace(at, secret.size(), kRedacted);
    }
  }
  HideCredentialFragments(&out);
  HideCutSecret(&out);
  HideSecretKeyMembers(&out);
  return out;
}

std::string Redactor::Excerpt(const std::string& text, size_t max_bytes) const {
  return Utf8Shorten(Text(text), max_bytes);
}

// Text cut short ("...") may end in the first part of a secret, which the search above cannot
// recognise: a fragment must not reach a report either.
void Redactor::HideCutSecret(std::string* text) const {
  static const std::string kCut = "...";
  if (text->size() < kCut.size() || text->compare(text->size() - kCut.size(), kCut.size(), kCut) != 0) return;
  const size_t end = text->size() - kCut.size();
  for (const std::string& secret : secrets_) {
    for (size_t length = std::min(secret.size() - 1, end); length >= kMinSecretLength; --length) {
      if (text->compare(end - length, length, secret, 0, length) == 0) {
        text->replace(end - length, length, kRedacted);
        return;
      }
    }
  }
}

// Each place a credential's first kCredentialFragment characters start, to where the text stops
// following the credential; and each place its last ones end, back to where the text stops.
void Redactor::HideCredentialFragments(std::string* text) const {
  const size_t marker = sizeof(kRedacted) - 1;  // search on after the marker put in
  for (const std::string& credential : credentials_) {
    const std::string head = credential.substr(0, kCredentialFragment);
    for (size_t at = ReadsAsAWord(head) ? std::string::npos : text->find(head); at != std::string::npos;
         at = text->find(head, at + marker)) {
      size_t length = head.size();
      while (length < credential.size() && at + length < text->size() && (*text)[at + length] == credential[length]) ++length;
      text->replace(at, length, kRedacted);
    }
    const std::string tail = credential.substr(credential.size() - kCredentialFragment);
    for (size_t at = ReadsAsAWord(tail) ? std::string::npos : text->find(tail); at != std::string::npos;
         at = text->find(tail, at + marker)) {
      size_t start = at, matched = tail.size();
      while (matched < credential.size() && start > 0 && (*text)[start - 1] == credential[credential.size() - matched - 1]) {
        --start;
        ++matched;
      }
      text->replace(start, at + tail.size() - start, kRedacted);
      at = start;
    }
  }
}

// "secretKey":"..." inside text (a JSON value shown in a finding), whoever chose the value: a
// server may answer one conform never sent, and a cut may have left the string unterminated.
void Redactor::HideSecretKeyMembers(std::string* text) const {
  for (const char* key : kSecretKeys) {
    const std::string member = std::string("\"") + key + "\":";
    for (size_t at = text->find(member); at != std::string::npos; at = text->find(member, at + 1)) {
      size_t open = at + member.size();
      while (open < text->size() && (*text)[open] == ' ') ++open;
      if (open >= text->size() || (*text)[open] != '"') continue;
      size_t close = open + 1;
      while (close < text->size() && (*text)[close] != '"') close += (*text)[close] == '\\' ? 2 : 1;
      const std::string hidden = std::string("\"") + kRedacted + "\"";
      text->replace(open, std::min(close + 1, text->size()) - open, hidden);
    }
  }
}

nlohmann::json Redactor::Json(const nlohmann::json& value) const {
  nlohmann::json out = Structural(value);
  for (const std::string& pointer : pointers_) {
    try {
      const nlohmann::json::json_pointer p(pointer);
      if (out.contains(p) && !out.at(p).is_null()) out.at(p) = kRedacted;
    } catch (const nlohmann::json::exception&) {
    }
  }
  return out;
}

nlohmann::json Redactor::Structural(const nlohmann::json& value) const {
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      out[Text(it.key())] =
          IsSecretKey(it.key()) && !it.value().is_null() ? nlohmann::json(kRedacted) : Structural(it.value());
    }
    return out;
  }
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : value) out.push_back(Structural(item));
    return out;
  }
  if (value.is_string()) return Text(value.get<std::string>());
  return value;
}

std::string Redactor::Body(const std::string& body) const {
  return Body(body, body.empty() ? nlohmann::json() : ParseJsonText(body));
}

std::string Redactor::Body(const std::string& body, const nlohmann::json& parsed) const {
  if (parsed.is_discarded() || body.empty()) return Text(body);
  // A body with nothing to hide keeps the server's own text (key order, escapes, 5.0): how it was
  // written is part of what a report, or a profile, shows. Hidden values are in the parsed form
  // too, so an equal parse means none are there.
  const nlohmann::json redacted = Json(parsed);
  if (redacted == parsed) return Text(body);
  return redacted.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Headers Redactor::RedactHeaders(const Headers& headers) const {
  Headers out;
  for (const auto& [name, value] : headers) out.emplace_back(name, IsSecretHeader(name) ? kRedacted : Text(value));
  return out;
}

}  // namespace conform
