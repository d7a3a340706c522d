// A finding's one line: level, step, rule, pointer, message, and what was expected and got when
// either is known.
#include "check/finding.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(FindingLine, SaysExpectedAndGotWhenEitherIsKnown) {
  Finding f = MakeFinding(Level::kShould, "step 1 (get)", "status", "unexpected status");
  EXPECT_EQ(FindingLine(f), "[should] step 1 (get): status: unexpected status");
  f.pointer = "/a";
  f.expected = "200";
  EXPECT_EQ(FindingLine(f), "[should] step 1 (get): status at /a: unexpected status (expected 200, got )");
  f.expected.clear();
  f.actual = "404";
  EXPECT_EQ(FindingLine(f), "[should] step 1 (get): status at /a: unexpected status (expected , got 404)");
  f.step.clear();
  f.expected = "200";
  EXPECT_EQ(FindingLine(f), "[should] status at /a: unexpected status (expected 200, got 404)");
}

}  // namespace
}  // namespace conform
