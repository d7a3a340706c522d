// What the semantic freedoms of mock/freedoms.h do to a body, a stored value or an answer. Pure
// functions; the store and the HTTP layer call them where each freedom acts.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "contract/connection_rules.h"

namespace conform {

// validate-first: the first configuration key, at any depth, of a shape a document store refuses
// (starting with '$' or holding '.'), as a violation naming its path; none when all are fine.
std::optional<FieldViolation> RefusedKeyShape(const nlohmann::json& body);

// double-numbers: every number in `value` as a protobuf Struct holds it, an IEEE double, written
// back as protobuf's JSON printer does: an integral double of at most 2^53 as an integer.
void StoreNumbersAsDoubles(nlohmann::json* value);

// proto3-omissions: a 2xx answer without proto3 default values (empty arrays, false, 0, "") in the
// connections' server-owned fields and the list's page; configuration, the client's data, is kept.
void OmitProto3Defaults(nlohmann::json* answer);

// An RFC 7231 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), whatever the process's locale.
std::string HttpDate(std::chrono::system_clock::time_point when);

// An ISO 8601 timestamp in UTC with milliseconds ("2026-11-28T10:00:00.123Z"), clamped to years 1970 to 9999.
std::string IsoTimestamp(int64_t unix_ms);

}  // namespace conform
