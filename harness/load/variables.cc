// Template expansion for case files.
#include "load/variables.h"

#include "text/percent.h"
#include "text/utf8.h"

namespace conform {
namespace {

struct Reference {
  std::string name;
  std::string filter;  // "", "url", "pad:N" or "head:N"
};

// Walks text, calling on_text for literal runs and on_ref for each ${...}; false on a malformed one.
template <typename OnText, typename OnRef>
bool Scan(const std::string& text, std::string* err, OnText on_text, OnRef on_ref) {
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 2, "$$") == 0) {
      on_text("$");
      i += 2;
    } else if (text.compare(i, 2, "${") == 0) {
      size_t close = text.find('}', i);
      if (close == std::string::npos) {
        *err = "unclosed \"${\" in \"" + text + "\"";
        return false;
      }
      std::string inner = text.substr(i + 2, close - i - 2);
      size_t bar = inner.find('|');
      Reference ref{inner.substr(0, bar), bar == std::string::npos ? "" : inner.substr(bar + 1)};
      if (ref.name.empty()) {
        *err = "empty variable name in \"" + text + "\"";
        return false;
      }
      if (!on_ref(ref)) return false;
      i = close + 1;
    } else {
      size_t next = text.find('$', i + 1);
      on_text(text.substr(i, next == std::string::npos ? std::string::npos : next - i));
      i = next == std::string::npos ? text.size() : next;
    }
  }
  return true;
}

bool ApplyFilter(const Reference& ref, std::string* value, std::string* err) {
  if (ref.filter.empty()) return true;
  if (ref.filter == "url") {
    *value = UrlEncode(*value);
    return true;
  }
  const bool pad = ref.filter.rfind("pad:", 0) == 0, head = ref.filter.rfind("head:", 0) == 0;
  if (pad || head) {
    // pad:N fills with "x", pad:N:C with the character C.
    const std::string spec = ref.filter.substr(pad ? 4 : 5);
    const size_t colon = pad ? spec.find(':') : std::string::npos;
    const std::string digits = spec.substr(0, colon);
    const std::string fill = colon == std::string::npos ? "x" : spec.substr(colon + 1);
    if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos) {
      *err = "filter \"" + ref.filter + "\" needs a length, e.g. " + (pad ? "pad:256" : "head:1");
      return false;
    }
    if (!IsValidUtf8(fill) || Utf8Length(fill) != 1) {
      *err = "filter \"" + ref.filter + "\" fills with one character, e.g. pad:255:x";
      return false;
    }
    const size_t length = std::stoul(digits);
    // Names are counted in characters, as the docs count them (255 x "é" is a valid name).
    for (size_t have = Utf8Length(*value); pad && have < length; ++have) value->append(fill);
    if (head) *value = Utf8Head(*value, length);
    return true;
  }
  *err = "unknown filter \"|" + ref.filter + "\" on ${" + ref.name + "} (known: url, pad:N, pad:N:C, head:N)";
  return false;
}

}  // namespace

const std::vector<std::string>& BuiltinVariables() {
  static const std::vector<std::string> kBuiltins = {"name", "run_id", "case_id", "token", "readonly_token",
                                                     "wrong_token"};
  return kBuiltins;
}

bool Variables::Expand(const std::string& text, std::string* out, std::string* err) const {
  std::string result;
  bool ok = Scan(
      text, err, [&](const std::string& literal) { result += literal; },
      [&](const Reference& ref) {
        auto it = values_.find(ref.name);
        if (it == values_.end()) {
          *err = "unknown variable ${" + ref.name + "}";
          return false;
        }
        std::string value = it->second;
        if (!ApplyFilter(ref, &value, err)) return false;
        result += value;
        return true;
      });
  if (ok) *out = result;
  return ok;
}

bool Variables::ExpandJson(const nlohmann::json& in, nlohmann::json* out, std::string* err) const {
  if (in.is_string()) {
    std::string expanded;
    if (!Expand(in.get<std::string>(), &expanded, err)) return false;
    *out = expanded;
    return true;
  }
  if (in.is_object()) {
    nlohmann::json result = nlohmann::json::object();
    for (auto it = in.begin(); it != in.end(); ++it) {
      std::string key;
      nlohmann::json value;
      if (!Expand(it.key(), &key, err) || !ExpandJson(it.value(), &value, err)) return false;
      result[key] = value;
    }
    *out = result;
    return true;
  }
  if (in.is_array()) {
    nlohmann::json result = nlohmann::json::array();
    for (const auto& item : in) {
      nlohmann::json value;
      if (!ExpandJson(item, &value, err)) return false;
      result.push_back(value);
    }
    *out = result;
    return true;
  }
  *out = in;
  return true;
}

bool ReferencedVariables(const std::string& text, std::vector<std::string>* names, std::string* err) {
  return Scan(
      text, err, [](const std::string&) {},
      [&](const Reference& ref) {
        std::string probe = "x";
        if (!ApplyFilter(ref, &probe, err)) return false;
        names->push_back(ref.name);
        return true;
      });
}

}  // namespace conform
