// The limit search: which sizes the bisection tries against servers with a limit anywhere in the
// range, at its ends, beyond it, or a non-monotonic one; the grown values; and a search run
// through the suite runner against the in-process mock, whose tries are reported and cleaned up.
#include "run/limit_search.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "http/curl_transport.h"
#include "load/case_loader.h"
#include "mock/mock_server.h"
#include "run/suite_runner.h"

namespace conform {
namespace {

// The sizes tried against a server that accepts up to `limit`, and what the search settled on.
struct Searched {
  std::vector<int64_t> tried;
  int64_t accepted = 0, refused = 0;
};

Searched Search(int64_t from, int64_t to, const std::function<bool(int64_t)>& accepts) {
  LimitBisection bisection(from, to);
  Searched s;
  while (!bisection.Done()) {
    const int64_t size = bisection.Next();
    s.tried.push_back(size);
    const bool ok = accepts(size);
    if (ok && size > s.accepted) s.accepted = size;
    if (!ok && (s.refused == 0 || size < s.refused)) s.refused = size;
    bisection.Record(size, ok);
  }
  return s;
}

TEST(LimitBisectionTest, ALimitInsideTheRangeIsFoundWithinOneTwoHundredFiftySixth) {
  for (const int64_t limit : {1, 2, 3, 63, 253, 1000, 4095, 524000, 4194303}) {
    SCOPED_TRACE(limit);
    const Searched s = Search(1, 4194304, [&](int64_t size) { return size <= limit; });
    EXPECT_LE(s.accepted, limit);
    EXPECT_EQ(s.refused > limit, true);
    EXPECT_LE(s.refused - s.accepted, std::max<int64_t>(1, s.accepted / 256));
    if (limit < 256) {
      EXPECT_EQ(s.accepted, limit) << "exact below 256";
    }
    EXPECT_LE(s.tried.size(), static_cast<size_t>(kMaxSearchTries));
    EXPECT_EQ(s.tried.front(), 4194304) << "the largest size first";
  }
}

TEST(LimitBisectionTest, TheEndsOfTheRangeCostOneOrTwoTries) {
  Searched s = Search(1024, 4096, [](int64_t) { return true; });
  EXPECT_EQ(s.tried, std::vector<int64_t>({4096})) << "a server that takes the largest is done at once";
  s = Search(1024, 4096, [](int64_t) { return false; });
  EXPECT_EQ(s.tried, std::vector<int64_t>({4096, 1024})) << "one that refuses the smallest too";
  s = Search(1, 2, [](int64_t size) { return size == 1; });
  EXPECT_EQ(s.tried, std::vector<int64_t>({2, 1}));
}

TEST(LimitBisectionTest, ANonMonotonicServerStillEndsWithinTheTryBudget) {
  const Searched s = Search(1, 16777216, [](int64_t size) { return size % 3 != 0; });
  EXPECT_LE(s.tried.size(), static_cast<size_t>(kMaxSearchTries));
  for (size_t i = 0; i < s.tried.size(); ++i) {
    for (size_t j = 0; j < i; ++j) EXPECT_NE(s.tried[i], s.tried[j]) << "no size is tried twice";
  }
}

TEST(LimitBisectionTest, TheSameAnswersGiveTheSameTries) {
  const auto accepts = [](int64_t size) { return size <= 777777; };
  EXPECT_EQ(Search(1024, 4194304, accepts).tried, Search(1024, 4194304, accepts).tried);
}

TEST(GrownValueTest, EachShapeHasTheSizeAsked) {
  EXPECT_EQ(GrownValue("characters", 5), "xxxxx");
  EXPECT_EQ(GrownValue("keys", 3), nlohmann::json({{"k0", 0}, {"k1", 1}, {"k2", 2}}));
  EXPECT_EQ(GrownValue("nesting", 1), nlohmann::json({{"leaf", 1}}));
  EXPECT_EQ(GrownValue("nesting", 3), nlohmann::json::parse(R"({"d":{"d":{"leaf":1}}})"));
  const nlohmann::json deep = GrownValue("nesting", 250);
  EXPECT_EQ(deep.dump().size(), static_cast<size_t>(249 * 6 + 10));
}

Case Probe(const std::string& grow, int64_t from, int64_t to) {
  Case c;
  c.id = "probe-" + grow;
  c.title = "A search";
  Step create;
  create.request.call = CallKind::kCreate;
  create.request.body = nlohmann::json::parse(R"({"externalDatabaseConnection": {"name": "${name}",
      "endpoint": "https://example.com/db", "configuration": {"a": 1}}, "connectionType": "STANDALONE"})");
  c.steps.push_back(create);
  c.search = SearchSpec{"limits.x", "what", 1, "/externalDatabaseConnection/configuration/grown", grow, from, to};
  return c;
}

TEST(SearchTryTest, GrowsTheStepsBodyAtThePointerAndSaysWhichSize) {
  const Case probe = Probe("keys", 1, 10);
  const Case c = SearchTry(probe, 4);
  EXPECT_EQ((*c.steps[0].request.body)["externalDatabaseConnection"]["configuration"]["grown"].size(), 4u);
  EXPECT_EQ((*c.steps[0].request.body)["externalDatabaseConnection"]["configuration"]["a"], 1) << "the rest stays";
  EXPECT_EQ(c.title, "A search (keys: 4)");
  ASSERT_FALSE(c.vars.empty());
  EXPECT_EQ(c.vars.back(), std::make_pair(std::string("name"), std::string("${name}-4"))) << "a name per try";
  EXPECT_FALSE((*probe.steps[0].request.body)["externalDatabaseConnection"]["configuration"].contains("grown"));
}

