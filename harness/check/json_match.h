// Structural comparison of JSON values, reporting where they first differ. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace conform {

struct Mismatch {
  std::string pointer;
  std::string expected;  // compact JSON, or "(absent)"
  std::string actual;
};

// expected is contained in actual: every key of an expected object is present and matches
// recursively; arrays and scalars must be equal. An expected null matches null or absent.
std::optional<Mismatch> FirstSubsetMismatch(const nlohmann::json& expected, const nlohmann::json& actual);

// Full equality: up to limit differences, in document order (keys of both sides are visited).
std::vector<Mismatch> Differences(const nlohmann::json& expected, const nlohmann::json& actual, size_t limit);

// Full equality, reporting the first difference.
std::optional<Mismatch> FirstDifference(const nlohmann::json& expected, const nlohmann::json& actual);

// Compact JSON, cut to max_chars with "..." so findings stay one line.
std::string Shorten(const nlohmann::json& value, size_t max_chars = 120);

}  // namespace conform
