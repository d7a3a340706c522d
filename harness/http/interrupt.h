// The process-wide "stop sending" flag, set from a signal handler (SIGINT, SIGTERM). Every
// sender checks it; cleanup still runs.
#pragma once

namespace conform {

bool Interrupted();
void Interrupt();

}  // namespace conform
