// Parses the quantities flags take: durations ("20ms"), rates ("500/s"), percentages ("20%").
// Pure; every failure is a one-line message naming the text.
#pragma once

#include <cstdint>
#include <string>

namespace conform {

// "250us", "20ms", "1.5s", "2m"; a bare number is milliseconds. Result in microseconds, >= 0.
bool ParseDuration(const std::string& text, int64_t* microseconds, std::string* err);

// "500/s", "30/m", "500" (per second). Result in requests per second, > 0.
bool ParseRate(const std::string& text, double* per_second, std::string* err);

// "512", "64KB", "8MB" (powers of 1024) -> bytes, > 0.
bool ParseSize(const std::string& text, size_t* bytes, std::string* err);

// value with exactly `digits` decimals, whatever the C++ locale: "12.345".
std::string FormatFixed(double value, int digits);

// "20%" or "20" -> 0.20; must be >= 0.
bool ParsePercent(const std::string& text, double* fraction, std::string* err);

}  // namespace conform
