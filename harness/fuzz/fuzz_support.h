// Shared by the libFuzzer targets in this folder (built by the `sanitize` preset; see
// scripts/fuzz). Each target feeds one parser of outside input with arbitrary bytes and checks,
// besides "no crash, no leak, no UB", the properties its callers rely on.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "load/schema_registry.h"

namespace conform {

// The shipped schemas, loaded once per fuzzing process.
inline const SchemaRegistry& ShippedSchemas() {
  static SchemaRegistry* schemas = [] {
    auto* registry = new SchemaRegistry();
    std::string err;
    if (!registry->LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) {
      std::fprintf(stderr, "fuzz: cannot load the shipped schemas: %s\n", err.c_str());
      std::abort();
    }
    return registry;
  }();
  return *schemas;
}

// A property the fuzzed code promises; a violation is a finding, like a crash.
inline void Require(bool holds, const char* property) {
  if (holds) return;
  std::fprintf(stderr, "fuzz: property violated: %s\n", property);
  std::abort();
}

inline std::string Text(const uint8_t* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

}  // namespace conform
