// Exploration: a seeded sequence of operations (explore/operations.h) sent to the target, each
// judged against a reference (explore/reference.h): the contract's model, which is the mock's
// store without faults (the same semantics, not a second copy of them), or a second target. After
// every mutation, and for every get, the target's stored connection must equal the reference's.
// The first divergence ends the sequence.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "explore/operations.h"
#include "http/curl_transport.h"
#include "http/request_gate.h"
#include "http/transport.h"
#include "load/schema_registry.h"
#include "redact/redactor.h"
#include "run/case_runner.h"
#include "run/run_progress.h"
#include "run/results.h"

namespace conform {

struct ExploreSettings {
  uint64_t seed = 1;
  int operations = 200;
  std::string names = "explore";  // the part of the names' prefix after the run id (explore/name_pool.h)
  std::string label = "explore";  // the testcase: "explore", or "explore/<rule>" at a divergence
  std::string reference_url;      // empty: the contract's model; else a second target to compare with
  CurlOptions reference_curl;     // how the reference is reached
  bool learn_secrets = true;      // false in replays: their shrunk values are fragments of secrets
  ExploreProgress* progress = nullptr;  // what a watcher (the progress line) reads; replays tell it nothing
};

struct ExploreOutcome {
  CaseResult result;               // "explore", or "explore/<rule>" at the first divergence
  std::vector<Operation> sequence;  // the operations sent, the diverging one last
  int sent = 0;
  size_t classes_covered = 0;      // value classes drawn (of AllValueClasses())
  std::vector<CoverageRow> coverage;  // the transition pairs sent and judged, and why any other was not
};

// What separates two answers, by the contract: the status class, and exactly 404 for a name the
// model does not hold. Exposed for tests.
bool SameStatusMeaning(int model_status, int target_status);

ExploreOutcome Explore(const ExploreSettings& explore, const RunSettings& run, const SchemaRegistry& schemas,
                       Transport& transport, RequestGate& gate, Redactor* redactor);

// The same judging over a given sequence (a replay while shrinking); explore.seed only labels it.
ExploreOutcome Replay(const std::vector<Operation>& sequence, const ExploreSettings& explore, const RunSettings& run,
                      const SchemaRegistry& schemas, Transport& transport, RequestGate& gate, Redactor* redactor);

}  // namespace conform
