// The main job: the plan (run_plan.h), the target, the cases, the found cases and exploration,
// then the verdict and the reports (run_output.h). Errors of setup or usage become one line each
// and exit 2, with reports still written; everything the target does becomes findings.
#include "commands/run_command.h"

#include <chrono>
#include <iostream>
#include <memory>

#include "cli/exit_codes.h"
#include "commands/mock_command.h"
#include "commands/run_output.h"
#include "commands/run_plan.h"
#include "commands/run_signals.h"
#include "explore/exploration_run.h"
#include "explore/exploration_seed.h"
#include "explore/found_replay.h"
#include "http/guarded_transport.h"
#include "http/interrupt.h"
#include "http/target_url.h"
#include "mock/mock_server.h"
#include "profile/profile.h"
#include "report/progress_line.h"
#include "run/boundary.h"
#include "run/suite_runner.h"
#include "run/target_preflight.h"

namespace conform {
namespace {

// Where the run goes: the embedded mock (started here) or the user's target, checked for consent.
bool PrepareTarget(const RunPlan& plan, RunSettings* settings, std::unique_ptr<MockServer>* mock, std::string* err) {
  if (plan.target.given.empty()) {
    if (!StartEmbeddedMock(plan.target.embedded_mock, &settings->credentials.token,
                           &settings->credentials.readonly_token, mock, err)) {
      return false;
    }
    settings->base_url = (*mock)->base_url();
    if (!plan.output.quiet) std::cout << "no --target: testing the embedded mock at " << settings->base_url << "\n";
    return true;
  }
  const std::string names = NamePrefix(settings->run_id) + "<case-id>";
  const bool loopback = IsLoopbackTarget(settings->base_url);
  if (!loopback && !plan.target.allow_mutations) {
    *err = "--target " + settings->base_url + " is not this machine; the " + std::to_string(plan.cases.size()) +
           " selected cases create, update and delete connections named " + names +
           " there. Add --allow-mutations if that is what you want.";
    return false;
  }
  if (!loopback && !plan.output.quiet) {
    std::cout << "conform will create, update and delete connections named " << names << " on " << settings->base_url
              << " (and names starting " << NamePrefix(settings->run_id) << "explore while exploring)"
              << " and nothing else; each is deleted when its case ends\n";
  }
  if (settings->credentials.token.empty()) {
    std::cerr << "conform: warning: no --token or CONFORM_TOKEN; requests carry no Authorization header\n";
  }
  return true;
}

// The target's preflight: one list through the run's gate (retried on 429/503 like any request).
PreflightOutcome Preflight(const RunSettings& settings, const CurlOptions& curl, const Redactor& redactor) {
  CurlTransport raw(curl);
  RequestGate gate(settings.gate);
  GuardedTransport transport(raw, gate);
  return PreflightTarget(transport, settings, redactor);
}

// --reference: a base URL like --target's, allowed to be mutated like it, and answering before
// anything is sent to the target (else exit 3 and nothing sent).
bool PrepareReference(const RunPlan& plan, const RunSettings& settings, Redactor& redactor, ExploreSettings* explore,
                      std::string* err, bool* unreachable) {
  *unreachable = false;
  if (plan.target.reference_url.empty()) return true;
  explore->reference_url = plan.target.reference_url;
  if (!IsLoopbackTarget(explore->reference_url) && !plan.target.allow_mutations) {
    *err = "--reference " + explore->reference_url + " is not this machine; exploration creates, updates and deletes "
           "connections there too. Add --allow-mutations if that is what you want.";
    return false;
  }
  explore->reference_curl = plan.curl;
  RunSettings probe = settings;
  probe.base_url = explore->reference_url;
  const PreflightOutcome reached = Preflight(probe, plan.curl, redactor);
  if (reached.ok) return true;
  *unreachable = true;
  *err = "--reference " + explore->reference_url + ": " + reached.cause;
  return false;
}

// The target cannot be tested as given: one line with the cause first, reports with one errored
// testcase saying so, exit 3. No case ran.
int StopAfterPreflight(const PreflightOutcome& preflight, const RunPlan& plan, const Redactor& redactor,
                       MockServer* mock) {
  if (mock) mock->Stop();
  std::cerr << "conform: " << preflight.cause << "\n";
  bool leaked = false;
  Report(PreflightFailedRun(preflight, plan.settings), plan.output.reports, redactor, !plan.output.quiet, &leaked);
  return leaked ? kExitLeak : kExitUnreachable;
}

void JudgeLatencyGoals(const LatencyGoals& goals, RunResult* run) {
  for (const LatencyBudget& budget : goals.budgets) run->latency_checks.push_back(JudgeBudget(budget, run->latency));
  if (!goals.has_baseline) return;
  for (LatencyCheck& check : CompareWithBaseline(run->latency, goals.baseline, goals.rule)) {
    run->latency_checks.push_back(std::move(check));
  }
}

void RunExploration(const RunPlan& plan, ExploreSettings explore, const RunSettings& settings, const ConsoleStyle& style,
                    RequestGate& gate, Redactor* redactor, ProgressLine* progress, RunResult* run) {
  const bool loopback = IsLoopbackTarget(settings.base_url);
  explore.operations = plan.explore_operations;
  explore.progress = progress->exploration();
  const std::optional<Shard> shard = ExplorationShard(plan.shard);
  explore.seed = ShardSeed(plan.seed, shard);
  if (shard) explore.label = explore.names = "explore-shard-" + std::to_string(shard->index);
  CurlTransport transport(plan.curl);
  // Off this machine every replay is paced by --rate: fewer, over a longer time.
  ShrinkLimits limits;
  if (!loopback) limits = {40, std::chrono::milliseconds(120000)};
  const int retries_before = gate.retries();
  ExplorationReport report;
  std::string internal;
  if (!RunGuarded("the exploration (seed " + std::to_string(explore.seed) + ")", [&] {
        report = ExploreShrinkAndWrite(explore, settings, plan.schemas, transport, gate, redactor, plan.output.found_dir,
                                       limits);
      }, &internal)) {
    report.outcome.result.id = explore.label;
    report.outcome.result.title = "exploration, seed " + std::to_string(explore.seed);
    report.outcome.result.tags = {"explore"};
    MarkInternalError(redactor->Text(internal), &report.outcome.result);
  }
  progress->Above([&] {
    PrintExplorationLines(plan, style, report, run->cases.size());
    if (!report.write_error.empty()) std::cerr << "conform: --found: " << report.write_error << "\n";
  });
  report.outcome.result.retries = gate.retries() - retries_before;  // exploration's, shrinking's replays included
  run->coverage = report.outcome.coverage;
  run->cases.push_back(std::move(report.outcome.result));
}

// The cases, then the found cases and exploration, through one gate: the exploration after the
// cases keeps their deadline, breaker, pacing and retry count.
RunResult RunCasesAndExploration(const RunPlan& plan, const RunSettings& settings, const ExploreSettings& explore,
                                 const ConsoleStyle& style, Redactor* redactor) {
  RequestGate gate(settings.gate);
  ProgressLine progress(DetectProgressPolicy(plan), settings.gate.min_interval_us / 1e6,
                        [&gate] { return gate.admitted(); });
  const bool exploring = plan.explore_operations != 0;
  if (exploring) progress.SetOperationsTotal(plan.explore_operations);
  const int total_cases = static_cast<int>(plan.cases.size() + (exploring ? plan.found.size() : 0));
  int cases_done = 0;
  progress.SetCases(0, total_cases);
  progress.Start();
  const TransportFactory transports = [&] { return std::make_unique<CurlTransport>(plan.curl); };
  const CaseListener print = [&](const CaseResult& c, size_t index, size_t total) {
    progress.SetCases(++cases_done, total_cases);
    progress.Above([&] { PrintCase(style, c, index, total); });
  };
  RunResult run = RunSuite(plan.cases, settings, plan.schemas, transports, redactor, print, plan.repetition, gate);
  const auto going_on = [&] { return !Interrupted() && run.stopped == RunStop::kNone; };
  if (exploring) {
    run.seed = std::to_string(plan.seed);
    if (going_on()) ReplayFoundCases(plan.found, settings, plan.schemas, transports, redactor, print, gate, &run);
    NoteGateStop(gate, &run);
    if (going_on()) {
      progress.CasesDone();  // from here the requests are exploration's, priced apart
      RunExploration(plan, explore, settings, style, gate, redactor, &progress, &run);
    }
    NoteGateStop(gate, &run);
  }
  progress.Stop();
  return run;
}

}  // namespace

int RunRunCommand(const RunOptions& options, RunResult* result) {
  RunPlan plan;
  std::vector<std::string> errors;
  if (!PlanRun(options, &plan, &errors)) return UsageError(errors, plan.output.reports, plan.target.given);
  const auto usage_error = [&](const std::string& err) { return UsageError({err}, plan.output.reports, plan.target.given); };
  RunSettings& settings = plan.settings;  // the embedded mock's URL once it starts
  std::string err;
  std::unique_ptr<MockServer> mock;
  if (!PrepareTarget(plan, &settings, &mock, &err)) return usage_error(err);
  if (plan.target.insecure) std::cerr << "conform: warning: --insecure: TLS certificates are NOT checked\n";

  Redactor redactor = MakeRedactor(plan);
  const ConsoleStyle style = DetectConsoleStyle(1, plan.output.quiet, plan.output.verbose);
  InstallSignalHandlers();
  ExploreSettings explore;
  bool reference_unreachable = false;
  if (plan.explore_operations != 0 && !PrepareReference(plan, settings, redactor, &explore, &err, &reference_unreachable)) {
    if (mock) mock->Stop();
    const int code = usage_error(err);
    return reference_unreachable ? kExitUnreachable : code;
  }
  PrintSeedLine(plan);
  if (plan.target.preflight) {
    const PreflightOutcome preflight = Preflight(settings, plan.curl, redactor);
    if (!preflight.ok) return StopAfterPreflight(preflight, plan, redactor, mock.get());
  }
  const auto started = std::chrono::steady_clock::now();
  RunResult run = RunCasesAndExploration(plan, settings, explore, style, &redactor);
  if (mock) mock->Stop();
  // The whole run's time, exploration and found cases included, as the verdict line reports it.
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  run.insecure = plan.target.insecure;
  run.interrupted = Interrupted();
  JudgeLatencyGoals(plan.goals, &run);
  run.choices = ObservedChoices(plan.cases, run);
  if (!plan.output.silent) PrintVerdict(run, style);
  bool leaked = false;
  const bool reports_ok = Report(run, plan.output.reports, redactor, !plan.output.quiet, &leaked);
  const int code = ExitCodeFor(run, reports_ok, leaked, settings.base_url);
  if (result) *result = std::move(run);
  return code;
}

}  // namespace conform
