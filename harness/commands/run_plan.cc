#include "commands/run_plan.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "commands/config_file.h"
#include "commands/mock_command.h"
#include "explore/exploration_seed.h"
#include "explore/found_replay.h"
#include "http/target_url.h"
#include "load/case_loader.h"
#include "load/json_file.h"
#include "report/report_files.h"
#include "run/request_builder.h"
#include "run/suite_runner.h"
#include "text/quantities.h"

namespace conform {
namespace {

// The default budget: on this machine it takes a few tenths of a second; elsewhere every request
// waits for --rate (40 operations and their reads are about a minute at 150 a minute).
constexpr int kLoopbackExplore = 300;
constexpr int kRemoteExplore = 40;

// Every report path is checked before anything is sent: a typo in --junit must not cost a whole
// run against a real site. A path that fails is left out of the usage-error reports.
bool CheckReportPaths(RunOptions* options, std::string* err) {
  for (std::string* path : {&options->junit_path, &options->json_path, &options->html_path}) {
    if (path->empty() || CheckReportFileWritable(*path, err)) continue;
    path->clear();
    return false;
  }
  if (!options->save_requests_dir.empty() && !CheckReportDirWritable(options->save_requests_dir, err)) {
    options->save_requests_dir.clear();
    return false;
  }
  if (options->explore != 0 && !CheckReportDirWritable(options->found_dir, err)) {
    *err = "--found " + options->found_dir + ": " + *err;
    return false;
  }
  return true;
}

// The cases this run sends and, when it explores, the found cases it replays first: this
// shard's share of each, all loaded before anything is sent.
bool LoadRunCases(const RunOptions& options, RunPlan* plan, std::vector<std::string>* errors) {
  if (!LoadInputs(options.selection, options.schemas_dir, &plan->schemas, &plan->cases, errors)) return false;
  if (options.explore != 0 &&
      !LoadFoundCases(options.found_dir, options.selection.cases_dir, plan->schemas, &plan->found, errors)) {
    return false;
  }
  if (options.shard.empty()) return true;
  Shard shard;
  std::string err;
  if (!ParseShard(options.shard, &shard, &err)) {
    errors->push_back(err);
    return false;
  }
  plan->shard = shard;
  plan->cases = SelectShard(plan->cases, shard);
  plan->found = SelectShard(plan->found, shard);
  if (plan->cases.empty()) errors->push_back("--shard " + options.shard + ": this shard has no cases");
  return !plan->cases.empty();
}

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

bool CheckRedactPointers(const RunOptions& options, std::string* err) {
  for (const std::string& pointer : options.redact_pointers) {
    try {
      nlohmann::json::json_pointer p(pointer);
    } catch (const nlohmann::json::exception&) {
      *err = "--redact " + pointer + ": not a JSON pointer (e.g. /externalDatabaseConnection/configuration/password)";
      return false;
    }
  }
  return true;
}

// Where the requests go, as far as the flags tell: the --target given (normalised), or this
// machine for the embedded mock, whose port is known once it starts; and --reference.
bool PlanTarget(const RunOptions& options, TargetPlan* target, RunSettings* settings, std::string* err) {
  target->allow_mutations = options.allow_mutations;
  target->preflight = !options.no_preflight;
  target->insecure = options.insecure;
  const EmbeddedMockFlags mock_flags{options.mock_faults, options.mock_delays, options.mock_jitter};
  if (!PlanEmbeddedMock(mock_flags, !options.target.empty(), &target->embedded_mock, err)) return false;
  if (options.target.empty()) {
    settings->base_url = "http://127.0.0.1";
  } else if (!NormaliseTarget(options.target, &settings->base_url, err)) {
    return false;
  }
  if (options.explore == 0 || options.reference.empty()) return true;
  if (!NormaliseTarget(options.reference, &target->reference_url, err)) {
    *err = "--reference: " + *err;
    return false;
  }
  return true;
}

// Flags that shape transport and requests: identity headers, TLS, pacing, retries, body cap.
bool PlanTransport(const RunOptions& options, const Headers& config_headers, RunSettings* settings, CurlOptions* curl,
                   std::string* err) {
  if (!MakeIdentity(options.site_id, options.account_id, config_headers, &settings->credentials.identity, err)) {
    return false;
  }
  curl->timeout_ms = options.timeout_ms;
  curl->connect_timeout_ms = std::min(options.connect_timeout_ms, options.timeout_ms);
  curl->cacert = options.cacert;
  curl->insecure = options.insecure;
  curl->proxy = options.proxy;
  std::string detail;
  if (!ParseSize(options.max_body, &curl->max_body_bytes, &detail)) {
    *err = "--max-body " + detail;
    return false;
  }
  // Wix allows about 200 requests a minute per site; off this machine conform stays under that.
  const std::string rate = !options.rate.empty() ? options.rate : IsLoopbackTarget(settings->base_url) ? "" : "150/m";
  if (!rate.empty()) {
    double per_second = 0;
    if (!ParseRate(rate, &per_second, &detail)) {
      *err = "--rate " + detail;
      return false;
    }
    settings->gate.min_interval_us = static_cast<int64_t>(1e6 / per_second);
  }
  settings->gate.max_retries = options.max_retries;
  if (!ParseDuration(options.max_retry_wait, &settings->gate.max_retry_wait_us, &detail)) {
    *err = "--max-retry-wait " + detail;
    return false;
  }
  if (!ParseDuration(options.list_settle, &settings->list_settle_us, &detail)) {
    *err = "--list-settle " + detail;
    return false;
  }
  settings->gate.max_transport_errors = options.max_transport_errors;
  if (!options.deadline.empty()) {
    if (!ParseDuration(options.deadline, &settings->gate.deadline_us, &detail) || settings->gate.deadline_us <= 0) {
      *err = "--deadline " + (detail.empty() ? options.deadline + ": must be longer than 0" : detail);
      return false;
    }
  }
  return true;
}

int ExplorationBudget(const RunOptions& options, const std::string& base_url) {
  if (options.explore >= 0) return options.explore;
  return IsLoopbackTarget(base_url) ? kLoopbackExplore : kRemoteExplore;
}

}  // namespace

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
                      "', " + std::to_string(selection.tags.size()) + " --tag, " +
                      std::to_string(selection.excludes.size()) + " --exclude, " +
                      std::to_string(selection.exclude_tags.size()) + " --exclude-tag)");
    return false;
  }
  return true;
}

