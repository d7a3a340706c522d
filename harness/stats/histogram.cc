// Log-linear buckets: values below 2048 have a bucket each; above, every power of two is cut into
// 1024 equal buckets, so a bucket is never wider than 1/1024 of its values.
#include "stats/histogram.h"

#include "load/json_numbers.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace conform {
namespace {

constexpr int kSubBucketBits = 10;  // 1024 buckets per octave: 3 significant digits
constexpr int64_t kHalf = int64_t{1} << kSubBucketBits;
constexpr int64_t kExact = kHalf * 2;

int HighestBit(uint64_t v) { return 63 - __builtin_clzll(v); }

}  // namespace

size_t Histogram::IndexOf(int64_t value) {
  if (value < 0) value = 0;
  if (value < kExact) return static_cast<size_t>(value);
  int shift = HighestBit(static_cast<uint64_t>(value)) - kSubBucketBits;
  int64_t sub = value >> shift;  // in [1024, 2047]
  return static_cast<size_t>((shift + 1) * kHalf + (sub - kHalf));
}

int64_t Histogram::HighestInBucket(size_t index) {
  const int64_t i = static_cast<int64_t>(index);
  if (i < kExact) return i;
  int shift = static_cast<int>(i / kHalf) - 1;
  int64_t sub = i % kHalf + kHalf;
  return ((sub + 1) << shift) - 1;
}

void Histogram::Record(int64_t value) {
  if (value < 0) value = 0;
  size_t index = IndexOf(value);
  if (index >= counts_.size()) counts_.resize(index + 1, 0);
  ++counts_[index];
  min_ = count_ ? std::min(min_, value) : value;
  max_ = count_ ? std::max(max_, value) : value;
  sum_ += value;
  ++count_;
}

void Histogram::Merge(const Histogram& other) {
  if (other.count_ == 0) return;
  if (other.counts_.size() > counts_.size()) counts_.resize(other.counts_.size(), 0);
  for (size_t i = 0; i < other.counts_.size(); ++i) counts_[i] += other.counts_[i];
  min_ = count_ ? std::min(min_, other.min_) : other.min_;
  max_ = count_ ? std::max(max_, other.max_) : other.max_;
  // Saturates: sums read from other shards' reports are outside input (no latency is negative).
  if (__builtin_add_overflow(sum_, other.sum_, &sum_)) sum_ = std::numeric_limits<int64_t>::max();
  count_ += other.count_;
}

int64_t Histogram::Percentile(double p) const {
  if (count_ == 0) return 0;
  p = std::clamp(p, 0.0, 100.0);
  uint64_t rank = static_cast<uint64_t>(std::ceil(p / 100.0 * static_cast<double>(count_)));
  rank = std::max<uint64_t>(rank, 1);
  uint64_t seen = 0;
  for (size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) return std::clamp(HighestInBucket(i), min_, max_);
  }
  return max_;
}

nlohmann::json Histogram::ToJson() const {
  nlohmann::json buckets = nlohmann::json::array();
  for (size_t i = 0; i < counts_.size(); ++i) {
    if (counts_[i]) buckets.push_back({i, counts_[i]});
  }
  return {{"unit", "us"}, {"sub_buckets", kHalf}, {"count", count_}, {"min", min()},
          {"max", max()}, {"sum", sum_}, {"buckets", buckets}};
}

bool Histogram::FromJson(const nlohmann::json& j, Histogram* out) {
  if (!j.is_object() || WholeOr<int64_t>(j, "sub_buckets", 0) != kHalf || !j.contains("buckets") || !j["buckets"].is_array()) {
    return false;
  }
  Histogram h;
  for (const auto& pair : j["buckets"]) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_unsigned() || !pair[1].is_number_unsigned()) {
      return false;
    }
    size_t index = pair[0].get<size_t>();
    if (index > (64 - kSubBucketBits) * kHalf + kHalf) return false;
    if (index >= h.counts_.size()) h.counts_.resize(index + 1, 0);
    h.counts_[index] += pair[1].get<uint64_t>();
    h.count_ += pair[1].get<uint64_t>();
  }
  h.min_ = WholeOr<int64_t>(j, "min", 0);
  h.max_ = WholeOr<int64_t>(j, "max", 0);
  h.sum_ = WholeOr<int64_t>(j, "sum", 0);
  if (h.min_ < 0 || h.max_ < 0 || h.sum_ < 0) return false;  // latencies are never negative
  *out = std::move(h);
  return true;
}

}  // namespace conform
