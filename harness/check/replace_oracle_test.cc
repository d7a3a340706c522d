// The oracle on hand-made states: it passes true replacement and names each way to break it.
#include "check/replace_oracle.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "check/findings_for_tests.h"

namespace conform {
namespace {

using nlohmann::json;

Snapshot Found(json connection) { return {200, connection}; }

ReplaceInput AcceptedReplace(json sent, json stored) {
  ReplaceInput in;
  in.path_name = "db";
  in.sent = sent;
  in.before = Found({{"name", "db"}, {"endpoint", "https://old.example"}, {"configuration", {{"a", 1}, {"b", {1, 2}}}}});
  in.put_status = 200;
  in.put_connection = stored;
  in.after = Found(stored);
  return in;
}

TEST(ReplaceOracleTest, FullReplacementPasses) {
  json sent = {{"configuration", {{"a", 2}}}};
  json stored = {{"name", "db"}, {"configuration", {{"a", 2}}}, {"connectionStatus", {{"successful", false}}}};
  EXPECT_TRUE(JudgeReplace(AcceptedReplace(sent, stored), "s").empty());
}

TEST(ReplaceOracleTest, NullAbsentAndEmptyConfigurationAreAlike) {
  json sent = {{"endpoint", nullptr}, {"configuration", {{"a", nullptr}}}};
  json stored = {{"name", "db"}, {"configuration", nullptr}};
  EXPECT_TRUE(JudgeReplace(AcceptedReplace(sent, stored), "s").empty());
}

TEST(ReplaceOracleTest, SurvivingFieldIsNamed) {
  json sent = {{"configuration", {{"a", 2}}}};
  json stored = {{"name", "db"}, {"endpoint", "https://old.example"}, {"configuration", {{"a", 2}}}};
  EXPECT_EQ(MustRulesAndPointers(JudgeReplace(AcceptedReplace(sent, stored), "s")),
            std::vector<std::string>({"replace.field-survived /externalDatabaseConnection/endpoint"}));
}

TEST(ReplaceOracleTest, SurvivingConfigurationKeyIsNamed) {
  json sent = {{"configuration", {{"a", 2}}}};
  json stored = {{"name", "db"}, {"configuration", {{"a", 2}, {"b", {1, 2}}}}};
  EXPECT_EQ(MustRulesAndPointers(JudgeReplace(AcceptedReplace(sent, stored), "s")),
            std::vector<std::string>({"replace.configuration-key-survived /externalDatabaseConnection/configuration/b"}));
}

TEST(ReplaceOracleTest, ArrayNotShortenedIsADifference) {
  json sent = {{"configuration", {{"b", {1}}}}};
  json stored = {{"name", "db"}, {"configuration", {{"b", {1, 2}}}}};
  EXPECT_EQ(MustRulesAndPointers(JudgeReplace(AcceptedReplace(sent, stored), "s")),
            std::vector<std::string>({"replace.stored-differs /externalDatabaseConnection/configuration/b"}));
}

TEST(ReplaceOracleTest, StaleResponseIsNamed) {
  json sent = {{"configuration", {{"a", 2}}}};
  ReplaceInput in = AcceptedReplace(sent, {{"name", "db"}, {"configuration", {{"a", 2}}}});
  in.put_connection = in.before.connection;
  EXPECT_EQ(MustRulesAndPointers(JudgeReplace(in, "s")).front().rfind("replace.response-differs-from-stored", 0), 0u);
}

TEST(ReplaceOracleTest, RejectedPutMustChangeNothing) {
  ReplaceInput in = AcceptedReplace({{"endpoint", "bad"}}, json::object());
  in.put_status = 400;
  in.put_connection.reset();
  in.after = in.before;
  EXPECT_TRUE(JudgeReplace(in, "s").empty());
  in.after.connection->at("configuration")["a"] = 5;
  EXPECT_EQ(MustRulesAndPointers(JudgeReplace(in, "s")),
            std::vector<std::string>({"replace.partial-apply /externalDatabaseConnection/configuration/a"}));
}

// 404 only where the connection is not there: a refused body for a name the server holds is
// another 4xx. Every other 4xx passes, whichever the server picks.
TEST(ReplaceOracleTest, NotFoundForAConnectionThatExistsIsNamed) {
  ReplaceInput in = AcceptedReplace({{"endpoint", "bad"}}, json::object());
  in.put_connection.reset();
  in.after = in.before;
  for (int status : {400, 409, 413, 415, 422}) {
    in.put_status = status;
    EXPECT_TRUE(JudgeReplace(in, "s").empty()) << status;
  }
  in.put_status = 404;
  EXPECT_EQ(MustRulesAndPointers(JudgeReplace(in, "s")), std::vector<std::string>({"replace.not-found-but-exists"}));
  in.after = Snapshot{404, std::nullopt};  // gone after it: state.changed says so, not a 404 excuse
  const std::vector<std::string> gone = MustRulesAndPointers(JudgeReplace(in, "s"));
  EXPECT_EQ(std::count(gone.begin(), gone.end(), "replace.not-found-but-exists"), 0);
}

// Only a 2xx answer holds a connection: an error body that carries one (a server echoing the
// request, say) is no stored state.
TEST(ReplaceOracleTest, OnlyA2xxSnapshotHoldsAConnection) {
  const json body = {{"externalDatabaseConnection", {{"name", "db"}}}};
  EXPECT_TRUE(MakeSnapshot(200, body).connection);
  EXPECT_TRUE(MakeSnapshot(299, body).connection);
  for (int status : {199, 300, 404, 400, 500}) EXPECT_FALSE(MakeSnapshot(status, body).connection) << status;
  EXPECT_FALSE(MakeSnapshot(200, json::array()).connection);
}

TEST(ReplaceOracleTest, RenameAndLossAreNamed) {
  json sent = {{"name", "other"}};
  ReplaceInput in = AcceptedReplace(sent, json::object());
  in.after = {404, std::nullopt};
  in.body_name_after = Snapshot{200, json({{"name", "other"}})};
  EXPECT_EQ(MustRulesAndPointers(JudgeReplace(in, "s")), std::vector<std::string>({"replace.lost", "name.renamed"}));
}

// A 200 without a connection object is no state to compare with either.
TEST(ReplaceOracleTest, A200WithoutAConnectionBeforeIsAPrecondition) {
  ReplaceInput in = AcceptedReplace({{"configuration", {{"a", 2}}}}, {{"name", "db"}, {"configuration", {{"a", 2}}}});
  in.before = Snapshot{200, std::nullopt};
  EXPECT_EQ(MustRulesAndPointers(JudgeReplace(in, "s")), std::vector<std::string>({"replace.precondition"}));
}

TEST(ReplaceOracleTest, MissingConnectionBeforeIsAPrecondition) {
  ReplaceInput in = AcceptedReplace(json::object(), json::object());
  in.before = {404, std::nullopt};
  EXPECT_EQ(MustRulesAndPointers(JudgeReplace(in, "s")), std::vector<std::string>({"replace.precondition"}));
}

TEST(UnchangedOracleTest, StatusOrStateChangeIsNamed) {
  EXPECT_TRUE(JudgeUnchanged({404, std::nullopt}, {404, std::nullopt}, "s").empty());
  EXPECT_EQ(MustRulesAndPointers(JudgeUnchanged({404, std::nullopt}, Found({{"name", "x"}}), "s")),
            std::vector<std::string>({"state.changed"}));
  EXPECT_EQ(MustRulesAndPointers(JudgeUnchanged(Found({{"name", "x"}}), Found({{"name", "x"}, {"endpoint", "https://e"}}), "s")),
            std::vector<std::string>({"state.changed /externalDatabaseConnection/endpoint"}));
}

}  // namespace
}  // namespace conform
