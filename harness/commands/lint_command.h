// `conform lint`: checks schemas and case files without sending anything, listing every problem.
#pragma once

#include <string>
#include <vector>

#include "cli/options.h"
#include "load/schema_registry.h"

namespace conform {

// Every problem of the selected case files: what loading them finds, and request bodies a case
// expects to be accepted that violate the contract's request schema. *count: the cases loaded.
std::vector<std::string> LintCases(const Selection& selection, const SchemaRegistry& schemas, size_t* count);

// Exit 0 when all is well, 2 with one line per problem otherwise.
int RunLintCommand(const Selection& selection, const std::string& schemas_dir);

}  // namespace conform
