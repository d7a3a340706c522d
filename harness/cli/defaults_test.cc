// The flags' defaults, as the command line writes them, are the values the layers below start
// with when no flag is given.
#include <gtest/gtest.h>

#include "cli/options.h"
#include "run/case_runner.h"
#include "run/list_settle.h"
#include "text/quantities.h"

namespace conform {
namespace {

// --list-settle's default, written as the flag shows it, is the window RunSettings starts with.
TEST(ListSettle, TheFlagsDefaultIsTheDefaultWindow) {
  int64_t us = 0;
  std::string err;
  ASSERT_TRUE(ParseDuration(RunOptions{}.list_settle, &us, &err)) << err;
  EXPECT_EQ(us, kDefaultListSettleUs);
  EXPECT_EQ(RunSettings{}.list_settle_us, kDefaultListSettleUs);
}

}  // namespace
}  // namespace conform
