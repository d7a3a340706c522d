// One read before the first case, with the run's credentials: a list with paging.limit=1. The
// commonest setup mistakes (a wrong token, a token without the permission, a URL with a path,
// a proxy's login page) then end the run at once with their cause, instead of as one error per
// case. Talks to the network only through Transport.
#pragma once

#include <string>

#include "http/transport.h"
#include "redact/redactor.h"
#include "run/case_runner.h"
#include "run/results.h"

namespace conform {

struct PreflightOutcome {
  bool ok = true;          // the target can be tested as given
  bool answered = false;   // an HTTP answer came back
  std::string cause;       // one line: what is wrong and what to do (when !ok)
  Exchange exchange;       // the request and answer, redacted
};

PreflightOutcome PreflightTarget(Transport& transport, const RunSettings& settings, const Redactor& redactor);

// The reports of a run the preflight stopped: one errored testcase saying why.
RunResult PreflightFailedRun(const PreflightOutcome& outcome, const RunSettings& settings);

}  // namespace conform
