// The runner with a scripted fake transport: outcomes, cleanup after failures, a target that
// dies mid-run, and skipped cases.
#include "run/suite_runner.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "load/case_loader.h"

namespace conform {
namespace {

using nlohmann::json;

// Answers from a script; after `answers` runs out every request is refused. Records requests.
class ScriptedTransport : public Transport {
 public:
  ScriptedTransport(std::vector<HttpResponse> answers, std::vector<HttpRequest>* log)
      : answers_(std::move(answers)), log_(log) {}
  HttpResponse Send(const HttpRequest& request) override {
    log_->push_back(request);
    if (next_ < answers_.size()) return answers_[next_++];
    HttpResponse refused;
    refused.error = TransportError::kRefused;
    refused.error_message = request.method + " " + request.url + ": connection-refused";
    return refused;
  }

 private:
  std::vector<HttpResponse> answers_;
  size_t next_ = 0;
  std::vector<HttpRequest>* log_;
};

HttpResponse Answer(int status, json body) {
  HttpResponse r;
  r.status = status;
  r.body = body.dump();
  r.headers = {{"Content-Type", "application/json"}};
  r.timings.total_us = 1000;
  return r;
}

// Wix's standard 404, as a cleanup DELETE of a name already deleted gets it.
HttpResponse Gone() {
  return Answer(404, {{"message", "gone"},
                      {"details", {{"applicationError", {{"code", "NOT_FOUND"}, {"description", "gone"}, {"data", json::object()}}}}}});
}

class SuiteRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(schemas_.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
    std::vector<std::string> errors;
    json doc = json::parse(R"({"id": "c", "title": "t", "level": "must", "tags": ["x"],
      "setup": [{"call": "create", "body": {"externalDatabaseConnection": {"name": "${name}",
                 "configuration": {"secretKey": "top-secret-key"}}}}],
      "steps": [{"call": "get", "name": "${name}", "expect": {"status": 200}},
                {"call": "delete", "name": "${name}", "expect": {"status": 200}}]})");
    Case c;
    ASSERT_TRUE(ParseCase(doc, "c.json", schemas_, &c, &errors));
    cases_ = {c};
    settings_.base_url = "http://target";
    settings_.run_id = "r1";
    settings_.credentials.token = "the-token";
  }
  RunResult Run(std::vector<HttpResponse> answers) {
    Redactor redactor;
    redactor.AddSecret(settings_.credentials.token);
    return RunSuite(cases_, settings_, schemas_,
                    [&] { return std::make_unique<ScriptedTransport>(answers, &log_); }, &redactor, nullptr);
  }
  json Connection() { return {{"externalDatabaseConnection", {{"name", "conform-r1-c"}}}}; }

  SchemaRegistry schemas_;
  std::vector<Case> cases_;
  RunSettings settings_;
  std::vector<HttpRequest> log_;
};

TEST_F(SuiteRunnerTest, PassingCaseCleansUpAndRecordsLatency) {
  RunResult run = Run({Answer(200, Connection()), Answer(200, Connection()), Answer(200, json::object()),
                       Gone()});
  ASSERT_EQ(run.cases.size(), 1u);
  EXPECT_EQ(run.cases[0].outcome, Outcome::kPassed) << (run.cases[0].findings.empty() ? "" : FindingLine(run.cases[0].findings[0]));
  ASSERT_EQ(log_.size(), 4u);
  EXPECT_EQ(log_[3].method, "DELETE");
  EXPECT_EQ(log_[3].url, "http://target/wix-data/v1/external-database-connections/conform-r1-c");
  EXPECT_EQ(run.latency[CallKind::kDelete].count(), 2u);
  EXPECT_EQ(run.cases[0].exchanges[0].request.headers.back().second, kRedacted);
  EXPECT_EQ(run.cases[0].exchanges[0].request.body.find("top-secret-key"), std::string::npos);
}

TEST_F(SuiteRunnerTest, FailureStillCleansUp) {
  RunResult run = Run({Answer(200, Connection()), Answer(500, {{"message", ""}}), Answer(200, json::object()),
                       Answer(200, json::object())});
  EXPECT_EQ(run.cases[0].outcome, Outcome::kFailed);
  EXPECT_EQ(log_.back().method, "DELETE");
}

