// Reads case files, validates each against schemas/case.schema.json and turns it into a Case.
// Reads the disk; no network.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/case.h"
#include "load/schema_registry.h"
#include "load/selection.h"
#include "load/variables.h"

namespace conform {

// Parses one case document; file names it in errors. Errors are "file: /pointer: what is wrong".
bool ParseCase(const nlohmann::json& doc, const std::string& file, const SchemaRegistry& schemas, Case* out,
               std::vector<std::string>* errors);

// Loads every *.json in dir (sorted by file name). Returns false if any file is bad, with one
// error line per problem; also rejects duplicate ids and an empty folder.
bool LoadCases(const std::string& dir, const SchemaRegistry& schemas, std::vector<Case>* out,
               std::vector<std::string>* errors);

// The same checks, for a folder conform fills itself (--found): a missing or empty folder holds
// no cases and is no error.
bool LoadCaseFiles(const std::string& dir, const SchemaRegistry& schemas, std::vector<Case>* out,
                   std::vector<std::string>* errors);

// The case's variables with stand-in values ("conform-<label>-<id>", "<label>-token", ...): for
// checking what a case would send without a run (lint, fuzzing, the schema tests).
Variables StandInVariables(const Case& c, const std::string& label);

// Applies --filter (glob over ids) and --tag (all must be present).
std::vector<Case> SelectCases(const std::vector<Case>& cases, const Selection& selection);

}  // namespace conform
