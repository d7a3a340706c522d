// The settle window: a list judgement that finds something is made again, at once and then after
// waits, until the window has passed; a list that is right at once costs one walk.
#include "run/list_settle.h"

#include <chrono>

#include <gtest/gtest.h>

#include "run/case_runner.h"

namespace conform {
namespace {

using Clock = std::chrono::steady_clock;

int64_t MsSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

// A judgement that finds something until `right_after_ms` has passed; counts its walks.
struct FakeList {
  int64_t right_after_ms = 0;
  Clock::time_point start = Clock::now();
  int walks = 0;
  ListJudgement Judge() {
    return [this](int walk, std::vector<Finding>* findings) {
      EXPECT_EQ(walk, ++walks);
      if (MsSince(start) < right_after_ms) findings->push_back(MakeFinding(Level::kMust, "s", "list.missing", "walk " + std::to_string(walk)));
      return true;
    };
  }
};

TEST(ListSettle, ARightListCostsOneWalk) {
  RequestGate gate;
  FakeList list;
  std::vector<Finding> findings;
  EXPECT_TRUE(JudgeSettled(kDefaultListSettleUs, gate, list.Judge(), &findings));
  EXPECT_TRUE(findings.empty());
  EXPECT_EQ(list.walks, 1);
}

// A window of 0 walks once more at once (other clients' writes shift pages), then reports.
TEST(ListSettle, NoWindowWalksTwiceAndReportsTheLastWalk) {
  RequestGate gate;
  FakeList list{60'000};
  std::vector<Finding> findings;
  EXPECT_TRUE(JudgeSettled(0, gate, list.Judge(), &findings));
  EXPECT_EQ(list.walks, 2);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "walk 2");
  EXPECT_LT(MsSince(list.start), 20);
}

TEST(ListSettle, ALagShorterThanTheWindowIsWaitedOut) {
  RequestGate gate;
  FakeList list{200};
  std::vector<Finding> findings;
  EXPECT_TRUE(JudgeSettled(kDefaultListSettleUs, gate, list.Judge(), &findings));
  EXPECT_TRUE(findings.empty()) << findings.size();
  EXPECT_GE(MsSince(list.start), 200);
  EXPECT_LT(MsSince(list.start), 450) << "the walks stop as soon as the list is right";
}

TEST(ListSettle, WhatOutlastsTheWindowIsReportedAfterIt) {
  RequestGate gate;
  FakeList list{60'000};
  std::vector<Finding> findings;
  EXPECT_TRUE(JudgeSettled(300'000, gate, list.Judge(), &findings));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "walk " + std::to_string(list.walks)) << "the last walk's findings are the verdict";
  EXPECT_GE(MsSince(list.start), 300);
  EXPECT_LT(MsSince(list.start), 1000);
  EXPECT_LE(list.walks, 8) << "the waits double: a few walks, not a busy loop";
}

TEST(ListSettle, AWalkWithoutAnAnswerStopsAtOnce) {
  RequestGate gate;
  int walks = 0;
  std::vector<Finding> findings;
  EXPECT_FALSE(JudgeSettled(kDefaultListSettleUs, gate, [&](int, std::vector<Finding>*) { return ++walks, false; }, &findings));
  EXPECT_EQ(walks, 1);
}

// A deadline inside the window ends the settling: the run is stopping, and waits no longer.
TEST(ListSettle, ADeadlineCutsTheWindowShort) {
  GatePolicy policy;
  policy.deadline_us = 100'000;
  RequestGate gate(policy);
  FakeList list{60'000};
  std::vector<Finding> findings;
  EXPECT_TRUE(JudgeSettled(10'000'000, gate, list.Judge(), &findings));
  EXPECT_EQ(findings.size(), 1u);
  EXPECT_LT(MsSince(list.start), 1000);
}

TEST(ListSettle, WalkLabels) {
  EXPECT_EQ(WalkLabel("step 1 (list)", 1), "step 1 (list)");
  EXPECT_EQ(WalkLabel("step 1 (list)", 2), "step 1 (list) again");
  EXPECT_EQ(WalkLabel("step 1 (list)", 3), "step 1 (list) again (3)");
}

// A page answered 429 and retried after its Retry-After: the wait was the target's asking, not
// the list's time to settle, and the window goes on after it.
TEST(ListSettle, ARetryAfterWaitDoesNotUseUpTheWindow) {
  RequestGate gate;
  FakeList list;
  list.right_after_ms = 400;
  const ListJudgement lagging = list.Judge();
  const ListJudgement judge = [&](int walk, std::vector<Finding>* findings) {
    if (walk == 2) {
      EXPECT_TRUE(gate.WaitForRetryAfter(300'000, false));  // a page's 429, Retry-After 0.3 s
    }
    return lagging(walk, findings);
  };
  std::vector<Finding> findings;
  EXPECT_TRUE(JudgeSettled(200'000, gate, judge, &findings));
  EXPECT_TRUE(findings.empty()) << "a 200 ms window, 300 ms of it a Retry-After: the list settled at 400 ms";
  EXPECT_GE(gate.retry_waited_us(), 300'000);
}

}  // namespace
}  // namespace conform
