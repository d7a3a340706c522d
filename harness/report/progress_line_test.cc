// The progress line's text and when it is shown; the terminal itself is tested end to end under
// a pseudo-terminal (commands/progress_terminal_test.cc).
#include "report/progress_line.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(FormatProgressTest, CasesOperationsElapsedAndWhatIsLeft) {
  ProgressSnapshot s;
  s.cases_total = 85;
  EXPECT_EQ(FormatProgress(s), "0/85 cases, 0s elapsed") << "nothing done: no estimate yet";
  s.cases_done = 10;
  s.elapsed_s = 5;
  EXPECT_EQ(FormatProgress(s), "10/85 cases, 5s elapsed, about 38s left") << "75 more at half a second each";
  s.operations_total = 40;
  EXPECT_EQ(FormatProgress(s), "10/85 cases, 0/40 operations, 5s elapsed, about 58s left");
  s.cases_done = 85;
  s.operations_done = 40;
  s.elapsed_s = 3725;
  EXPECT_EQ(FormatProgress(s), "85/85 cases, 40/40 operations, 1h02m elapsed, about 0s left");
}

TEST(FormatProgressTest, PacingBoundsTheEstimateFromBelow) {
  ProgressSnapshot s;
  s.cases_total = 20;
  s.cases_done = 10;
  s.requests = 40;          // 4 requests a case so far
  s.elapsed_s = 1;          // fast so far (say, the first requests went at once) ...
  s.request_interval_s = 0.4;  // ... but 150 a minute from here on
  EXPECT_EQ(FormatProgress(s), "10/20 cases, 1s elapsed, about 16s left") << "10 cases x 4 requests x 0.4 s";
  s.elapsed_s = 60;
  EXPECT_EQ(FormatProgress(s), "10/20 cases, 1m00s elapsed, about 1m00s left") << "slower than the pacing: by speed";
}

TEST(ProgressShownTest, AutoWantsATerminalNoCiAndAPacedOrLongRun) {
  ProgressPolicy p;
  p.terminal = true;
  EXPECT_FALSE(ProgressShown(p, 1.0)) << "a quick unpaced run";
  EXPECT_TRUE(ProgressShown(p, kAutoAfterSeconds + 0.1)) << "a long one";
  p.paced = true;
  EXPECT_TRUE(ProgressShown(p, 0.0)) << "a paced one, from the start";
  p.ci = true;
  EXPECT_FALSE(ProgressShown(p, 100.0)) << "never in a CI log";
  p.ci = false;
  p.quiet_or_verbose = true;
  EXPECT_FALSE(ProgressShown(p, 100.0)) << "-q and -v print their own way";
  p.quiet_or_verbose = false;
  p.terminal = false;
  EXPECT_FALSE(ProgressShown(p, 100.0)) << "never into a pipe or file";
}

TEST(ProgressShownTest, OnWantsOnlyATerminalAndOffNothing) {
  ProgressPolicy p;
  p.mode = ProgressMode::kOn;
  p.ci = true;
  EXPECT_FALSE(ProgressShown(p, 0.0)) << "not a terminal";
  p.terminal = true;
  EXPECT_TRUE(ProgressShown(p, 0.0));
  p.mode = ProgressMode::kOff;
  p.paced = true;
  p.ci = false;
  EXPECT_FALSE(ProgressShown(p, 100.0));
}

TEST(ParseProgressModeTest, TakesTheThreeWords) {
  ProgressMode m = ProgressMode::kOff;
  EXPECT_TRUE(ParseProgressMode("auto", &m));
  EXPECT_EQ(m, ProgressMode::kAuto);
  EXPECT_TRUE(ParseProgressMode("on", &m));
  EXPECT_EQ(m, ProgressMode::kOn);
  EXPECT_FALSE(ParseProgressMode("yes", &m));
  EXPECT_EQ(m, ProgressMode::kOn) << "unchanged";
}

}  // namespace
}  // namespace conform
