// Unit tests of the mock's store semantics: no HTTP.
#include "mock/store.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

using nlohmann::json;

json Body(json connection) { return {{"externalDatabaseConnection", connection}}; }

json Created(ConnectionStore& store, const std::string& name) {
  Reply r = store.Create(Body({{"name", name},
                               {"endpoint", "https://example.com/db"},
                               {"configuration", {{"secretKey", "s1"}, {"tenantId", "t"}, {"collections", {"a", "b"}}}}}));
  EXPECT_EQ(r.status, 200) << r.body.dump();
  return r.body;
}

TEST(ConnectionStoreTest, CreateThenGetReturnsTheConnection) {
  ConnectionStore store;
  Created(store, "db1");
  Reply r = store.Get("db1");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body["externalDatabaseConnection"]["name"], "db1");
  EXPECT_EQ(r.body["externalDatabaseConnection"]["configuration"]["tenantId"], "t");
  EXPECT_EQ(r.body["externalDatabaseConnection"]["connectionStatus"]["causeOfFailure"], "NONE");
}

TEST(ConnectionStoreTest, CreateExistingNameIsAlreadyExists) {
  ConnectionStore store;
  Created(store, "db1");
  Reply r = store.Create(Body({{"name", "db1"}}));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.body["details"]["applicationError"]["code"], "ALREADY_EXISTS");
}

TEST(ConnectionStoreTest, UpdateReplacesEverythingWritable) {
  ConnectionStore store;
  Created(store, "db1");
  Reply r = store.Update("db1", Body({{"name", "db1"}, {"configuration", {{"secretKey", "s2"}}}}));
  ASSERT_EQ(r.status, 200) << r.body.dump();
  json stored = store.Get("db1").body["externalDatabaseConnection"];
  EXPECT_FALSE(stored.contains("endpoint"));
  EXPECT_EQ(stored["configuration"], json({{"secretKey", "s2"}}));
  EXPECT_EQ(stored["connectionStatus"]["causeOfFailure"], "DESTINATION_ENDPOINT_NOT_DEFINED");
  EXPECT_EQ(r.body["externalDatabaseConnection"], stored);
}

TEST(ConnectionStoreTest, UpdateIgnoresReadOnlyFields) {
  ConnectionStore store;
  Created(store, "db1");
  Reply r = store.Update("db1", Body({{"name", "db1"}, {"endpoint", "https://e.com"}, {"publicKey", "mine"}, {"protocolVersion", "V3"}}));
  ASSERT_EQ(r.status, 200);
  json stored = store.Get("db1").body["externalDatabaseConnection"];
  EXPECT_FALSE(stored.contains("publicKey"));
  EXPECT_EQ(stored["protocolVersion"], "V2");
}

TEST(ConnectionStoreTest, UpdateUnknownNameIsNotFoundAndCreatesNothing) {
  ConnectionStore store;
  Reply r = store.Update("nope", Body({{"name", "nope"}, {"endpoint", "https://e.com"}}));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body["details"]["applicationError"]["code"], "NOT_FOUND");
  EXPECT_EQ(store.Size(), 0u);
}

TEST(ConnectionStoreTest, UpdateWithDifferentBodyNameIsRejected) {
  ConnectionStore store;
  Created(store, "db1");
  Reply r = store.Update("db1", Body({{"name", "db2"}, {"endpoint", "https://e.com"}}));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body["details"]["validationError"]["fieldViolations"][0]["field"], "externalDatabaseConnection.name");
  EXPECT_EQ(store.Get("db1").status, 200);
  EXPECT_EQ(store.Get("db2").status, 404);
}

struct InvalidBody {
  json body;
  std::string field;
};

