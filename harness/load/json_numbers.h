// Whole numbers read from JSON that came from outside. nlohmann's get<int>() on a number that is
// a fraction or out of range converts a double to an integer, which is undefined behaviour for
// large values (found by the config_file fuzz target: "timeout_ms": 2.5e126). Pure.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace conform {

// v as a T, if it is a whole number T can hold (200 or 200.0: JSON Schema's "integer" takes
// both, and so does conform); nothing otherwise.
template <typename T>
std::optional<T> AsWhole(const nlohmann::json& v) {
  static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
  if (v.is_number_unsigned()) {
    const uint64_t x = v.get<uint64_t>();
    if (x > static_cast<uint64_t>(std::numeric_limits<T>::max())) return std::nullopt;
    return static_cast<T>(x);
  }
  if (v.is_number_integer()) {
    const int64_t x = v.get<int64_t>();
    if constexpr (std::is_unsigned_v<T>) {
      if (x < 0) return std::nullopt;
      if (static_cast<uint64_t>(x) > static_cast<uint64_t>(std::numeric_limits<T>::max())) return std::nullopt;
    } else {
      if (x < static_cast<int64_t>(std::numeric_limits<T>::min()) || x > static_cast<int64_t>(std::numeric_limits<T>::max())) {
        return std::nullopt;
      }
    }
    return static_cast<T>(x);
  }
  if (v.is_number_float()) {
    const double d = v.get<double>();
    // Compared as doubles first: only a value inside T's range is ever converted.
    if (!std::isfinite(d) || d != std::trunc(d)) return std::nullopt;
    if (d < static_cast<double>(std::numeric_limits<T>::min()) || d >= static_cast<double>(std::numeric_limits<T>::max())) {
      return std::nullopt;
    }
    return static_cast<T>(d);
  }
  return std::nullopt;
}

// object[key] as a T when it is a whole number T can hold; fallback when it is missing or anything else.
template <typename T>
T WholeOr(const nlohmann::json& object, const char* key, T fallback) {
  if (!object.is_object()) return fallback;
  const auto it = object.find(key);
  if (it == object.end()) return fallback;
  return AsWhole<T>(*it).value_or(fallback);
}

}  // namespace conform
