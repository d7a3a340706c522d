// What conform run prints and writes: a line per case, the exploration's lines, the verdict, the
// reports, and the exit code that sums them up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "commands/run_plan.h"
#include "explore/exploration_run.h"
#include "redact/redactor.h"
#include "report/report_set.h"
#include "report/console_report.h"
#include "run/results.h"
#include "run/shard.h"

namespace conform {

// Writes every report; false when a file could not be written or leaked a secret (*leaked).
bool Report(const RunResult& run, const ReportPaths& paths, const Redactor& redactor, bool print_paths, bool* leaked);

// Each problem on a line of its own, and reports holding one errored testcase that names them
// all (a run that never started, against `target` as given); the usage exit code.
int UsageError(const std::vector<std::string>& errors, const ReportPaths& paths, const std::string& target);

// A case's line; the cases a stopped run never started are one line, not one each.
void PrintCase(const ConsoleStyle& style, const CaseResult& c, size_t index, size_t total);

// Before the cases: the seed, and the found cases replayed before exploring.
void PrintSeedLine(const RunPlan& plan);

// The exploration's testcase line, then what it sent and, at a divergence, the case it wrote.
void PrintExplorationLines(const RunPlan& plan, const ConsoleStyle& style, const ExplorationReport& report,
                           size_t index);

// The details, the summary and the verdict; a bug of conform's in printing them loses the
// console's account only, never the reports.
void PrintVerdict(const RunResult& run, const ConsoleStyle& style);

// The documented exit code (docs/usage.md), with a line on stderr where the verdict alone does
// not say why.
int ExitCodeFor(const RunResult& run, bool reports_ok, bool leaked, const std::string& base_url);

}  // namespace conform
