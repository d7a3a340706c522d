// The value domain: every class is drawn in the first draws of any seed (the coverage floor),
// each class is what its name says, and a seed always gives the same values.
#include "explore/value_domain.h"

#include <set>

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(ValueDomain, EveryClassIsDrawnFirstWhateverTheSeed) {
  for (uint64_t seed : {1u, 2u, 99u, 123456u}) {
    ValueGenerator values(seed);
    std::set<std::string> keys;
    for (size_t i = 0; i < AllValueClasses().size(); ++i) keys.insert(values.Next(static_cast<int>(i)).key);
    EXPECT_EQ(values.Undrawn(), 0u) << "seed " << seed;
    EXPECT_EQ(keys.size(), AllValueClasses().size()) << "seed " << seed << ": two classes made the same key";
  }
}

TEST(ValueDomain, ClassesAreWhatTheySay) {
  ValueGenerator values(1);
  EXPECT_EQ(values.Make(ValueClass::kString256, 0).value.get<std::string>().size(), 256u);
  EXPECT_EQ(values.Make(ValueClass::kString65536, 0).value.get<std::string>().size(), 65536u);
  EXPECT_EQ(values.Make(ValueClass::kNulCharacter, 0).value.get<std::string>(), std::string("a\0b", 3));
  EXPECT_EQ(values.Make(ValueClass::kKeyEmpty, 0).key, "");
  EXPECT_NE(values.Make(ValueClass::kKeyDot, 0).key.find('.'), std::string::npos);
  EXPECT_EQ(values.Make(ValueClass::kInteger2To53, 0).value.get<int64_t>(), int64_t{1} << 53);
  EXPECT_EQ(values.Make(ValueClass::kKeys1000, 0).value.size(), 1000u);
  nlohmann::json deep = values.Make(ValueClass::kDeep32, 0).value;
  int depth = 0;
  while (deep.is_object()) {
    deep = deep["d"];
    ++depth;
  }
  EXPECT_EQ(depth, 32);
  // Astral characters are four UTF-8 bytes; the value survives a JSON round trip unchanged.
  const nlohmann::json astral = values.Make(ValueClass::kAstral, 0).value;
  EXPECT_EQ(nlohmann::json::parse(astral.dump()), astral);
}

TEST(ValueDomain, TheSameSeedGivesTheSameValues) {
  ValueGenerator a(7), b(7), c(8);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const ConfigEntry x = a.Next(i), y = b.Next(i), z = c.Next(i);
    EXPECT_EQ(x.key, y.key);
    EXPECT_EQ(x.value, y.value);
    differs = differs || x.key != z.key;
  }
  EXPECT_TRUE(differs) << "another seed should draw another order";
}

}  // namespace
}  // namespace conform
