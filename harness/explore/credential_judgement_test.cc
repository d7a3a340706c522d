// What an answer to a call with refused credentials means, and the finding it gets.
#include "explore/credential_judgement.h"

#include <set>

#include <gtest/gtest.h>

namespace conform {
namespace {

const nlohmann::json kValidBody = {{"externalDatabaseConnection", {{"name", "n"}, {"endpoint", "https://e.com"}}}};
const nlohmann::json kInvalidBody = {{"externalDatabaseConnection", {{"name", "n"}, {"endpoint", "not a url"}}}};

// A target whose create probe refuses the names in `refused`.
class NameProbes : public TargetProbes {
 public:
  std::set<std::string> refused;
  int asked = 0;
  bool RefusesName(const std::string& name, bool* out) override {
    ++asked;
    *out = refused.count(name) > 0;
    return true;
  }
  bool ShorterNameTaken(const std::string&, std::string*) override { return false; }
  std::set<std::string> refused_endpoints;  // bodies refused by their endpoint
  int bodies_asked = 0;
  bool RefusesBody(const nlohmann::json& connection, bool* out) override {
    ++bodies_asked;
    *out = refused_endpoints.count(connection.value("endpoint", "")) > 0;
    return true;
  }
};

CredentialAnswer AnswerOf(CallKind call, const std::string& name, bool held, const std::optional<nlohmann::json>& body,
                          int actual, NameProbes* probes = nullptr) {
  NameProbes none;
  CredentialAnswer answer = CredentialAnswer::kServed;
  EXPECT_TRUE(CredentialAnswerOf(call, name, held, body, actual, probes ? *probes : none, &answer));
  return answer;
}

TEST(CredentialAnswerOf, AnAnswerAnAuthenticatedCallWouldGetIsServedOrLookedUp) {
  EXPECT_EQ(AnswerOf(CallKind::kGet, "n", true, std::nullopt, 200), CredentialAnswer::kServed);
  EXPECT_EQ(AnswerOf(CallKind::kCreate, "n", false, kValidBody, 201), CredentialAnswer::kServed);
  // 404 for a name the model lacks: looked up, so not refused first.
  EXPECT_EQ(AnswerOf(CallKind::kGet, "n", false, std::nullopt, 404), CredentialAnswer::kLookedUp);
  EXPECT_EQ(AnswerOf(CallKind::kGet, "n", true, std::nullopt, 404), CredentialAnswer::kOther);
  EXPECT_EQ(AnswerOf(CallKind::kList, "", false, std::nullopt, 404), CredentialAnswer::kOther);
  EXPECT_EQ(AnswerOf(CallKind::kCreate, "n", false, kValidBody, 404), CredentialAnswer::kOther);
  // 409 to a create of a name the model holds: looked up too.
  EXPECT_EQ(AnswerOf(CallKind::kCreate, "n", true, kValidBody, 409), CredentialAnswer::kLookedUp);
  EXPECT_EQ(AnswerOf(CallKind::kCreate, "n", false, kValidBody, 409), CredentialAnswer::kOther);
  EXPECT_EQ(AnswerOf(CallKind::kUpdate, "n", true, kValidBody, 409), CredentialAnswer::kOther);
}

TEST(CredentialAnswerOf, ABodyOrNameTheServerRefusesMayBeRefusedFirst) {
  NameProbes probes;
  EXPECT_EQ(AnswerOf(CallKind::kUpdate, "n", true, kInvalidBody, 400, &probes), CredentialAnswer::kRefusedFirst);
  EXPECT_EQ(AnswerOf(CallKind::kCreate, "n", false, kInvalidBody, 422, &probes), CredentialAnswer::kRefusedFirst);
  EXPECT_EQ(AnswerOf(CallKind::kCreate, "n", false, std::nullopt, 400, &probes), CredentialAnswer::kRefusedFirst)
      << "no JSON body at all";
  EXPECT_EQ(probes.asked, 0) << "the contract refuses these bodies: no probe";
  // A name over 255 characters: the contract refuses it, no probe either.
  EXPECT_EQ(AnswerOf(CallKind::kDelete, std::string(256, 'n'), false, std::nullopt, 400, &probes), CredentialAnswer::kRefusedFirst);
  EXPECT_EQ(probes.asked, 0);
  // A name the server will not hold, shown by a probe; a name it takes is no excuse.
  probes.refused = {"a%b"};
  EXPECT_EQ(AnswerOf(CallKind::kDelete, "a%b", false, std::nullopt, 400, &probes), CredentialAnswer::kRefusedFirst);
  EXPECT_EQ(AnswerOf(CallKind::kUpdate, "n", true, kValidBody, 400, &probes), CredentialAnswer::kOther);
  EXPECT_EQ(AnswerOf(CallKind::kDelete, "n", true, std::nullopt, 413, &probes), CredentialAnswer::kOther);
  EXPECT_EQ(probes.asked, 3);
  // A body the contract allows and the server refuses anyway, shown by the same fields created
  // under another name.
  const nlohmann::json dollar = {{"externalDatabaseConnection", {{"name", "n"}, {"endpoint", "https://e.com/$x"}}}};
  probes.refused_endpoints = {"https://e.com/$x"};
  EXPECT_EQ(AnswerOf(CallKind::kUpdate, "n", true, dollar, 400, &probes), CredentialAnswer::kRefusedFirst);
  EXPECT_EQ(AnswerOf(CallKind::kCreate, "n", false, kValidBody, 400, &probes), CredentialAnswer::kOther);
  EXPECT_EQ(probes.bodies_asked, 3) << "these two writes, and the update refused 400 above";
  EXPECT_EQ(AnswerOf(CallKind::kDelete, "n", true, std::nullopt, 400, &probes), CredentialAnswer::kOther);
  EXPECT_EQ(probes.bodies_asked, 3) << "a delete has no body to probe";
  EXPECT_EQ(probes.asked, 6) << "each of the three asked about its name first";
  // Only a body refusal asks.
  EXPECT_EQ(AnswerOf(CallKind::kUpdate, "a%b", true, kInvalidBody, 403, &probes), CredentialAnswer::kOther);
  EXPECT_EQ(AnswerOf(CallKind::kList, "", false, std::nullopt, 400, &probes), CredentialAnswer::kOther);
  EXPECT_EQ(probes.asked, 6);
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
  f = CredentialsFinding("s", AuthMode::kWrong, CallKind::kGet, CredentialAnswer::kLookedUp, 404);
  EXPECT_EQ(f->rule, "explore.credentials-ignored");
  EXPECT_EQ(f->level, Level::kMust) << "who may not ask learns whether a name exists";
  EXPECT_NE(f->message.find("(the name was looked up)"), std::string::npos) << f->message;
  // The read-only token may read: which it checks first, the permission or the name, is the server's.
  f = CredentialsFinding("s", AuthMode::kReadonly, CallKind::kUpdate, CredentialAnswer::kLookedUp, 404);
  EXPECT_EQ(f->rule, "explore.credentials-status");
  EXPECT_EQ(f->level, Level::kShould);
  f = CredentialsFinding("s", AuthMode::kReadonly, CallKind::kUpdate, CredentialAnswer::kServed, 200);
  EXPECT_EQ(f->rule, "explore.credentials-ignored");
  EXPECT_EQ(f->level, Level::kMust);

  f = CredentialsFinding("s", AuthMode::kNone, CallKind::kUpdate, CredentialAnswer::kRefusedFirst, 400);
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