// What the console shows and where the reports go, as far as `options` tell.
bool PlanOutput(const RunOptions& options, OutputPlan* out, std::string* err) {
  out->reports.junit = options.junit_path;
  out->reports.json = options.json_path;
  out->reports.html = options.html_path;
  out->reports.save_requests_dir = options.save_requests_dir;
  if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY")) out->reports.github_summary = summary;
  out->reports.junit_profile = options.junit_profile == "rich" ? JunitProfile::kRich : JunitProfile::kStrict;
  out->found_dir = options.found_dir;
  out->quiet = options.quiet;
  out->verbose = options.verbose;
  out->silent = options.silent;
  if (ParseProgressMode(options.progress, &out->progress)) return true;
  *err = "--progress " + options.progress + ": must be auto, on or off";
  return false;
}

bool PlanRun(const RunOptions& given, RunPlan* plan, std::vector<std::string>* errors) {
  RunOptions options = given;
  std::string err;
  Headers config_headers;
  const auto fail = [&](const std::string& e) {
    errors->push_back(e);
    return false;
  };
  // The usage-error reports' paths and target, should the config file fail.
  std::string progress_err;
  plan->target.given = given.target;
  PlanOutput(given, &plan->output, &progress_err);
  if (!ApplyConfigFile(&options, &config_headers, &err)) return fail(err);
  plan->target.given = options.target;
  const bool paths_ok = CheckReportPaths(&options, &err);
  const bool output_ok = PlanOutput(options, &plan->output, &progress_err);
  if (!paths_ok) return fail(err);
  if (!output_ok) return fail(progress_err);
  if (!LoadRunCases(options, plan, errors)) return false;
  if (!ParseLatencyGoals(options, &plan->goals, &err) || !CheckRedactPointers(options, &err)) return fail(err);
  plan->repetition = {options.repeat, options.warmup};
  plan->redact_headers = options.redact_headers;
  plan->redact_pointers = options.redact_pointers;
  RunSettings& settings = plan->settings;
  settings.strict = options.strict;
  settings.run_id = options.run_id.empty() ? NewRunId() : options.run_id;
  settings.credentials.token = options.token;
  settings.credentials.readonly_token = options.readonly_token;
  if (!PlanTarget(options, &plan->target, &settings, &err)) return fail(err);
  if (!PlanTransport(options, config_headers, &settings, &plan->curl, &err)) return fail(err);
  if (!ParseSeed(options.seed, &plan->seed, &err)) return fail(err);
  plan->explore_operations = ExplorationBudget(options, settings.base_url);
  return true;
}

Redactor MakeRedactor(const RunPlan& plan) {
  Redactor redactor;
  redactor.AddNamedSecret(plan.settings.credentials.token, "CONFORM_TOKEN");
  redactor.AddNamedSecret(plan.settings.credentials.readonly_token, "CONFORM_READONLY_TOKEN");
  for (const std::string& header : plan.redact_headers) redactor.AddHeader(header);
  // The config file's secret headers (an X-Api-Key, say) are credentials of the user's too.
  for (const auto& [name, value] : plan.settings.credentials.identity) {
    if (redactor.IsSecretHeader(name)) redactor.AddCredential(value);
  }
  for (const std::string& pointer : plan.redact_pointers) redactor.AddPointer(pointer);
  return redactor;
}

// The live line goes to stderr, so it is the terminal there that matters; CI sets $CI.
ProgressPolicy DetectProgressPolicy(const RunPlan& plan) {
  ProgressPolicy policy;
  policy.mode = plan.output.progress;
  policy.terminal = isatty(2);
  policy.stdout_terminal = isatty(1);
  const char* ci = std::getenv("CI");
  policy.ci = ci && *ci;
  policy.quiet_or_verbose = plan.output.quiet || plan.output.verbose;
  policy.paced = plan.settings.gate.min_interval_us > 0;
  return policy;
}

}  // namespace conform
