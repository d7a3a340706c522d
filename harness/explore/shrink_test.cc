// Shrinking with a scripted replayer: a divergence that needs two particular operations and one
// configuration key shrinks to exactly those, bounded by its limits.
#include "explore/shrink.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

Operation Op(const std::string& what, nlohmann::json configuration = nlohmann::json::object()) {
  Operation op;
  op.what = what;
  op.request.call = CallKind::kUpdate;
  op.request.name = "${name}-x0";
  op.request.body = nlohmann::json{{"externalDatabaseConnection", {{"configuration", configuration}}}};
  return op;
}

// Diverges when an operation "a" comes before an operation "b" whose configuration has key "k".
std::string NeedsAThenBWithK(const std::vector<Operation>& ops) {
  bool seen_a = false;
  for (const Operation& op : ops) {
    if (op.what == "a") seen_a = true;
    const nlohmann::json& c = (*op.request.body)["externalDatabaseConnection"]["configuration"];
    if (op.what == "b" && seen_a && c.contains("k")) return "explore.state-diverged";
  }
  return "";
}

TEST(Shrink, KeepsOnlyWhatTheDivergenceNeeds) {
  std::vector<Operation> ops;
  for (int i = 0; i < 30; ++i) ops.push_back(Op("noise " + std::to_string(i), {{"n", i}}));
  ops.insert(ops.begin() + 7, Op("a"));
  ops.push_back(Op("b", {{"k", std::string(65536, 'v')}, {"other", {1, 2, 3}}, {"deep", {{"d", {{"d", 1}}}}}}));
  ASSERT_EQ(NeedsAThenBWithK(ops), "explore.state-diverged");
  const ShrinkResult r = Shrink(ops, "explore.state-diverged", NeedsAThenBWithK, {});
  ASSERT_EQ(r.sequence.size(), 2u);
  EXPECT_EQ(r.sequence[0].what, "a");
  EXPECT_EQ(r.sequence[1].what, "b");
  const nlohmann::json& kept = (*r.sequence[1].request.body)["externalDatabaseConnection"]["configuration"];
  EXPECT_EQ(kept, nlohmann::json::parse(R"({"k": ""})")) << "other keys dropped, the value made simplest";
  EXPECT_FALSE(r.cut_short);
  EXPECT_LT(r.attempts, 150);
}

TEST(Shrink, OnlyTheSameRuleCountsAndLimitsHold) {
  std::vector<Operation> ops = {Op("a"), Op("b", {{"k", 1}})};
  // Without "a" another rule shows: that is not the same divergence, so "a" stays.
  auto replay = [](const std::vector<Operation>& candidate) {
    return candidate.size() == 2 ? std::string("explore.state-diverged") : std::string("explore.status-diverged");
  };
  EXPECT_EQ(Shrink(ops, "explore.state-diverged", replay, {}).sequence.size(), 2u);

  std::vector<Operation> many(64, Op("a"));
  many.push_back(Op("b", {{"k", 1}}));
  const ShrinkResult limited = Shrink(many, "explore.state-diverged", NeedsAThenBWithK, {3, std::chrono::milliseconds(5000)});
  EXPECT_EQ(limited.attempts, 3);
  EXPECT_TRUE(limited.cut_short);
}

TEST(Shrink, SimplerValues) {
  EXPECT_EQ(SimplerValues("abcd"), (std::vector<nlohmann::json>{"", "ab"}));
  EXPECT_EQ(SimplerValues(nlohmann::json::array({1, 2, 3, 4})),
            (std::vector<nlohmann::json>{nlohmann::json::array(), nlohmann::json::array({1, 2})}));
  EXPECT_EQ(SimplerValues(5.5), std::vector<nlohmann::json>{0});
  EXPECT_TRUE(SimplerValues("").empty());
  EXPECT_TRUE(SimplerValues(0).empty());
  EXPECT_TRUE(SimplerValues(nullptr).empty());
  EXPECT_TRUE(SimplerValues(true).empty());
}

}  // namespace
}  // namespace conform
