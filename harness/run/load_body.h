// The body `conform load` PUTs, and what a read-back of it may show. Each body is unique to its
// connection and sequence number, in the endpoint as well as the configuration, so a read-back
// tells a torn state (fields of different PUTs) from a stale one (an older PUT, whole) or a
// crossed one (another connection's PUT, whole).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace conform {

// The PUT body, built as text: this is the hot path of the load loop. quoted_name is the
// connection's name as a JSON string; secret needs no escaping.
std::string LoadPutBody(const std::string& secret, const std::string& quoted_name, uint64_t sequence);

// "" when the read-back's writable state is exactly the body of PUT `sequence` of `name`; else
// the error kind: "oracle-stale" (an older PUT of this connection), "oracle-crossed" (a PUT of
// another connection), "oracle-torn" (no body that was sent: fields from different PUTs).
std::string JudgeReadBack(const nlohmann::json& state, const std::string& secret, const std::string& name,
                          uint64_t sequence);

// One line on what a read-back error kind means; "" for other kinds.
std::string ReadBackErrorMeaning(const std::string& kind);

}  // namespace conform
