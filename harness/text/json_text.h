// JSON text that comes from outside (answers, requests to the mock, case, config and report
// files) is measured for nesting before it is parsed, so no recursive code (the redactor, the
// snapshots, dump) ever sees more than kMaxJsonDepth levels. Pure.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace conform {

// Well above anything the contract needs: the cases and exploration send at most 34 levels (a
// 32-deep value in configuration, inside its envelope), the profile's limit search up to 253 (250
// in configuration; it reads an echo only this deep), and Wix keeps configuration in a protobuf
// Struct, whose parsers refuse nesting beyond 100 levels. Deep enough for any honest server,
// shallow enough that walking it recursively costs a few kilobytes of stack on any thread.
constexpr int kMaxJsonDepth = 256;

// The deepest nesting of arrays and objects in `text`, counting outside strings only; stops
// counting at limit + 1, and then sets *where to the byte that went past the limit. Iterative:
// safe on any input.
int JsonNestingDepth(std::string_view text, int limit = kMaxJsonDepth, size_t* where = nullptr);

// Why a text could not be parsed: "" (it was), "not JSON", or a nesting message.
enum class JsonTextError { kNone, kInvalid, kTooDeep };

// Parses text as JSON; a discarded value when it is not JSON or nests deeper than kMaxJsonDepth.
// Never throws.
nlohmann::json ParseJsonText(std::string_view text, JsonTextError* error = nullptr);

// Why text is not JSON, as the parser says it ("number overflow parsing '1e400'", "invalid
// string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"), cut to a line; "" when
// it parses. For error paths only: it parses again.
std::string JsonParseProblem(std::string_view text);

// The parser's own words for an error, without nlohmann's "[json.exception...]" and "parse error at
// line L, column C:" prefixes.
std::string ParserWords(const nlohmann::json::exception& e);

// "nests deeper than 256 levels of arrays and objects" (for messages and findings).
std::string TooDeepMessage();

// Serialises a value that may hold strings cut or received without UTF-8 checks: invalid bytes
// become U+FFFD instead of an exception.
std::string DumpJson(const nlohmann::json& value, int indent = -1);

}  // namespace conform
