// The main job. Errors of setup or usage become one line each and exit 2, with reports still
// written; everything the target does becomes findings.
#include "commands/run_command.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/exit_codes.h"
#include "commands/config_file.h"
#include "commands/mock_command.h"
#include "explore/exploration_run.h"
#include "explore/exploration_seed.h"
#include "explore/found_replay.h"
#include "http/curl_transport.h"
#include "http/guarded_transport.h"
#include "http/target_url.h"
#include "load/case_loader.h"
#include "load/json_file.h"
#include "load/schema_registry.h"
#include "mock/mock_server.h"
#include "profile/profile.h"
#include "report/console_report.h"
#include "report/github_report.h"
#include "report/json_report.h"
#include "report/junit_report.h"
#include "report/progress_line.h"
#include "report/report_files.h"
#include "report/report_set.h"
#include "run/boundary.h"
#include "run/shard.h"
#include "run/suite_runner.h"
#include "run/target_preflight.h"
#include "text/quantities.h"

namespace conform {
namespace {


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

// The cases this run sends and, when it explores, the found cases it replays first: this
// shard's share of each, all loaded before anything is sent.
bool LoadRunCases(const RunOptions& options, SchemaRegistry* schemas, std::vector<Case>* cases, std::vector<Case>* found,
                  std::vector<std::string>* errors) {
  if (!LoadInputs(options.selection, options.schemas_dir, schemas, cases, errors)) return false;
  if (options.explore != 0 &&
      !LoadFoundCases(options.found_dir, options.selection.cases_dir, *schemas, found, errors)) {
    return false;
  }
  if (options.shard.empty()) return true;
  Shard shard;
  std::string err;
  if (!ParseShard(options.shard, &shard, &err)) {
    errors->push_back(err);
    return false;
  }
  *cases = SelectShard(*cases, shard);
  *found = SelectShard(*found, shard);
  if (cases->empty()) errors->push_back("--shard " + options.shard + ": this shard has no cases");
  return !cases->empty();
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

ReportPaths PathsFor(const RunOptions& options) {
  ReportPaths paths;
  paths.junit = options.junit_path;
  paths.json = options.json_path;
  paths.html = options.html_path;
  paths.save_requests_dir = options.save_requests_dir;
  if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY")) paths.github_summary = summary;
  paths.junit_profile = options.junit_profile == "rich" ? JunitProfile::kRich : JunitProfile::kStrict;
  return paths;
}

// Writes every report; returns false when a file could not be written or leaked a secret.
bool Report(const RunResult& run, const RunOptions& options, const Redactor& redactor, bool print_paths,
            bool* leaked) {
  ReportOutcome outcome = WriteReports(run, PathsFor(options), redactor.secrets());
  for (const std::string& e : outcome.errors) std::cerr << "conform: " << e << "\n";
  for (const std::string& path : outcome.leaked) {
    std::cerr << "conform: a secret value was found in " << path << "; the file was deleted (please report this bug)\n";
  }
  *leaked = !outcome.leaked.empty();
  if (print_paths && outcome.errors.empty()) {
    std::cout << "reports: " << options.junit_path << ", " << options.json_path << ", " << options.html_path << "\n";
  }
  return outcome.errors.empty() && outcome.leaked.empty();
}

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

int UsageError(const std::vector<std::string>& errors, const RunOptions& options) {
  for (const std::string& e : errors) std::cerr << "conform: " << e << "\n";
  bool leaked = false;
  Redactor redactor;
  Report(UsageErrorRun(errors, options.target), options, redactor, false, &leaked);
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

// Where the run goes: the embedded mock (started here) or the user's target, checked for consent.
bool PrepareTarget(const RunOptions& options, size_t case_count, RunSettings* settings,
                   std::unique_ptr<MockServer>* mock, std::string* err) {
  const EmbeddedMockFlags mock_flags{options.mock_faults, options.mock_delays, options.mock_jitter};
  if (options.target.empty()) {
    if (!StartEmbeddedMock(mock_flags, &settings->credentials.token, &settings->credentials.readonly_token, mock, err)) {
      return false;
    }
    settings->base_url = (*mock)->base_url();
    if (!options.quiet) std::cout << "no --target: testing the embedded mock at " << settings->base_url << "\n";
    return true;
  }
  if (!CheckNoMockFlagsWithTarget(mock_flags, err) || !NormaliseTarget(options.target, &settings->base_url, err)) {
    return false;
  }
  const std::string names = NamePrefix(settings->run_id) + "<case-id>";
  const bool loopback = IsLoopbackTarget(settings->base_url);
  if (!loopback && !options.allow_mutations) {
    *err = "--target " + settings->base_url + " is not this machine; the " + std::to_string(case_count) +
           " selected cases create, update and delete connections named " + names +
           " there. Add --allow-mutations if that is what you want.";
    return false;
  }
  if (!loopback && !options.quiet) {
    std::cout << "conform will create, update and delete connections named " << names << " on " << settings->base_url
              << " (and names starting " << NamePrefix(settings->run_id) << "explore while exploring)"
              << " and nothing else; each is deleted when its case ends\n";
  }
  if (settings->credentials.token.empty()) {
    std::cerr << "conform: warning: no --token or CONFORM_TOKEN; requests carry no Authorization header\n";
  }
  return true;
}

Redactor MakeRedactor(const RunOptions& options, const RunSettings& settings) {
  Redactor redactor;
  redactor.AddNamedSecret(settings.credentials.token, "CONFORM_TOKEN");
  redactor.AddNamedSecret(settings.credentials.readonly_token, "CONFORM_READONLY_TOKEN");
  for (const std::string& header : options.redact_headers) redactor.AddHeader(header);
  // The config file's secret headers (an X-Api-Key, say) are credentials of the user's too.
  for (const auto& [name, value] : settings.credentials.identity) {
    if (redactor.IsSecretHeader(name)) redactor.AddCredential(value);
  }
  for (const std::string& pointer : options.redact_pointers) redactor.AddPointer(pointer);
  return redactor;
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

int NotRunCount(const RunResult& run) {
  return static_cast<int>(std::count_if(run.cases.begin(), run.cases.end(), WasNotRun));
}

// The first case error that is about the target, not conform holding a case back.
std::string FirstCause(const RunResult& run) {
  for (const CaseResult& c : run.cases) {
    if (!c.error_message.empty() && !WasNotRun(c)) return c.error_message;
  }
  return run.cases.empty() ? "" : run.cases.front().error_message;
}

// Cases a stopped run never started are one line, not one each.
void PrintCase(const ConsoleStyle& style, const CaseResult& c, size_t index, size_t total) {
  static bool not_run_shown = false;
  if (!WasNotRun(c)) {
    PrintCaseLine(std::cout, c, style);
  } else if (!not_run_shown && !style.quiet) {
    not_run_shown = true;
    std::cout << "ERROR " << total - index << " cases not run (" << c.id << " and after): "
              << c.error_message.substr(std::string(kNotRun).size()) << "\n";
  }
}

// The details, the summary and the verdict; a bug of conform's in printing them loses the
// console's account only, never the reports.
void PrintVerdict(const RunResult& run, const ConsoleStyle& style) {
  std::string internal;
  if (!RunGuarded("the console summary", [&] {
        PrintDetails(std::cout, run, style);
        PrintSummary(std::cout, run, style);
        if (std::getenv("GITHUB_ACTIONS")) std::cout << GithubAnnotations(run);
      }, &internal)) {
    std::cerr << "conform: " << internal << "\n";
  }
  if (const CaseResult* c = FirstInternalError(run)) {
    std::cerr << "conform: " << c->error_message << " (the other results stand; the reports are written; exit 1)\n";
  }
}

int ExitCodeFor(const RunResult& run, bool reports_ok, bool leaked, const std::string& base_url) {
  if (leaked) return kExitLeak;
  if (run.interrupted) return kExitInterrupted;
  const std::string not_run = run.stopped == RunStop::kNone ? "" : "; " + std::to_string(NotRunCount(run)) + " cases not run";
  if (run.Unreachable()) {
    std::cerr << "conform: the target " << base_url << " could not be reached: " << FirstCause(run) << not_run << "\n";
    return kExitUnreachable;
  }
  if (run.stopped != RunStop::kNone) {
    std::cerr << "conform: stopped: " << run.stop_message << not_run << "\n";
    if (run.stopped == RunStop::kTargetStoppedAnswering) return kExitUnreachable;
  }
  if (Verdict(run) != "passed") return kExitFailed;
  return reports_ok ? kExitOk : kExitUsage;
}


// The target's preflight: one list through the run's gate (retried on 429/503 like any request).
PreflightOutcome Preflight(const RunSettings& settings, const CurlOptions& curl, const Redactor& redactor) {
  CurlTransport raw(curl);
  RequestGate gate(settings.gate);
  GuardedTransport transport(raw, gate);
  return PreflightTarget(transport, settings, redactor);
}

// The target cannot be tested as given: one line with the cause first, reports with one errored
// testcase saying so, exit 3. No case ran.
// --reference: a base URL like --target's, allowed to be mutated like it, and answering before
// anything is sent to the target (else exit 3 and nothing sent).
bool PrepareReference(const RunOptions& options, const RunSettings& settings, const CurlOptions& curl, Redactor& redactor,
                      ExploreSettings* explore, std::string* err, bool* unreachable) {
  *unreachable = false;
  if (options.reference.empty()) return true;
  if (!NormaliseTarget(options.reference, &explore->reference_url, err)) {
    *err = "--reference: " + *err;
    return false;
  }
  if (!IsLoopbackTarget(explore->reference_url) && !options.allow_mutations) {
    *err = "--reference " + explore->reference_url + " is not this machine; exploration creates, updates and deletes "
           "connections there too. Add --allow-mutations if that is what you want.";
    return false;
  }
  explore->reference_curl = curl;
  RunSettings probe = settings;
  probe.base_url = explore->reference_url;
  const PreflightOutcome reached = Preflight(probe, curl, redactor);
  if (reached.ok) return true;
  *unreachable = true;
  *err = "--reference " + explore->reference_url + ": " + reached.cause;
  return false;
}

int StopAfterPreflight(const PreflightOutcome& preflight, const RunSettings& settings, const RunOptions& options,
                       const Redactor& redactor, MockServer* mock) {
  if (mock) mock->Stop();
  std::cerr << "conform: " << preflight.cause << "\n";
  bool leaked = false;
  Report(PreflightFailedRun(preflight, settings), options, redactor, !options.quiet, &leaked);
  return leaked ? kExitLeak : kExitUnreachable;
}

// Flags that shape transport and requests: identity headers, TLS, pacing, retries, body cap.
bool ApplyTransportFlags(const RunOptions& options, const Headers& config_headers, RunSettings* settings,
                         CurlOptions* curl, std::string* err) {
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

// The first signal asks the run to stop after cleaning up; the second exits at once and says
// which connections are left behind.
void OnSignal(int) {
  if (!Interrupted()) {
    Interrupt();
    // On a terminal, "\r\033[K" clears a progress line (or the echoed ^C) instead of leaving it.
    const char erase[] = "\r\033[K";
    const char message[] = "conform: interrupted; cleaning up (interrupt again to exit at once)\n";
    [[maybe_unused]] ssize_t n = isatty(2) ? write(2, erase, sizeof(erase) - 1) : write(2, "\n", 1);
    n = write(2, message, sizeof(message) - 1);
    return;
  }
  const char header[] = "\nconform: exiting now; these connections may be left behind (conform cleanup removes them):\n";
  [[maybe_unused]] ssize_t n = write(2, header, sizeof(header) - 1);
  if (const std::string* ledger = LedgerSnapshot()) n = write(2, ledger->data(), ledger->size());
  _exit(130);
}

void InstallSignalHandlers() {
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// Before the cases: the seed, and the found cases replayed before exploring.
// The live line goes to stderr, so it is the terminal there that matters; CI sets $CI.
ProgressPolicy DetectProgressPolicy(const RunOptions& options, const RunSettings& settings) {
  ProgressPolicy policy;
  ParseProgressMode(options.progress, &policy.mode);  // the flag's values are checked when parsed
  policy.terminal = isatty(2);
  policy.stdout_terminal = isatty(1);
  const char* ci = std::getenv("CI");
  policy.ci = ci && *ci;
  policy.quiet_or_verbose = options.quiet || options.verbose;
  policy.paced = settings.gate.min_interval_us > 0;
  return policy;
}

void PrintSeedLine(const RunOptions& options, uint64_t seed, size_t found) {
  if (options.explore == 0 || options.quiet) return;
  std::cout << "exploration seed " << seed << " (" << SeedReplayFlags(seed, ExplorationShard(options.shard))
            << " replays it)";
  if (found > 0) {
    std::cout << "; first it replays " << found << (found == 1 ? " case" : " cases") << " found earlier in "
              << options.found_dir;
  }
  std::cout << "\n";
}

}  // namespace

// The default budget: on this machine it takes a few tenths of a second; elsewhere every request
// waits for --rate (40 operations and their reads are about a minute at 150 a minute).
constexpr int kLoopbackExplore = 300;
constexpr int kRemoteExplore = 40;

// The exploration's testcase line, then what it sent and, at a divergence, the case it wrote.
void PrintExplorationLines(const RunOptions& options, const ConsoleStyle& style, uint64_t seed,
                           const std::optional<Shard>& shard, const ExplorationReport& report, size_t index) {
  PrintCase(style, report.outcome.result, index, index + 1);
  if (style.quiet) return;
  std::cout << "exploration: seed " << ShardSeed(seed, shard) << " (" << SeedReplayFlags(seed, shard) << " replays it), "
            << report.explored << " operations sent, " << report.outcome.classes_covered << " of "
            << AllValueClasses().size() << " value classes drawn";
  if (!report.found_file.empty()) {
    std::cout << "; shrunk to " << report.outcome.sequence.size() << " operations in " << report.shrink.attempts
              << " replays" << (report.shrink.cut_short ? " (cut short)" : "") << ": " << report.found_file
              << " (replay: conform run --cases " << options.found_dir << ")";
  }
  std::cout << "\n";
}

int ExplorationBudget(const RunOptions& options, const std::string& base_url) {
  if (options.explore >= 0) return options.explore;
  return IsLoopbackTarget(base_url) ? kLoopbackExplore : kRemoteExplore;
}

void RunExploration(const RunOptions& options, ExploreSettings explore, uint64_t seed, const RunSettings& settings,
                    const SchemaRegistry& schemas, const CurlOptions& curl, const ConsoleStyle& style, RequestGate& gate,
                    Redactor* redactor, ProgressLine* progress, RunResult* run) {
  const bool loopback = IsLoopbackTarget(settings.base_url);
  explore.operations = ExplorationBudget(options, settings.base_url);
  explore.progress = progress->exploration();
  const std::optional<Shard> shard = ExplorationShard(options.shard);
  explore.seed = ShardSeed(seed, shard);
  if (shard) explore.label = explore.names = "explore-shard-" + std::to_string(shard->index);
  CurlTransport transport(curl);
  // Off this machine every replay is paced by --rate: fewer, over a longer time.
  ShrinkLimits limits;
  if (!loopback) limits = {40, std::chrono::milliseconds(120000)};
  const int retries_before = gate.retries();
  ExplorationReport report;
  std::string internal;
  if (!RunGuarded("the exploration (seed " + std::to_string(explore.seed) + ")", [&] {
        report = ExploreShrinkAndWrite(explore, settings, schemas, transport, gate, redactor, options.found_dir, limits);
      }, &internal)) {
    report.outcome.result.id = explore.label;
    report.outcome.result.title = "exploration, seed " + std::to_string(explore.seed);
    report.outcome.result.tags = {"explore"};
    MarkInternalError(redactor->Text(internal), &report.outcome.result);
  }
  progress->Above([&] {
    PrintExplorationLines(options, style, seed, shard, report, run->cases.size());
    if (!report.write_error.empty()) std::cerr << "conform: --found: " << report.write_error << "\n";
  });
  report.outcome.result.retries = gate.retries() - retries_before;  // exploration's, shrinking's replays included
  run->cases.push_back(std::move(report.outcome.result));
}

int RunRunCommand(const RunOptions& given_options, RunResult* result) {
  RunOptions options = given_options;
  std::string err;
  std::vector<std::string> errors;
  Headers config_headers;
  if (!ApplyConfigFile(&options, &config_headers, &err)) return UsageError({err}, options);
  if (!CheckReportPaths(&options, &err)) return UsageError({err}, options);
  SchemaRegistry schemas;
  std::vector<Case> cases, found;
  if (!LoadRunCases(options, &schemas, &cases, &found, &errors)) return UsageError(errors, options);
  LatencyGoals goals;
  if (!ParseLatencyGoals(options, &goals, &err) || !CheckRedactPointers(options, &err)) {
    return UsageError({err}, options);
  }
  RunSettings settings;
  settings.strict = options.strict;
  settings.run_id = options.run_id.empty() ? NewRunId() : options.run_id;
  settings.credentials.token = options.token;
  settings.credentials.readonly_token = options.readonly_token;
  // Checked before the embedded mock starts: a bad flag sends nothing and starts nothing.
  settings.base_url = options.target.empty() ? "http://127.0.0.1" : options.target;
  CurlOptions curl;
  if (!ApplyTransportFlags(options, config_headers, &settings, &curl, &err)) return UsageError({err}, options);
  uint64_t seed = 0;
  if (!ParseSeed(options.seed, &seed, &err)) return UsageError({err}, options);
  std::unique_ptr<MockServer> mock;
  if (!PrepareTarget(options, cases.size(), &settings, &mock, &err)) return UsageError({err}, options);
  if (options.insecure) std::cerr << "conform: warning: --insecure: TLS certificates are NOT checked\n";

  Redactor redactor = MakeRedactor(options, settings);
  const ConsoleStyle style = DetectConsoleStyle(1, options.quiet, options.verbose);
  InstallSignalHandlers();
  ExploreSettings explore;
  bool reference_unreachable = false;
  if (options.explore != 0 && !PrepareReference(options, settings, curl, redactor, &explore, &err, &reference_unreachable)) {
    if (mock) mock->Stop();
    const int code = UsageError({err}, options);
    return reference_unreachable ? kExitUnreachable : code;
  }
  PrintSeedLine(options, seed, found.size());
  if (!options.no_preflight) {
    const PreflightOutcome preflight = Preflight(settings, curl, redactor);
    if (!preflight.ok) return StopAfterPreflight(preflight, settings, options, redactor, mock.get());
  }
  // One gate for the whole run: the exploration after the cases keeps their deadline, breaker,
  // pacing and retry count.
  RequestGate gate(settings.gate);
  ProgressLine progress(DetectProgressPolicy(options, settings), settings.gate.min_interval_us / 1e6,
                        [&gate] { return gate.admitted(); });
  if (options.explore != 0) progress.SetOperationsTotal(ExplorationBudget(options, settings.base_url));
  const int total_cases = static_cast<int>(cases.size() + (options.explore != 0 ? found.size() : 0));
  int cases_done = 0;
  progress.SetCases(0, total_cases);
  progress.Start();
  const TransportFactory transports = [&] { return std::make_unique<CurlTransport>(curl); };
  const CaseListener print = [&](const CaseResult& c, size_t index, size_t total) {
    progress.SetCases(++cases_done, total_cases);
    progress.Above([&] { PrintCase(style, c, index, total); });
  };
  const auto started = std::chrono::steady_clock::now();
  RunResult run = RunSuite(cases, settings, schemas, transports, &redactor, print,
                           Repetition{options.repeat, options.warmup}, gate);
  const auto going_on = [&] { return !Interrupted() && run.stopped == RunStop::kNone; };
  if (options.explore != 0) {
    run.seed = std::to_string(seed);
    if (going_on()) ReplayFoundCases(found, settings, schemas, transports, &redactor, print, gate, &run);
    NoteGateStop(gate, &run);
    if (going_on()) {
      progress.CasesDone();  // from here the requests are exploration's, priced apart
      RunExploration(options, explore, seed, settings, schemas, curl, style, gate, &redactor, &progress, &run);
    }
    NoteGateStop(gate, &run);
  }
  progress.Stop();
  if (mock) mock->Stop();
  // The whole run's time, exploration and found cases included, as the verdict line reports it.
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  run.insecure = options.insecure;
  run.interrupted = Interrupted();
  JudgeLatencyGoals(goals, &run);
  run.choices = ObservedChoices(cases, run);
  if (!options.silent) PrintVerdict(run, style);
  bool leaked = false;
  const bool reports_ok = Report(run, options, redactor, !options.quiet, &leaked);
  const int code = ExitCodeFor(run, reports_ok, leaked, settings.base_url);
  if (result) *result = std::move(run);
  return code;
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
  std::cout << cases.size() << " cases in " << selection.cases_dir << "\n";
  return kExitOk;
}

}  // namespace conform
