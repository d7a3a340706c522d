// A whole run against servers that answer with what is not JSON: each case is an error naming
// the URL and the kind of fault, the run goes on, and the JUnit report says so.
#include <gtest/gtest.h>

#include "http/curl_transport.h"
#include "http/fault_server_for_tests.h"
#include "load/case_loader.h"
#include "report/junit_report.h"
#include "run/suite_runner.h"

namespace conform {
namespace {

void Reply(int fd, const std::string& content_type, const std::string& body) {
  ReadRequest(fd);
  const std::string text = "HTTP/1.1 200 OK\r\nContent-Type: " + content_type + "\r\nContent-Length: " +
                           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  Send(fd, text);
}

RunResult RunTwoCasesAgainst(const FaultServer& server) {
  SchemaRegistry schemas;
  std::string err;
  EXPECT_TRUE(schemas.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  std::vector<Case> cases;
  for (const char* id : {"first", "second"}) {
    Case c;
    std::vector<std::string> errors;
    nlohmann::json doc = {{"id", id}, {"title", "t"}, {"level", "must"}, {"tags", {"x"}},
                          {"steps", {{{"call", "get"}, {"name", "${name}"}, {"expect", {{"status", 200}}}}}}};
    EXPECT_TRUE(ParseCase(doc, std::string(id) + ".json", schemas, &c, &errors));
    cases.push_back(c);
  }
  RunSettings settings;
  settings.base_url = server.Url("");
  settings.run_id = "f1";
  Redactor redactor;
  return RunSuite(cases, settings, schemas, [] { return std::make_unique<CurlTransport>(CurlOptions{}); }, &redactor,
                  nullptr);
}

TEST(FaultClassificationTest, HtmlInsteadOfJsonIsAnErrorNamingTheUrl) {
  FaultServer html([](int fd) { Reply(fd, "text/html", "<html><body>Bad gateway</body></html>"); });
  RunResult run = RunTwoCasesAgainst(html);
  ASSERT_EQ(run.cases.size(), 2u);  // the run went on after the first error
  for (const CaseResult& c : run.cases) {
    EXPECT_EQ(c.outcome, Outcome::kError);
    EXPECT_EQ(c.error_type, "non-json-response");
    EXPECT_NE(c.error_message.find("GET " + html.Url("")), std::string::npos) << c.error_message;
    EXPECT_NE(c.error_message.find("text/html"), std::string::npos) << c.error_message;
  }
  EXPECT_NE(JunitReport(run).find("<error message=\"GET http://127.0.0.1:"), std::string::npos);
  EXPECT_NE(JunitReport(run).find("type=\"non-json-response\""), std::string::npos);
}

TEST(FaultClassificationTest, InvalidUtf8IsAnErrorOfItsOwn) {
  FaultServer garbled([](int fd) { Reply(fd, "application/json", "{\"name\": \"\xff\xfe\"}"); });
  RunResult run = RunTwoCasesAgainst(garbled);
  EXPECT_EQ(run.cases[0].error_type, "invalid-utf8");
  EXPECT_NE(JunitReport(run).find("type=\"invalid-utf8\""), std::string::npos);
}

}  // namespace
}  // namespace conform
