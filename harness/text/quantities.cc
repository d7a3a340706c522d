// Quantity parsing with std::from_chars-free, locale-independent number reading.
#include "text/quantities.h"

#include <cmath>
#include <sstream>

namespace conform {
namespace {

// Bounds that keep every conversion below in range (found by the flag_values fuzz target:
// "99999999999999999999ms" overflowed to a negative duration).
constexpr double kMaxMicroseconds = 30.0 * 24 * 3600 * 1e6;  // 30 days
constexpr double kMaxBytes = 1e15;
constexpr double kMinPerSecond = 1e-3;  // one request in about 17 minutes
constexpr double kMaxPerSecond = 1e9;

// Splits "12.5ms" into 12.5 and "ms"; false if no number leads. Uses the classic locale.
bool SplitNumber(const std::string& text, double* number, std::string* unit) {
  std::istringstream in(text);
  in.imbue(std::locale::classic());
  in >> *number;
  if (in.fail() || !std::isfinite(*number)) return false;
  std::getline(in, *unit);
  return true;
}

}  // namespace

bool ParseDuration(const std::string& text, int64_t* microseconds, std::string* err) {
  double number = 0;
  std::string unit;
  if (!SplitNumber(text, &number, &unit) || number < 0) {
    *err = "\"" + text + "\" is not a duration (e.g. 20ms, 1.5s)";
    return false;
  }
  double scale = 0;
  if (unit == "us") scale = 1;
  else if (unit == "ms" || unit.empty()) scale = 1e3;
  else if (unit == "s") scale = 1e6;
  else if (unit == "m") scale = 60e6;
  if (scale == 0) {
    *err = "\"" + text + "\": unknown unit \"" + unit + "\" (use us, ms, s or m)";
    return false;
  }
  if (number * scale > kMaxMicroseconds) {
    *err = "\"" + text + "\" is longer than 30 days";
    return false;
  }
  *microseconds = static_cast<int64_t>(std::llround(number * scale));
  return true;
}

bool ParseRate(const std::string& text, double* per_second, std::string* err) {
  double number = 0;
  std::string unit;
  if (!SplitNumber(text, &number, &unit) || number <= 0) {
    *err = "\"" + text + "\" is not a rate (e.g. 500/s)";
    return false;
  }
  if (unit.empty() || unit == "/s") *per_second = number;
  else if (unit == "/m") *per_second = number / 60.0;
  else {
    *err = "\"" + text + "\": unknown rate unit \"" + unit + "\" (use /s or /m)";
    return false;
  }
  if (*per_second < kMinPerSecond || *per_second > kMaxPerSecond) {
    *err = "\"" + text + "\" is outside 0.06/m to 1000000000/s";
    return false;
  }
  return true;
}

bool ParseSize(const std::string& text, size_t* bytes, std::string* err) {
  double number = 0;
  std::string unit;
  if (!SplitNumber(text, &number, &unit) || number <= 0) {
    *err = "\"" + text + "\" is not a size (e.g. 8MB)";
    return false;
  }
  double scale = 0;
  if (unit.empty() || unit == "B") scale = 1;
  else if (unit == "KB" || unit == "K") scale = 1024;
  else if (unit == "MB" || unit == "M") scale = 1024.0 * 1024;
  else if (unit == "GB" || unit == "G") scale = 1024.0 * 1024 * 1024;
  if (scale == 0) {
    *err = "\"" + text + "\": unknown unit \"" + unit + "\" (use B, KB, MB or GB)";
    return false;
  }
  if (number * scale < 1 || number * scale > kMaxBytes) {
    *err = "\"" + text + "\" is outside 1 byte to 1000 TB";
    return false;
  }
  *bytes = static_cast<size_t>(number * scale);
  return true;
}

std::string FormatFixed(double value, int digits) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.precision(digits);
  out << std::fixed << value;
  return out.str();
}

bool ParsePercent(const std::string& text, double* fraction, std::string* err) {
  double number = 0;
  std::string unit;
  if (!SplitNumber(text, &number, &unit) || number < 0 || !(unit.empty() || unit == "%")) {
    *err = "\"" + text + "\" is not a percentage (e.g. 20%)";
    return false;
  }
  *fraction = number / 100.0;
  return true;
}

}  // namespace conform
