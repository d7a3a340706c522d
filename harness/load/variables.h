// Expands ${name} and ${name|filter} in case templates. Pure.
// Filters: |url percent-encodes; |pad:N appends 'x' up to N characters; |head:N keeps the first N
// characters. "$$" is a literal "$".
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace conform {

// The variables every case may use without declaring them.
const std::vector<std::string>& BuiltinVariables();

class Variables {
 public:
  void Set(const std::string& name, const std::string& value) { values_[name] = value; }
  bool Has(const std::string& name) const { return values_.count(name) > 0; }

  // On an unknown variable or filter returns false with *err = "unknown variable ${x}" or similar.
  bool Expand(const std::string& text, std::string* out, std::string* err) const;
  // Expands every string in a JSON value (object keys too).
  bool ExpandJson(const nlohmann::json& in, nlohmann::json* out, std::string* err) const;

 private:
  std::map<std::string, std::string> values_;
};

// Lists the variable names a template refers to; false with *err on a malformed reference.
bool ReferencedVariables(const std::string& text, std::vector<std::string>* names, std::string* err);

}  // namespace conform
