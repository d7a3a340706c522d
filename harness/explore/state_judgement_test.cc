// The connection a GET or an answer shows, against the model's.
#include "explore/state_judgement.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

Snapshot Connection(const std::string& name, const std::string& endpoint) {
  return MakeSnapshot(200, nlohmann::json{{"externalDatabaseConnection", {{"name", name}, {"endpoint", endpoint}}}});
}
Snapshot Missing() { return MakeSnapshot(404, std::nullopt); }

TEST(StoredStateFinding, TheSameStateHasNoFinding) {
  bool unaligned = false;
  EXPECT_FALSE(StoredStateFinding("s", "n", Connection("n", "https://a"), Connection("n", "https://a"), &unaligned));
  EXPECT_FALSE(StoredStateFinding("s", "n", Missing(), Missing(), &unaligned));
  EXPECT_FALSE(unaligned);
}

TEST(StoredStateFinding, ExistenceAndContentDivergeAtMust) {
  bool unaligned = false;
  auto f = StoredStateFinding("s", "n", Connection("n", "https://a"), Missing(), &unaligned);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->rule, "explore.state-diverged");
  EXPECT_EQ(f->level, Level::kMust);
  EXPECT_EQ(f->expected, "200");
  EXPECT_EQ(f->actual, "404");
  f = StoredStateFinding("s", "n", Missing(), Connection("n", "https://a"), &unaligned);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->expected, "404");
  f = StoredStateFinding("s", "n", Connection("n", "https://a"), Connection("n", "https://b"), &unaligned);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->rule, "explore.state-diverged");
  EXPECT_EQ(f->pointer, "/externalDatabaseConnection/endpoint");
  EXPECT_FALSE(unaligned);
}

TEST(StoredStateFinding, ANameTheServerWillNotHoldMayBeRefusedOnTheGet) {
  bool unaligned = false;
  for (int status : {400, 413, 422}) {
    EXPECT_FALSE(StoredStateFinding("s", "a b", Missing(), MakeSnapshot(status, std::nullopt), &unaligned)) << status;
  }
  EXPECT_TRUE(StoredStateFinding("s", "a b", Missing(), MakeSnapshot(409, std::nullopt), &unaligned));
  EXPECT_TRUE(StoredStateFinding("s", "a b", Connection("a b", "https://a"), MakeSnapshot(400, std::nullopt), &unaligned))
      << "a name the model holds was taken: a refusal is no answer";
}

TEST(StoredStateFinding, ASlashNameLostIsShouldAndUnaligns) {
  bool unaligned = false;
  auto f = StoredStateFinding("s", "a/b", Connection("a/b", "https://a"), Missing(), &unaligned);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->rule, "explore.name-with-slash-lost");
  EXPECT_EQ(f->level, Level::kShould);
  EXPECT_TRUE(unaligned);
  unaligned = false;
  f = StoredStateFinding("s", "a/b", Connection("a/b", "https://a"), MakeSnapshot(400, std::nullopt), &unaligned);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->rule, "explore.name-with-slash-lost") << "a router that refuses %2F";
  EXPECT_TRUE(unaligned);
  unaligned = false;
  f = StoredStateFinding("s", "a/b", Connection("a/b", "https://a"), MakeSnapshot(409, std::nullopt), &unaligned);
  EXPECT_EQ(f->rule, "explore.state-diverged");
  EXPECT_FALSE(unaligned);
  f = StoredStateFinding("s", "a/b", Missing(), Connection("a/b", "https://a"), &unaligned);
  EXPECT_EQ(f->rule, "explore.state-diverged") << "held by the target alone: no loss";
  EXPECT_FALSE(unaligned);
}

TEST(AnswerFinding, TheAnswerShowsTheModelsConnection) {
  EXPECT_FALSE(AnswerFinding("s", Connection("n", "https://a"), Connection("n", "https://a")));
  auto f = AnswerFinding("s", Connection("n", "https://a"), Connection("n", "https://b"));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->rule, "explore.answer-diverged");
  EXPECT_EQ(f->level, Level::kMust);
  EXPECT_EQ(f->pointer, "/externalDatabaseConnection/endpoint");
  EXPECT_FALSE(AnswerFinding("s", Missing(), Connection("n", "https://b"))) << "the status finding says it";
  EXPECT_FALSE(AnswerFinding("s", Connection("n", "https://a"), MakeSnapshot(200, nlohmann::json::object())))
      << "no connection: the schema's finding says it";
}

}  // namespace
}  // namespace conform
