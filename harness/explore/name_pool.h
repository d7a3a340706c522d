// The names one exploration works on: templates on ${name} (the run-scoped prefix, so cleanup
// never touches a connection conform did not make), in families of names that real bugs take
// for one another: a name and its extension, names alike up to character 32, 64, 128 or 200,
// whitespace at the edges or inside, characters with a meaning in a URL or an escape, letter case,
// two Unicode normalization forms, characters outside the Basic Multilingual Plane, and 254 and
// 255 characters. Each run draws its own variant of each family.
#pragma once

#include <random>
#include <string>
#include <vector>

namespace conform {

struct NamePool {
  std::vector<std::string> names;  // templates, e.g. "${name}-p-2", "${name|pad:64}a"
  std::vector<int> family;         // names[i]'s family: members are related on purpose
};

NamePool MakeNamePool(std::mt19937_64& random);

// Another member of slot's family, or slot itself when its family has one name.
int RelatedSlot(const NamePool& pool, int slot, std::mt19937_64& random);

}  // namespace conform
