#include "explore/exploration_seed.h"

#include <random>

namespace conform {

bool ParseSeed(const std::string& text, uint64_t* seed, std::string* err) {
  if (text == "random") {
    *seed = std::random_device{}() % 1000000000;
    return true;
  }
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
    *err = "--seed " + text + ": a whole number, or random";
    return false;
  }
  *seed = std::stoull(text);
  return true;
}

std::optional<Shard> ExplorationShard(const std::optional<Shard>& shard) {
  if (!shard || shard->count == 1) return std::nullopt;
  return shard;
}

uint64_t ShardSeed(uint64_t seed, const std::optional<Shard>& shard) {
  // A stride above the seeds people type: seed 1's shard 2 is not seed 2's shard 1.
  return shard ? seed + static_cast<uint64_t>(shard->index - 1) * 1000003 : seed;
}

std::string SeedReplayFlags(uint64_t seed, const std::optional<Shard>& shard) {
  const std::string flags = "--seed " + std::to_string(seed);
  return shard ? flags + " --shard " + std::to_string(shard->index) + "/" + std::to_string(shard->count) : flags;
}

}  // namespace conform
