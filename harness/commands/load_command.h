// `conform load`: open-loop PUT load against a target or the embedded mock, with budgets.
#pragma once

#include "cli/options.h"

namespace conform {

int RunLoadCommand(const LoadCommandOptions& options);

}  // namespace conform
