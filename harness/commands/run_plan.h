// conform run's flags and config file, turned into typed settings in one pass, before anything is
// sent or started. The rest of the run receives a RunPlan: every flag is parsed here, once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/options.h"
#include "http/curl_transport.h"
#include "load/case.h"
#include "load/latency_budget_spec.h"
#include "load/schema_registry.h"
#include "redact/redactor.h"
#include "report/progress_line.h"
#include "run/case_runner.h"
#include "run/shard.h"
#include "stats/latency_budget.h"

namespace conform {

// --latency-budget, --baseline, --max-regression and --regression-noise.
struct LatencyGoals {
  std::vector<LatencyBudget> budgets;
  bool has_baseline = false;
  LatencyByKind baseline;
  BaselineRule rule;
};

struct RunPlan {
  RunOptions options;         // as given, the config file applied (a report path that failed is cleared)
  SchemaRegistry schemas;
  std::vector<Case> cases;    // this shard's share of the selection
  std::vector<Case> found;    // found cases replayed before exploring (this shard's share)
  LatencyGoals goals;
  RunSettings settings;       // base_url is the --target given; the embedded mock's once started
  CurlOptions curl;
  std::optional<Shard> shard;  // --shard i/n
  uint64_t seed = 0;          // exploration's, before the shard's offset
  int explore_operations = 0;  // 0: no exploration
};

// Fills *plan from `given`, the config file and the case files; false with each problem as one
// line naming its flag or file in *errors. plan->options is kept either way: the usage-error
// reports need its paths.
bool PlanRun(const RunOptions& given, RunPlan* plan, std::vector<std::string>* errors);

// The schemas and the cases `selection` takes (conform list shares it); false with *errors.
bool LoadInputs(const Selection& selection, const std::string& schemas_dir, SchemaRegistry* schemas,
                std::vector<Case>* selected, std::vector<std::string>* errors);

// The redactor of the run's secrets: its tokens, the config file's secret headers, --redact.
Redactor MakeRedactor(const RunPlan& plan);

// Whether the live line shows: the flag, the terminals, $CI, the pacing.
ProgressPolicy DetectProgressPolicy(const RunPlan& plan);

}  // namespace conform
