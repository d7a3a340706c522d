// The questions exploration asks a target: an answer tells what it tells, and a request that got
// no answer ends the question (false), so the exploration stops instead of judging on nothing.
#include "explore/target_questions.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

class TargetQuestionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(schemas_.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
    run_.base_url = "http://127.0.0.1:9";
    run_.credentials.token = "T";
  }
  // Questions whose requests each get `status` with `body`, or no answer at all (status 0).
  TargetQuestions Answering(int status, std::string body = "{}") {
    const ExplorationSend send = [this, status, body](const std::string&, CallKind call, const HttpRequest&,
                                                      HttpResponse* response) {
      calls_.push_back(call);
      if (status == 0) return false;
      response->status = status;
      response->headers = {{"Content-Type", "application/json"}};
      response->body = body;
      return true;
    };
    return TargetQuestions(run_, schemas_, send, [](const std::string&) {}, &findings_, "explore-probe");
  }
  RunSettings run_;
  SchemaRegistry schemas_;
  std::vector<Finding> findings_;
  std::vector<CallKind> calls_;
};

TEST_F(TargetQuestionsTest, NoAnswerEndsEveryQuestion) {
  TargetQuestions questions = Answering(0);
  std::string text;
  bool refuses = false;
  EXPECT_FALSE(questions.NameReached("n", &text));
  EXPECT_FALSE(questions.RelatedNameGone("n-p", {"n-p", "n-p-2"}, [](const std::string&) { return true; }, &text));
  EXPECT_FALSE(questions.RefusesName("n", &refuses));
  EXPECT_FALSE(questions.RefusesBody(nlohmann::json::object(), &refuses));
  EXPECT_FALSE(questions.ShorterNameTaken(std::string(255, 'e'), &text));
}

TEST_F(TargetQuestionsTest, OnlyARefusalOfTheNameSaysTheNameIsRefused) {
  bool refuses = true;
  ASSERT_TRUE(Answering(409).RefusesName("n", &refuses));
  EXPECT_FALSE(refuses) << "held already: such names are taken";
  ASSERT_TRUE(Answering(400).RefusesName("n", &refuses));
  EXPECT_TRUE(refuses);
  calls_.clear();
  ASSERT_TRUE(Answering(200, R"({"externalDatabaseConnection":{"name":"n"}})").RefusesName("n", &refuses));
  EXPECT_FALSE(refuses);
  EXPECT_EQ(calls_, (std::vector<CallKind>{CallKind::kCreate, CallKind::kDelete})) << "a taken probe is deleted";
}

TEST_F(TargetQuestionsTest, ANameReachedIsTheNameTheAnswerHolds) {
  std::string reached = "unset";
  ASSERT_TRUE(Answering(404).NameReached("n", &reached));
  EXPECT_EQ(reached, "unset") << "nothing reached: left as it was";
  ASSERT_TRUE(Answering(200, R"({"externalDatabaseConnection":{"name":"n-other"}})").NameReached("n", &reached));
  EXPECT_EQ(reached, "n-other");
}

}  // namespace
}  // namespace conform
