// The found case database: the case files exploration wrote to --found DIR in earlier runs,
// replayed before a run explores anew, as Hypothesis replays its example database. A divergence
// found once is checked by every later run: it fails while the server is broken and passes once
// it is fixed.
#pragma once

#include <string>
#include <vector>

#include "load/case.h"
#include "load/schema_registry.h"
#include "run/suite_runner.h"

namespace conform {

// Loads the case files already in dir with the case loader, as shipped cases are loaded, before
// anything is sent: a file that no longer loads is a usage error like a bad case file, one line
// per problem naming the file (and pointer). A missing folder holds none, and so does the --cases
// folder itself: its files run as the cases.
bool LoadFoundCases(const std::string& dir, const std::string& cases_dir, const SchemaRegistry& schemas,
                    std::vector<Case>* out, std::vector<std::string>* errors);

// Runs each found case once through the run's gate and appends its result to *run as
// found/<file stem>, tagged found first; on_case hears each as it ends.
void ReplayFoundCases(const std::vector<Case>& found, const RunSettings& settings, const SchemaRegistry& schemas,
                      const TransportFactory& make_transport, Redactor* redactor, const CaseListener& on_case,
                      RequestGate& gate, RunResult* run);

}  // namespace conform
