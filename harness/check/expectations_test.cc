// The checks every response gets (CheckResponse) and the schema a status is held to by default
// (DefaultSchemaFor), each rule at its boundaries: a finding names its rule, not only a count.
#include "check/expectations.h"

#include <gtest/gtest.h>

#include "check/findings_for_tests.h"
#include "redact/redactor.h"

namespace conform {
namespace {

class CheckResponseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    schemas_ = new SchemaRegistry();
    std::string err;
    ASSERT_TRUE(schemas_->LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  }
  static void TearDownTestSuite() {
    delete schemas_;
    schemas_ = nullptr;
  }

  // The findings CheckResponse gives a GET answered with status and body (labelled JSON).
  std::vector<Finding> Check(int status, const std::string& body, bool allow_5xx = false,
                             const std::string& content_type = "application/json", const std::string& schema = "") {
    response_.status = status;
    response_.body = body;
    response_.headers = {};
    if (!content_type.empty()) response_.headers.push_back({"Content-Type", content_type});
    std::vector<Finding> out;
    CheckResponse(Observe(CallKind::kGet, "step 1 (get)", response_), *schemas_, schema, allow_5xx, &out);
    return out;
  }

  static SchemaRegistry* schemas_;
  HttpResponse response_;  // the Observed points into it
};

SchemaRegistry* CheckResponseTest::schemas_ = nullptr;

const std::string kConnection = R"({"externalDatabaseConnection":{"name":"a","endpoint":"https://example.com/a"}})";
const std::string kError =
    R"({"message":"not found","details":{"applicationError":{"code":"NOT_FOUND","description":"no such","data":{}}}})";

const std::string kClientError =
    R"({"message":"bad","details":{"applicationError":{"code":"X","description":"bad","data":{}}}})";

using Rule = std::vector<std::string>;

TEST(DefaultSchemaFor, TwoHundredsAreTheCallsResponseFourAndFiveHundredsTheError) {
  EXPECT_EQ(DefaultSchemaFor(CallKind::kGet, 200), "get.response");
  EXPECT_EQ(DefaultSchemaFor(CallKind::kCreate, 201), "create.response");
  EXPECT_EQ(DefaultSchemaFor(CallKind::kList, 299), "list.response");
  EXPECT_EQ(DefaultSchemaFor(CallKind::kGet, 199), "");
  EXPECT_EQ(DefaultSchemaFor(CallKind::kGet, 300), "");
  EXPECT_EQ(DefaultSchemaFor(CallKind::kGet, 399), "");
  EXPECT_EQ(DefaultSchemaFor(CallKind::kUpdate, 400), "error");
  EXPECT_EQ(DefaultSchemaFor(CallKind::kDelete, 500), "error");
}

TEST_F(CheckResponseTest, ConformantAnswersHaveNoFinding) {
  EXPECT_EQ(RuleNames(Check(200, kConnection)), Rule{});
  EXPECT_EQ(RuleNames(Check(404, kError)), Rule{});
}

TEST_F(CheckResponseTest, A200ThatBreaksItsSchemaIsAMustFinding) {
  // Arrange: a 200 GET without the connection the get.response schema requires.
  // Act
  const std::vector<Finding> out = Check(200, R"({"connection":{}})");
  // Assert
  ASSERT_EQ(RuleNames(out), Rule{"schema"}) << "a 200 is held to <call>.response";
  EXPECT_EQ(out[0].level, Level::kMust);
  EXPECT_NE(out[0].message.find("violates get.response"), std::string::npos) << out[0].message;
  EXPECT_EQ(out[0].step, "step 1 (get)");
}

TEST_F(CheckResponseTest, ABodyThatBreaksItsSchemaManyWaysGivesFiveFindings) {
  // Arrange: every field of the connection of the wrong type.
  const std::string body = R"({"externalDatabaseConnection":{"name":1,"endpoint":2,"configuration":3,"publicKey":4,)"
                           R"("protocolVersion":5,"applicationId":6,"connectionStatus":7,"capabilities":8}})";
  ASSERT_GT(schemas_->Validate("get.response", nlohmann::json::parse(body)).size(), 5u);
  // Act
  const std::vector<Finding> out = Check(200, body);
  // Assert: five say enough; a page of them would bury the other findings.
  EXPECT_EQ(RuleNames(out), Rule(5, "schema"));
}

TEST_F(CheckResponseTest, AnErrorThatBreaksItsSchemaIsAMustFinding) {
  const std::vector<Finding> out = Check(400, R"({"details":{}})");
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0].rule, "schema");
  EXPECT_NE(out[0].message.find("violates error"), std::string::npos) << out[0].message;
}

TEST_F(CheckResponseTest, ANamedSchemaReplacesTheDefault) {
  const std::vector<Finding> out = Check(200, kConnection, false, "application/json", "error");
  ASSERT_EQ(RuleNames(out), Rule{"schema"});
  EXPECT_NE(out[0].message.find("violates error"), std::string::npos) << out[0].message;
}