TEST_F(SuiteRunnerTest, TargetDyingMidRunIsAnErrorNotUnreachable) {
  RunResult run = Run({Answer(200, Connection())});
  EXPECT_EQ(run.cases[0].outcome, Outcome::kError);
  EXPECT_EQ(run.cases[0].error_type, "connection-refused");
  EXPECT_FALSE(run.Unreachable());
  EXPECT_EQ(log_.back().method, "DELETE");  // cleanup was still tried
  EXPECT_EQ(run.cases[0].leftovers, std::vector<std::string>({"conform-r1-c"}));
}

TEST_F(SuiteRunnerTest, NothingAnsweringIsUnreachable) {
  RunResult run = Run({});
  EXPECT_TRUE(run.Unreachable());
  EXPECT_EQ(run.cases[0].outcome, Outcome::kError);
}

// A refused setup's message quotes the answer, cut short: the token it echoes is hidden before
// the cut, so not even its first part is left (the leak scan looks only for whole secrets).
TEST_F(SuiteRunnerTest, AnEchoedTokenIsRedactedBeforeTheAnswerIsCut) {
  const std::string echoed = std::string(176, 'x') + " token " + settings_.credentials.token + " refused";
  for (const bool json_page : {true, false}) {
    HttpResponse page = Answer(401, {{"message", echoed}});
    if (!json_page) {
      page.body = "<html>" + std::string(50, ' ') + settings_.credentials.token + " refused</html>";
      page.headers = {{"Content-Type", "text/html"}};
    }
    RunResult run = Run({page, Gone()});
    ASSERT_EQ(run.cases[0].outcome, Outcome::kError) << json_page;
    const std::string& message = run.cases[0].error_message;
    EXPECT_NE(message.find("answered 401"), std::string::npos) << message;
    EXPECT_EQ(message.find("the-"), std::string::npos) << message;
  }
}

// A case that says its name may be refused warns when the setup create is refused 400 (a limit
// the docs do not state); without that, a must-level case's refused setup is an error. A 401 is
// never a refusal of the name.
TEST_F(SuiteRunnerTest, ANameTheCaseSaysMayBeRefusedWarnsInsteadOfErroring) {
  const HttpResponse refused = Answer(400, {{"message", "name holds '?'"}});
  RunResult strict_case = Run({refused, Gone()});
  EXPECT_EQ(strict_case.cases[0].outcome, Outcome::kError);
  cases_[0].name_may_be_refused = true;
  RunResult lenient = Run({refused, Gone()});
  const std::vector<Finding>& findings = lenient.cases[0].findings;
  const auto setup_refused = std::find_if(findings.begin(), findings.end(), [](const Finding& f) { return f.rule == "setup.refused"; });
  ASSERT_NE(setup_refused, findings.end());
  EXPECT_EQ(setup_refused->level, Level::kShould);
  EXPECT_EQ(FirstMust(findings), nullptr);
  EXPECT_EQ(lenient.cases[0].outcome, Outcome::kWarned);
  RunResult unauthenticated = Run({Answer(401, {{"message", "who?"}}), Gone()});
  EXPECT_EQ(unauthenticated.cases[0].outcome, Outcome::kError);
}

TEST_F(SuiteRunnerTest, MissingReadonlyTokenSkips) {
  cases_[0].requires_values = {"readonly_token"};
  RunResult run = Run({});
  EXPECT_EQ(run.cases[0].outcome, Outcome::kSkipped);
  EXPECT_TRUE(log_.empty());
}

TEST(FoldRepetitionTest, KeepsTheWorstOutcomeAndLabelsFindings) {
  CaseResult first;
  first.outcome = Outcome::kPassed;
  first.latency[CallKind::kGet].Record(100);
  CaseResult second;
  second.outcome = Outcome::kFailed;
  second.latency[CallKind::kGet].Record(300);
  Finding f;
  f.step = "step 1 (get)";
  second.findings.push_back(f);
  FoldRepetition(second, 2, 3, &first);
  EXPECT_EQ(first.outcome, Outcome::kFailed);
  EXPECT_EQ(first.findings[0].step, "repeat 2/3, step 1 (get)");
  EXPECT_EQ(first.latency[CallKind::kGet].count(), 2u);
}

