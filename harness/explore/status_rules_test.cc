// Each status rule on its own: it applies exactly where its condition holds (every comparison in
// it shown both ways), it rules what its row says, and the table is walked in its order.
#include "explore/status_rules.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

// Probes answered from fields; counts how often each was asked.
class FakeProbes : public TargetProbes {
 public:
  bool refuses = false;
  std::string shorter;
  bool answered = true;
  int asked = 0;
  bool RefusesName(const std::string&, bool* out) override {
    ++asked;
    *out = refuses;
    return answered;
  }
  bool ShorterNameTaken(const std::string&, std::string* out) override {
    ++asked;
    *out = shorter;
    return answered;
  }
  bool RefusesBody(const nlohmann::json&, bool* out) override {
    ++asked;
    *out = false;
    return answered;
  }
};

StatusDivergence Make(CallKind call, int expected, int actual, const std::string& name = "n") {
  StatusDivergence d;
  d.call = call;
  d.name = name;
  d.expected = expected;
  d.actual = actual;
  d.page_limit = "(none)";
  return d;
}

StatusRuling Judge(const StatusDivergence& d, FakeProbes* probes = nullptr) {
  FakeProbes none;
  StatusRuling r;
  EXPECT_TRUE(JudgeStatusDivergence(d, probes ? *probes : none, &r));
  return r;
}

// The rule a divergence gets, "" when it is the table's default (must explore.status-diverged).
std::string RuleOf(const StatusDivergence& d) {
  const StatusRuling r = Judge(d);
  return r.rule == "explore.status-diverged" && r.level == Level::kMust ? "" : r.rule;
}

TEST(StatusRules, EveryRowNamesItsRuleAndSource) {
  ASSERT_EQ(StatusRules().size(), 7u);
  for (const StatusRule& row : StatusRules()) {
    EXPECT_NE(std::string(row.name).find('.'), std::string::npos) << row.name;
    EXPECT_EQ(std::string(row.source).rfind("docs/contract.md section", 0), 0u) << row.name;
  }
}

TEST(StatusRules, NoRuleAppliesAndTheDivergenceIsMust) {
  const StatusRuling r = Judge(Make(CallKind::kGet, 200, 500));
  EXPECT_EQ(r.level, Level::kMust);
  EXPECT_EQ(r.rule, "explore.status-diverged");
  EXPECT_FALSE(r.forget_write);
  EXPECT_FALSE(r.unaligned);
}

TEST(StatusRules, ReadOnlyReadRefusedIsShould) {
  StatusDivergence d = Make(CallKind::kGet, 200, 403);
  d.auth = AuthMode::kReadonly;
  const StatusRuling r = Judge(d);
  EXPECT_EQ(r.rule, "explore.readonly-read-refused");
  EXPECT_EQ(r.level, Level::kShould);
  d.actual = 401;
  EXPECT_EQ(RuleOf(d), "explore.readonly-read-refused");
  d.call = CallKind::kList;
  EXPECT_EQ(RuleOf(d), "explore.readonly-read-refused");
  // Not 402 or 404, not the full token, not a write.
  for (int other : {402, 404}) {
    d.actual = other;
    EXPECT_NE(RuleOf(d), "explore.readonly-read-refused") << other;
  }
  d.actual = 403;
  d.auth = AuthMode::kToken;
  EXPECT_EQ(RuleOf(d), "");
  EXPECT_TRUE(ReadOnlyReadRefused(AuthMode::kReadonly, CallKind::kGet, 401));
  EXPECT_FALSE(ReadOnlyReadRefused(AuthMode::kReadonly, CallKind::kDelete, 403));
  EXPECT_FALSE(ReadOnlyReadRefused(AuthMode::kNone, CallKind::kGet, 401));
}

TEST(StatusRules, WriteOrderIsANoteOnlyForANameTheModelLacks) {
  StatusDivergence d = Make(CallKind::kUpdate, 404, 400);
  StatusRuling r = Judge(d);
  EXPECT_EQ(r.rule, "order.validated-before-lookup");
  EXPECT_EQ(r.level, Level::kNote);
  d = Make(CallKind::kUpdate, 400, 404);
  r = Judge(d);
  EXPECT_EQ(r.rule, "order.looked-up-before-validation");
  EXPECT_EQ(r.level, Level::kNote);
  d.call = CallKind::kCreate;
  EXPECT_EQ(RuleOf(d), "order.looked-up-before-validation");
  d.model_holds = true;  // a 404 for a connection that exists is wrong
  EXPECT_EQ(RuleOf(d), "");
  d = Make(CallKind::kUpdate, 400, 409);  // 409 is no order choice
  EXPECT_EQ(RuleOf(d), "");
  d = Make(CallKind::kUpdate, 404, 500);
  EXPECT_EQ(RuleOf(d), "");
}

