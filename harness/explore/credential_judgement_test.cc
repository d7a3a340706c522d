// What an answer to a call with refused credentials means, and the finding it gets.
#include "explore/credential_judgement.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

const nlohmann::json kValidBody = {{"externalDatabaseConnection", {{"name", "n"}, {"endpoint", "https://e.com"}}}};
const nlohmann::json kInvalidBody = {{"externalDatabaseConnection", {{"name", "n"}, {"endpoint", "not a url"}}}};

TEST(CredentialAnswerOf, AnAnswerAnAuthenticatedCallWouldGetIsServed) {
  EXPECT_EQ(CredentialAnswerOf(CallKind::kGet, "n", true, std::nullopt, 200), CredentialAnswer::kServed);
  EXPECT_EQ(CredentialAnswerOf(CallKind::kCreate, "n", false, kValidBody, 201), CredentialAnswer::kServed);
  // 404 for a name the model lacks: looked up, so not refused first.
  EXPECT_EQ(CredentialAnswerOf(CallKind::kGet, "n", false, std::nullopt, 404), CredentialAnswer::kServed);
  EXPECT_EQ(CredentialAnswerOf(CallKind::kGet, "n", true, std::nullopt, 404), CredentialAnswer::kOther);
  EXPECT_EQ(CredentialAnswerOf(CallKind::kList, "", false, std::nullopt, 404), CredentialAnswer::kOther);
  EXPECT_EQ(CredentialAnswerOf(CallKind::kCreate, "n", false, kValidBody, 404), CredentialAnswer::kOther);
  // 409 to a create of a name the model holds: looked up too.
  EXPECT_EQ(CredentialAnswerOf(CallKind::kCreate, "n", true, kValidBody, 409), CredentialAnswer::kServed);
  EXPECT_EQ(CredentialAnswerOf(CallKind::kCreate, "n", false, kValidBody, 409), CredentialAnswer::kOther);
  EXPECT_EQ(CredentialAnswerOf(CallKind::kUpdate, "n", true, kValidBody, 409), CredentialAnswer::kOther);
}

TEST(CredentialAnswerOf, ABodyTheContractRefusesMayBeRefusedFirst) {
  EXPECT_EQ(CredentialAnswerOf(CallKind::kUpdate, "n", true, kInvalidBody, 400), CredentialAnswer::kBodyValidatedFirst);
  EXPECT_EQ(CredentialAnswerOf(CallKind::kCreate, "n", false, kInvalidBody, 422), CredentialAnswer::kBodyValidatedFirst);
  EXPECT_EQ(CredentialAnswerOf(CallKind::kUpdate, "n", true, kValidBody, 400), CredentialAnswer::kOther);
  EXPECT_EQ(CredentialAnswerOf(CallKind::kDelete, "n", true, std::nullopt, 400), CredentialAnswer::kOther);
  EXPECT_EQ(CredentialAnswerOf(CallKind::kUpdate, "n", true, kInvalidBody, 403), CredentialAnswer::kOther);
}

TEST(CredentialsFinding, EachAnswerAtItsLevel) {
  EXPECT_FALSE(CredentialsFinding("s", AuthMode::kNone, CallKind::kGet, CredentialAnswer::kOther, 401));
  EXPECT_FALSE(CredentialsFinding("s", AuthMode::kReadonly, CallKind::kUpdate, CredentialAnswer::kOther, 403));

  auto f = CredentialsFinding("s", AuthMode::kWrong, CallKind::kGet, CredentialAnswer::kServed, 200);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->rule, "explore.credentials-ignored");
  EXPECT_EQ(f->level, Level::kMust);
  EXPECT_EQ(f->expected, "401");
  EXPECT_EQ(f->actual, "200");
  EXPECT_EQ(f->message.find("looked up"), std::string::npos) << f->message;
  f = CredentialsFinding("s", AuthMode::kWrong, CallKind::kGet, CredentialAnswer::kServed, 404);
  EXPECT_NE(f->message.find("(the name was looked up)"), std::string::npos) << f->message;

  f = CredentialsFinding("s", AuthMode::kNone, CallKind::kUpdate, CredentialAnswer::kBodyValidatedFirst, 400);
  EXPECT_EQ(f->rule, "explore.credentials-status");
  EXPECT_EQ(f->level, Level::kShould);

  f = CredentialsFinding("s", AuthMode::kNone, CallKind::kGet, CredentialAnswer::kOther, 403);
  EXPECT_EQ(f->rule, "explore.credentials-status");
  EXPECT_EQ(f->level, Level::kMust) << "403 is not for a missing token [D]";
  EXPECT_EQ(f->expected, "401");

  f = CredentialsFinding("s", AuthMode::kReadonly, CallKind::kDelete, CredentialAnswer::kOther, 401);
  EXPECT_EQ(f->level, Level::kShould) << "401 is allowed, 403 preferred";
  EXPECT_EQ(f->expected, "403");
  EXPECT_EQ(f->actual, "401");
  f = CredentialsFinding("s", AuthMode::kReadonly, CallKind::kDelete, CredentialAnswer::kOther, 404);
  EXPECT_EQ(f->level, Level::kMust);
  EXPECT_EQ(f->expected, "401 or 403");
}

}  // namespace
}  // namespace conform
