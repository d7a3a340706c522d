// Reading a choice from recorded answers: each kind of read, the answer a step was judged by
// (not one a retry replaced), and hostile bodies that must give "(absent)", never a crash.
#include "profile/choice_reader.h"

#include <gtest/gtest.h>

#include "text/utf8.h"

namespace conform {
namespace {

Exchange Answer(const std::string& step, int status, const std::string& body, Headers headers = {}) {
  Exchange x;
  x.step = step;
  for (CallKind kind : AllCallKinds()) {
    if (step.find("(" + std::string(CallKindName(kind)) + ")") != std::string::npos) x.call = kind;
  }
  x.request.method = "GET";
  x.request.url = "http://127.0.0.1:1/wix-data/v1/external-database-connections/x";
  x.response.status = status;
  x.response.body = body;
  x.response.headers = std::move(headers);
  return x;
}

nlohmann::json Read(const std::string& read, const std::string& body, const std::string& at = "",
                    const std::string& name = "") {
  CaseResult r;
  r.exchanges.push_back(Answer("step 1 (get)", 200, body, {{"Content-Type", "application/json; charset=utf-8"}}));
  const Choice c = ReadChoice({"row", "what", 1, read, at, name, ""}, r);
  EXPECT_TRUE(c.problem.empty()) << c.problem;
  return c.value;
}

TEST(ChoiceReaderTest, EachKindOfRead) {
  const std::string body = R"({"c":{"b":1,"a":[1,2,3],"n":5.0,"s":"\u00e9","big":9007199254740993.0},"e":[]})";
  EXPECT_EQ(Read("status", body), 200);
  EXPECT_EQ(Read("header", body, "", "content-type"), "application/json; charset=utf-8") << "names are case-blind";
  EXPECT_EQ(Read("header", body, "", "Transfer-Encoding"), kAbsent);
  EXPECT_EQ(Read("value", body, "/c/b"), 1);
  EXPECT_EQ(Read("value", body, "/c/missing"), kAbsent);
  EXPECT_EQ(Read("keys", body, "/c"), nlohmann::json({"a", "b", "big", "n", "s"})) << "sorted";
  EXPECT_EQ(Read("keys-in-order", body, "/c"), nlohmann::json({"b", "a", "n", "s", "big"})) << "as written";
  EXPECT_EQ(Read("count", body, "/c/a"), 3);
  EXPECT_EQ(Read("count", body, "/c/b"), kAbsent) << "not an array";
  EXPECT_EQ(Read("present", body, "/e,/f,/c/a"), nlohmann::json({"/e", "/c/a"}));
  EXPECT_EQ(Read("literal", body, "", "n"), "5.0");
  EXPECT_EQ(Read("literal", body, "", "s"), "\"\\u00e9\"");
  EXPECT_EQ(Read("integer", body, "", "big"), "9007199254740993") << "a trailing .0 is how, not what";
  EXPECT_EQ(Read("literal", body, "", "none"), kAbsent);
}

TEST(ChoiceReaderTest, LiteralFindsTheKeyNotTheSameTextInAValue) {
  EXPECT_EQ(Read("literal", R"({"x":"\"n\" is here","n" : 7})", "", "n"), "7");
  EXPECT_EQ(Read("literal", R"({"n":"a \"quoted\" word"})", "", "n"), R"("a \"quoted\" word")");
  EXPECT_EQ(Read("literal", R"({"n":"unterminated)", "", "n"), R"("unterminated)") << "cut, never past the end";
  EXPECT_EQ(Read("literal", R"({"n":)", "", "n"), "");
}

Choice ReadAnswer(const ChoiceSpec& spec, int status, const std::string& body, Headers headers = {}) {
  CaseResult r;
  r.id = "probe";
  r.exchanges.push_back(Answer("step 1 (get)", status, body, std::move(headers)));
  return ReadChoice(spec, r);
}

TEST(ChoiceReaderTest, AnAnswerThatIsNoJsonIsAProblemNotAChoice) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  for (const char* read : {"value", "keys", "keys-in-order", "count", "present"}) {
    for (const std::string& body : {deep, std::string("not json"), std::string("<html>")}) {
      const Choice c = ReadAnswer({"row", "what", 1, read, "/0", "", ""}, 200, body);
      EXPECT_TRUE(c.value.is_null()) << read;
      EXPECT_EQ(c.problem, "step 1 of probe answered 200 with a body that is not JSON") << read;
    }
  }
  EXPECT_EQ(Read("value", R"({"a":1})", "no-leading-slash"), kAbsent) << "not a JSON pointer";
  EXPECT_EQ(Read("literal", deep, "", "n"), kAbsent) << "a scan, never a parse";
}

TEST(ChoiceReaderTest, ARefusedAnswerIsNoChoiceWhereTheRowWantsASuccess) {
  const ChoiceSpec created{"create.status", "a successful create's status", 1, "status", "", "", "2xx"};
  EXPECT_EQ(ReadAnswer(created, 201, "{}").value, 201);
  const Choice refused = ReadAnswer(created, 400, "{}");
  EXPECT_TRUE(refused.value.is_null());
  EXPECT_EQ(refused.problem, "step 1 of probe answered 400, not 2xx");
  EXPECT_EQ(refused.evidence.status, 400) << "the evidence shows what came instead";
  const ChoiceSpec error{"error.fields", "an error's fields", 1, "keys", "", "", "4xx"};
  EXPECT_EQ(ReadAnswer(error, 404, R"({"message":"x"})").value, nlohmann::json({"message"}));
  EXPECT_EQ(ReadAnswer(error, 200, "{}").problem, "step 1 of probe answered 200, not 4xx");
}

TEST(ChoiceReaderTest, ConnectionIsOpenOrClose) {
  const ChoiceSpec spec{"wire.connection", "what", 1, "connection", "", "", ""};
  EXPECT_EQ(ReadAnswer(spec, 200, "{}").value, "open");
  EXPECT_EQ(ReadAnswer(spec, 200, "{}", {{"Connection", "keep-alive"}}).value, "open") << "the same choice";
  EXPECT_EQ(ReadAnswer(spec, 200, "{}", {{"connection", "Close"}}).value, "close");
}

TEST(ChoiceReaderTest, ProblemsNameAStableKindNotTheUrl) {
  CaseResult r;
  r.id = "probe";
  Exchange x = Answer("step 1 (get)", 0, "");
  x.response.error = TransportError::kReset;
  x.response.error_message = "GET http://127.0.0.1:40123/...: reset";
  r.exchanges.push_back(x);
  EXPECT_EQ(ReadChoice({"row", "what", 1, "status", "", "", ""}, r).problem,
            std::string("step 1 of probe got no answer (") + TransportErrorName(TransportError::kReset) + ")");
  CaseResult setup_refused;
  setup_refused.id = "probe";
  setup_refused.error_type = "setup";
  setup_refused.error_message = "setup 1 (create) answered 400 at http://127.0.0.1:40123/...";
  EXPECT_EQ(ReadChoice({"row", "what", 1, "status", "", "", ""}, setup_refused).problem,
            "step 1 of probe was not sent (the probe ended: setup)");
}

TEST(ChoiceReaderTest, TheAnswerAStepWasJudgedByNotARetriedOne) {
  CaseResult r;
  r.exchanges.push_back(Answer("setup 1 (create)", 200, "{}"));
  r.exchanges.push_back(Answer("step 1 (update) (retried)", 503, "{}"));
  r.exchanges.push_back(Answer("step 1 (update)", 400, "{}"));
  r.exchanges.push_back(Answer("step 12 (get)", 404, "{}"));
  EXPECT_EQ(ReadChoice({"row", "what", 1, "status", "", "", ""}, r).value, 400);
  EXPECT_EQ(ReadChoice({"row", "what", 12, "status", "", "", ""}, r).value, 404) << "step 12 is not step 1";
  const Choice missing = ReadChoice({"row", "what", 2, "status", "", "", ""}, r);
  EXPECT_TRUE(missing.value.is_null());
  EXPECT_NE(missing.problem.find("step 2"), std::string::npos) << missing.problem;
  const Choice retried = ReadRetriedStatuses({r});
  EXPECT_EQ(retried.value, nlohmann::json({503}));
  EXPECT_EQ(retried.evidence.status, 503);
}

TEST(ChoiceReaderTest, OnlyAStatusARetryRecoveredFromCounts) {
  CaseResult r;
  r.exchanges.push_back(Answer("step 1 (update) (retried)", 429, "{}"));
  r.exchanges.push_back(Answer("step 1 (update) (retried)", 503, "{}"));
  r.exchanges.push_back(Answer("step 1 (update)", 503, "{}"));  // the retries ran out
  EXPECT_EQ(ReadRetriedStatuses({r}).value, nlohmann::json::array());
  r.exchanges.push_back(Answer("step 2 (get) (retried)", 429, "{}"));
  r.exchanges.push_back(Answer("step 2 (get)", 200, "{}"));
  EXPECT_EQ(ReadRetriedStatuses({r}).value, nlohmann::json({429}));
}

TEST(ChoiceReaderTest, EvidenceIsCutByCharacters) {
  const Exchange x = Answer("step 1 (get)", 200, std::string(296, 'x') + "é" + std::string(100, 'y'));
  const ChoiceEvidence e = EvidenceOf(x);
  EXPECT_LE(e.response_body.size(), kEvidenceChars);
  EXPECT_TRUE(IsValidUtf8(e.response_body)) << "never cut inside a character";
  EXPECT_EQ(e.status, 200);
  EXPECT_EQ(e.request, "GET http://127.0.0.1:1/wix-data/v1/external-database-connections/x");
}

CaseResult Try(int64_t size, int status) {
  CaseResult r;
  r.id = "probe";
  r.search_size = size;
  r.exchanges.push_back(Answer("step 1 (create)", status, "{}"));
  if (status == 0) r.exchanges.back().response.error = TransportError::kReset;
  return r;
}

// A step's own answer, not what an oracle or a list walk read after it.
TEST(ChoiceReaderTest, TheStepsOwnAnswerNotTheReadsAfterIt) {
  CaseResult r;
  r.exchanges.push_back(Answer("step 1 (update) oracle GET before", 200, "{}"));
  r.exchanges.push_back(Answer("step 1 (update)", 400, "{}"));
  r.exchanges.push_back(Answer("step 1 (update) oracle GET after", 200, "{}"));
  r.exchanges.push_back(Answer("step 1 (update) oracle GET of body name", 404, "{}"));
  r.exchanges.push_back(Answer("step 2 (list)", 200, R"({"externalDatabaseConnections":[1,2]})"));
  r.exchanges.push_back(Answer("step 2 (list) page 2", 200, R"({"externalDatabaseConnections":[]})"));
  EXPECT_EQ(ReadChoice({"row", "what", 1, "status", "", "", ""}, r).value, 400);
  EXPECT_EQ(ReadChoice({"row", "what", 2, "count", "/externalDatabaseConnections", "", ""}, r).value, 2);
}

TEST(ChoiceReaderTest, ASearchReadsTheLargestAcceptedAndTheSmallestRefused) {
  const SearchSpec spec{"limits.x", "what", 1, "/a", "keys", 1, 100};
  const CaseResult tries[] = {Try(100, 413), Try(1, 200), Try(10, 200), Try(30, 400), Try(20, 200)};
  std::vector<const CaseResult*> all;
  for (const CaseResult& t : tries) all.push_back(&t);
  Choice c = ReadSearch(spec, all);
  EXPECT_EQ(c.value, nlohmann::json({{"accepted", 20}, {"refused", 30}, {"refused_with", 400}}));
  EXPECT_EQ(c.evidence.status, 400) << "the evidence is the smallest refusal";
  c = ReadSearch(spec, {&tries[1]});
  EXPECT_EQ(c.value, nlohmann::json({{"accepted", 1}, {"refused", nullptr}}));
  const CaseResult reset = Try(100, 0);
  c = ReadSearch(spec, {&reset});
  EXPECT_EQ(c.value, nlohmann::json({{"accepted", nullptr}, {"refused", 100}, {"refused_with", "connection-reset"}}));
  c = ReadSearch(spec, {});
  EXPECT_TRUE(c.value.is_null());
  EXPECT_NE(c.problem, "");
  const CaseResult taken = Try(1, 409);
  c = ReadSearch(spec, {&tries[0], &taken});
  EXPECT_TRUE(c.value.is_null()) << "a 409 says nothing of the size: " << c.value.dump();
  EXPECT_EQ(c.problem, "the try of 1 (keys) answered 409, which says nothing of the limit");
  EXPECT_EQ(c.evidence.status, 409);
}

}  // namespace
}  // namespace conform
