// Exploration's seed: fresh by default, pinned by a number, offset per shard, and replayed by
// the flags printed for it.
#include "explore/exploration_seed.h"

#include <set>

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(ExplorationSeedTest, RandomDrawsAFreshShortSeedEachTime) {
  std::set<uint64_t> drawn;
  for (int i = 0; i < 5; ++i) {
    uint64_t seed = 0;
    std::string err;
    ASSERT_TRUE(ParseSeed("random", &seed, &err)) << err;
    EXPECT_LT(seed, 1000000000u);
    drawn.insert(seed);
  }
  EXPECT_GT(drawn.size(), 1u) << "five draws gave one seed";
}

TEST(ExplorationSeedTest, AWholeNumberPinsTheSeed) {
  uint64_t seed = 0;
  std::string err;
  ASSERT_TRUE(ParseSeed("7", &seed, &err));
  EXPECT_EQ(seed, 7u);
  ASSERT_TRUE(ParseSeed("999999999999999999", &seed, &err));
  EXPECT_EQ(seed, 999999999999999999u);
  for (const std::string bad : {"", "-1", "abc", "1.5", "1000000000000000000"}) {
    EXPECT_FALSE(ParseSeed(bad, &seed, &err)) << bad;
    EXPECT_EQ(err, "--seed " + bad + ": a whole number, or random");
  }
}

TEST(ExplorationSeedTest, EachShardExploresWithItsOwnSeedAndSaysHowToReplayIt) {
  const auto shard = [](const std::string& flag) {
    Shard parsed;
    std::string err;
    EXPECT_TRUE(ParseShard(flag, &parsed, &err)) << err;
    return ExplorationShard(parsed);
  };
  EXPECT_FALSE(ExplorationShard(std::nullopt));
  EXPECT_FALSE(shard("1/1"));
  const std::optional<Shard> second = shard("2/4");
  ASSERT_TRUE(second);
  EXPECT_EQ(ShardSeed(7, std::nullopt), 7u);
  EXPECT_EQ(ShardSeed(7, shard("1/4")), 7u);
  EXPECT_EQ(ShardSeed(7, second), 7u + 1000003u);
  EXPECT_EQ(SeedReplayFlags(7, std::nullopt), "--seed 7");
  EXPECT_EQ(SeedReplayFlags(7, second), "--seed 7 --shard 2/4");
}

}  // namespace
}  // namespace conform
