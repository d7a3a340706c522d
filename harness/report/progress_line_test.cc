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
  s.requests = 80;  // 8 a case
  s.elapsed_s = 5;
  EXPECT_EQ(FormatProgress(s), "10/85 cases, 5s elapsed, about 38s left") << "75 cases x 8 requests at 1/16 s";
  s.operations_total = 40;
  EXPECT_EQ(FormatProgress(s), "10/85 cases, 0/40 operations, 5s elapsed, about 43s left")
      << "an operation is priced at 2 requests before the first is sent";
  s.cases_done = 85;
  s.requests = 680;
  s.case_requests = 680;
  s.elapsed_s = 40;
  s.operations_done = 10;
  s.requests = 680 + 30;  // 3 requests an operation so far
  EXPECT_EQ(FormatProgress(s), "85/85 cases, 10/40 operations, 40s elapsed, about 5s left") << "90 requests left";
  s.operations_done = 40;
  s.requests = 680 + 120;
  s.elapsed_s = 3725;
  EXPECT_EQ(FormatProgress(s), "85/85 cases, 40/40 operations, 1h02m elapsed, about 0s left");
}

TEST(FormatProgressTest, PacingBoundsTheEstimateFromBelow) {
  ProgressSnapshot s;
  s.cases_total = 20;
  s.cases_done = 10;
  s.requests = 40;             // 4 requests a case so far
  s.elapsed_s = 1;             // fast so far (say, the first requests went at once) ...
  s.request_interval_s = 0.4;  // ... but 150 a minute from here on
  EXPECT_EQ(FormatProgress(s), "10/20 cases, 1s elapsed, about 16s left") << "10 cases x 4 requests x 0.4 s";
  s.elapsed_s = 60;
  EXPECT_EQ(FormatProgress(s), "10/20 cases, 1m00s elapsed, about 1m00s left") << "slower than the pacing: by speed";
}

TEST(FormatProgressTest, ShrinkingSaysSoAndGuessesNothing) {
  ProgressSnapshot s;
  s.cases_total = s.cases_done = 85;
  s.case_requests = 680;
  s.requests = 900;
  s.operations_total = 300;
  s.operations_done = 12;
  s.shrinking = true;
  s.elapsed_s = 9;
  EXPECT_EQ(FormatProgress(s), "85/85 cases, exploration diverged after 12 operations: shrinking, 9s elapsed");
}

TEST(ProgressShownTest, AutoWantsATerminalNoCiAndAPacedOrLongRun) {
  ProgressPolicy p;
  p.terminal = p.stdout_terminal = true;
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
  p.stdout_terminal = false;
  EXPECT_FALSE(ProgressShown(p, 100.0)) << "case lines piped elsewhere (conform run | tee) would land on the line";
  p.stdout_terminal = true;
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
