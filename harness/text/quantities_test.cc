// Durations, rates and percentages from flags.
#include "text/quantities.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(QuantitiesTest, Durations) {
  int64_t us = 0;
  std::string err;
  ASSERT_TRUE(ParseDuration("20ms", &us, &err));
  EXPECT_EQ(us, 20000);
  ASSERT_TRUE(ParseDuration("1.5s", &us, &err));
  EXPECT_EQ(us, 1500000);
  ASSERT_TRUE(ParseDuration("250us", &us, &err));
  EXPECT_EQ(us, 250);
  ASSERT_TRUE(ParseDuration("7", &us, &err));
  EXPECT_EQ(us, 7000);
  EXPECT_FALSE(ParseDuration("-1ms", &us, &err));
  EXPECT_FALSE(ParseDuration("fast", &us, &err));
  EXPECT_FALSE(ParseDuration("3h", &us, &err));
  EXPECT_NE(err.find("unknown unit"), std::string::npos);
}

TEST(QuantitiesTest, RatesAndPercents) {
  double value = 0;
  std::string err;
  ASSERT_TRUE(ParseRate("500/s", &value, &err));
  EXPECT_DOUBLE_EQ(value, 500);
  ASSERT_TRUE(ParseRate("120/m", &value, &err));
  EXPECT_DOUBLE_EQ(value, 2);
  EXPECT_FALSE(ParseRate("0/s", &value, &err));
  EXPECT_FALSE(ParseRate("5/h", &value, &err));
  ASSERT_TRUE(ParsePercent("20%", &value, &err));
  EXPECT_DOUBLE_EQ(value, 0.2);
  EXPECT_FALSE(ParsePercent("x%", &value, &err));
}

// Found by the flag_values fuzz target: these overflowed (a negative duration) or truncated to 0.
TEST(QuantitiesTest, OutOfRangeValuesAreRefusedNotWrapped) {
  int64_t us = 0;
  size_t bytes = 0;
  double rate = 0;
  std::string err;
  EXPECT_FALSE(ParseDuration("99999999999999999999ms", &us, &err));
  EXPECT_EQ(err, "\"99999999999999999999ms\" is longer than 30 days");
  EXPECT_TRUE(ParseDuration("30d", &us, &err) == false);
  EXPECT_TRUE(ParseDuration("43200m", &us, &err));
  EXPECT_FALSE(ParseSize("0.5", &bytes, &err));
  EXPECT_FALSE(ParseSize("1e300GB", &bytes, &err));
  EXPECT_FALSE(ParseRate("1e-300/s", &rate, &err));
  EXPECT_FALSE(ParseRate("1e12/s", &rate, &err));
  EXPECT_TRUE(ParseRate("1/m", &rate, &err));
}

}  // namespace
}  // namespace conform
