#include "load/schema_patterns.h"

#include <cctype>
#include <regex>

namespace conform {
namespace {

constexpr int kMaxNesting = 16;
constexpr long kMaxBound = 1000;
// Each quantifier can double the paths a backtracking matcher tries: 70 `?` took the schema fuzz
// target over 10 s on a one-letter string.
constexpr int kMaxQuantifiers = 16;

// A quantifier's bounds "{n}", "{n,m}", "{n,}" starting at pattern[i] == '{'; *end is one past '}'.
// false when the braces are not a quantifier (ECMAScript reads them as literal text then).
bool ReadBounds(const std::string& pattern, size_t i, size_t* end, long* low, long* high, bool* open) {
  const size_t close = pattern.find('}', i);
  if (close == std::string::npos) return false;
  const std::string inside = pattern.substr(i + 1, close - i - 1);
  const size_t comma = inside.find(',');
  const std::string first = inside.substr(0, comma);
  const std::string second = comma == std::string::npos ? first : inside.substr(comma + 1);
  auto digits = [](const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; };
  if (!digits(first) || (!second.empty() && !digits(second))) return false;
  // Long digit runs stand for "too many" without being converted (libstdc++ overflows on them).
  auto value = [](const std::string& s) { return s.size() > 6 ? kMaxBound + 1 : std::stol(s); };
  *low = value(first);
  *open = second.empty();
  *high = *open ? *low : value(second);
  *end = close + 1;
  return true;
}

std::string Structure(const std::string& pattern) {
  int depth = 0;
  int quantifiers = 0;
  bool in_class = false;
  auto quantifier = [&] { return ++quantifiers > kMaxQuantifiers; };
  const std::string too_many = "uses more than " + std::to_string(kMaxQuantifiers) + " quantifiers (? or {n,m}): matching time can grow exponentially with them";
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      // An escaped character is a literal, but \NNN is a back-reference whose number libstdc++
      // reads into a long without an overflow check (found by the schema fuzz target).
      size_t run = 0;
      while (i + 1 + run < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[i + 1 + run]))) ++run;
      if (run > 2) return "holds a back-reference number of more than two digits";
      i += run > 0 ? run : 1;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      if (++depth > kMaxNesting) return "nests groups more than " + std::to_string(kMaxNesting) + " deep";
      if (i + 1 < pattern.size() && pattern[i + 1] == '?') ++i;  // (?: (?= (?!: a group kind, not a quantifier
    } else if (c == '?') {
      if (quantifier()) return too_many;
    } else if (c == ')') {
      --depth;
    } else if (c == '*' || c == '+') {
      return std::string("repeats without a bound ('") + c + "'); write {0,N} or {1,N}";
    } else if (c == '{') {
      // Digits after '{' are read into a long by libstdc++ even when no '}' follows.
      size_t k = i + 1;
      for (int run = 0; run < 2; ++run) {
        const size_t start = k;
        while (k < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[k]))) ++k;
        if (k - start > 6) return "has a number of more than six digits after '{'";
        if (k >= pattern.size() || pattern[k] != ',') break;
        ++k;
      }
      size_t end = 0;
      long low = 0, high = 0;
      bool open = false;
      if (!ReadBounds(pattern, i, &end, &low, &high, &open)) continue;
      if (quantifier()) return too_many;
      if (open) return "repeats without a bound ({n,}); write {n,N}";
      if (high > kMaxBound) return "repeats up to " + std::to_string(high) + " times (at most " + std::to_string(kMaxBound) + ")";
      i = end - 1;
    }
  }
  return "";
}

std::string FindPatternProblem(const nlohmann::json& node, const std::string& at, std::string* why) {
  if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) {
      std::string found = FindPatternProblem(node[i], at + "/" + std::to_string(i), why);
      if (!found.empty()) return found;
    }
  }
  if (!node.is_object()) return "";
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string& key = it.key();
    const std::string here = at + (nlohmann::json::json_pointer() / key).to_string();
    if (key == "enum" || key == "const" || key == "default" || key == "examples") continue;
    if (key == "pattern" && it->is_string() && !(*why = PatternProblem(it->get<std::string>())).empty()) return here;
    if (key == "patternProperties" && it->is_object()) {
      for (auto p = it->begin(); p != it->end(); ++p) {
        if (!(*why = PatternProblem(p.key())).empty()) return here + (nlohmann::json::json_pointer() / p.key()).to_string();
      }
    }
    std::string found = FindPatternProblem(*it, here, why);
    if (!found.empty()) return found;
  }
  return "";
}

}  // namespace

std::string PatternProblem(const std::string& pattern) {
  // The structure first: compiling a deeply nested pattern is itself what overflows.
  if (std::string problem = Structure(pattern); !problem.empty()) return problem;
  try {
    std::regex compiled(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    return std::string("not a regular expression std::regex accepts (") + e.what() + ")";
  }
  return "";
}

bool CheckSchemaPatterns(const nlohmann::json& doc, const std::string& file, std::string* err) {
  std::string why;
  const std::string at = FindPatternProblem(doc, "", &why);
  if (at.empty()) return true;
  *err = file + ": " + at + ": the pattern " + why;
  return false;
}

}  // namespace conform
