// Cost of recording a latency and of reading a percentile.
#include <random>

#include <benchmark/benchmark.h>

#include "stats/histogram.h"

namespace conform {
namespace {

void BM_HistogramRecord(benchmark::State& state) {
  std::mt19937_64 random(1);
  std::lognormal_distribution<double> latency(8.0, 1.0);
  std::vector<int64_t> values(4096);
  for (int64_t& v : values) v = static_cast<int64_t>(latency(random));
  Histogram h;
  size_t i = 0;
  for (auto _ : state) {
    h.Record(values[i++ & 4095]);
  }
  benchmark::DoNotOptimize(h.count());
}
BENCHMARK(BM_HistogramRecord);

void BM_HistogramPercentile(benchmark::State& state) {
  std::mt19937_64 random(1);
  std::lognormal_distribution<double> latency(8.0, 1.0);
  Histogram h;
  for (int i = 0; i < 1000000; ++i) h.Record(static_cast<int64_t>(latency(random)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(h.Percentile(99));
  }
}
BENCHMARK(BM_HistogramPercentile);

}  // namespace
}  // namespace conform
