// A found case names connections as templates ("${name}-x"), in its requests and in what it
// expects back, so it passes against any correct server on any later run.
#include "explore/found_case.h"

#include <gtest/gtest.h>

#include "http/curl_transport.h"
#include "load/case_loader.h"
#include "mock/mock_server.h"
#include "run/suite_runner.h"

namespace conform {
namespace {

Operation Create(const std::string& name) {
  Operation op;
  op.request.call = CallKind::kCreate;
  op.request.body = nlohmann::json{{"externalDatabaseConnection",
                                    {{"name", name}, {"endpoint", "https://example.com/db"}, {"configuration", {{"a", 1}}}}},
                                   {"connectionType", "STANDALONE"}};
  op.what = "create";
  return op;
}

Operation Get(const std::string& name) {
  Operation op;
  op.request.call = CallKind::kGet;
  op.request.name = name;
  op.what = "get";
  return op;
}

TEST(FoundCaseTest, AGetExpectsTheNameAsATemplateAndPassesAgainstACorrectServer) {
  Finding finding = MakeFinding(Level::kMust, "step 2 (get)", "explore.get-diverged", "a test");
  const nlohmann::json found = FoundCase({Create("${name}-x"), Get("${name}-x")}, finding, 7);
  ASSERT_EQ(found["steps"].size(), 2u) << found.dump();
  EXPECT_EQ(found["steps"][1]["expect"]["json"]["externalDatabaseConnection"]["name"], "${name}-x") << found.dump();

  SchemaRegistry schemas;
  std::string err;
  ASSERT_TRUE(schemas.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  Case c;
  std::vector<std::string> errors;
  ASSERT_TRUE(ParseCase(found, "found.json", schemas, &c, &errors)) << errors.front();
  MockOptions options;
  options.token = "T";
  MockServer mock(options);
  ASSERT_TRUE(mock.Start(&err)) << err;
  RunSettings settings;
  settings.base_url = mock.base_url();
  settings.credentials.token = "T";
  settings.run_id = "feedf00d";
  Redactor redactor;
  const RunResult run = RunSuite({c}, settings, schemas, [] { return std::make_unique<CurlTransport>(CurlOptions{}); },
                                 &redactor, nullptr);
  ASSERT_EQ(run.cases.size(), 1u);
  EXPECT_EQ(run.cases[0].outcome, Outcome::kPassed)
      << (run.cases[0].findings.empty() ? run.cases[0].error_message : run.cases[0].findings[0].message);
}

// A call the credentials refuse expects what the docs give that refusal: 401 alone without a
// token (no should line: there is no other choice to prefer), 401 or 403 for a read-only write
// with 403 preferred at should level; and a write changes nothing.
TEST(FoundCaseTest, ACallWithRefusedCredentialsExpectsTheDocumentedRefusal) {
  Finding finding = MakeFinding(Level::kMust, "step 2 (get)", "explore.credentials-ignored", "a test");
  Operation get = Get("${name}-x");
  get.request.auth = AuthMode::kNone;
  Operation update = Get("${name}-x");
  update.request.call = CallKind::kUpdate;
  update.request.body = nlohmann::json{{"externalDatabaseConnection", {{"name", "${name}-x"}, {"endpoint", "https://e.com"}}}};
  update.request.auth = AuthMode::kReadonly;
  update.what = "update with the read-only token";
  const nlohmann::json found = FoundCase({Create("${name}-x"), get, update}, finding, 7);
  ASSERT_EQ(found["steps"].size(), 3u) << found.dump();
  const nlohmann::json& none = found["steps"][1];
  EXPECT_EQ(none["auth"], "none");
  EXPECT_EQ(none["expect"]["status"], 401) << none.dump();
  EXPECT_FALSE(none.contains("should")) << none.dump();
  EXPECT_FALSE(none.contains("oracle")) << "a read changes nothing to check";
  const nlohmann::json& readonly = found["steps"][2];
  EXPECT_EQ(readonly["expect"]["status"], nlohmann::json::array({401, 403})) << readonly.dump();
  EXPECT_EQ(readonly["should"]["status"], 403) << readonly.dump();
  EXPECT_EQ(readonly["oracle"], "unchanged");
}

}  // namespace
}  // namespace conform
