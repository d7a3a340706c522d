// The process exit codes conform documents (docs/usage.md, "Exit codes").
#pragma once

namespace conform {

enum ExitCode : int {
  kExitOk = 0,           // every must-level check passed
  kExitFailed = 1,       // at least one must-level check failed (or should-level, with --strict)
  kExitUsage = 2,        // bad flag, case file or schema: nothing was sent
  kExitUnreachable = 3,  // the target could not be reached at all
  kExitLeak = 4,         // a secret was found in a file conform wrote (the file is deleted)
  kExitInterrupted = 130,  // SIGINT/SIGTERM: cleaned up and reported what ran (128 + SIGINT)
};

}  // namespace conform
