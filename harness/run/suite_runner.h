// Runs the selected cases one after another, each on its own transport (so one connection is
// reused within a case), and gathers the run's result and latency.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "http/transport.h"
#include "run/case_runner.h"

namespace conform {

using TransportFactory = std::function<std::unique_ptr<Transport>()>;
using CaseListener = std::function<void(const CaseResult&, size_t index, size_t total)>;

// How often each case runs: `warmup` discarded runs, then `repeat` runs whose results all count.
struct Repetition {
  int repeat = 1;
  int warmup = 0;
};

RunResult RunSuite(const std::vector<Case>& cases, const RunSettings& settings, const SchemaRegistry& schemas,
                   const TransportFactory& make_transport, Redactor* redactor, const CaseListener& on_case,
                   Repetition repetition = {});
// The same through a gate the caller owns, so what runs after the cases (exploration) shares its
// deadline, breaker, pacing and retry count.
RunResult RunSuite(const std::vector<Case>& cases, const RunSettings& settings, const SchemaRegistry& schemas,
                   const TransportFactory& make_transport, Redactor* redactor, const CaseListener& on_case,
                   Repetition repetition, RequestGate& gate);

// Sets run.stopped and its message from the gate, when the gate stopped the run.
void NoteGateStop(const RequestGate& gate, RunResult* run);

// Folds repetition `next` (1-based index `index` of `total`) into `into`: findings are labelled
// with their repetition, latency merged, the worse outcome kept. Exposed for tests.
void FoldRepetition(CaseResult next, int index, int total, CaseResult* into);

// Judges the case's own latency budgets; a breach is a must-level finding.
void JudgeCaseBudgets(const Case& c, CaseResult* result);

// A random run id of 8 lowercase hex digits.
std::string NewRunId();

// UTC "YYYY-MM-DDTHH:MM:SS" for now.
std::string UtcTimestamp();

}  // namespace conform
