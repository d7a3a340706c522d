// `conform mock` and `conform faults`: serve the mock in the foreground; list its faults.
#pragma once

#include "cli/options.h"
#include "mock/faults.h"

namespace conform {

// Serves until SIGINT or SIGTERM; returns the exit code.
int RunMockCommand(const MockCommandOptions& options);

int RunFaultsCommand();

// Turns fault names into a FaultSet; on an unknown name returns false with a one-line *err.
bool ParseFaults(const std::vector<std::string>& names, const std::string& flag, FaultSet* out, std::string* err);

}  // namespace conform
