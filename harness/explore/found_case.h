// A divergence found by exploration, as an ordinary case file: each operation a step whose
// expectations are what the contract's model answers, with the oracles that judge state
// (created, replace, unchanged; a GET after a delete; listed and unlisted for a list). Written
// to --found DIR; `conform run --cases DIR` replays it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/finding.h"
#include "explore/operations.h"
#include "redact/redactor.h"

namespace conform {

// The case for `sequence`, which diverged by `finding` (a must-level explore.* finding).
nlohmann::json FoundCase(const std::vector<Operation>& sequence, const Finding& finding, uint64_t seed);

// Writes the case to DIR/<id>.json (the folder is made if missing), every string passed through
// the redactor; *path gets the file. false with *err naming the path.
bool WriteFoundCase(const std::string& dir, const nlohmann::json& kase, const Redactor& redactor, std::string* path,
                    std::string* err);

}  // namespace conform
