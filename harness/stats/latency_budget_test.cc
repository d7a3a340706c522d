// Budgets and baseline comparisons on known histograms.
#include "stats/latency_budget.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

Histogram Uniform(int64_t from_us, int64_t to_us, int64_t step) {
  Histogram h;
  for (int64_t v = from_us; v <= to_us; v += step) h.Record(v);
  return h;
}

TEST(LatencyBudgetTest, Parses) {
  LatencyBudget b;
  std::string err;
  ASSERT_TRUE(ParseLatencyBudget("put.p95=200ms", &b, &err)) << err;
  EXPECT_EQ(*b.kind, CallKind::kUpdate);
  EXPECT_EQ(b.statistic, "p95");
  EXPECT_EQ(b.limit_us, 200000);
  ASSERT_TRUE(ParseLatencyBudget("total.p99.9=1s", &b, &err)) << err;
  EXPECT_FALSE(b.kind.has_value());
  for (const char* bad : {"put.p95", "post.p95=1ms", "put.p0=1ms", "put.p101=1ms", "put.median=1ms", "put.p95=fast"}) {
    EXPECT_FALSE(ParseLatencyBudget(bad, &b, &err)) << bad;
    EXPECT_EQ(err.rfind(std::string("--latency-budget ") + bad, 0), 0u) << err;
  }
}

TEST(LatencyBudgetTest, JudgesWithValueAndSampleCount) {
  LatencyByKind latency = {{CallKind::kUpdate, Uniform(1000, 100000, 1000)}};  // 1..100 ms
  LatencyBudget b;
  std::string err;
  ASSERT_TRUE(ParseLatencyBudget("update.p50=60ms", &b, &err));
  LatencyCheck ok = JudgeBudget(b, latency);
  EXPECT_TRUE(ok.passed) << ok.message;
  ASSERT_TRUE(ParseLatencyBudget("put.p95=60ms", &b, &err));
  LatencyCheck missed = JudgeBudget(b, latency);
  EXPECT_FALSE(missed.passed);
  EXPECT_NE(missed.message.find("update.p95 = 95.0"), std::string::npos) << missed.message;
  EXPECT_NE(missed.message.find("(100 samples)"), std::string::npos) << missed.message;
  ASSERT_TRUE(ParseLatencyBudget("get.max=1s", &b, &err));
  EXPECT_FALSE(JudgeBudget(b, latency).passed);  // nothing measured is not a pass
}

TEST(BaselineTest, FailsOnlyRealRegressions) {
  LatencyByKind before = {{CallKind::kUpdate, Uniform(1000, 2000, 10)}, {CallKind::kGet, Uniform(100, 200, 1)}};
  LatencyByKind after = {{CallKind::kUpdate, Uniform(21000, 22000, 10)}, {CallKind::kGet, Uniform(150, 300, 1)}};
  std::vector<LatencyCheck> checks = CompareWithBaseline(after, before, BaselineRule{});
  ASSERT_EQ(checks.size(), 2u);
  // get grew 50 % but by less than the 0.5 ms noise floor: not a regression.
  EXPECT_TRUE(checks[0].passed) << checks[0].message;
  EXPECT_FALSE(checks[1].passed);
  EXPECT_NE(checks[1].message.find("(REGRESSED)"), std::string::npos);
  EXPECT_NE(checks[1].message.find("p50 1.5"), std::string::npos) << checks[1].message;
}

TEST(BaselineTest, ReadsHistogramsBackFromAReport) {
  Histogram h = Uniform(10, 1000, 10);
  nlohmann::json report = {{"latency", {{"update", {{"histogram", h.ToJson()}}}}}};
  LatencyByKind latency;
  std::string err;
  ASSERT_TRUE(LatencyFromReport(report, &latency, &err)) << err;
  EXPECT_EQ(latency[CallKind::kUpdate].Percentile(90), h.Percentile(90));
  EXPECT_FALSE(LatencyFromReport(nlohmann::json::object(), &latency, &err));
}

}  // namespace
}  // namespace conform
