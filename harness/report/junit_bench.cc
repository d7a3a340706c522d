// Cost of writing a JUnit report of 10 000 cases (a tenth of them failing).
#include <benchmark/benchmark.h>

#include "report/junit_report.h"

namespace conform {
namespace {

RunResult ManyCases(int count) {
  RunResult run;
  run.timestamp = "2026-01-01T00:00:00";
  run.hostname = "bench";
  for (int i = 0; i < count; ++i) {
    CaseResult c;
    c.id = "case-" + std::to_string(i);
    c.title = "title <" + std::to_string(i) + "> & more";
    c.tags = {"replace"};
    c.seconds = 0.001;
    if (i % 10 == 0) {
      c.outcome = Outcome::kFailed;
      Finding f;
      f.rule = "replace.field-survived";
      f.message = "left out but \"still\" stored";
      c.findings.push_back(f);
    }
    run.cases.push_back(c);
  }
  return run;
}

void BM_JunitReport10k(benchmark::State& state) {
  const RunResult run = ManyCases(10000);
  for (auto _ : state) {
    benchmark::DoNotOptimize(JunitReport(run).size());
  }
}
BENCHMARK(BM_JunitReport10k)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace conform
