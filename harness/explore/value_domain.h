// The values exploration puts into configuration: a domain built to break naive storage (string
// columns, JSON libraries, key-value stores, caches). Each class is one way a value can be
// unusual; a run draws every class at least once (the coverage floor), then at random.
// Pure and deterministic: the same seed gives the same values.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace conform {

enum class ValueClass {
  kEmptyString, kString1, kString255, kString256, kString1024, kString1025, kString4096, kString65536,
  kAccents, kCjk, kAstral, kCombining, kRightToLeft, kNulCharacter,
  kKeyEmpty, kKeyLong, kKeyDot, kKeySlash, kKeyDollar, kKeyPercent, kKeySpace, kKeyNonAscii,
  kZero, kNegativeZero, kNegative, kFraction, kExponent, kLargestDouble, kSmallestDouble, kInteger2To53,
  kTrue, kFalse, kNull, kNullInArray,
  kEmptyObject, kEmptyArray, kNestedEmpty,
  kMixedArray, kRepeatedUnsorted,
  kDeep32, kKeys1000,
  kBody256K,  // a value of 256 KB: a body near the size a server accepts
};

// Every class, in declaration order.
const std::vector<ValueClass>& AllValueClasses();
// A short stable name ("string-256", "key-dot", ...), used in found cases and coverage reports.
const char* ValueClassName(ValueClass c);

// One configuration entry: a key and its value (key classes vary the key, value classes the value).
struct ConfigEntry {
  std::string key;
  nlohmann::json value;
};

class ValueGenerator {
 public:
  explicit ValueGenerator(uint64_t seed) : random_(seed) {}

  // An entry of class `c`; `tag` makes keys of ordinary classes distinct ("k3-string-256").
  ConfigEntry Make(ValueClass c, int tag);
  // The next entry: the classes not drawn yet come first, in a shuffled order, then any at random.
  ConfigEntry Next(int tag);
  // Classes not drawn yet; empty once the coverage floor is met.
  size_t Undrawn() const { return AllValueClasses().size() - drawn_; }
  std::mt19937_64& random() { return random_; }

 private:
  std::mt19937_64 random_;
  std::vector<ValueClass> floor_;  // the classes still owed, shuffled once
  size_t drawn_ = 0;
  bool shuffled_ = false;
};

}  // namespace conform
