// Exploration's seed: fresh every run unless --seed pins it, so CI explores somewhere new each
// time, and printed with the flags that replay it. Pure, but for the fresh seed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "run/shard.h"

namespace conform {

// "random" draws a fresh seed (below 10^9, short enough to retype); else a whole number of up
// to 18 digits. false with *err naming --seed.
bool ParseSeed(const std::string& text, uint64_t* seed, std::string* err);

// The shard a run explores as: --shard i/n with n > 1; none for a whole run.
std::optional<Shard> ExplorationShard(const std::optional<Shard>& shard);

// Each shard explores with its own seed and names, so a CI matrix explores more in parallel.
uint64_t ShardSeed(uint64_t seed, const std::optional<Shard>& shard);

// What replays this exploration: "--seed 7", and "--seed 7 --shard 2/4" for a shard, whose
// seed is offset from the one given.
std::string SeedReplayFlags(uint64_t seed, const std::optional<Shard>& shard);

}  // namespace conform
