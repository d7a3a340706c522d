// The create oracle on hand-made states: a faithful create passes however the server words it
// (read-only fields added, keys reordered, 5 vs 5.0, null vs absent), and each way to break it
// has its own rule.
#include "check/create_oracle.h"

#include <gtest/gtest.h>

#include "check/findings_for_tests.h"

namespace conform {
namespace {

using nlohmann::json;

const json kSent = {{"name", "db"}, {"endpoint", "https://e.example/db"}, {"configuration", {{"n", 5}, {"list", {2, 1}}}}};

CreateInput AcceptedCreate(json answered, json stored) {
  CreateInput in;
  in.name = "db";
  in.sent = kSent;
  in.before = {404, std::nullopt};
  in.create_status = 200;
  in.create_connection = answered;
  in.after = {200, stored};
  return in;
}

TEST(CreateOracleTest, FaithfulCreatePasses) {
  json stored = json::parse(R"({"configuration":{"list":[2,1],"n":5.0},"endpoint":"https://e.example/db","name":"db",
                                "connectionStatus":{"successful":true},"capabilities":{"fieldTypes":[]},"publicKey":"k"})");
  EXPECT_TRUE(JudgeCreate(AcceptedCreate(stored, stored), "s").empty());
  // A response that omits the read-only fields the GET shows is still the same connection.
  EXPECT_TRUE(JudgeCreate(AcceptedCreate(kSent, stored), "s").empty());
  // A refused create that left nothing behind passes too.
  CreateInput refused = AcceptedCreate(kSent, kSent);
  refused.create_status = 400;
  refused.create_connection.reset();
  refused.after = {404, std::nullopt};
  EXPECT_TRUE(JudgeCreate(refused, "s").empty());
}

TEST(CreateOracleTest, EachBreakHasItsRule) {
  json without_configuration = {{"name", "db"}, {"endpoint", "https://e.example/db"}};
  EXPECT_EQ(MustRulesAndPointers(JudgeCreate(AcceptedCreate(kSent, without_configuration), "s")),
            (std::vector<std::string>{"create.stored-differs /externalDatabaseConnection/configuration",
                                      "create.response-differs-from-stored /externalDatabaseConnection/configuration"}));

  CreateInput no_answer = AcceptedCreate(kSent, kSent);
  no_answer.create_connection.reset();
  EXPECT_EQ(MustRulesAndPointers(JudgeCreate(no_answer, "s")),
            std::vector<std::string>{"create.no-connection /externalDatabaseConnection"});

  CreateInput lost = AcceptedCreate(kSent, kSent);
  lost.after = {404, std::nullopt};
  EXPECT_EQ(MustRulesAndPointers(JudgeCreate(lost, "s")), std::vector<std::string>{"create.lost"});

  CreateInput taken = AcceptedCreate(kSent, kSent);
  taken.before = {200, kSent};
  EXPECT_EQ(MustRulesAndPointers(JudgeCreate(taken, "s")), std::vector<std::string>{"create.precondition"});
  EXPECT_NE(JudgeCreate(taken, "s")[0].message.find("the name was taken"), std::string::npos);
  taken.before = {409, std::nullopt};
  EXPECT_NE(JudgeCreate(taken, "s")[0].message.find("the name was taken"), std::string::npos);
  CreateInput refused = AcceptedCreate(kSent, kSent);
  refused.before = {400, std::nullopt};  // a server that will not look such a name up
  const std::vector<Finding> judged = JudgeCreate(refused, "s");
  ASSERT_EQ(MustRulesAndPointers(judged), std::vector<std::string>{"create.precondition"});
  EXPECT_NE(judged[0].message.find("refused or not looked up"), std::string::npos) << judged[0].message;

  CreateInput half = AcceptedCreate(kSent, kSent);
  for (int status : {400, 403, 499}) {
    half.create_status = status;
    EXPECT_EQ(MustRulesAndPointers(JudgeCreate(half, "s")), std::vector<std::string>{"create.partial-apply"}) << status;
  }
}

}  // namespace
}  // namespace conform
