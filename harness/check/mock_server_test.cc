// The mock over real loopback HTTP: every rule of the contract, every answer valid against
// schemas/, concurrent PUTs never torn, garbage never crashes it. Here, not in mock/, because
// conform's own checks judge its answers (check/ sits above mock/: scripts/layers).
#include "mock/mock_server.h"

#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "check/expectations.h"
#include "http/curl_transport.h"
#include "load/schema_registry.h"
#include "text/percent.h"

namespace conform {
namespace {

using nlohmann::json;

constexpr char kPath[] = "/wix-data/v1/external-database-connections";

class MockServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(schemas_.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
    MockOptions options;
    options.token = "T-token";
    options.readonly_token = "R-token";
    server_ = std::make_unique<MockServer>(options);
    ASSERT_TRUE(server_->Start(&err)) << err;
    ASSERT_GT(server_->port(), 0);
  }

  // Sends and checks the answer against the schema for its call and status.
  HttpResponse Send(CallKind call, const std::string& method, const std::string& suffix, const std::string& body = "",
                    const std::string& token = "T-token", bool has_body = true) {
    HttpRequest r;
    r.method = method;
    r.url = server_->base_url() + kPath + suffix;
    if (!token.empty()) r.headers.emplace_back("Authorization", token);
    r.has_body = has_body && (method == "POST" || method == "PUT");
    r.body = body;
    HttpResponse response = transport_.Send(r);
    EXPECT_TRUE(response.ok()) << response.error_message;
    Observed o = Observe(call, method + " " + suffix, response);
    std::vector<Finding> findings;
    CheckResponse(o, schemas_, "", false, &findings);
    for (const Finding& f : findings) ADD_FAILURE() << FindingLine(f);
    EXPECT_EQ(response.Header("Content-Type").rfind("application/json", 0), 0u);
    return response;
  }
  json Body(const HttpResponse& r) { return json::parse(r.body); }
  HttpResponse Create(const std::string& name, json configuration) {
    json body = {{"externalDatabaseConnection",
                  {{"name", name}, {"endpoint", "https://example.com/db"}, {"configuration", configuration}}}};
    return Send(CallKind::kCreate, "POST", "", body.dump());
  }

