// Judging a walk: only the case's own names count, a repeated page means the offset was
// ignored, and a walk cut short says nothing of what it did not reach.
#include "check/list_contents.h"

#include <gtest/gtest.h>

#include "check/findings_for_tests.h"

namespace conform {
namespace {

TEST(ListContents, OwnNamesFoundAmongOthersPass) {
  ListWalk walk;
  ASSERT_TRUE(AddPage({"other-1", "mine-1"}, {}, &walk));
  ASSERT_TRUE(AddPage({"mine-2", "other-2"}, {"other-1", "mine-1"}, &walk));
  ASSERT_TRUE(AddPage({}, {"mine-2", "other-2"}, &walk));  // the empty last page
  EXPECT_EQ(walk.pages, 3);
  EXPECT_TRUE(JudgeListContents(walk, {"mine-1", "mine-2"}, {"gone"}, Level::kMust, "s").empty());
}

TEST(ListContents, MissingAndUnexpectedAtTheCaseLevel) {
  ListWalk walk;
  AddPage({"gone", "other"}, {}, &walk);
  const std::vector<Finding> found = JudgeListContents(walk, {"mine"}, {"gone"}, Level::kShould, "s");
  EXPECT_EQ(RuleNames(found), (std::vector<std::string>{"list.missing", "list.unexpected"}));
  for (const Finding& f : found) EXPECT_EQ(f.level, Level::kShould);
  EXPECT_EQ(found[0].actual, "not among 2 connections on 1 page");
  ListWalk two;
  AddPage({"a"}, {}, &two);
  AddPage({"b"}, {"a"}, &two);
  EXPECT_EQ(JudgeListContents(two, {"mine"}, {}, Level::kMust, "s").at(0).actual, "not among 2 connections on 2 pages");
}

TEST(ListContents, RepeatedPageIsAnIgnoredOffset) {
  ListWalk walk;
  ASSERT_TRUE(AddPage({"a"}, {}, &walk));
  EXPECT_FALSE(AddPage({"a"}, {"a"}, &walk));
  EXPECT_TRUE(walk.offset_ignored);
  const std::vector<Finding> found = JudgeListContents(walk, {"a", "b"}, {}, Level::kMust, "s");
  EXPECT_EQ(RuleNames(found), (std::vector<std::string>{"list.offset", "list.missing"}));
  EXPECT_EQ(found[0].level, Level::kMust);
}

TEST(ListContents, TruncatedWalkReportsNoMissingName) {
  ListWalk walk;
  AddPage({"a"}, {}, &walk);
  walk.truncated = true;
  EXPECT_TRUE(JudgeListContents(walk, {"b"}, {}, Level::kMust, "s").empty());
  EXPECT_EQ(RuleNames(JudgeListContents(walk, {}, {"a"}, Level::kMust, "s")), std::vector<std::string>{"list.unexpected"});
}

// The own connections' bodies are kept with where they were shown, the first time each is seen;
// others' are not (a site's list may be long, and only the case's own are judged).
TEST(ListContents, KeepsOwnConnectionsWithTheirPlace) {
  const nlohmann::json first = nlohmann::json::array({{{"name", "other"}}, {{"name", "mine"}, {"endpoint", "https://a"}}});
  const nlohmann::json second = nlohmann::json::array({{{"name", "mine"}, {"endpoint", "https://b"}}, {{"name", 5}}, "x"});
  ListWalk walk;
  ASSERT_TRUE(AddPage({"other", "mine"}, {}, &walk));
  KeepOwn(first, {"mine", "absent"}, &walk);
  ASSERT_TRUE(AddPage({"mine", ""}, {"other", "mine"}, &walk));
  KeepOwn(second, {"mine", "absent"}, &walk);
  ASSERT_EQ(walk.shown.size(), 1u);
  const ListedConnection& mine = walk.shown.at("mine");
  EXPECT_EQ(mine.connection["endpoint"], "https://a");
  EXPECT_EQ(mine.page, 1);
  EXPECT_EQ(mine.index, 1u);
  ListWalk none;
  AddPage({"mine"}, {}, &none);
  KeepOwn(first, {}, &none);
  KeepOwn(nlohmann::json::object(), {"mine"}, &none);
  EXPECT_TRUE(none.shown.empty());
}

}  // namespace
}  // namespace conform
