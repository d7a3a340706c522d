// The first line says what is wrong: the commonest setup mistakes end a run before any case, in
// well under a second, with one line naming the cause and the fix; a failing run's reports lead
// with the causes its failures share.
#include <chrono>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "commands/conform_binary_for_tests.h"
#include "http/fault_server_for_tests.h"
#include "mock/mock_server.h"

namespace conform {
namespace {

// A preflight that fails stops before any case: well under a second, several under the
// sanitizers on a loaded machine (what is asserted is "no case ran", not a speed).
#ifdef CONFORM_SANITIZED
constexpr double kFastSeconds = 5.0;
#else
constexpr double kFastSeconds = 1.0;
#endif

using Clock = std::chrono::steady_clock;

class PreflightTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    MockOptions options;
    options.token = "T";
    mock_ = std::make_unique<MockServer>(options);
    std::string err;
    ASSERT_TRUE(mock_->Start(&err)) << err;
  }
  std::string Reports() const {
    return " --junit " + Path("junit.xml") + " --json " + Path("report.json") + " --html " + Path("report.html") +
           " --found " + Path("found");
  }
  // Runs conform; checks it ended fast with `exit_code` and that its first line holds `cause`.
  Ran Expect(const std::string& args, int exit_code, const std::string& cause) {
    const auto start = Clock::now();
    Ran r = RunConformBinary("run -q " + args + Reports());
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), kFastSeconds) << r.output;
    EXPECT_EQ(r.exit_code, exit_code) << r.output;
    EXPECT_EQ(r.output.rfind("conform: ", 0), 0u) << r.output;
    EXPECT_NE(r.output.substr(0, r.output.find('\n')).find(cause), std::string::npos) << r.output;
    return r;
  }
  // The reports hold one errored testcase, conform-preflight, naming the cause.
  void ExpectPreflightReport(const std::string& cause) {
    const nlohmann::json report = Json("report.json");
    ASSERT_EQ(report["cases"].size(), 1u) << report.dump();
    EXPECT_EQ(report["cases"][0]["id"], "conform-preflight");
    EXPECT_NE(report["cases"][0]["error"]["message"].get<std::string>().find(cause), std::string::npos);
    EXPECT_NE(Text("junit.xml").find("conform-preflight"), std::string::npos);
  }
  std::unique_ptr<MockServer> mock_;
};

TEST_F(PreflightTest, WrongTokenIsOneLineAndNoCase) {
  Expect("--target " + mock_->base_url() + " --token WRONG", 3,
         "the target refused the token (UNAUTHENTICATED): check --token / CONFORM_TOKEN (an API key also needs "
         "--site-id or --account-id)");
  EXPECT_EQ(mock_->requests(), 1u) << "one list, no case";
  ExpectPreflightReport("refused the token");
}

TEST_F(PreflightTest, ApiPathInTheTargetIsCaughtBeforeAnyRequestWithTheCorrectedUrl) {
  Expect("--target " + mock_->base_url() + "/wix-data/v1/external-database-connections --token T", 2,
         "that is the API's path, not its base URL; conform adds the path itself. Use --target " + mock_->base_url());
  EXPECT_EQ(mock_->requests(), 0u);
}

TEST_F(PreflightTest, OtherPathInTheTargetSaysDropThePath) {
  Expect("--target " + mock_->base_url() + "/api/v2 --token T", 3,
         "answered 404: is --target the API's base URL (e.g. https://www.wixapis.com)? It ends in /api/v2; drop the path.");
  ExpectPreflightReport("drop the path");
}

TEST_F(PreflightTest, HtmlAnswerIsNotTheApi) {
  FaultServer proxy([](int fd) {
    ReadRequest(fd);
    Send(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 21\r\nConnection: close\r\n\r\n<html>sign in</html>\n");
  });
  Expect("--target " + proxy.Url("") + " --token T", 3, "with text/html, not JSON: not the API (a proxy or login page?)");
  ExpectPreflightReport("not the API");
}

TEST_F(PreflightTest, ForbiddenEverywhereNamesThePermissionAndTheSiteId) {
  FaultServer forbidding([](int fd) {
    ReadRequest(fd);
    const std::string body = R"({"message":"no","details":{"applicationError":{"code":"PERMISSION_DENIED","description":"no","data":{}}}})";
    Send(fd, "HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                 "\r\nConnection: close\r\n\r\n" + body);
  });
  Expect("--target " + forbidding.Url("") + " --token T --site-id s1", 3,
         "answered 403 (PERMISSION_DENIED) to GET " + forbidding.Url("") +
             "/wix-data/v1/external-database-connections?paging.limit=1 with the run's token: the token lacks the "
             "\"Manage External Database Connections\" permission, or --site-id / --account-id does not match it");
}

TEST_F(PreflightTest, NoPreflightRunsTheCasesAnyway) {
  Ran r = RunConformBinary("run -q --no-preflight --target " + mock_->base_url() + " --token WRONG" + Reports());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_GT(mock_->requests(), 50u);
  // The wall of symptoms still leads with its one cause.
  EXPECT_NE(r.output.find("main cause ("), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("setup create answered 401 (UNAUTHENTICATED)"), std::string::npos) << r.output;
}

TEST_F(PreflightTest, FailingRunLeadsWithOneCauseInEveryReport) {
  Ran r = RunConformBinary("run --seed 1 --mock-fault merge-configuration" + Reports());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  const std::string merged = "the update merged instead of replacing";
  // Console: the causes come before the failures' details, and again in the summary line.
  const size_t causes = r.output.find("CAUSES of the 25 failed or errored cases:");
  ASSERT_NE(causes, std::string::npos) << r.output;
  EXPECT_LT(causes, r.output.find("details:"));
  EXPECT_NE(r.output.find("23 cases  " + merged), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("main cause (23 of 25): " + merged), std::string::npos) << r.output;
  const nlohmann::json report = Json("report.json");
  ASSERT_EQ(report["causes"].size(), 1u) << report["causes"];
  EXPECT_EQ(report["causes"][0]["cases"], 23);
  EXPECT_NE(report["causes"][0]["cause"].get<std::string>().find(merged), std::string::npos);
  const std::string html = Text("report.html");
  ASSERT_NE(html.find("<section id=\"causes\">"), std::string::npos);
  EXPECT_LT(html.find("<section id=\"causes\">"), html.find("<section id=\"failures\">"));
}

TEST_F(PreflightTest, PassingRunHasNoCauses) {
  Ran r = RunConformBinary("run -q --target " + mock_->base_url() + " --token T" + Reports());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(Json("report.json")["causes"].empty());
  EXPECT_EQ(r.output.find("CAUSES"), std::string::npos);
}

}  // namespace
}  // namespace conform
