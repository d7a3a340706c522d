// Reads files and parses JSON; nlohmann's exceptions stop here and become messages.
#include "load/json_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "text/json_text.h"
#include "text/utf8.h"

namespace conform {

bool ReadTextFile(const std::string& path, std::string* out, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = path + ": cannot read: " + std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    *err = path + ": read failed";
    return false;
  }
  *out = buffer.str();
  return true;
}

namespace {

// nlohmann reports a byte offset; people read lines and columns.
std::string LineAndColumn(const std::string& text, size_t byte) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < text.size() && i + 1 < byte; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

bool ParseJson(const std::string& text, const std::string& label, nlohmann::json* out, std::string* err) {
  size_t where = 0;
  if (JsonNestingDepth(text, kMaxJsonDepth, &where) > kMaxJsonDepth) {
    *err = label + ": invalid JSON at " + LineAndColumn(text, where + 1) + ": " + TooDeepMessage() + " (conform's limit)";
    return false;
  }
  try {
    *out = nlohmann::json::parse(text);
    return true;
  } catch (const nlohmann::json::parse_error& e) {
    *err = label + ": invalid JSON at " + LineAndColumn(text, e.byte) + ": " + ParserWords(e);
    return false;
  } catch (const nlohmann::json::exception& e) {
    // A number past a double ("1e400") is out_of_range, not a parse_error, and carries no
    // position: the parser's own words say which (found by the config_file fuzz target).
    *err = label + ": invalid JSON: " + Utf8Shorten(ParserWords(e), 160);
    return false;
  }
}

bool ReadJsonFile(const std::string& path, nlohmann::json* out, std::string* err) {
  std::string text;
  return ReadTextFile(path, &text, err) && ParseJson(text, path, out, err);
}

}  // namespace conform
