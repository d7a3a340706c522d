#include "commands/run_output.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>

#include "cli/exit_codes.h"
#include "explore/exploration_seed.h"
#include "explore/value_domain.h"
#include "report/github_report.h"
#include "report/json_report.h"
#include "report/report_set.h"
#include "run/boundary.h"
#include "run/suite_runner.h"

namespace conform {
namespace {

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

// "coverage: 19/19 transition pairs", and each pair not covered with its reason.
void PrintCoverageLine(const std::vector<CoverageRow>& rows) {
  if (rows.empty()) return;
  std::cout << "coverage: " << CoveredCount(rows) << "/" << rows.size() << " transition pairs";
  std::map<std::string, std::vector<std::string>> missed;  // reason -> the pairs it left out
  for (const CoverageRow& row : rows) {
    if (!row.covered) missed[row.reason].push_back(row.name);
  }
  // A few pairs by name; many by their number (the reports name each).
  for (const auto& [reason, pairs] : missed) {
    std::cout << "; " << pairs.size() << " not covered (" << reason << ")";
    if (pairs.size() > 3) continue;
    for (size_t i = 0; i < pairs.size(); ++i) std::cout << (i ? ", " : ": ") << pairs[i];
  }
  std::cout << "\n";
}

}  // namespace

bool Report(const RunResult& run, const ReportPaths& paths, const Redactor& redactor, bool print_paths,
            bool* leaked) {
  ReportOutcome outcome = WriteReports(run, paths, redactor.secrets());
  for (const std::string& e : outcome.errors) std::cerr << "conform: " << e << "\n";
  for (const std::string& path : outcome.leaked) {
    std::cerr << "conform: a secret value was found in " << path << "; the file was deleted (please report this bug)\n";
  }
  *leaked = !outcome.leaked.empty();
  if (print_paths && outcome.errors.empty()) {
    std::cout << "reports: " << paths.junit << ", " << paths.json << ", " << paths.html << "\n";
  }
  return outcome.errors.empty() && outcome.leaked.empty();
}

int UsageError(const std::vector<std::string>& errors, const ReportPaths& paths, const std::string& target) {
  for (const std::string& e : errors) std::cerr << "conform: " << e << "\n";
  bool leaked = false;
  Redactor redactor;
  Report(UsageErrorRun(errors, target), paths, redactor, false, &leaked);
  return kExitUsage;
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

void PrintSeedLine(const RunPlan& plan) {
  if (plan.explore_operations == 0 || plan.output.quiet) return;
  std::cout << "exploration seed " << plan.seed << " (" << SeedReplayFlags(plan.seed, ExplorationShard(plan.shard))
            << " replays it)";
  const size_t found = plan.found.size();
  if (found > 0) {
    std::cout << "; first it replays " << found << (found == 1 ? " case" : " cases") << " found earlier in "
              << plan.output.found_dir;
  }
  std::cout << "\n";
}

// The exploration's testcase line, then what it sent and, at a divergence, the case it wrote.
void PrintExplorationLines(const RunPlan& plan, const ConsoleStyle& style, const ExplorationReport& report,
                           size_t index) {
  PrintCase(style, report.outcome.result, index, index + 1);
  if (style.quiet) return;
  const std::optional<Shard> shard = ExplorationShard(plan.shard);
  std::cout << "exploration: seed " << ShardSeed(plan.seed, shard) << " (" << SeedReplayFlags(plan.seed, shard)
            << " replays it), " << report.explored << " operations sent, " << report.outcome.classes_covered << " of "
            << AllValueClasses().size() << " value classes drawn";
  if (!report.found_file.empty()) {
    std::cout << "; shrunk to " << report.outcome.sequence.size() << " operations in " << report.shrink.attempts
              << " replays" << (report.shrink.cut_short ? " (cut short)" : "") << ": " << report.found_file
              << " (replay: conform run --cases " << plan.output.found_dir << ")";
  }
  std::cout << "\n";
  PrintCoverageLine(report.outcome.coverage);
}

}  // namespace conform
