// `conform profile`: runs the probes (probes/*.json) as conform run runs cases (pacing, preflight,
// cleanup, reports), reads from their answers the choices the target made where the contract
// leaves it free, and prints and writes the profile; with --reference or --diff, compares two.
#pragma once

#include "cli/options.h"

namespace conform {

// 0: profiled (or no choice differs); 1: a choice differs; 2: usage; 3: a target unreachable.
int RunProfileCommand(const ProfileOptions& options);

}  // namespace conform
