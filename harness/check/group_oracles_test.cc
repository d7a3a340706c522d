// The group oracles on hand-made rounds: every outcome some order of whole requests can give
// passes (whoever won, 409s for losers, a refused update), and each anomaly has its rule.
#include "check/group_oracles.h"

#include <gtest/gtest.h>

#include "check/findings_for_tests.h"

namespace conform {
namespace {

using nlohmann::json;

json Body(int writer) {
  return {{"endpoint", "https://w" + std::to_string(writer) + ".example"},
          {"configuration", {{"writer", writer}, {"tag-" + std::to_string(writer), true}}}};
}

json Stored(int writer) {
  json s = Body(writer);
  s["name"] = "n";
  s["connectionStatus"] = {{"successful", true}};  // read-only: never compared
  return s;
}

GroupMember Member(int writer, CallKind call, int status, std::optional<json> answered) {
  GroupMember m;
  m.label = "writer " + std::to_string(writer);
  m.call = call;
  m.sent = Body(writer);
  m.status = status;
  m.answered = std::move(answered);
  return m;
}

GroupInput Updates(std::vector<int> statuses, json after) {
  GroupInput in;
  in.name = "n";
  in.before = {200, Stored(0)};
  for (size_t i = 0; i < statuses.size(); ++i) {
    const int w = static_cast<int>(i) + 1;
    in.members.push_back(Member(w, CallKind::kUpdate, statuses[i], statuses[i] == 200 ? std::optional<json>(Stored(w)) : std::nullopt));
  }
  in.after = {200, after};
  return in;
}

TEST(GroupOracles, AnyWholeWinnerOfConcurrentUpdatesPasses) {
  for (int winner : {1, 2, 3}) EXPECT_TRUE(JudgeLinearizableReplace(Updates({200, 200, 200}, Stored(winner)), "s").empty());
  // Losers refused with 409: the winner's body stands.
  EXPECT_TRUE(JudgeLinearizableReplace(Updates({409, 200, 409}, Stored(2)), "s").empty());
  // All refused: nothing changed.
  EXPECT_TRUE(JudgeLinearizableReplace(Updates({409, 409}, Stored(0)), "s").empty());
  // 5 and 5.0, key order: the same state.
  json reordered = json::parse(R"({"configuration":{"tag-2":true,"writer":2.0},"name":"n","endpoint":"https://w2.example"})");
  EXPECT_TRUE(JudgeLinearizableReplace(Updates({200, 200}, reordered), "s").empty());
}

TEST(GroupOracles, MixedLostRefusedAndForeignAnswersAreCaught) {
  json torn = Stored(1);
  torn["configuration"] = Body(2)["configuration"];
  const auto mixed = JudgeLinearizableReplace(Updates({200, 200}, torn), "s");
  ASSERT_EQ(RulesAt(Level::kMust, mixed), std::vector<std::string>{"group.torn-state"});
  EXPECT_NE(mixed[0].actual.find("endpoint from writer 1, configuration from writer 2"), std::string::npos) << mixed[0].actual;

  EXPECT_EQ(RulesAt(Level::kMust, JudgeLinearizableReplace(Updates({200, 200}, Stored(0)), "s")), std::vector<std::string>{"group.lost-update"});
  EXPECT_EQ(RulesAt(Level::kMust, JudgeLinearizableReplace(Updates({409, 200}, Stored(1)), "s")),
            std::vector<std::string>{"group.refused-write-stored"});

  GroupInput foreign = Updates({200, 200}, Stored(2));
  foreign.members[0].answered = Stored(2);  // writer 1 answered with writer 2's state
  EXPECT_EQ(RulesAt(Level::kMust, JudgeLinearizableReplace(foreign, "s")), std::vector<std::string>{"group.answer-not-own"});

  json merged = Stored(2);
  merged["configuration"]["tag-1"] = true;  // a key of writer 1 survived writer 2's replace
  EXPECT_EQ(RulesAt(Level::kMust, JudgeLinearizableReplace(Updates({200, 200}, merged), "s")), std::vector<std::string>{"group.torn-state"});
}

GroupInput Creates(std::vector<int> statuses, Snapshot after) {
  GroupInput in;
  in.name = "n";
  in.before = {404, std::nullopt};
  for (size_t i = 0; i < statuses.size(); ++i) {
    const int w = static_cast<int>(i) + 1;
    in.members.push_back(Member(w, CallKind::kCreate, statuses[i], statuses[i] == 200 ? std::optional<json>(Stored(w)) : std::nullopt));
  }
  in.after = after;
  return in;
}

TEST(GroupOracles, ConcurrentCreatesHaveOneWinner) {
  EXPECT_TRUE(JudgeSingleWinner(Creates({409, 200, 409}, {200, Stored(2)}), "s").empty());
  EXPECT_EQ(RulesAt(Level::kMust, JudgeSingleWinner(Creates({200, 200, 409}, {200, Stored(2)}), "s")),
            std::vector<std::string>{"group.many-winners"});
  EXPECT_EQ(RulesAt(Level::kMust, JudgeSingleWinner(Creates({409, 409}, {404, std::nullopt}), "s")), std::vector<std::string>{"group.no-winner"});
  EXPECT_EQ(RulesAt(Level::kMust, JudgeSingleWinner(Creates({200, 500}, {200, Stored(1)}), "s")), std::vector<std::string>{"group.loser-status"});
  EXPECT_EQ(RulesAt(Level::kMust, JudgeSingleWinner(Creates({200, 409}, {200, Stored(2)}), "s")),
            std::vector<std::string>{"group.winner-not-stored"});
}

GroupInput Race(int update_status, int delete_status, int after_status) {
  GroupInput in;
  in.name = "n";
  in.before = {200, Stored(0)};
  in.members.push_back(Member(1, CallKind::kUpdate, update_status, std::nullopt));
  in.members.push_back(Member(2, CallKind::kDelete, delete_status, std::nullopt));
  in.after = {after_status, after_status == 200 ? std::optional<json>(Stored(1)) : std::nullopt};
  return in;
}

TEST(GroupOracles, DeleteWinsOr404) {
  EXPECT_TRUE(JudgeDeleteWinsOr404(Race(200, 200, 404), "s").empty());  // update, then delete
  EXPECT_TRUE(JudgeDeleteWinsOr404(Race(404, 200, 404), "s").empty());  // delete, then update
  EXPECT_EQ(RulesAt(Level::kMust, JudgeDeleteWinsOr404(Race(200, 200, 200), "s")), std::vector<std::string>{"group.resurrected"});
  EXPECT_EQ(RulesAt(Level::kMust, JudgeDeleteWinsOr404(Race(404, 200, 200), "s")), std::vector<std::string>{"group.resurrected"});
  EXPECT_EQ(RulesAt(Level::kMust, JudgeDeleteWinsOr404(Race(200, 404, 200), "s")), std::vector<std::string>{"group.delete-lost"});
}

}  // namespace
}  // namespace conform