TEST(ConnectionStoreTest, InvalidBodiesNameTheFieldAndChangeNothing) {
  const std::vector<InvalidBody> bodies = {
      {json(), "externalDatabaseConnection"},
      {json::object(), "externalDatabaseConnection"},
      {Body("text"), "externalDatabaseConnection"},
      {Body({{"endpoint", "not a url"}}), "externalDatabaseConnection.endpoint"},
      {Body({{"endpoint", 42}}), "externalDatabaseConnection.endpoint"},
      {Body({{"configuration", json::array({1})}}), "externalDatabaseConnection.configuration"},
      {Body({{"configuration", "x"}}), "externalDatabaseConnection.configuration"},
      {Body({{"name", 7}}), "externalDatabaseConnection.name"},
  };
  for (const InvalidBody& c : bodies) {
    ConnectionStore store;
    json before = Created(store, "db1");
    Reply r = store.Update("db1", c.body);
    EXPECT_EQ(r.status, 400) << c.body.dump();
    EXPECT_EQ(r.body["details"]["validationError"]["fieldViolations"][0]["field"], c.field) << c.body.dump();
    EXPECT_EQ(store.Get("db1").body, before) << c.body.dump();
  }
}

TEST(ConnectionStoreTest, NameOver255CharactersIsRejected) {
  ConnectionStore store;
  EXPECT_EQ(store.Create(Body({{"name", std::string(256, 'x')}})).status, 400);
  EXPECT_EQ(store.Create(Body({{"name", std::string(255, 'x')}})).status, 200);
  EXPECT_EQ(store.Update(std::string(256, 'x'), Body(json::object())).status, 400);
}

TEST(ConnectionStoreTest, ListPagesWithMetadata) {
  ConnectionStore store;
  for (const char* name : {"a", "b", "c"}) Created(store, name);
  Reply r = store.List("2", "1");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["externalDatabaseConnections"].size(), 2u);
  EXPECT_EQ(r.body["externalDatabaseConnections"][0]["name"], "b");
  EXPECT_EQ(r.body["pagingMetadata"]["total"], 3);
  EXPECT_EQ(r.body["pagingMetadata"]["offset"], 1);
  EXPECT_EQ(store.List("abc", "").status, 400);
  EXPECT_EQ(store.List("", "-1").status, 400);
}

TEST(ConnectionStoreTest, DeleteAnswersEmptyObjectThenNotFound) {
  ConnectionStore store;
  Created(store, "db1");
  Reply r = store.Delete("db1");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, json::object());
  EXPECT_EQ(store.Delete("db1").status, 404);
}

TEST(ConnectionStoreTest, ServicePluginConnectionsGetAPublicKeyThatSurvivesUpdate) {
  ConnectionStore store;
  Reply r = store.Create({{"externalDatabaseConnection", {{"name", "p"}}}, {"connectionType", "WIX_SERVICE_PLUGIN"}});
  ASSERT_EQ(r.status, 200);
  std::string key = r.body["externalDatabaseConnection"]["publicKey"];
  store.Update("p", Body({{"name", "p"}, {"endpoint", "https://e.com"}}));
  EXPECT_EQ(store.Get("p").body["externalDatabaseConnection"]["publicKey"], key);
  EXPECT_EQ(store.Create({{"externalDatabaseConnection", {{"name", "q"}}}, {"connectionType", 5}}).status, 400);
}

TEST(ConnectionStoreFaultTest, MergeConfigurationKeepsOldKeys) {
  ConnectionStore store({Fault::kMergeConfiguration});
  Created(store, "db1");
  store.Update("db1", Body({{"name", "db1"}, {"configuration", {{"secretKey", "s2"}}}}));
  EXPECT_EQ(store.Get("db1").body["externalDatabaseConnection"]["configuration"]["tenantId"], "t");
}

TEST(ConnectionStoreFaultTest, UpsertCreatesUnknownNames) {
  ConnectionStore store({Fault::kUpsert});
  EXPECT_EQ(store.Update("new", Body({{"name", "new"}, {"endpoint", "https://e.com"}})).status, 200);
  EXPECT_EQ(store.Get("new").status, 200);
}

}  // namespace
}  // namespace conform
