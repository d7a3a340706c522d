// Exploration as a run does it: explore, and on a divergence shrink the sequence, replay the
// smallest one for the report, and write it as a case file.
#pragma once

#include <string>

#include "explore/explorer.h"
#include "explore/shrink.h"

namespace conform {

struct ExplorationReport {
  ExploreOutcome outcome;     // of the minimal sequence when one diverged, else of the whole run
  int explored = 0;           // operations sent before the divergence (or all)
  ShrinkResult shrink;        // attempts and whether the limits cut it short
  std::string found_file;     // the case file written; empty when nothing diverged
  std::string write_error;    // why it could not be written
};

ExplorationReport ExploreShrinkAndWrite(const ExploreSettings& explore, const RunSettings& run, const SchemaRegistry& schemas,
                                        Transport& transport, RequestGate& gate, Redactor* redactor,
                                        const std::string& found_dir, ShrinkLimits limits);

// The same over a given sequence (the engine's fuzz target makes its own).
ExplorationReport ReplayShrinkAndWrite(const std::vector<Operation>& sequence, const ExploreSettings& explore,
                                       const RunSettings& run, const SchemaRegistry& schemas, Transport& transport,
                                       RequestGate& gate, Redactor* redactor, const std::string& found_dir,
                                       ShrinkLimits limits);

}  // namespace conform
