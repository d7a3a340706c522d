// The faults of a storage layer that mangles configuration values on the way in: each one a
// plausible bug of a real implementation (a string column, a document store, a set type, an INT
// column, a JSON library's limits) that no shipped case meets but exploration's value domain does.
// Pure.
#pragma once

#include <nlohmann/json.hpp>

#include "mock/faults.h"

namespace conform {

// Applies the storage faults of `faults` to a configuration about to be stored.
void BendStoredConfiguration(const FaultSet& faults, nlohmann::json* configuration);

}  // namespace conform