TEST(StatusRules, AGetOrDeleteRefusedBeforeTheLookupOnlyForANameTheServerWillNotHold) {
  FakeProbes probes;
  // A name the contract forbids: no probe needed.
  StatusDivergence d = Make(CallKind::kGet, 404, 400, std::string(256, 'n'));
  StatusRuling r = Judge(d, &probes);
  EXPECT_EQ(r.rule, "order.validated-before-lookup");
  EXPECT_EQ(r.level, Level::kNote);
  EXPECT_EQ(probes.asked, 0);
  // A name the server refuses to create: a note.
  d = Make(CallKind::kDelete, 404, 422, "a b");
  probes.refuses = true;
  r = Judge(d, &probes);
  EXPECT_EQ(r.rule, "order.validated-before-lookup");
  EXPECT_EQ(r.level, Level::kNote);
  EXPECT_EQ(probes.asked, 1);
  // A name it takes: must.
  probes.refuses = false;
  r = Judge(d, &probes);
  EXPECT_EQ(r.rule, "explore.status-diverged");
  EXPECT_EQ(r.level, Level::kMust);
  EXPECT_NE(r.message.find("delete of a name"), std::string::npos) << r.message;
  // A name holding '/' the server takes in a create but refuses in a path: its router's choice
  // for %2F, should-level, and the model cannot follow it further.
  d = Make(CallKind::kDelete, 404, 400, "a/b");
  r = Judge(d, &probes);
  EXPECT_EQ(r.rule, "explore.name-with-slash-lost");
  EXPECT_EQ(r.level, Level::kShould);
  EXPECT_TRUE(r.unaligned);
  probes.refuses = true;  // one it will not hold at all: the order note
  r = Judge(d, &probes);
  EXPECT_EQ(r.rule, "order.validated-before-lookup");
  EXPECT_FALSE(r.unaligned);
  probes.refuses = false;
  d.name = "a b";
  // No usable answer to the probe: the walk says so.
  probes.answered = false;
  StatusRuling ignored;
  EXPECT_FALSE(JudgeStatusDivergence(d, probes, &ignored));
  // Only 404 expected, only a body refusal answered.
  d = Make(CallKind::kGet, 200, 400, std::string(256, 'n'));
  EXPECT_EQ(RuleOf(d), "");
  d = Make(CallKind::kGet, 404, 409, std::string(256, 'n'));
  EXPECT_EQ(RuleOf(d), "");
  d = Make(CallKind::kUpdate, 404, 400, std::string(256, 'n'));
  d.model_holds = true;  // nor a write (the order rule's, for a name the model lacks)
  EXPECT_EQ(RuleOf(d), "");
}

TEST(StatusRules, ASlashNameLostOnAWriteIsShouldAndEndsTheExploration) {
  StatusDivergence d = Make(CallKind::kUpdate, 200, 404, "a/b");
  d.model_holds = true;
  const StatusRuling r = Judge(d);
  EXPECT_EQ(r.rule, "explore.name-with-slash-lost");
  EXPECT_EQ(r.level, Level::kShould);
  EXPECT_TRUE(r.unaligned);
  d.name = "ab";
  EXPECT_EQ(RuleOf(d), "");
  d = Make(CallKind::kUpdate, 200, 410, "a/b");
  d.model_holds = true;
  EXPECT_EQ(RuleOf(d), "");
  d = Make(CallKind::kGet, 200, 404, "a/b");  // a read: the state rules judge it
  d.model_holds = true;
  EXPECT_EQ(RuleOf(d), "");
  d = Make(CallKind::kUpdate, 409, 404, "a/b");
  d.model_holds = true;
  EXPECT_EQ(RuleOf(d), "");
}

