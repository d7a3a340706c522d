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

}  // namespace
}  // namespace conform
