// Turns argv into a CommandLine with CLI11. Prints help and version itself.
#pragma once

#include <string>

#include "cli/options.h"

namespace conform {

// Returns -1 when the caller should go on with *out; otherwise the process exit code
// (0 after --help/--version, 2 after a usage error, with the message already on stderr).
int ParseCommandLine(int argc, const char* const* argv, CommandLine* out);

// Where cases/ and schemas/ are found when no flag says: ./cases if it exists, else
// ../share/conform/cases beside the binary (an installed conform), else the source tree conform
// was built from.
std::string DefaultDataDir(const std::string& name);

}  // namespace conform
