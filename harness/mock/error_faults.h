// The faults that bend an error body after the store has answered: each leaves the body valid
// against the error schema (so only the detail checks can see it) or, for plain-404, not even
// that. Pure.
#pragma once

#include <string>

#include "mock/faults.h"
#include "mock/store.h"

namespace conform {

// Applies the error-body faults of `faults` to a 4xx/5xx reply of `method`.
void BendErrorBody(const FaultSet& faults, const std::string& method, Reply* reply);

}  // namespace conform
