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
#include "mock/mock_server.h"
#include "redact/redactor.h"
#include "report/report_set.h"
#include "report/progress_line.h"
#include "run/case_runner.h"
#include "run/shard.h"
#include "run/suite_runner.h"
#include "stats/latency_budget.h"

namespace conform {

// --latency-budget, --baseline, --max-regression and --regression-noise.
struct LatencyGoals {
  std::vector<LatencyBudget> budgets;
  bool has_baseline = false;
  LatencyByKind baseline;
  BaselineRule rule;
};

// What the console shows, and where the reports and found cases go.
struct OutputPlan {
  ReportPaths reports;    // --junit, --json, --html, --save-requests, --junit-profile (a path that failed is cleared)
  std::string found_dir;  // --found
  bool quiet = false;
  bool verbose = false;
  bool silent = false;    // no summary either (conform profile prints its own)
  ProgressMode progress = ProgressMode::kAuto;
};

// Where the requests go, and what the user agreed to.
struct TargetPlan {
  std::string given;          // --target as given; empty: the embedded mock
  MockOptions embedded_mock;  // its --mock-fault, --mock-delay and --mock-jitter (no --target)
  bool allow_mutations = false;
  std::string reference_url;  // --reference, normalised; empty: exploration judges by the model
  bool preflight = true;      // not --no-preflight
  bool insecure = false;
};

struct RunPlan {
  OutputPlan output;          // filled first: the usage-error reports need its paths
  TargetPlan target;
  SchemaRegistry schemas;
  std::vector<Case> cases;    // this shard's share of the selection
  std::vector<Case> found;    // found cases replayed before exploring (this shard's share)
  LatencyGoals goals;
  Repetition repetition;      // --repeat, --warmup
  RunSettings settings;       // base_url is the --target given; the embedded mock's once started
  CurlOptions curl;
  std::vector<std::string> redact_headers;   // --redact of a header
  std::vector<std::string> redact_pointers;  // --redact of a JSON pointer (checked)
  std::optional<Shard> shard;  // --shard i/n
  uint64_t seed = 0;          // exploration's, before the shard's offset
  int explore_operations = 0;  // 0: no exploration
};

// Fills *plan from `given`, the config file and the case files; false with each problem as one
// line naming its flag or file in *errors. plan->output and plan->target.given are filled either
// way: the usage-error reports need them.
bool PlanRun(const RunOptions& given, RunPlan* plan, std::vector<std::string>* errors);

// The schemas and the cases `selection` takes (conform list shares it); false with *errors.
bool LoadInputs(const Selection& selection, const std::string& schemas_dir, SchemaRegistry* schemas,
                std::vector<Case>* selected, std::vector<std::string>* errors);

// The redactor of the run's secrets: its tokens, the config file's secret headers, --redact.
Redactor MakeRedactor(const RunPlan& plan);

// Whether the live line shows: the flag, the terminals, $CI, the pacing.
ProgressPolicy DetectProgressPolicy(const RunPlan& plan);

}  // namespace conform
