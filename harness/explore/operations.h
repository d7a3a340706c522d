// Sequences of calls for exploration, on a small pool of names: create, update, get, list,
// delete, re-create a deleted name, repeat an earlier body, update a deleted name, invalid
// bodies. Each operation is an ordinary RequestSpec (so a found sequence is a case file), with
// ${name} standing for the run's prefix and ${slot} chosen from the pool. Deterministic per seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "explore/value_domain.h"
#include "load/case.h"

namespace conform {

struct Operation {
  RequestSpec request;  // name "${name}-x<slot>" (create: in the body); body templated with ${run_id}
  int slot = 0;
  bool invalid = false;  // a body the contract refuses (the model says which status)
  std::string what;      // "update with an earlier body", ... for found cases
};

// `count` operations over `pool` names, drawing configuration values from `values` (whose
// coverage floor the first operations meet).
std::vector<Operation> GenerateOperations(int count, int pool, ValueGenerator* values);

}  // namespace conform
