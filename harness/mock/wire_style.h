// How the mock writes its answers on the wire, where the contract lets servers differ: numbers
// written as 5.0, object keys in another order, non-ASCII as \u escapes, chunked bodies,
// `Connection: close`. A checker that flags any of these is wrong; the tests run conform
// against each (`conform mock --variant NAME`). Pure.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace conform {

struct WireStyle {
  bool float_numbers = false;     // every integer written as a float: 5 -> 5.0
  bool reversed_keys = false;     // object keys in reverse order
  bool ascii_escapes = false;     // non-ASCII characters as \uXXXX escapes
  bool chunked = false;           // bodies sent with Transfer-Encoding: chunked
  bool connection_close = false;  // every answer closes its connection
};

// The variant names and what each does, for --help and docs/mock.md.
const std::vector<std::pair<std::string, std::string>>& WireVariants();
// Turns on the variant `name`; false if unknown.
bool ApplyWireVariant(const std::string& name, WireStyle* style);

// The JSON text of `value` in `style` (invalid UTF-8 written as U+FFFD, never thrown over).
std::string WriteJson(const nlohmann::json& value, const WireStyle& style);

}  // namespace conform
