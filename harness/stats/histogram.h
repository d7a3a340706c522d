// A log-linear (HDR-style) latency histogram: constant memory per octave, values kept to about
// three significant digits (relative error under 0.1 %), exact count, min, max and mean.
// Pure; values are integers (we record microseconds).
#pragma once

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

namespace conform {

class Histogram {
 public:
  void Record(int64_t value);
  void Merge(const Histogram& other);

  uint64_t count() const { return count_; }
  int64_t min() const { return count_ ? min_ : 0; }
  int64_t max() const { return count_ ? max_ : 0; }
  double mean() const { return count_ ? static_cast<double>(sum_) / static_cast<double>(count_) : 0.0; }

  // The smallest recorded value v such that at least p % of values are <= v, reported as the
  // highest value its bucket holds (never above max). p in [0, 100]; 0 if empty.
  int64_t Percentile(double p) const;

  // {"unit":"us","sub_buckets":N,"count":..,"min":..,"max":..,"sum":..,"buckets":[[index,count],...]}
  nlohmann::json ToJson() const;
  static bool FromJson(const nlohmann::json& j, Histogram* out);

  // Bucket arithmetic, exposed for tests.
  static size_t IndexOf(int64_t value);
  static int64_t HighestInBucket(size_t index);

 private:
  std::vector<uint64_t> counts_;
  uint64_t count_ = 0;
  int64_t min_ = 0;
  int64_t max_ = 0;
  int64_t sum_ = 0;
};

}  // namespace conform
