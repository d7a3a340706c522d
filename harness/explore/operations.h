// Sequences of calls for exploration, on a pool of related names (explore/name_pool.h): create,
// update, get, list with varied paging, delete, re-create a deleted name, repeat an earlier body,
// update a deleted name, invalid bodies, and now and then a call with bad credentials. Each
// operation is an ordinary RequestSpec (so a found sequence is a case file), its name a template
// on ${name}, the run's prefix. Deterministic per seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "explore/value_domain.h"
#include "load/case.h"

namespace conform {

struct Operation {
  RequestSpec request;  // name a template on ${name} (create: in the body); body templated with ${run_id}
  int slot = 0;          // the name's index in the run's pool
  bool invalid = false;  // a body the contract refuses (the model says which status)
  std::string what;      // "update with an earlier body", ... for found cases
  std::string pair;      // the transition pair it completes (explore/transition_coverage.h); empty: none
};

// Which credentials exploration may send besides the run's token.
struct CredentialMix {
  bool bad = false;       // no Authorization, or a wrong token (needs a token to be wrong about)
  bool readonly = false;  // the read-only token
};

// `count` operations: first the coverage phase, every transition pair on one ordinary name
// (explore/transition_coverage.h) as far as the budget goes, then random ones drawing
// configuration values from `values` (whose coverage floor the first of them meet) and names from
// a pool made from the same seed.
std::vector<Operation> GenerateOperations(int count, ValueGenerator* values, CredentialMix credentials = {});

}  // namespace conform
