// Sharding.
#include "run/shard.h"

#include <algorithm>
#include <set>

namespace conform {

bool ParseShard(const std::string& text, Shard* out, std::string* err) {
  const size_t slash = text.find('/');
  auto digits = [](const std::string& s) {
    return !s.empty() && s.size() <= 4 && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (slash == std::string::npos || !digits(text.substr(0, slash)) || !digits(text.substr(slash + 1))) {
    *err = "--shard " + text + ": expected i/n, e.g. 2/4";
    return false;
  }
  Shard s{std::stoi(text.substr(0, slash)), std::stoi(text.substr(slash + 1))};
  if (s.count < 1 || s.count > 1000 || s.index < 1 || s.index > s.count) {
    *err = "--shard " + text + ": needs 1 <= i <= n <= 1000";
    return false;
  }
  *out = s;
  return true;
}

uint64_t StableHash(const std::string& text) {
  uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::vector<Case> SelectShard(const std::vector<Case>& cases, const Shard& shard) {
  std::vector<std::pair<uint64_t, std::string>> order;
  for (const Case& c : cases) order.emplace_back(StableHash(c.id), c.id);
  std::sort(order.begin(), order.end());
  std::set<std::string> mine;
  for (size_t i = 0; i < order.size(); ++i) {
    if (static_cast<int>(i % static_cast<size_t>(shard.count)) == shard.index - 1) mine.insert(order[i].second);
  }
  std::vector<Case> out;
  for (const Case& c : cases) {
    if (mine.count(c.id)) out.push_back(c);
  }
  return out;
}

}  // namespace conform
