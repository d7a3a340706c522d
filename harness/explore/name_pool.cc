#include "explore/name_pool.h"

#include "check/name_relations.h"

namespace conform {
namespace {

using Family = std::vector<std::string>;

template <typename T>
const T& Pick(const std::vector<T>& choices, std::mt19937_64& random) {
  return choices[std::uniform_int_distribution<size_t>(0, choices.size() - 1)(random)];
}

std::vector<Family> Families(std::mt19937_64& random) {
  const std::string n = "${name}";
  const int common = Pick(std::vector<int>{32, 64, 128, 200}, random);
  const std::string pad = "${name|pad:" + std::to_string(common) + "}";
  const auto& [nfc, nfd] = Pick(NormalizationPairs(), random);
  return {
      {n + "-x0", n + "-x1"},  // ordinary names
      {n + "-p", n + "-p-2", n + "-p-2b"},  // each is the next one's prefix
      {pad + "a", pad + "b"},  // alike for `common` characters
      {n + "-w", Pick(Family{n + "-w ", " " + n + "-w", n + "-w\t", "\t" + n + "-w"}, random)},
      {n + "-i x", n + "-i\tx", n + "-ix"},
      Pick(std::vector<Family>{{n + "-%41", n + "-A"}, {n + "-a%2Fb", n + "-a/b"}, {n + "-a+b", n + "-a b"},
                               {n + "-%25", n + "-%"}},
           random),
      {Pick(Family{n + "-u?x", n + "-u#x", n + "-u&x;y"}, random),
       Pick(Family{n + "-u.", n + "-u..", n + "-u/../x", n + "-u/./x", n + "-u\\x"}, random)},
      {n + "-Cc", n + "-cc"},
      {n + "-" + nfc, n + "-" + nfd},
      {Pick(Family{n + "-\xF0\x9F\x98\x80", n + "-\xF0\x9D\x84\x9E"}, random)},  // U+1F600, U+1D11E
      {"${name|pad:254}", "${name|pad:255}", "${name|pad:255:\xC3\xA9}"},       // 255 x "é" is 510 bytes
  };
}

}  // namespace

NamePool MakeNamePool(std::mt19937_64& random) {
  NamePool pool;
  const std::vector<Family> families = Families(random);
  for (size_t f = 0; f < families.size(); ++f) {
    for (const std::string& name : families[f]) {
      pool.names.push_back(name);
      pool.family.push_back(static_cast<int>(f));
    }
  }
  return pool;
}

int RelatedSlot(const NamePool& pool, int slot, std::mt19937_64& random) {
  std::vector<int> others;
  for (size_t i = 0; i < pool.names.size(); ++i) {
    if (static_cast<int>(i) != slot && pool.family[i] == pool.family[static_cast<size_t>(slot)]) others.push_back(static_cast<int>(i));
  }
  return others.empty() ? slot : Pick(others, random);
}

}  // namespace conform
