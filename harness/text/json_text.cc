#include "text/json_text.h"

#include <algorithm>

#include "text/utf8.h"

namespace conform {

int JsonNestingDepth(std::string_view text, int limit, size_t* where) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;  // the escaped character cannot end the string
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) {
        if (where) *where = i;
        return deepest;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

nlohmann::json ParseJsonText(std::string_view text, JsonTextError* error) {
  if (error) *error = JsonTextError::kNone;
  if (JsonNestingDepth(text) > kMaxJsonDepth) {
    if (error) *error = JsonTextError::kTooDeep;
    return nlohmann::json(nlohmann::json::value_t::discarded);
  }
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() && error) *error = JsonTextError::kInvalid;
  return parsed;
}

std::string JsonParseProblem(std::string_view text) {
  if (JsonNestingDepth(text) > kMaxJsonDepth) return TooDeepMessage();
  try {
    const nlohmann::json parsed = nlohmann::json::parse(text);
    return parsed.is_discarded() ? "not JSON" : "";
  } catch (const nlohmann::json::exception& e) {
    return Utf8Shorten(ParserWords(e), 160);
  }
}

std::string ParserWords(const nlohmann::json::exception& e) {
  std::string what = e.what();
  // "[json.exception.parse_error.101] parse error at line 1, column 2: detail" -> "detail";
  // "[json.exception.out_of_range.406] number overflow parsing '1e400'" -> the rest.
  const size_t bracket = what.find("] ");
  if (bracket != std::string::npos) what = what.substr(bracket + 2);
  if (what.rfind("parse error", 0) == 0 && what.find(": ") != std::string::npos) what = what.substr(what.find(": ") + 2);
  return what;
}

std::string TooDeepMessage() {
  return "nests deeper than " + std::to_string(kMaxJsonDepth) + " levels of arrays and objects";
}

std::string DumpJson(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace conform
