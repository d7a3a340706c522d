// Ctrl-C and SIGTERM during a run: the first asks it to stop after cleaning up; the second exits
// at once and says which connections are left behind (the ledger, run/boundary.h).
#pragma once

namespace conform {

void InstallSignalHandlers();

}  // namespace conform
