// The run loop.
#include "run/suite_runner.h"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <random>

#include "run/limit_search.h"

namespace conform {

std::string NewRunId() {
  std::random_device device;
  std::uniform_int_distribution<unsigned> digit(0, 15);
  std::string id;
  for (int i = 0; i < 8; ++i) id += "0123456789abcdef"[digit(device)];
  return id;
}

std::string UtcTimestamp() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%S", &utc);
  return buffer;
}

namespace {

std::string HostName() {
  char buffer[256] = {0};
  if (gethostname(buffer, sizeof(buffer) - 1) != 0 || buffer[0] == '\0') return "localhost";
  return buffer;
}

// Higher is worse; the fold keeps the worse outcome.
int Severity(Outcome o) {
  switch (o) {
    case Outcome::kSkipped: return 0;
    case Outcome::kPassed: return 1;
    case Outcome::kWarned: return 2;
    case Outcome::kError: return 3;
    case Outcome::kFailed: return 4;
  }
  return 0;
}

// A case the run never started because the gate stopped it (breaker, deadline).
CaseResult NotRun(const Case& c, const RequestGate& gate) {
  CaseResult r = ResultFor(c);
  r.outcome = Outcome::kError;
  r.error_type = gate.StopType();
  r.error_message = kNotRun + gate.StopMessage();
  return r;
}

void CountResponses(const CaseResult& result, RunResult* run) {
  for (const Exchange& x : result.exchanges) {
    if (x.response.status > 0) ++run->responses;
    if (!x.response.ok() && x.response.status == 0) ++run->transport_errors;
  }
}

}  // namespace

void FoldRepetition(CaseResult next, int index, int total, CaseResult* into) {
  const std::string label = "repeat " + std::to_string(index) + "/" + std::to_string(total) + ", ";
  for (Finding& f : next.findings) {
    f.step = label + f.step;
    into->findings.push_back(std::move(f));
  }
  for (const auto& [kind, histogram] : next.latency) into->latency[kind].Merge(histogram);
  into->seconds += next.seconds;
  for (std::string& name : next.leftovers) into->leftovers.push_back(std::move(name));
  if (Severity(next.outcome) > Severity(into->outcome)) {
    into->outcome = next.outcome;
    into->error_type = next.error_type;
    into->error_message = next.error_message;
    into->exchanges = std::move(next.exchanges);  // show the exchanges of the worst run
  }
}

void JudgeCaseBudgets(const Case& c, CaseResult* result) {
  if (result->outcome == Outcome::kSkipped || result->outcome == Outcome::kError) return;
  for (const LatencyBudget& budget : c.budgets) {
    LatencyCheck check = JudgeBudget(budget, result->latency);
    if (check.passed) continue;
    Finding f;
    f.rule = "latency.budget";
    f.message = check.message;
    result->findings.push_back(f);
    result->outcome = Outcome::kFailed;
  }
}

RunResult RunSuite(const std::vector<Case>& cases, const RunSettings& settings, const SchemaRegistry& schemas,
                   const TransportFactory& make_transport, Redactor* redactor, const CaseListener& on_case,
                   Repetition repetition) {
  RequestGate gate(settings.gate);
  return RunSuite(cases, settings, schemas, make_transport, redactor, on_case, repetition, gate);
}

void NoteGateStop(const RequestGate& gate, RunResult* run) {
  if (gate.stop_reason() == StopReason::kBreaker) run->stopped = RunStop::kTargetStoppedAnswering;
  if (gate.stop_reason() == StopReason::kDeadline) run->stopped = RunStop::kDeadline;
  if (run->stopped != RunStop::kNone) run->stop_message = gate.StopMessage();
}

RunResult RunSuite(const std::vector<Case>& cases, const RunSettings& settings, const SchemaRegistry& schemas,
                   const TransportFactory& make_transport, Redactor* redactor, const CaseListener& on_case,
                   Repetition repetition, RequestGate& gate) {
  RunResult run;
  run.repeat = repetition.repeat;
  run.warmup = repetition.warmup;
  run.target = settings.base_url;
  run.run_id = settings.run_id;
  run.strict = settings.strict;
  run.timestamp = UtcTimestamp();
  run.hostname = HostName();
  const auto start = std::chrono::steady_clock::now();
  CaseRunner runner(settings, schemas, redactor);
  for (size_t i = 0; i < cases.size(); ++i) {
    if (Interrupted()) break;  // a signal: stop here; what ran is reported
    if (gate.stop_reason() != StopReason::kNone) {
      // The breaker opened or the deadline passed: every case left is reported, none is sent.
      run.cases.push_back(NotRun(cases[i], gate));
      if (on_case) on_case(run.cases.back(), i, cases.size());
      continue;
    }
    // A fresh transport per run of a case: one connection reused within it, none across cases.
    auto run_case = [&](const Case& c) {
      std::unique_ptr<Transport> transport = make_transport();
      return runner.Run(c, *transport, gate);
    };
    if (cases[i].search) {
      // A limit search: each try is reported as a result of its own; the listener hears the last.
      std::vector<CaseResult> tries = RunLimitSearch(cases[i], run_case, gate);
      for (size_t t = 0; t < tries.size(); ++t) {
        CountResponses(tries[t], &run);
        for (const auto& [kind, histogram] : tries[t].latency) run.latency[kind].Merge(histogram);
        if (on_case && t + 1 == tries.size()) on_case(tries[t], i, cases.size());
        run.cases.push_back(std::move(tries[t]));
      }
      continue;
    }
    auto run_once = [&] { return run_case(cases[i]); };
    for (int w = 0; w < repetition.warmup; ++w) run_once();
    CaseResult result = run_once();
    CountResponses(result, &run);
    if (repetition.repeat > 1) {
      for (Finding& f : result.findings) f.step = "repeat 1/" + std::to_string(repetition.repeat) + ", " + f.step;
    }
    for (int k = 2; k <= repetition.repeat; ++k) {
      CaseResult next = run_once();
      CountResponses(next, &run);
      FoldRepetition(std::move(next), k, repetition.repeat, &result);
    }
    JudgeCaseBudgets(cases[i], &result);
    for (const auto& [kind, histogram] : result.latency) run.latency[kind].Merge(histogram);
    if (on_case) on_case(result, i, cases.size());
    run.cases.push_back(std::move(result));
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  NoteGateStop(gate, &run);
  return run;
}

}  // namespace conform
