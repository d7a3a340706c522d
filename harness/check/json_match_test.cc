// JSON comparisons by where they differ: a subset descends only where both sides are objects, and
// a mismatch names its pointer with both sides, so a finding built on it points at the right place.
#include "check/json_match.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

using nlohmann::json;

// "pointer: expected -> actual", or "(none)": one string, so a failed assertion shows all three.
std::string Describe(const std::optional<Mismatch>& m) {
  return m ? m->pointer + ": " + m->expected + " -> " + m->actual : "(none)";
}

TEST(FirstSubsetMismatch, AnObjectContainedInALargerOneMatches) {
  const json actual = {{"a", 1}, {"b", {{"c", "x"}, {"d", true}}}, {"e", {1, 2}}};
  EXPECT_EQ(Describe(FirstSubsetMismatch(json::object(), actual)), "(none)");
  EXPECT_EQ(Describe(FirstSubsetMismatch({{"b", {{"c", "x"}}}}, actual)), "(none)");
  EXPECT_EQ(Describe(FirstSubsetMismatch({{"e", {1, 2}}, {"a", 1}}, actual)), "(none)");
}

TEST(FirstSubsetMismatch, AnExpectedNullMatchesNullOrAbsent) {
  EXPECT_EQ(Describe(FirstSubsetMismatch({{"gone", nullptr}}, {{"a", 1}})), "(none)");
  EXPECT_EQ(Describe(FirstSubsetMismatch({{"a", nullptr}}, {{"a", nullptr}})), "(none)");
  EXPECT_EQ(Describe(FirstSubsetMismatch({{"a", nullptr}}, {{"a", 1}})), "/a: null -> 1");
}

TEST(FirstSubsetMismatch, AMissingKeyIsReportedAbsentAtItsPointer) {
  EXPECT_EQ(Describe(FirstSubsetMismatch({{"b", {{"c", "x"}}}}, {{"b", {{"d", 1}}}})), "/b/c: \"x\" -> (absent)");
}

TEST(FirstSubsetMismatch, ADifferentValueIsReportedWithBothSides) {
  EXPECT_EQ(Describe(FirstSubsetMismatch({{"b", {{"c", "x"}}}}, {{"b", {{"c", "y"}}}})), "/b/c: \"x\" -> \"y\"");
}

TEST(FirstSubsetMismatch, ArraysMustBeEqualNotContained) {
  EXPECT_EQ(Describe(FirstSubsetMismatch({{"e", {1}}}, {{"e", {1, 2}}})), "/e: [1] -> [1,2]");
}

TEST(FirstSubsetMismatch, AnObjectExpectedWhereTheValueIsNotOneIsAWholeValueMismatch) {
  // An expected object is not contained in a scalar, even an empty one or one of only nulls.
  EXPECT_EQ(Describe(FirstSubsetMismatch(json::object(), 5)), ": {} -> 5");
  EXPECT_EQ(Describe(FirstSubsetMismatch({{"a", nullptr}}, "text")), ": {\"a\":null} -> \"text\"");
  EXPECT_EQ(Describe(FirstSubsetMismatch({{"b", json::object()}}, {{"b", nullptr}})), "/b: {} -> null");
  // ... nor in an array: the whole value differs, no key of it is "absent".
  EXPECT_EQ(Describe(FirstSubsetMismatch({{"a", 1}}, json::array({1}))), ": {\"a\":1} -> [1]");
}

TEST(FirstSubsetMismatch, AScalarExpectedWhereTheValueIsAnObjectIsAMismatchNotAnError) {
  std::optional<Mismatch> m;
  ASSERT_NO_THROW(m = FirstSubsetMismatch({{"b", 5}}, {{"b", {{"c", 1}}}}));
  EXPECT_EQ(Describe(m), "/b: 5 -> {\"c\":1}");
}

TEST(Differences, ReportsKeysOfBothSidesInDocumentOrderUpToTheLimit) {
  const json expected = {{"a", 1}, {"b", {{"c", 2}}}, {"d", 4}};
  const json actual = {{"a", 1}, {"b", {{"c", 3}}}, {"e", 5}};
  const std::vector<Mismatch> all = Differences(expected, actual, 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(Describe(all[0]), "/b/c: 2 -> 3");
  EXPECT_EQ(Describe(all[1]), "/d: 4 -> (absent)");
  EXPECT_EQ(Describe(all[2]), "/e: (absent) -> 5");
  EXPECT_EQ(Differences(expected, actual, 2).size(), 2u);
  // The limit holds for keys left out too: two absent keys, a limit of one, one mismatch.
  EXPECT_EQ(Differences({{"x", 1}, {"y", 2}}, json::object(), 1).size(), 1u);
  EXPECT_TRUE(Differences(expected, expected, 10).empty());
}

TEST(Differences, ArraysOfTheSameLengthAreComparedElementByElement) {
  const std::vector<Mismatch> out = Differences({{"a", {1, {{"x", 1}}, 3}}}, {{"a", {1, {{"x", 2}}, 3}}}, 10);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(Describe(out[0]), "/a/1/x: 1 -> 2");
  EXPECT_EQ(Describe(FirstDifference({{"a", {1, 2}}}, {{"a", {1}}})), "/a: [1,2] -> [1]");
}

TEST(FirstDifference, IsEqualityNotContainment) {
  EXPECT_EQ(Describe(FirstDifference({{"a", 1}}, {{"a", 1}})), "(none)");
  EXPECT_EQ(Describe(FirstDifference({{"a", 1}}, {{"a", 1}, {"b", 2}})), "/b: (absent) -> 2");
  EXPECT_EQ(Describe(FirstDifference(json::object(), 5)), ": {} -> 5");
}

TEST(Shorten, IsCompactJsonCutWithAnEllipsis) {
  EXPECT_EQ(Shorten({{"a", {1, "x"}}}), "{\"a\":[1,\"x\"]}");
  EXPECT_EQ(Shorten(json(std::string(200, 'z'))).size(), 120u);
  EXPECT_EQ(Shorten(json("abcdefghij"), 8), "\"abcd...");
  EXPECT_EQ(Shorten(json("abcdef"), 8), "\"abcdef\"");
}

}  // namespace
}  // namespace conform