TEST(StatusRules, AListRefusedIsANoteNamingItsLimit) {
  StatusDivergence d = Make(CallKind::kList, 200, 400, "");
  d.page_limit = "1000";
  const StatusRuling r = Judge(d);
  EXPECT_EQ(r.rule, "explore.list-refused");
  EXPECT_EQ(r.level, Level::kNote);
  EXPECT_NE(r.message.find("paging.limit 1000"), std::string::npos) << r.message;
  EXPECT_EQ(RuleOf(Make(CallKind::kList, 200, 422, "")), "");
  EXPECT_EQ(RuleOf(Make(CallKind::kList, 404, 400, "")), "") << "a list is no get or delete of a name";
  EXPECT_EQ(RuleOf(Make(CallKind::kGet, 200, 400)), "");
}

TEST(StatusRules, AReusedNameRefusedIsShouldAndForgotten) {
  StatusDivergence d = Make(CallKind::kCreate, 200, 409);
  d.reuse = true;
  const StatusRuling r = Judge(d);
  EXPECT_EQ(r.rule, "explore.name-reuse-refused");
  EXPECT_EQ(r.level, Level::kShould);
  EXPECT_TRUE(r.forget_write);
  d.reuse = false;
  EXPECT_EQ(RuleOf(d), "");
  d.reuse = true;
  d.actual = 400;  // a body refusal of a reused name: the last row's
  EXPECT_EQ(RuleOf(d), "explore.valid-body-refused");
  d = Make(CallKind::kCreate, 409, 409);
  d.reuse = true;
  d.expected = 404;
  EXPECT_EQ(RuleOf(d), "");
}

TEST(StatusRules, AValidBodyRefusedIsANoteUnlessTheNameLengthWasWhy) {
  FakeProbes probes;
  StatusDivergence d = Make(CallKind::kCreate, 200, 413, "nnnn");
  StatusRuling r = Judge(d, &probes);
  EXPECT_EQ(r.rule, "explore.valid-body-refused");
  EXPECT_EQ(r.level, Level::kNote);
  EXPECT_TRUE(r.forget_write);
  EXPECT_EQ(probes.asked, 1);
  probes.shorter = "nn";
  r = Judge(d, &probes);
  EXPECT_EQ(r.rule, "explore.name-length-refused");
  EXPECT_EQ(r.level, Level::kMust);
  EXPECT_EQ(r.pointer, "/externalDatabaseConnection/name");
  EXPECT_TRUE(r.forget_write);
  EXPECT_NE(r.message.find("4 characters (4 bytes)"), std::string::npos) << r.message;
  EXPECT_NE(r.message.find("cut to 2 characters"), std::string::npos) << r.message;
  // An update's body is refused for the body alone: no probe, a note.
  probes.asked = 0;
  d.call = CallKind::kUpdate;
  d.model_holds = true;
  r = Judge(d, &probes);
  EXPECT_EQ(r.rule, "explore.valid-body-refused");
  EXPECT_EQ(probes.asked, 0);
  EXPECT_EQ(RuleOf(Make(CallKind::kCreate, 200, 401)), "");
  EXPECT_EQ(RuleOf(Make(CallKind::kCreate, 404, 400)), "order.validated-before-lookup");
  EXPECT_EQ(RuleOf(Make(CallKind::kDelete, 200, 400)), "");
  probes.answered = false;
  StatusRuling ignored;
  EXPECT_FALSE(JudgeStatusDivergence(Make(CallKind::kCreate, 200, 400), probes, &ignored));
}

TEST(StatusRules, TheShorterNameKeepsEveryCharacterAndHalvesTheLength) {
  EXPECT_EQ(ShorterNameToProbe("abab"), "ab");
  EXPECT_EQ(ShorterNameToProbe(std::string(255, 'x')), std::string(127, 'x'));
  std::string two_byte;
  for (int i = 0; i < 255; ++i) two_byte += "\xC3\xA9";
  EXPECT_EQ(ShorterNameToProbe(two_byte).size(), 254u) << "127 characters";
  EXPECT_EQ(ShorterNameToProbe(std::string(256, 'x')), "") << "over the docs' 255 characters";
  EXPECT_EQ(ShorterNameToProbe("x"), "");
  EXPECT_EQ(ShorterNameToProbe("xx"), "x");
  EXPECT_EQ(ShorterNameToProbe("abcd"), "") << "the half drops c and d";
}

}  // namespace
}  // namespace conform
