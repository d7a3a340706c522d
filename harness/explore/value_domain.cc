#include "explore/value_domain.h"

#include <algorithm>
#include <limits>

namespace conform {
namespace {

std::string Repeat(const std::string& unit, size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

nlohmann::json Deep(int levels) {
  nlohmann::json value = "bottom";
  for (int i = 0; i < levels; ++i) value = nlohmann::json{{"d", value}};
  return value;
}

nlohmann::json ManyKeys(size_t count) {
  nlohmann::json object = nlohmann::json::object();
  for (size_t i = 0; i < count; ++i) object["k" + std::to_string(i)] = static_cast<int>(i);
  return object;
}

bool IsHeavy(ValueClass c) {
  return c == ValueClass::kString4096 || c == ValueClass::kString65536 || c == ValueClass::kKeys1000 ||
         c == ValueClass::kDeep32 || c == ValueClass::kBody256K;
}

}  // namespace

const std::vector<ValueClass>& AllValueClasses() {
  static const std::vector<ValueClass> kAll = [] {
    std::vector<ValueClass> all;
    for (int c = 0; c <= static_cast<int>(ValueClass::kBody256K); ++c) all.push_back(static_cast<ValueClass>(c));
    return all;
  }();
  return kAll;
}

const char* ValueClassName(ValueClass c) {
  switch (c) {
    case ValueClass::kEmptyString: return "string-empty";
    case ValueClass::kString1: return "string-1";
    case ValueClass::kString255: return "string-255";
    case ValueClass::kString256: return "string-256";
    case ValueClass::kString1024: return "string-1024";
    case ValueClass::kString1025: return "string-1025";
    case ValueClass::kString4096: return "string-4096";
    case ValueClass::kString65536: return "string-65536";
    case ValueClass::kAccents: return "accents";
    case ValueClass::kCjk: return "cjk";
    case ValueClass::kAstral: return "astral";
    case ValueClass::kCombining: return "combining-marks";
    case ValueClass::kRightToLeft: return "right-to-left";
    case ValueClass::kNulCharacter: return "nul-character";
    case ValueClass::kKeyEmpty: return "key-empty";
    case ValueClass::kKeyLong: return "key-long";
    case ValueClass::kKeyDot: return "key-dot";
    case ValueClass::kKeySlash: return "key-slash";
    case ValueClass::kKeyDollar: return "key-dollar";
    case ValueClass::kKeyPercent: return "key-percent";
    case ValueClass::kKeySpace: return "key-space";
    case ValueClass::kKeyNonAscii: return "key-non-ascii";
    case ValueClass::kZero: return "zero";
    case ValueClass::kNegativeZero: return "negative-zero";
    case ValueClass::kNegative: return "negative";
    case ValueClass::kFraction: return "fraction";
    case ValueClass::kExponent: return "exponent";
    case ValueClass::kLargestDouble: return "largest-double";
    case ValueClass::kSmallestDouble: return "smallest-double";
    case ValueClass::kInteger2To53: return "integer-2^53";
    case ValueClass::kTrue: return "true";
    case ValueClass::kFalse: return "false";
    case ValueClass::kNull: return "null";
    case ValueClass::kNullInArray: return "null-in-array";
    case ValueClass::kEmptyObject: return "empty-object";
    case ValueClass::kEmptyArray: return "empty-array";
    case ValueClass::kNestedEmpty: return "nested-empty";
    case ValueClass::kMixedArray: return "mixed-array";
    case ValueClass::kRepeatedUnsorted: return "repeated-unsorted";
    case ValueClass::kDeep32: return "deep-32";
    case ValueClass::kKeys1000: return "keys-1000";
    case ValueClass::kBody256K: return "body-256k";
  }
  return "?";
}

ConfigEntry ValueGenerator::Make(ValueClass c, int tag) {
  ConfigEntry e;
  e.key = "k" + std::to_string(tag) + "-" + ValueClassName(c);
  switch (c) {
    case ValueClass::kEmptyString: e.value = ""; break;
    case ValueClass::kString1: e.value = "x"; break;
    case ValueClass::kString255: e.value = Repeat("a", 255); break;
    case ValueClass::kString256: e.value = Repeat("b", 256); break;
    case ValueClass::kString1024: e.value = Repeat("c", 1024); break;
    case ValueClass::kString1025: e.value = Repeat("d", 1025); break;
    case ValueClass::kString4096: e.value = Repeat("e", 4096); break;
    case ValueClass::kString65536: e.value = Repeat("f", 65536); break;
    case ValueClass::kAccents: e.value = "\xC3\xA9t\xC3\xA9 \xC3\xA0 Z\xC3\xBCrich, \xC3\xB1"; break;        // été à Zürich, ñ
    case ValueClass::kCjk: e.value = "\xE6\x95\xB0\xE6\x8D\xAE\xE5\xBA\x93 \xED\x85\x8C\xEC\x9D\xB4\xEB\xB8\x94"; break;  // 数据库 테이블
    case ValueClass::kAstral: e.value = "\xF0\x9F\x98\x80\xF0\x9F\x9A\x80 \xF0\x9D\x90\x80"; break;          // 😀🚀 𝐀
    case ValueClass::kCombining: e.value = "e\xCC\x81 a\xCC\x8A n\xCC\x83"; break;                           // é å ñ, decomposed
    case ValueClass::kRightToLeft: e.value = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"; break;  // שלום مرحبا
    case ValueClass::kNulCharacter: e.value = std::string("a\0b", 3); break;
    case ValueClass::kKeyEmpty: e.key = ""; e.value = "empty key"; break;
    case ValueClass::kKeyLong: e.key = "k" + std::to_string(tag) + Repeat("long", 64); e.value = 1; break;
    case ValueClass::kKeyDot: e.key = "k" + std::to_string(tag) + ".with.dots"; e.value = "dotted"; break;
    case ValueClass::kKeySlash: e.key = "k" + std::to_string(tag) + "/with/slashes"; e.value = "slashed"; break;
    case ValueClass::kKeyDollar: e.key = "$k" + std::to_string(tag); e.value = "dollar"; break;
    case ValueClass::kKeyPercent: e.key = "k" + std::to_string(tag) + "%20%"; e.value = "percent"; break;
    case ValueClass::kKeySpace: e.key = "k" + std::to_string(tag) + " with space"; e.value = "spaced"; break;
    case ValueClass::kKeyNonAscii: e.key = "cl\xC3\xA9-" + std::to_string(tag) + "-\xE9\x94\xAE"; e.value = "non-ascii key"; break;
    case ValueClass::kZero: e.value = 0; break;
    case ValueClass::kNegativeZero: e.value = -0.0; break;
    case ValueClass::kNegative: e.value = -42; break;
    case ValueClass::kFraction: e.value = 0.1; break;
    case ValueClass::kExponent: e.value = 6.02e23; break;
    case ValueClass::kLargestDouble: e.value = std::numeric_limits<double>::max(); break;
    case ValueClass::kSmallestDouble: e.value = std::numeric_limits<double>::denorm_min(); break;
    case ValueClass::kInteger2To53: e.value = static_cast<int64_t>(1) << 53; break;
    case ValueClass::kTrue: e.value = true; break;
    case ValueClass::kFalse: e.value = false; break;
    case ValueClass::kNull: e.value = nullptr; break;
    case ValueClass::kNullInArray: e.value = nlohmann::json::array({1, nullptr, 3}); break;
    case ValueClass::kEmptyObject: e.value = nlohmann::json::object(); break;
    case ValueClass::kEmptyArray: e.value = nlohmann::json::array(); break;
    case ValueClass::kNestedEmpty: e.value = {{"a", nlohmann::json::object()}, {"b", nlohmann::json::array({nlohmann::json::array()})}}; break;
    case ValueClass::kMixedArray: e.value = nlohmann::json::array({"s", 1, 2.5, true, nullptr, nlohmann::json::object(), nlohmann::json::array()}); break;
    case ValueClass::kRepeatedUnsorted: e.value = nlohmann::json::array({3, 1, 3, 2, 1}); break;
    case ValueClass::kDeep32: e.value = Deep(32); break;
    case ValueClass::kKeys1000: e.value = ManyKeys(1000); break;
    case ValueClass::kBody256K: e.value = Repeat("z", 256 * 1024); break;
  }
  return e;
}

ConfigEntry ValueGenerator::Next(int tag) {
  if (!shuffled_) {
    floor_ = AllValueClasses();
    std::shuffle(floor_.begin(), floor_.end(), random_);
    shuffled_ = true;
  }
  if (drawn_ < floor_.size()) return Make(floor_[drawn_++], tag);
  // After the floor the heavy classes (tens of kilobytes each) come a 25th as often, and the
  // 256 KB value not again, so a long exploration spends its time on sequences rather than
  // on shipping bytes.
  const auto& all = AllValueClasses();
  for (;;) {
    const ValueClass c = all[std::uniform_int_distribution<size_t>(0, all.size() - 1)(random_)];
    if (c == ValueClass::kBody256K) continue;
    if (!IsHeavy(c) || std::uniform_int_distribution<int>(0, 24)(random_) == 0) return Make(c, tag);
  }
}

}  // namespace conform