// The validate-first mock refuses bodies over 512 KB with 413: the search finds where, each try
// reported and cleaned up.
TEST(LimitSearchRunTest, TheMocksBodyLimitIsFoundAndEveryTryIsReportedAndCleanedUp) {
  MockOptions options;
  options.token = "T";
  options.freedoms.validate_first = true;
  MockServer mock(options);
  std::string err;
  ASSERT_TRUE(mock.Start(&err)) << err;
  SchemaRegistry schemas;
  ASSERT_TRUE(schemas.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  RunSettings settings;
  settings.base_url = mock.base_url();
  settings.credentials.token = "T";
  settings.run_id = "abcd1234";
  Redactor redactor;
  const TransportFactory transports = [] { return std::make_unique<CurlTransport>(CurlOptions{}); };
  int heard = 0;
  const RunResult run = RunSuite({Probe("characters", 1024, 1048576)}, settings, schemas, transports, &redactor,
                                 [&](const CaseResult&, size_t, size_t) { ++heard; });
  ASSERT_GE(run.cases.size(), 3u);
  EXPECT_EQ(heard, 1) << "the listener hears a search once, at its last try";
  int64_t accepted = 0, refused = 0;
  for (const CaseResult& r : run.cases) {
    EXPECT_EQ(r.id, "probe-characters");
    ASSERT_GE(r.search_size, 1024);
    const Exchange* answer = LastAnswerOf(r, 1);
    ASSERT_NE(answer, nullptr);
    EXPECT_LE(answer->request.body.size(), kTryBodyChars + 3) << "big bodies are cut once judged";
    const TryVerdict verdict = JudgeTry(r, 1);
    ASSERT_NE(verdict, TryVerdict::kUnknown);
    if (verdict == TryVerdict::kAccepted) accepted = std::max(accepted, r.search_size);
    if (verdict == TryVerdict::kRefused && (refused == 0 || r.search_size < refused)) refused = r.search_size;
  }
  EXPECT_GT(accepted, 524288 - 524288 / 256 - 400);
  EXPECT_LE(refused, 524288 + 524288 / 256) << "the body around it is a few hundred bytes more";
  EXPECT_LE(refused - accepted, accepted / 256);
  EXPECT_EQ(mock.store().Size(), 0u) << "each accepted try is deleted";
}

// How a try is judged: 409, 401, 403, 429, 5xx and timeouts say nothing of the size; a reset is a refusal.
TEST(LimitSearchRunTest, ATryIsAcceptedRefusedOrUnknown) {
  const auto judged = [](int status, TransportError error) {
    CaseResult r;
    Exchange x;
    x.step = StepLabel(1, CallKind::kCreate);
    x.call = CallKind::kCreate;
    x.response.status = status;
    x.response.error = error;
    r.exchanges.push_back(x);
    return JudgeTry(r, 1);
  };
  EXPECT_EQ(judged(200, TransportError::kNone), TryVerdict::kAccepted);
  EXPECT_EQ(judged(201, TransportError::kTooLarge), TryVerdict::kAccepted) << "taken, though too big to keep";
  EXPECT_EQ(judged(413, TransportError::kNone), TryVerdict::kRefused);
  EXPECT_EQ(judged(400, TransportError::kNone), TryVerdict::kRefused);
  EXPECT_EQ(judged(422, TransportError::kNone), TryVerdict::kRefused);
  EXPECT_EQ(judged(431, TransportError::kNone), TryVerdict::kRefused);
  // Answers about something other than the body are what they are, not a size refused.
  for (int status : {401, 403, 429, 500, 502, 503}) {
    EXPECT_EQ(judged(status, TransportError::kNone), TryVerdict::kUnknown) << status;
  }
  EXPECT_EQ(judged(0, TransportError::kReset), TryVerdict::kRefused) << "hung up on the body";
  EXPECT_EQ(judged(409, TransportError::kNone), TryVerdict::kUnknown) << "the name was taken";
  EXPECT_EQ(judged(0, TransportError::kTimeout), TryVerdict::kUnknown);
  EXPECT_EQ(JudgeTry(CaseResult{}, 1), TryVerdict::kUnknown) << "never sent";
}

// A try that shows nothing ends the search there: the tries after it would build on a guess.
TEST(LimitSearchRunTest, AnUnknownTryEndsTheSearch) {
  int sent = 0;
  RequestGate gate(GatePolicy{});
  const std::vector<CaseResult> tries = RunLimitSearch(Probe("keys", 1, 1000), [&](const Case& c) {
    ++sent;
    CaseResult r = ResultFor(c);
    Exchange x;
    x.step = StepLabel(1, CallKind::kCreate);
    x.call = CallKind::kCreate;
    x.response.status = sent == 1 ? 413 : 409;
    r.exchanges.push_back(x);
    return r;
  }, gate);
  EXPECT_EQ(sent, 2);
  ASSERT_EQ(tries.size(), 2u);
  EXPECT_EQ(tries[0].search_size, 1000);
  EXPECT_EQ(tries[1].search_size, 1);
}

}  // namespace
}  // namespace conform