  SchemaRegistry schemas_;
  std::unique_ptr<MockServer> server_;
  CurlTransport transport_{CurlOptions{}};
};

TEST_F(MockServerTest, PutReplacesTheWholeConnection) {
  ASSERT_EQ(Create("db", {{"a", 1}, {"b", {1, 2}}}).status, 200);
  HttpResponse put = Send(CallKind::kUpdate, "PUT", "/db", R"({"externalDatabaseConnection": {"name": "db", "configuration": {"b": [1]}}})");
  ASSERT_EQ(put.status, 200) << put.body;
  json stored = Body(Send(CallKind::kGet, "GET", "/db"))["externalDatabaseConnection"];
  EXPECT_FALSE(stored.contains("endpoint"));
  EXPECT_EQ(stored["configuration"], json({{"b", {1}}}));
  EXPECT_EQ(stored["connectionStatus"]["causeOfFailure"], "DESTINATION_ENDPOINT_NOT_DEFINED");
  EXPECT_EQ(Body(put)["externalDatabaseConnection"], stored);
}

TEST_F(MockServerTest, UnknownNameIs404WithStandardBodyAndNoUpsert) {
  HttpResponse put = Send(CallKind::kUpdate, "PUT", "/ghost", R"({"externalDatabaseConnection": {"name": "ghost", "endpoint": "https://e.com"}})");
  EXPECT_EQ(put.status, 404);
  EXPECT_EQ(Body(put)["details"]["applicationError"]["code"], "NOT_FOUND");
  EXPECT_EQ(Send(CallKind::kGet, "GET", "/ghost").status, 404);
  EXPECT_EQ(server_->store().Size(), 0u);
}

TEST_F(MockServerTest, AuthIsEnforced) {
  ASSERT_EQ(Create("db", json::object()).status, 200);
  const std::string body = R"({"externalDatabaseConnection": {"endpoint": "https://x.com"}})";
  EXPECT_EQ(Send(CallKind::kGet, "GET", "/db", "", "").status, 401);
  EXPECT_EQ(Send(CallKind::kUpdate, "PUT", "/db", body, "wrong").status, 401);
  HttpResponse denied = Send(CallKind::kUpdate, "PUT", "/db", body, "R-token");
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(Body(denied)["details"]["applicationError"]["code"], "PERMISSION_DENIED");
  EXPECT_EQ(Send(CallKind::kGet, "GET", "/db", "", "R-token").status, 200);
  EXPECT_EQ(Send(CallKind::kDelete, "DELETE", "/db", "", "R-token").status, 403);
  EXPECT_EQ(Body(Send(CallKind::kGet, "GET", "/db"))["externalDatabaseConnection"]["endpoint"], "https://example.com/db");
}

TEST_F(MockServerTest, PathNamesArePercentDecodedOnce) {
  for (const std::string name : {"a b", "a/b", "100%", "dåta-数据", "a+b", "q?x=1#f"}) {
    ASSERT_EQ(Create(name, json::object()).status, 200) << name;
    HttpResponse get = Send(CallKind::kGet, "GET", "/" + UrlEncode(name));
    ASSERT_EQ(get.status, 200) << name;
    EXPECT_EQ(Body(get)["externalDatabaseConnection"]["name"], name);
  }
  EXPECT_EQ(Send(CallKind::kGet, "GET", "/a%2Bb").status, 200);
  EXPECT_EQ(Send(CallKind::kGet, "GET", "/100%2525").status, 404);  // decoded once: "100%25"
}

TEST_F(MockServerTest, BadBodiesAre400NamingTheField) {
  ASSERT_EQ(Create("db", json::object()).status, 200);
  struct Bad {
    std::string body;
    std::string field;
  };
  for (const Bad& bad : std::vector<Bad>{{"", "externalDatabaseConnection"},
                                         {"{}", "externalDatabaseConnection"},
                                         {R"({"externalDatabaseConnection": {"endpoint": "ftp:/x"}})", "externalDatabaseConnection.endpoint"},
                                         {R"({"externalDatabaseConnection": {"configuration": 1}})", "externalDatabaseConnection.configuration"},
                                         {R"({"externalDatabaseConnection": {"name": "other"}})", "externalDatabaseConnection.name"}}) {
    HttpResponse r = Send(CallKind::kUpdate, "PUT", "/db", bad.body);
    EXPECT_EQ(r.status, 400) << bad.body;
    EXPECT_EQ(Body(r)["details"]["validationError"]["fieldViolations"][0]["field"], bad.field) << bad.body;
  }
  EXPECT_EQ(Send(CallKind::kUpdate, "PUT", "/db", "{bad json").status, 400);
  EXPECT_EQ(Send(CallKind::kUpdate, "PUT", "/" + std::string(256, 'x'), "{}").status, 400);
}

TEST_F(MockServerTest, CreateConflictListAndDelete) {
  ASSERT_EQ(Create("a", json::object()).status, 200);
  ASSERT_EQ(Create("b", json::object()).status, 200);
  HttpResponse dup = Create("a", json::object());
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(Body(dup)["details"]["applicationError"]["code"], "ALREADY_EXISTS");
  json page = Body(Send(CallKind::kList, "GET", "?paging.limit=1&paging.offset=1"));
  EXPECT_EQ(page["externalDatabaseConnections"].size(), 1u);
  EXPECT_EQ(page["pagingMetadata"]["total"], 2);
  HttpResponse del = Send(CallKind::kDelete, "DELETE", "/a");
  EXPECT_EQ(del.status, 200);
  EXPECT_EQ(Body(del), json::object());
  EXPECT_EQ(Send(CallKind::kDelete, "DELETE", "/a").status, 404);
}

TEST_F(MockServerTest, ConcurrentPutsNeverLeaveAMergedState) {
  ASSERT_EQ(Create("db", {{"seed", true}}).status, 200);
  constexpr int kWriters = 4;
  constexpr int kPutsEach = 40;
  auto body_of = [](int writer) {
    json configuration = {{"writer", writer}};
    configuration["only-" + std::to_string(writer)] = std::vector<int>(writer + 1, writer);
    return json{{"externalDatabaseConnection",
                 {{"name", "db"}, {"endpoint", "https://e.com/" + std::to_string(writer)}, {"configuration", configuration}}}};
  };
  auto is_one_of_the_bodies = [&](const json& connection) {
    if (!connection.contains("configuration") || !connection["configuration"].contains("writer")) return false;
    json sent = body_of(connection["configuration"]["writer"].get<int>())["externalDatabaseConnection"];
    return connection["configuration"] == sent["configuration"] && connection["endpoint"] == sent["endpoint"];
  };
  std::vector<std::thread> threads;
  std::atomic<int> torn{0};
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      CurlTransport transport{CurlOptions{}};
      for (int i = 0; i < kPutsEach; ++i) {
        HttpRequest put{"PUT", server_->base_url() + kPath + "/db", {{"Authorization", "T-token"}}, true, body_of(w).dump()};
        transport.Send(put);
        HttpResponse got = transport.Send({"GET", server_->base_url() + kPath + "/db", {{"Authorization", "T-token"}}, false, ""});
        if (!is_one_of_the_bodies(json::parse(got.body)["externalDatabaseConnection"])) ++torn;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(torn.load(), 0);
  EXPECT_TRUE(is_one_of_the_bodies(Body(Send(CallKind::kGet, "GET", "/db"))["externalDatabaseConnection"]));
}

TEST_F(MockServerTest, GarbageNeverCrashesTheServer) {
  ASSERT_EQ(Create("db", json::object()).status, 200);
  std::mt19937 random(7);
  const std::vector<std::string> seeds = {"{", "[", "\"", "null", "{\"externalDatabaseConnection\":", "\xff\xfe", "{}}",
                                          "{\"externalDatabaseConnection\": {\"configuration\": {\"a\": [[[[", "1e999999"};
  for (int i = 0; i < 200; ++i) {
    std::string body = seeds[random() % seeds.size()];
    for (int k = random() % 20; k > 0; --k) body += static_cast<char>(random() % 256);
    HttpRequest r{i % 2 ? "PUT" : "POST", server_->base_url() + kPath + (i % 2 ? "/db" : ""),
                  {{"Authorization", "T-token"}}, true, body};
    HttpResponse response = transport_.Send(r);
    ASSERT_TRUE(response.ok()) << response.error_message;
    EXPECT_GE(response.status, 400) << body;
    EXPECT_LT(response.status, 500) << body;
  }
  EXPECT_EQ(Send(CallKind::kGet, "GET", "/db").status, 200);
}

TEST(MockServerStartTest, PortInUseIsAClearError) {
  MockServer first(MockOptions{});
  std::string err;
  ASSERT_TRUE(first.Start(&err)) << err;
  MockOptions same;
  same.port = first.port();
  MockServer second(same);
  EXPECT_FALSE(second.Start(&err));
  EXPECT_NE(err.find("cannot listen on 127.0.0.1:" + std::to_string(first.port())), std::string::npos) << err;
}

}  // namespace
}  // namespace conform
