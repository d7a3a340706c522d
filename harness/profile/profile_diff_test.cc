// Two profiles compared: only choices make them differ, a row one lacks differs, a problem
// equals only the same problem, and latency never counts.
#include "profile/profile_diff.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

Profile With(std::vector<std::pair<std::string, nlohmann::json>> rows, double p50 = 1.0) {
  Profile p;
  p.target = "http://127.0.0.1:1";
  for (auto& [id, value] : rows) p.choices.push_back({id, "what " + id, value, "", {}});
  p.latency["create"] = {p50, p50 * 2, 10};
  return p;
}

std::vector<std::string> Ids(const std::vector<ChoiceDifference>& d) {
  std::vector<std::string> ids;
  for (const auto& x : d) ids.push_back(x.id);
  return ids;
}

TEST(ProfileDiffTest, OnlyChoicesDiffer) {
  const Profile a = With({{"create.status", 200}, {"wire.key-order", {"a", "b"}}}, 1.0);
  const Profile b = With({{"create.status", 200}, {"wire.key-order", {"a", "b"}}}, 40.0);
  EXPECT_TRUE(DiffProfiles(a, b).empty()) << "latency is a measurement, not a choice";
  EXPECT_NE(DiffTable(a, b, {}).find("no choice differs (2 compared)"), std::string::npos) << DiffTable(a, b, {});
  const Profile c = With({{"create.status", 201}, {"wire.key-order", {"b", "a"}}});
  EXPECT_EQ(Ids(DiffProfiles(a, c)), (std::vector<std::string>{"create.status", "wire.key-order"}));
  const std::string table = DiffTable(a, c, DiffProfiles(a, c));
  EXPECT_NE(table.find("2 of 2 choices differ"), std::string::npos) << table;
  EXPECT_NE(table.find("A: 200"), std::string::npos) << table;
  EXPECT_NE(table.find("B: 201"), std::string::npos) << table;
}

TEST(ProfileDiffTest, ARowOneLacksDiffersAndAProblemEqualsOnlyItself) {
  const Profile a = With({{"create.status", 200}, {"new.row", 1}});
  Profile b = With({{"create.status", 200}});
  EXPECT_EQ(Ids(DiffProfiles(a, b)), std::vector<std::string>{"new.row"});
  EXPECT_NE(DiffTable(a, b, DiffProfiles(a, b)).find("B: (not in this profile)"), std::string::npos);
  Profile p = With({{"create.status", nullptr}});
  p.choices[0].problem = "step 1 of profile-create got no answer";
  Profile q = p;
  EXPECT_TRUE(DiffProfiles(p, q).empty()) << "the same problem twice is the same";
  EXPECT_EQ(DiffProfiles(p, With({{"create.status", nullptr}})).size(), 1u) << "a problem is not null";
}

TEST(ProfileJsonTest, WrittenAndReadBackTheSame) {
  Profile a = With({{"create.status", 200}, {"wire.content-type", "application/json"}});
  a.choices[0].evidence = {"POST http://127.0.0.1:1/x", "{}", 200, "{\"a\":1}"};
  a.taken = "2026-11-30T12:00:00";
  Profile back;
  std::string err;
  ASSERT_TRUE(ProfileFromJson(ProfileToJson(a), &back, &err)) << err;
  EXPECT_TRUE(DiffProfiles(a, back).empty());
  EXPECT_EQ(back.choices[0].evidence.response_body, "{\"a\":1}");
  EXPECT_EQ(back.latency["create"].count, 10u);
  EXPECT_FALSE(ProfileFromJson(nlohmann::json::array(), &back, &err));
  EXPECT_FALSE(ProfileFromJson({{"conform_profile", 1}, {"choices", {{"x", 1}}}}, &back, &err));
  EXPECT_EQ(err, "/choices/x: a choice is an object with a \"choice\"");
}

}  // namespace
}  // namespace conform
