// Splits a selection of cases into n shards by a stable hash of their ids: the same on every
// machine, every case in exactly one shard, shard sizes differing by at most one. Pure.
#pragma once

#include <string>
#include <vector>

#include "load/case.h"

namespace conform {

struct Shard {
  int index = 1;  // 1-based
  int count = 1;
};

// "2/4" -> {2, 4}; false with *err unless 1 <= i <= n <= 1000.
bool ParseShard(const std::string& text, Shard* out, std::string* err);

// FNV-1a, 64 bit: stable across platforms and runs, unlike std::hash.
uint64_t StableHash(const std::string& text);

// Orders cases by (hash, id) and deals them round-robin; returns shard `index`'s cases in their
// original order.
std::vector<Case> SelectShard(const std::vector<Case>& cases, const Shard& shard);

}  // namespace conform
