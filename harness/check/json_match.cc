// Recursive JSON comparisons.
#include "check/json_match.h"

#include "text/json_text.h"
#include "text/utf8.h"

namespace conform {
namespace {

using Pointer = nlohmann::json::json_pointer;

std::optional<Mismatch> Differ(const Pointer& at, const nlohmann::json& expected, const nlohmann::json* actual) {
  return Mismatch{at.to_string(), Shorten(expected), actual ? Shorten(*actual) : "(absent)"};
}

std::optional<Mismatch> Subset(const Pointer& at, const nlohmann::json& expected, const nlohmann::json& actual) {
  if (expected.is_object() && actual.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      auto found = actual.find(it.key());
      if (found == actual.end()) {
        if (it.value().is_null()) continue;
        return Differ(at / it.key(), it.value(), nullptr);
      }
      if (auto m = Subset(at / it.key(), it.value(), *found)) return m;
    }
    return std::nullopt;
  }
  if (expected != actual) return Differ(at, expected, &actual);
  return std::nullopt;
}

// Collects differences between expected and actual into out, stopping at limit.
void Collect(const Pointer& at, const nlohmann::json& expected, const nlohmann::json& actual, size_t limit,
             std::vector<Mismatch>* out) {
  if (out->size() >= limit) return;
  if (expected.is_object() && actual.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      auto found = actual.find(it.key());
      if (found == actual.end()) {
        if (out->size() < limit) out->push_back(*Differ(at / it.key(), it.value(), nullptr));
      } else {
        Collect(at / it.key(), it.value(), *found, limit, out);
      }
    }
    for (auto it = actual.begin(); it != actual.end(); ++it) {
      if (!expected.contains(it.key()) && out->size() < limit) {
        out->push_back(Mismatch{(at / it.key()).to_string(), "(absent)", Shorten(it.value())});
      }
    }
    return;
  }
  if (expected.is_array() && actual.is_array() && expected.size() == actual.size()) {
    for (size_t i = 0; i < expected.size(); ++i) Collect(at / i, expected[i], actual[i], limit, out);
    return;
  }
  if (expected != actual) out->push_back(*Differ(at, expected, &actual));
}

}  // namespace

std::optional<Mismatch> FirstSubsetMismatch(const nlohmann::json& expected, const nlohmann::json& actual) {
  return Subset(Pointer(), expected, actual);
}

std::vector<Mismatch> Differences(const nlohmann::json& expected, const nlohmann::json& actual, size_t limit) {
  std::vector<Mismatch> out;
  Collect(Pointer(), expected, actual, limit, &out);
  return out;
}

std::optional<Mismatch> FirstDifference(const nlohmann::json& expected, const nlohmann::json& actual) {
  std::vector<Mismatch> out = Differences(expected, actual, 1);
  if (out.empty()) return std::nullopt;
  return out.front();
}

std::string Shorten(const nlohmann::json& value, size_t max_chars) {
  return Utf8Shorten(DumpJson(value), max_chars);
}

}  // namespace conform
