// `conform cleanup`: lists connections whose names start with a conform prefix (leftovers of
// interrupted runs) and, with --yes, deletes them. Touches nothing else.
#pragma once

#include "cli/options.h"

namespace conform {

int RunCleanupCommand(const CleanupOptions& options);

}  // namespace conform
