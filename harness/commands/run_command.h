// `conform run`: load, select, run (against a target or the embedded mock), report, and choose
// the exit code.
#pragma once

#include "cli/options.h"
#include "run/results.h"

namespace conform {

// `result`, when given, receives what the run produced (redacted, its bodies uncut, as the
// reports are written from it) whenever the run took place: conform profile reads its probes'
// answers from it.
int RunRunCommand(const RunOptions& options, RunResult* result = nullptr);

}  // namespace conform
