// `conform lint`: checks schemas and case files without sending anything, listing every problem.
#pragma once

#include <string>

#include "cli/options.h"

namespace conform {

// Exit 0 when all is well, 2 with one line per problem otherwise.
int RunLintCommand(const Selection& selection, const std::string& schemas_dir);

}  // namespace conform