TEST_F(SuiteRunnerTest, RepeatRunsEveryCaseAndWarmupIsDiscarded) {
  std::vector<HttpResponse> one_run = {Answer(200, Connection()), Answer(200, Connection()), Answer(200, json::object()),
                                       Gone()};
  Redactor redactor;
  RunResult run = RunSuite(cases_, settings_, schemas_,
                           [&] { return std::make_unique<ScriptedTransport>(one_run, &log_); }, &redactor, nullptr,
                           Repetition{3, 2});
  EXPECT_EQ(log_.size(), 5 * one_run.size());
  EXPECT_EQ(run.cases[0].outcome, Outcome::kPassed);
  EXPECT_EQ(run.latency[CallKind::kGet].count(), 3u);  // warmup runs are not counted
}

TEST_F(SuiteRunnerTest, CaseBudgetBreachIsAFinding) {
  LatencyBudget budget;
  std::string err;
  ASSERT_TRUE(ParseLatencyBudget("get.max=0.5ms", &budget, &err)) << err;
  cases_[0].budgets = {budget};  // the scripted answers take 1 ms
  RunResult run = Run({Answer(200, Connection()), Answer(200, Connection()), Answer(200, json::object()),
                       Gone()});
  EXPECT_EQ(run.cases[0].outcome, Outcome::kFailed);
  EXPECT_EQ(run.cases[0].findings.back().rule, "latency.budget");
}

}  // namespace
}  // namespace conform

namespace conform {
namespace {

// A 503 that a retry recovered from is a note (transient.unavailable): the case is judged by the
// answer after the retry, and passes.
// A Retry-After longer than --max-retry-wait is not waited for: the case ran (its answer is kept
// in the report) and ends as an error saying so, not as a case that was never run.
TEST_F(SuiteRunnerTest, ATooLongRetryAfterIsAnErrorOfACaseThatRan) {
  HttpResponse throttled = Answer(429, {{"message", "slow down"}});
  throttled.headers.emplace_back("Retry-After", "60");
  settings_.gate.max_retry_wait_us = 1'000'000;
  RunResult run = Run({Answer(200, Connection()), throttled, Gone()});
  const CaseResult& c = run.cases[0];
  EXPECT_EQ(c.outcome, Outcome::kError);
  EXPECT_EQ(c.error_type, "retry-after-too-long");
  EXPECT_FALSE(WasNotRun(c));
  EXPECT_NE(c.error_message.find("asked to wait 60 s"), std::string::npos) << c.error_message;
  ASSERT_GE(c.exchanges.size(), 2u);
  EXPECT_EQ(c.exchanges[1].response.status, 429) << "the answer is in the report";
  EXPECT_EQ(log_.back().method, "DELETE") << "cleanup still ran";
}

TEST_F(SuiteRunnerTest, RetriesAfter429And503AndNotesThe503) {
  HttpResponse throttled = Answer(429, {{"message", "slow down"}});
  throttled.headers.emplace_back("Retry-After", "0");
  HttpResponse unavailable = Answer(503, {{"message", ""}});
  unavailable.headers.emplace_back("Retry-After", "0");
  settings_.gate.max_retry_wait_us = 1000;
  RunResult run = Run({throttled, Answer(200, Connection()), unavailable, Answer(200, Connection()),
                       Answer(200, json::object()), Gone()});
  const CaseResult& c = run.cases[0];
  EXPECT_EQ(c.retries, 2);
  ASSERT_EQ(c.findings.size(), 1u);
  EXPECT_EQ(c.findings[0].rule, "transient.unavailable");
  EXPECT_EQ(c.findings[0].level, Level::kNote);
  EXPECT_EQ(c.outcome, Outcome::kPassed);
  EXPECT_EQ(c.exchanges[0].step, "setup 1 (create) (retried)");
}

}  // namespace
}  // namespace conform