TEST_F(CheckResponseTest, AnEmpty2xxBodyIsAJsonBodyFinding) {
  for (int status : {200, 299}) {
    const std::vector<Finding> out = Check(status, "");
    ASSERT_EQ(RuleNames(out), Rule{"json-body"}) << status;
    EXPECT_EQ(out[0].level, Level::kMust);
    EXPECT_EQ(out[0].message, "2xx response has an empty body (expected a JSON object)");
  }
}

TEST_F(CheckResponseTest, AnEmpty4xxBodyIsAnErrorShapeFinding) {
  for (int status : {400, 404}) {
    const std::vector<Finding> out = Check(status, "");
    ASSERT_EQ(RuleNames(out), Rule{"error-shape"}) << status;
    EXPECT_EQ(out[0].level, Level::kMust);
  }
}

TEST_F(CheckResponseTest, AnEmptyBodyBetween2xxAnd4xxIsNotJudged) {
  for (int status : {199, 300, 304, 399}) EXPECT_EQ(RuleNames(Check(status, "")), Rule{}) << status;
}

TEST_F(CheckResponseTest, A5xxIsAServerErrorUnlessAllowed) {
  const std::vector<Finding> out = Check(500, R"({"message":"","details":{}})");
  ASSERT_EQ(RuleNames(out), Rule{"server-error"});
  EXPECT_EQ(out[0].level, Level::kMust);
  EXPECT_EQ(out[0].actual, "500");
  EXPECT_EQ(RuleNames(Check(500, R"({"message":"","details":{}})", true)), Rule{});
  EXPECT_EQ(RuleNames(Check(499, kClientError)), Rule{});
}

// JSON nested past conform's limit is not parsed: one json-depth finding and nothing more.
TEST_F(CheckResponseTest, AnAnswerNestedTooDeepIsAJsonDepthFinding) {
  const std::vector<Finding> out = Check(200, std::string(300, '[') + std::string(300, ']'));
  ASSERT_EQ(RuleNames(out), Rule{"json-depth"});
  EXPECT_EQ(out[0].level, Level::kMust);
  EXPECT_EQ(out[0].expected, "at most 256 levels");
}

TEST_F(CheckResponseTest, A5xxWithAnEmptyBodyIsBothFindings) {
  EXPECT_EQ(RuleNames(Check(503, "")), (Rule{"server-error", "error-shape"}));
}

TEST_F(CheckResponseTest, ABodyThatIsNotJsonIsAJsonBodyFindingAndNothingMore) {
  const std::vector<Finding> out = Check(200, "<html>oops</html>", false, "text/html");
  ASSERT_EQ(RuleNames(out), Rule{"json-body"});
  EXPECT_EQ(out[0].message, "response body is not JSON: syntax error while parsing value - invalid literal; last read: '<'");
  EXPECT_EQ(out[0].actual, "\"<html>oops</html>\"");
}

// A long page is shown cut with "...", so a redactor that hides a secret's first part left at the
// cut can tell where it is (cut without it, a token's first half would reach the report).
TEST_F(CheckResponseTest, ALongBodyThatIsNotJsonIsShownCutWithAnEllipsis) {
  const std::vector<Finding> out = Check(401, "<html>" + std::string(70, ' ') + "token-abcdef</html>", false, "text/html");
  ASSERT_FALSE(out.empty());
  const std::string& shown = out.back().actual;
  EXPECT_LE(shown.size(), 80u);
  EXPECT_EQ(shown.substr(shown.size() - 3), "...") << shown;
  Redactor redactor;
  redactor.AddSecret("token-abcdef");
  EXPECT_EQ(redactor.Text(shown).find("toke"), std::string::npos) << redactor.Text(shown);
}

TEST_F(CheckResponseTest, AJsonBodyLabelledOtherwiseIsShouldLevel) {
  const std::vector<Finding> plain = Check(200, kConnection, false, "text/plain");
  ASSERT_EQ(RuleNames(plain), Rule{"media-type"});
  EXPECT_EQ(plain[0].level, Level::kShould);
  EXPECT_EQ(plain[0].actual, "text/plain");
  const std::vector<Finding> unlabelled = Check(200, kConnection, false, "");
  ASSERT_EQ(RuleNames(unlabelled), Rule{"media-type"});
  EXPECT_EQ(unlabelled[0].actual, "(no Content-Type)");
}

TEST_F(CheckResponseTest, A4xxWithoutDetailsIsAShouldFindingFromErrorDetails) {
  const std::vector<Finding> out = Check(404, R"({"message":"not found"})");
  ASSERT_EQ(RuleNames(out), Rule{"error.details"});
  EXPECT_EQ(out[0].level, Level::kShould);
}

TEST(Observe, ParsesJsonAndLeavesAnythingElseUnparsed) {
  HttpResponse response;
  response.body = R"({"a":1})";
  const Observed json = Observe(CallKind::kGet, "s", response);
  EXPECT_TRUE(json.body_is_json);
  EXPECT_EQ(json.body, nlohmann::json({{"a", 1}}));
  response.body = "{";
  EXPECT_FALSE(Observe(CallKind::kGet, "s", response).body_is_json);
  response.body = "";
  const Observed empty = Observe(CallKind::kGet, "s", response);
  EXPECT_FALSE(empty.body);
  EXPECT_FALSE(empty.body_is_json);
}

}  // namespace
}  // namespace conform
