// A case's declared expectations at their edges. Should-level details follow the status they
// describe: field violations are judged on a 400 that carries a validationError, never on a 404
// for a name that cannot exist (its status is judged by the case's own should-level status line).
#include <gtest/gtest.h>

#include "check/expectations.h"

namespace conform {
namespace {

std::vector<Finding> Judge(int status, const nlohmann::json& body) {
  HttpResponse response;
  response.status = status;
  response.body = body.dump();
  response.headers = {{"Content-Type", "application/json"}};
  const Observed observed = Observe(CallKind::kUpdate, "step 1 (update)", response);
  Expectation should;
  should.violations = {"externalDatabaseConnection.name"};
  std::vector<Finding> findings;
  CheckExpectation(should, Level::kShould, observed, SchemaRegistry(), &findings);
  return findings;
}

nlohmann::json Violation(const std::string& field) {
  return {{"message", "bad"},
          {"details", {{"validationError", {{"fieldViolations", {{{"field", field}, {"description", "d"}, {"violatedRule", "MAX_LENGTH"}}}}}}}}};
}

TEST(ViolationsFollowStatus, A404IsNotHeldToFieldViolations) {
  const nlohmann::json not_found = {{"message", "no such connection"},
                                    {"details", {{"applicationError", {{"code", "NOT_FOUND"}, {"description", "d"}, {"data", {}}}}}}};
  EXPECT_TRUE(Judge(404, not_found).empty());
}

TEST(ViolationsFollowStatus, A400WithAValidationErrorMustNameTheField) {
  EXPECT_TRUE(Judge(400, Violation("externalDatabaseConnection.name")).empty());
  const std::vector<Finding> wrong = Judge(400, Violation("externalDatabaseConnection"));
  ASSERT_EQ(wrong.size(), 1u);
  EXPECT_EQ(wrong[0].rule, "violations");
  EXPECT_EQ(wrong[0].level, Level::kShould);
  EXPECT_EQ(wrong[0].expected, "a violation of externalDatabaseConnection.name");
}

TEST(ViolationsFollowStatus, A400WithoutAValidationErrorIsNotHeldToViolations) {
  const nlohmann::json application = {{"message", "bad"},
                                      {"details", {{"applicationError", {{"code", "INVALID_ARGUMENT"}, {"description", "d"}, {"data", {}}}}}}};
  EXPECT_TRUE(Judge(400, application).empty());
}

// A case's header expectation whose pattern is not a regex is a must-level finding that names
// it, not an exception and not a silent pass.
TEST(HeaderExpectation, AnInvalidPatternIsNamed) {
  HttpResponse response;
  response.status = 200;
  response.headers = {{"Content-Type", "application/json"}};
  const Observed observed = Observe(CallKind::kGet, "step 1 (get)", response);
  Expectation e;
  e.headers = {{"Content-Type", "(unclosed"}};
  std::vector<Finding> findings;
  CheckExpectation(e, Level::kShould, observed, SchemaRegistry(), &findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "header");
  EXPECT_EQ(findings[0].level, Level::kMust);
  EXPECT_EQ(findings[0].message, "invalid regex for Content-Type: (unclosed");
}

}  // namespace
}  // namespace conform
