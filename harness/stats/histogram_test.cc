// The histogram against exact percentiles computed by sorting.
#include "stats/histogram.h"

#include <algorithm>
#include <cmath>
#include <random>

#include <gtest/gtest.h>

namespace conform {
namespace {

int64_t ExactPercentile(std::vector<int64_t> values, double p) {
  std::sort(values.begin(), values.end());
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * values.size()));
  return values[std::max<size_t>(rank, 1) - 1];
}

TEST(HistogramTest, EmptyReportsZero) {
  Histogram h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.Percentile(50), 0);
  EXPECT_EQ(h.max(), 0);
}

TEST(HistogramTest, SmallValuesAreExact) {
  Histogram h;
  for (int v = 1; v <= 100; ++v) h.Record(v);
  EXPECT_EQ(h.Percentile(50), 50);
  EXPECT_EQ(h.Percentile(99), 99);
  EXPECT_EQ(h.Percentile(100), 100);
  EXPECT_EQ(h.min(), 1);
  EXPECT_DOUBLE_EQ(h.mean(), 50.5);
}

TEST(HistogramTest, BucketsAreContiguousAndNarrow) {
  for (int64_t v : {2047L, 2048L, 2049L, 4095L, 4096L, 1000000L, 123456789L}) {
    size_t i = Histogram::IndexOf(v);
    EXPECT_GE(Histogram::HighestInBucket(i), v);
    if (i > 0) {
      EXPECT_LT(Histogram::HighestInBucket(i - 1), v);
    }
  }
}

TEST(HistogramTest, PercentilesWithinAThousandthOfExact) {
  std::mt19937_64 random(42);
  std::lognormal_distribution<double> latency(8.0, 1.0);  // around 3 ms, long tail
  std::vector<int64_t> values;
  Histogram h;
  for (int i = 0; i < 20000; ++i) {
    int64_t v = static_cast<int64_t>(latency(random));
    values.push_back(v);
    h.Record(v);
  }
  for (double p : {50.0, 90.0, 95.0, 99.0, 99.9}) {
    int64_t exact = ExactPercentile(values, p);
    EXPECT_NEAR(h.Percentile(p), exact, exact / 1000.0 + 1) << "p" << p;
  }
  EXPECT_EQ(h.max(), *std::max_element(values.begin(), values.end()));
}

TEST(HistogramTest, MergeEqualsRecordingEverything) {
  Histogram a, b, all;
  for (int v = 0; v < 5000; v += 3) { a.Record(v * 7); all.Record(v * 7); }
  for (int v = 0; v < 5000; v += 5) { b.Record(v * 11); all.Record(v * 11); }
  a.Merge(b);
  EXPECT_EQ(a.count(), all.count());
  EXPECT_EQ(a.Percentile(90), all.Percentile(90));
  EXPECT_EQ(a.ToJson(), all.ToJson());
}

TEST(HistogramTest, JsonRoundTrip) {
  Histogram h;
  for (int v = 10; v < 100000; v *= 3) h.Record(v);
  Histogram back;
  ASSERT_TRUE(Histogram::FromJson(h.ToJson(), &back));
  EXPECT_EQ(back.ToJson(), h.ToJson());
  EXPECT_FALSE(Histogram::FromJson({{"sub_buckets", 7}}, &back));
}

// A shard's report is outside input: fractions, huge floats and negative latencies are refused,
// and merged sums saturate instead of overflowing.
TEST(HistogramTest, FromJsonRefusesOddNumbersAndMergesSaturate) {
  Histogram h;
  EXPECT_FALSE(Histogram::FromJson(nlohmann::json::parse(R"({"sub_buckets": 1024.5, "buckets": []})"), &h));
  EXPECT_FALSE(Histogram::FromJson(nlohmann::json::parse(R"({"sub_buckets": 1024, "buckets": [], "min": -5})"), &h));
  ASSERT_TRUE(Histogram::FromJson(nlohmann::json::parse(R"({"sub_buckets": 1024, "buckets": [[3, 1]], "sum": 1e300})"), &h));
  Histogram big;
  ASSERT_TRUE(Histogram::FromJson(
      nlohmann::json::parse(R"({"sub_buckets": 1024, "buckets": [[3, 1]], "sum": 9223372036854775807})"), &big));
  big.Merge(big);
  EXPECT_GT(big.mean(), 0);
}

}  // namespace
}  // namespace conform
