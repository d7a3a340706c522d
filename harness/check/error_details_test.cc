// Error details both ways: Wix's documented examples and harmless variations pass; each missing
// part is named by its own should-level rule.
#include "check/error_details.h"

#include <gtest/gtest.h>

#include "check/findings_for_tests.h"

namespace conform {
namespace {

std::vector<Finding> Check(int status, const std::string& body) {
  HttpResponse response;
  response.status = status;
  response.body = body;
  std::vector<Finding> out;
  CheckErrorDetails(Observe(CallKind::kUpdate, "step 1 (update)", response), &out);
  return out;
}

TEST(ErrorDetails, StandardBodiesPass) {
  // The ERRORS guide's examples, with keys reordered, extra fields and a null data.
  EXPECT_TRUE(Check(404, R"({"details":{"applicationError":{"data":{},"description":"no such connection","code":"NOT_FOUND"}},"message":"x","extra":1})").empty());
  EXPECT_TRUE(Check(409, R"({"message":"x","details":{"applicationError":{"code":"ALREADY_EXISTS","description":"d","data":null}}})").empty());
  EXPECT_TRUE(Check(400, R"({"message":"Not really valid","details":{"validationError":{"fieldViolations":[
      {"field":"fieldA","description":"Invalid note","violatedRule":"CUSTOM","ruleName":"INVALID_NOTE","data":{"value":"FI"}},
      {"field":"fieldB","description":"out of range","violatedRule":"MAX"}]}}})").empty());
  // 401 may also be returned for missing permissions (ERRORS [D]).
  EXPECT_TRUE(Check(401, R"({"message":"x","details":{"applicationError":{"code":"PERMISSION_DENIED","description":"d","data":{}}}})").empty());
  // 409 is also "a conflicting state" (a refused concurrent write): ABORTED, google.rpc's code for it.
  EXPECT_TRUE(Check(409, R"({"message":"x","details":{"applicationError":{"code":"ABORTED","description":"d","data":{}}}})").empty());
  EXPECT_FALSE(Check(409, R"({"message":"x","details":{"applicationError":{"code":"INTERNAL","description":"d","data":{}}}})").empty());
  // Not a 4xx, or not JSON: not this check's business.
  EXPECT_TRUE(Check(500, R"({"message":"","details":{}})").empty());
  EXPECT_TRUE(Check(200, R"({})").empty());
  EXPECT_TRUE(Check(404, "not json").empty());
}

TEST(ErrorDetails, EachMissingPartIsNamed) {
  EXPECT_EQ(RulesAt(Level::kShould, Check(404, R"({"message":"x"})")), std::vector<std::string>{"error.details"});
  EXPECT_EQ(RulesAt(Level::kShould, Check(404, R"({"message":"x","details":{}})")), std::vector<std::string>{"error.details"});
  const auto bare = Check(400, R"({"message":"x","details":{"applicationError":{"code":"INVALID_ARGUMENT"}}})");
  ASSERT_EQ(RulesAt(Level::kShould, bare), std::vector<std::string>{"error.application-error"});
  EXPECT_EQ(bare[0].pointer, "/details/applicationError");
  EXPECT_NE(bare[0].expected.find("description, data"), std::string::npos) << bare[0].expected;

  const auto violations = Check(400, R"({"message":"x","details":{"validationError":{"fieldViolations":[
      {"field":"a","description":"d","violatedRule":"MAX"},{"field":"externalDatabaseConnection.endpoint"}]}}})");
  ASSERT_EQ(RulesAt(Level::kShould, violations), std::vector<std::string>{"error.field-violation"});
  EXPECT_EQ(violations[0].pointer, "/details/validationError/fieldViolations/1");
  EXPECT_EQ(RulesAt(Level::kShould, Check(400, R"({"message":"x","details":{"validationError":{"fieldViolations":[]}}})")),
            std::vector<std::string>{"error.field-violation"});
}

TEST(ErrorDetails, EachStatusHasItsCode) {
  const std::string body = R"({"message":"x","details":{"applicationError":{"code":"ERROR","description":"d","data":{}}}})";
  for (int status : {401, 403, 404, 409}) {
    const auto found = Check(status, body);
    ASSERT_EQ(RulesAt(Level::kShould, found), std::vector<std::string>{"error.code"}) << status;
    EXPECT_EQ(found[0].expected, CodeForStatus(status));
    EXPECT_EQ(found[0].actual, "ERROR");
  }
  EXPECT_EQ(CodeForStatus(401), "UNAUTHENTICATED");
  EXPECT_EQ(CodeForStatus(403), "PERMISSION_DENIED");
  EXPECT_EQ(CodeForStatus(404), "NOT_FOUND");
  EXPECT_EQ(CodeForStatus(409), "ALREADY_EXISTS");
  EXPECT_TRUE(Check(400, body).empty());  // 400 has no single code
  // A validation error where a code was due: the code is reported absent.
  const auto validation = Check(404, R"({"message":"x","details":{"validationError":{"fieldViolations":[{"field":"a","description":"d","violatedRule":"MAX"}]}}})");
  ASSERT_EQ(RulesAt(Level::kShould, validation), std::vector<std::string>{"error.code"});
  EXPECT_EQ(validation[0].actual, "(absent)");
}

}  // namespace
}  // namespace conform
