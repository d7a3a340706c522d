// The main job. Errors of setup or usage become one line each and exit 2, with reports still
// written; everything the target does becomes findings.
#include "commands/run_command.h"

#include <iostream>
#include <memory>

#include "cli/exit_codes.h"
#include "cli/quantities.h"
#include "commands/mock_command.h"
#include "http/curl_transport.h"
#include "http/target_url.h"
#include "load/case_loader.h"
#include "load/json_file.h"
#include "load/schema_registry.h"
#include "mock/mock_server.h"
#include "report/console_report.h"
#include "report/json_report.h"
#include "report/junit_report.h"
#include "report/report_files.h"
#include "run/suite_runner.h"

namespace conform {
namespace {

constexpr char kEmbeddedToken[] = "conform-embedded-token";
constexpr char kEmbeddedReadonlyToken[] = "conform-embedded-readonly-token";

bool LoadInputs(const Selection& selection, const std::string& schemas_dir, SchemaRegistry* schemas,
                std::vector<Case>* selected, std::vector<std::string>* errors) {
  std::string err;
  if (!schemas->LoadDirectory(schemas_dir, &err)) {
    errors->push_back(err);
    return false;
  }
  if (!schemas->Has("case")) {
    errors->push_back(schemas_dir + ": case.schema.json is missing (needed to check case files)");
    return false;
  }
  std::vector<Case> cases;
  if (!LoadCases(selection.cases_dir, *schemas, &cases, errors)) return false;
  *selected = SelectCases(cases, selection);
  if (selected->empty()) {
    errors->push_back(selection.cases_dir + ": no case matches the selection (--filter '" + selection.filter +
                      "', " + std::to_string(selection.tags.size()) + " --tag)");
    return false;
  }
  return true;
}

// Reports for a run that never started: one errored testcase naming every problem.
RunResult UsageErrorRun(const std::vector<std::string>& errors, const std::string& target) {
  RunResult run;
  run.target = target;
  run.timestamp = UtcTimestamp();
  run.hostname = "localhost";
  CaseResult c;
  c.id = "conform-setup";
  c.title = "conform could not start the run";
  c.outcome = Outcome::kError;
  c.error_type = "usage";
  for (const std::string& e : errors) c.error_message += (c.error_message.empty() ? "" : "; ") + e;
  run.cases.push_back(c);
  return run;
}

bool WriteReports(const RunResult& run, const RunOptions& options, bool print_paths) {
  std::string err;
  bool ok = true;
  if (!WriteReportFile(options.junit_path, JunitReport(run), &err)) {
    std::cerr << "conform: " << err << "\n";
    ok = false;
  }
  const std::string json =
      JsonReport(run).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (!WriteReportFile(options.json_path, json, &err)) {
    std::cerr << "conform: " << err << "\n";
    ok = false;
  }
  if (ok && print_paths) std::cout << "reports: " << options.junit_path << ", " << options.json_path << "\n";
  return ok;
}

int UsageError(const std::vector<std::string>& errors, const RunOptions& options) {
  for (const std::string& e : errors) std::cerr << "conform: " << e << "\n";
  WriteReports(UsageErrorRun(errors, options.target), options, false);
  return kExitUsage;
}

// Parses --latency-budget, --baseline and friends before anything is sent.
struct LatencyGoals {
  std::vector<LatencyBudget> budgets;
  bool has_baseline = false;
  LatencyByKind baseline;
  BaselineRule rule;
};

bool ParseLatencyGoals(const RunOptions& options, LatencyGoals* out, std::string* err) {
  for (const std::string& text : options.latency_budgets) {
    LatencyBudget budget;
    if (!ParseLatencyBudget(text, &budget, err)) return false;
    out->budgets.push_back(budget);
  }
  std::string detail;
  if (!ParsePercent(options.max_regression, &out->rule.max_regression, &detail)) {
    *err = "--max-regression " + detail;
    return false;
  }
  if (!ParseDuration(options.regression_noise, &out->rule.noise_floor_us, &detail)) {
    *err = "--regression-noise " + detail;
    return false;
  }
  if (options.baseline_path.empty()) return true;
  nlohmann::json report;
  if (!ReadJsonFile(options.baseline_path, &report, err)) return false;
  if (!LatencyFromReport(report, &out->baseline, &detail)) {
    *err = options.baseline_path + ": " + detail;
    return false;
  }
  out->has_baseline = true;
  return true;
}

void JudgeLatencyGoals(const LatencyGoals& goals, RunResult* run) {
  for (const LatencyBudget& budget : goals.budgets) run->latency_checks.push_back(JudgeBudget(budget, run->latency));
  if (!goals.has_baseline) return;
  for (LatencyCheck& check : CompareWithBaseline(run->latency, goals.baseline, goals.rule)) {
    run->latency_checks.push_back(std::move(check));
  }
}

}  // namespace

int RunRunCommand(const RunOptions& options) {
  SchemaRegistry schemas;
  std::vector<Case> cases;
  std::vector<std::string> errors;
  if (!LoadInputs(options.selection, options.schemas_dir, &schemas, &cases, &errors)) {
    return UsageError(errors, options);
  }
  LatencyGoals goals;
  std::string goal_error;
  if (!ParseLatencyGoals(options, &goals, &goal_error)) return UsageError({goal_error}, options);
  RunSettings settings;
  settings.strict = options.strict;
  settings.run_id = options.run_id.empty() ? NewRunId() : options.run_id;
  settings.credentials.token = options.token;
  settings.credentials.readonly_token = options.readonly_token;

  std::unique_ptr<MockServer> mock;
  std::string err;
  if (options.target.empty()) {
    MockOptions mock_options;
    if (!ParseFaults(options.mock_faults, "--mock-fault", &mock_options.faults, &err) ||
        !ParseDelays(options.mock_delays, options.mock_jitter, "--mock-delay", &mock_options, &err)) {
      return UsageError({err}, options);
    }
    if (settings.credentials.token.empty()) settings.credentials.token = kEmbeddedToken;
    if (settings.credentials.readonly_token.empty()) settings.credentials.readonly_token = kEmbeddedReadonlyToken;
    mock_options.token = settings.credentials.token;
    mock_options.readonly_token = settings.credentials.readonly_token;
    mock = std::make_unique<MockServer>(mock_options);
    if (!mock->Start(&err)) return UsageError({err}, options);
    settings.base_url = mock->base_url();
    if (!options.quiet) std::cout << "no --target: testing the embedded mock at " << settings.base_url << "\n";
  } else {
    if (!options.mock_faults.empty() || !options.mock_delays.empty() || !options.mock_jitter.empty()) {
      return UsageError({"--mock-fault, --mock-delay and --mock-jitter need the embedded mock (drop --target)"}, options);
    }
    if (!NormaliseTarget(options.target, &settings.base_url, &err)) return UsageError({err}, options);
    const std::string names = NamePrefix(settings.run_id) + "<case-id>";
    if (!IsLoopbackTarget(settings.base_url) && !options.allow_mutations) {
      return UsageError({"--target " + settings.base_url + " is not this machine; the " + std::to_string(cases.size()) +
                         " selected cases create, update and delete connections named " + names +
                         " there. Add --allow-mutations if that is what you want."},
                        options);
    }
    if (!IsLoopbackTarget(settings.base_url) && !options.quiet) {
      std::cout << "conform will create, update and delete connections named " << names << " on "
                << settings.base_url << " and nothing else; each is deleted when its case ends\n";
    }
    if (settings.credentials.token.empty()) {
      std::cerr << "conform: warning: no --token or CONFORM_TOKEN; requests carry no Authorization header\n";
    }
  }

  Redactor redactor;
  redactor.AddSecret(settings.credentials.token);
  redactor.AddSecret(settings.credentials.readonly_token);
  const ConsoleStyle style = DetectConsoleStyle(1, options.quiet, options.verbose);
  CurlOptions curl;
  curl.timeout_ms = options.timeout_ms;
  curl.connect_timeout_ms = std::min(options.connect_timeout_ms, options.timeout_ms);
  RunResult run = RunSuite(
      cases, settings, schemas, [&] { return std::make_unique<CurlTransport>(curl); }, &redactor,
      [&](const CaseResult& c, size_t, size_t) { PrintCaseLine(std::cout, c, style); },
      Repetition{options.repeat, options.warmup});
  if (mock) mock->Stop();
  JudgeLatencyGoals(goals, &run);

  PrintSummary(std::cout, run, style);
  const bool written = WriteReports(run, options, !options.quiet);
  if (run.Unreachable()) {
    std::cerr << "conform: the target " << settings.base_url << " could not be reached: "
              << run.cases.front().error_message << "\n";
    return kExitUnreachable;
  }
  if (Verdict(run) != "passed") return kExitFailed;
  return written ? kExitOk : kExitUsage;
}

int RunListCommand(const Selection& selection, const std::string& schemas_dir) {
  SchemaRegistry schemas;
  std::vector<Case> cases;
  std::vector<std::string> errors;
  if (!LoadInputs(selection, schemas_dir, &schemas, &cases, &errors)) {
    for (const std::string& e : errors) std::cerr << "conform: " << e << "\n";
    return kExitUsage;
  }
  for (const Case& c : cases) {
    std::string tags;
    for (const std::string& t : c.tags) tags += (tags.empty() ? "" : ",") + t;
    std::cout << c.id << "\t" << LevelName(c.level) << "\t" << tags << "\t" << c.title << "\n";
  }
  std::cout << cases.size() << " cases\n";
  return kExitOk;
}

}  // namespace conform
