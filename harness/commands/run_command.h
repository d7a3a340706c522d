// `conform run` and `conform list`: load, select, run (against a target or the embedded mock),
// report, and choose the exit code.
#pragma once

#include "cli/options.h"

namespace conform {

int RunRunCommand(const RunOptions& options);
int RunListCommand(const Selection& selection, const std::string& schemas_dir);

}  // namespace conform
