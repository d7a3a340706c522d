#include "mock/storage_faults.h"

#include <cstdint>

namespace conform {
namespace {

constexpr size_t kStringColumn = 255;
constexpr int kDepthLimit = 16;
constexpr size_t kKeysLimit = 500;

// Each four-byte UTF-8 sequence (a character past U+FFFF) becomes '?', as a MySQL utf8 (utf8mb3)
// column stores it.
std::string WithoutAstralCharacters(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) >> 3) == 0x1E && i + 3 < text.size()) {
      out += '?';
      i += 3;
    } else {
      out += text[i];
    }
  }
  return out;
}

void Bend(const FaultSet& faults, nlohmann::json* value, int depth) {
  const auto has = [&](Fault f) { return faults.count(f) > 0; };
  if (has(Fault::kDepthLimit16) && depth > kDepthLimit) {
    *value = nullptr;
    return;
  }
  if (value->is_string()) {
    std::string& text = value->get_ref<std::string&>();
    if (has(Fault::kCutAtNul) && text.find('\0') != std::string::npos) text.resize(text.find('\0'));
    if (has(Fault::kTruncateLongStrings) && text.size() > kStringColumn) text.resize(kStringColumn);
    if (has(Fault::kBmpOnlyStrings)) text = WithoutAstralCharacters(text);
  } else if (value->is_number_integer() && has(Fault::kInt32Numbers)) {
    *value = static_cast<int32_t>(static_cast<uint32_t>(value->get<int64_t>()));
  } else if (value->is_object()) {
    nlohmann::json kept = nlohmann::json::object();
    for (auto it = value->begin(); it != value->end(); ++it) {
      if (has(Fault::kDropDottedKeys) && it.key().find('.') != std::string::npos) continue;
      if (has(Fault::kKeysLimit500) && kept.size() >= kKeysLimit) break;
      nlohmann::json child = it.value();
      Bend(faults, &child, depth + 1);
      kept[it.key()] = std::move(child);
    }
    *value = std::move(kept);
  } else if (value->is_array()) {
    nlohmann::json kept = nlohmann::json::array();
    for (nlohmann::json child : *value) {
      if (has(Fault::kDropNullsInArrays) && child.is_null()) continue;
      Bend(faults, &child, depth + 1);
      if (has(Fault::kDedupeArrays) && std::find(kept.begin(), kept.end(), child) != kept.end()) continue;
      kept.push_back(std::move(child));
    }
    *value = std::move(kept);
  }
}

}  // namespace

void BendStoredConfiguration(const FaultSet& faults, nlohmann::json* configuration) { Bend(faults, configuration, 1); }

}  // namespace conform
