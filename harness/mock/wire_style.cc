#include "mock/wire_style.h"

namespace conform {
namespace {

std::string Scalar(const nlohmann::json& value, const WireStyle& style) {
  return value.dump(-1, ' ', style.ascii_escapes, nlohmann::json::error_handler_t::replace);
}

void Write(const nlohmann::json& value, const WireStyle& style, std::string* out) {
  if (value.is_object()) {
    std::vector<std::pair<std::string, const nlohmann::json*>> members;
    for (auto it = value.begin(); it != value.end(); ++it) members.emplace_back(it.key(), &it.value());
    if (style.reversed_keys) std::reverse(members.begin(), members.end());
    *out += '{';
    for (size_t i = 0; i < members.size(); ++i) {
      if (i) *out += ',';
      *out += Scalar(nlohmann::json(members[i].first), style) + ':';
      Write(*members[i].second, style, out);
    }
    *out += '}';
  } else if (value.is_array()) {
    *out += '[';
    for (size_t i = 0; i < value.size(); ++i) {
      if (i) *out += ',';
      Write(value[i], style, out);
    }
    *out += ']';
  } else if (value.is_number_integer() && style.float_numbers) {
    *out += Scalar(value, style) + ".0";
  } else {
    *out += Scalar(value, style);
  }
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& WireVariants() {
  static const std::vector<std::pair<std::string, std::string>> kVariants = {
      {"float-numbers", "every integer written as a float (5 as 5.0)"},
      {"reversed-keys", "object keys in reverse order"},
      {"ascii-escapes", "non-ASCII characters written as \\u escapes"},
      {"chunked", "bodies sent with Transfer-Encoding: chunked"},
      {"connection-close", "every answer closes its connection"},
  };
  return kVariants;
}

bool ApplyWireVariant(const std::string& name, WireStyle* style) {
  if (name == "float-numbers") style->float_numbers = true;
  else if (name == "reversed-keys") style->reversed_keys = true;
  else if (name == "ascii-escapes") style->ascii_escapes = true;
  else if (name == "chunked") style->chunked = true;
  else if (name == "connection-close") style->connection_close = true;
  else return false;
  return true;
}

std::string WriteJson(const nlohmann::json& value, const WireStyle& style) {
  if (!style.float_numbers && !style.reversed_keys) return Scalar(value, style);
  std::string out;
  Write(value, style, &out);
  return out;
}

}  // namespace conform
