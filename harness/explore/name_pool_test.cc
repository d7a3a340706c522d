#include "explore/name_pool.h"

#include <set>

#include <gtest/gtest.h>

#include "check/name_relations.h"
#include "load/variables.h"
#include "text/utf8.h"

namespace conform {
namespace {

std::string Expanded(const std::string& name_template) {
  Variables vars;
  vars.Set("name", "conform-0123abcd-explore");
  std::string out, err;
  EXPECT_TRUE(vars.Expand(name_template, &out, &err)) << err;
  return out;
}

// Every run's pool holds each related pair a class of name bug confuses, run-scoped and valid.
TEST(NamePool, EveryRunHoldsEachClassOfRelatedNames) {
  for (uint64_t seed = 1; seed <= 50; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937_64 random(seed);
    const NamePool pool = MakeNamePool(random);
    ASSERT_EQ(pool.names.size(), pool.family.size());
    std::set<NameConflation> classes;
    std::set<size_t> lengths;
    for (size_t i = 0; i < pool.names.size(); ++i) {
      const std::string a = Expanded(pool.names[i]);
      EXPECT_NE(a.find("conform-0123abcd-explore"), std::string::npos) << "run-scoped: " << a;
      EXPECT_TRUE(IsValidUtf8(a));
      EXPECT_LE(Utf8Length(a), 255u) << a;
      lengths.insert(Utf8Length(a));
      for (size_t j = 0; j < pool.names.size(); ++j) {
        if (i != j && pool.family[i] == pool.family[j]) classes.insert(ConflationBetween(a, Expanded(pool.names[j])));
      }
    }
    for (NameConflation c : {NameConflation::kWhitespace, NameConflation::kDecoding, NameConflation::kPrefix, NameConflation::kTruncation,
                             NameConflation::kCase, NameConflation::kNormalization}) {
      EXPECT_EQ(classes.count(c), 1u) << static_cast<int>(c);
    }
    EXPECT_EQ(lengths.count(254), 1u);
    EXPECT_EQ(lengths.count(255), 1u);
    std::mt19937_64 again(seed);
    EXPECT_EQ(pool.names, MakeNamePool(again).names) << "deterministic per seed";
  }
}

TEST(NamePool, ARelatedSlotIsInTheSameFamily) {
  std::mt19937_64 random(3);
  const NamePool pool = MakeNamePool(random);
  for (int slot = 0; slot < static_cast<int>(pool.names.size()); ++slot) {
    const int other = RelatedSlot(pool, slot, random);
    EXPECT_EQ(pool.family[static_cast<size_t>(other)], pool.family[static_cast<size_t>(slot)]);
  }
}

}  // namespace
}  // namespace conform
