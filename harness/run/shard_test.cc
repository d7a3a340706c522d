// Shards: every case exactly once, balanced, the same everywhere.
#include "run/shard.h"

#include <map>

#include <gtest/gtest.h>

namespace conform {
namespace {

std::vector<Case> Cases(int n) {
  std::vector<Case> cases(n);
  for (int i = 0; i < n; ++i) cases[i].id = "case-" + std::to_string(i);
  return cases;
}

TEST(ShardTest, EveryCaseInExactlyOneBalancedShard) {
  const std::vector<Case> cases = Cases(62);
  std::map<std::string, int> seen;
  for (int i = 1; i <= 4; ++i) {
    std::vector<Case> shard = SelectShard(cases, {i, 4});
    EXPECT_GE(shard.size(), 15u);
    EXPECT_LE(shard.size(), 16u);
    for (const Case& c : shard) ++seen[c.id];
  }
  EXPECT_EQ(seen.size(), cases.size());
  for (const auto& [id, count] : seen) EXPECT_EQ(count, 1) << id;
}

TEST(ShardTest, HashIsStableAcrossMachines) {
  EXPECT_EQ(StableHash(""), 14695981039346656037ULL);  // FNV-1a offset basis
  EXPECT_EQ(StableHash("a"), 0xaf63dc4c8601ec8cULL);   // published FNV-1a test vector
}

TEST(ShardTest, ParsesAndRejects) {
  Shard s;
  std::string err;
  ASSERT_TRUE(ParseShard("2/4", &s, &err));
  EXPECT_EQ(s.index, 2);
  EXPECT_EQ(s.count, 4);
  for (const char* bad : {"3/2", "0/4", "1/0", "a/b", "2", "1/4/2", "-1/4"}) {
    EXPECT_FALSE(ParseShard(bad, &s, &err)) << bad;
    EXPECT_EQ(err.rfind(std::string("--shard ") + bad, 0), 0u);
  }
}

}  // namespace
}  // namespace conform
