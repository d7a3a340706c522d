#include "mock/freedom_effects.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace conform {
namespace {

bool RefusedKey(const std::string& key) { return (!key.empty() && key[0] == '$') || key.find('.') != std::string::npos; }

std::optional<FieldViolation> RefusedKeyIn(const nlohmann::json& value, const std::string& path) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string field = path + "." + it.key();
      if (RefusedKey(it.key())) {
        return FieldViolation{field, "keys may not start with '$' or hold '.'", "INVALID_KEY"};
      }
      if (auto v = RefusedKeyIn(it.value(), field)) return v;
    }
  } else if (value.is_array()) {
    for (const nlohmann::json& item : value) {
      if (auto v = RefusedKeyIn(item, path)) return v;
    }
  }
  return std::nullopt;
}

// 2^53: the largest integer a double holds exactly, and so the largest protobuf prints as one.
constexpr double kLargestExactInteger = 9007199254740992.0;

void AsDouble(nlohmann::json* number) {
  const double d = number->get<double>();
  // -0 stays a double: as an integer its sign would be lost, and protobuf prints "-0".
  if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= kLargestExactInteger && !(d == 0 && std::signbit(d))) {
    *number = static_cast<int64_t>(d);
  } else {
    *number = d;
  }
}

bool IsProto3Default(const nlohmann::json& value) {
  return (value.is_boolean() && !value.get<bool>()) || (value.is_number() && value == 0) ||
         (value.is_string() && value.get_ref<const std::string&>().empty()) || (value.is_array() && value.empty());
}

// Objects stay, even when emptied: protobuf prints a message field it was given as {}.
void OmitDefaults(nlohmann::json* value) {
  if (value->is_array()) {
    for (nlohmann::json& item : *value) OmitDefaults(&item);
    return;
  }
  if (!value->is_object()) return;
  for (auto it = value->begin(); it != value->end();) {
    OmitDefaults(&it.value());
    it = IsProto3Default(it.value()) ? value->erase(it) : std::next(it);
  }
}

void OmitInConnection(nlohmann::json* connection) {
  if (!connection->is_object()) return;
  nlohmann::json configuration;
  const bool has_configuration = connection->contains("configuration");
  if (has_configuration) configuration = std::move((*connection)["configuration"]);
  OmitDefaults(connection);
  if (has_configuration) (*connection)["configuration"] = std::move(configuration);
}

}  // namespace

std::optional<FieldViolation> RefusedKeyShape(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("externalDatabaseConnection")) return std::nullopt;
  const nlohmann::json& connection = body["externalDatabaseConnection"];
  if (!connection.is_object() || !connection.contains("configuration")) return std::nullopt;
  return RefusedKeyIn(connection["configuration"], "externalDatabaseConnection.configuration");
}

void StoreNumbersAsDoubles(nlohmann::json* value) {
  if (value->is_number()) {
    AsDouble(value);
  } else if (value->is_structured()) {
    for (nlohmann::json& item : *value) StoreNumbersAsDoubles(&item);
  }
}

void OmitProto3Defaults(nlohmann::json* answer) {
  if (!answer->is_object()) return;
  if (answer->contains("externalDatabaseConnection")) OmitInConnection(&(*answer)["externalDatabaseConnection"]);
  if (answer->contains("externalDatabaseConnections")) {
    nlohmann::json& items = (*answer)["externalDatabaseConnections"];
    if (items.is_array()) {
      for (nlohmann::json& item : items) OmitInConnection(&item);
    }
    if (IsProto3Default(items)) answer->erase("externalDatabaseConnections");
  }
  if (answer->contains("pagingMetadata")) OmitDefaults(&(*answer)["pagingMetadata"]);
}

std::string HttpDate(std::chrono::system_clock::time_point when) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char out[64];
  std::snprintf(out, sizeof(out), "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[utc.tm_wday], utc.tm_mday,
                kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return out;
}

std::string IsoTimestamp(int64_t unix_ms) {
  // A state file may hold anything: 1970 to the end of year 9999, as four digits can write it.
  unix_ms = std::clamp<int64_t>(unix_ms, 0, 253402300799999);
  const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char out[64];
  std::snprintf(out, sizeof(out), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(unix_ms % 1000));
  return out;
}

}  // namespace conform
