// The contract's rules for a connection in a request body: which fields are writable, what makes
// a body invalid. Shared by the mock's store and by conform's replace oracle. Pure.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace conform {

constexpr size_t kMaxNameLength = 255;

// The fields a client may set; everything else in the object is read-only [D,S].
const std::vector<std::string>& WritableFields();

// A field violation, as Wix names it: field is a body path like "externalDatabaseConnection.endpoint".
struct FieldViolation {
  std::string field;
  std::string description;
  std::string rule;
};

// The connection's name when it is an object whose "name" is a string; "" otherwise (a server
// may answer null, a number or nothing: reading it must never throw).
std::string NameOf(const nlohmann::json& connection);

// Checks name length (1..255 characters).
std::optional<FieldViolation> CheckName(const std::string& name);

// Checks the body's "externalDatabaseConnection": an object whose endpoint is null or an http(s)
// URL and whose configuration is null or an object. Does not look at name.
std::optional<FieldViolation> CheckConnectionBody(const nlohmann::json& body);

// 400, 413 and 422: the answers a server gives a body, or a name, it will not take.
bool IsBodyRefusal(int status);

// The writable part of a connection, normalised so that null, absent and empty configuration
// compare equal: null members are dropped (recursively inside configuration), and an empty
// configuration is dropped.
nlohmann::json WritableState(const nlohmann::json& connection);

}  // namespace conform
