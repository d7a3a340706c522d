// What a list shows of a connection against what a GET shows (or the model holds): only the
// writable state counts, compared as the replace oracle compares states.
#include "check/list_view.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

using nlohmann::json;

const ViewRule kRule{"list.view-stale", "a GET of it"};

Snapshot Got(const json& connection) { return MakeSnapshot(200, json{{"externalDatabaseConnection", connection}}); }

ListedConnection Listed(const json& connection, int page = 1, size_t index = 0) { return {connection, page, index}; }

const json kUpdated = {{"name", "c"},
                       {"endpoint", "https://example.com/another-database"},
                       {"configuration", {{"secretKey", "s"}, {"environment", "STAGING"}, {"port", 5}}}};

TEST(ListView, StaleEndpointIsAFindingAtTheListedField) {
  json created = kUpdated;
  created["endpoint"] = "https://example.com/my-external-database";
  const std::optional<Finding> f = JudgeListedView("c", Listed(created, 2, 3), Got(kUpdated), kRule, "step 1 (list)");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->rule, "list.view-stale");
  EXPECT_EQ(f->level, Level::kMust);
  EXPECT_EQ(f->step, "step 1 (list)");
  EXPECT_EQ(f->pointer, "/externalDatabaseConnections/3/endpoint");
  EXPECT_EQ(f->expected, "\"https://example.com/another-database\"");  // the GET's
  EXPECT_EQ(f->actual, "\"https://example.com/my-external-database\"");  // the list's
  EXPECT_NE(f->message.find("page 2"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("a GET of it"), std::string::npos) << f->message;
}

TEST(ListView, StaleConfigurationKeyIsNamed) {
  json created = kUpdated;
  created["configuration"]["tenantId"] = "my-wix-site";
  const std::optional<Finding> f = JudgeListedView("c", Listed(created), Got(kUpdated), kRule, "s");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->pointer, "/externalDatabaseConnections/0/configuration/tenantId");
  EXPECT_EQ(f->expected, "(absent)");
  EXPECT_EQ(f->actual, "\"my-wix-site\"");
  json dropped = kUpdated;
  dropped.erase("configuration");  // a list that leaves the configuration out shows another state
  EXPECT_TRUE(JudgeListedView("c", Listed(dropped), Got(kUpdated), kRule, "s"));
}

TEST(ListView, EqualViewIsNoFinding) {
  EXPECT_FALSE(JudgeListedView("c", Listed(kUpdated), Got(kUpdated), kRule, "s"));
}

// The server's own fields (read-only, revisions, dates, a public key) and the freedoms the
// replace oracle allows (null, absent and an empty configuration alike; 5 and 5.0) never count.
TEST(ListView, ReadOnlyFieldsAndAllowedFreedomsAreNoFinding) {
  json listed = kUpdated;
  listed["configuration"]["port"] = 5.0;
  listed["connectionStatus"] = {{"successful", true}};
  listed["capabilities"] = {{"collectionModificationsSupported", false}};
  listed["publicKey"] = "k";
  listed["revision"] = "7";
  listed["_updatedDate"] = "2026-01-01T00:00:00.000Z";
  json got = kUpdated;
  got["connectionStatus"] = {{"successful", false}, {"causeOfFailure", "NONE"}};
  got["revision"] = "8";
  EXPECT_FALSE(JudgeListedView("c", Listed(listed), Got(got), kRule, "s"));

  const json bare = {{"name", "c"}, {"endpoint", "https://e"}};
  json null_configuration = bare;
  null_configuration["configuration"] = nullptr;
  json empty_configuration = bare;
  empty_configuration["configuration"] = json::object();
  EXPECT_FALSE(JudgeListedView("c", Listed(null_configuration), Got(bare), kRule, "s"));
  EXPECT_FALSE(JudgeListedView("c", Listed(bare), Got(empty_configuration), kRule, "s"));
}

// Whether a name the GET does not find should be listed at all is the membership rules' to say.
TEST(ListView, NothingToCompareWithIsNoFinding) {
  EXPECT_FALSE(JudgeListedView("c", Listed(kUpdated), MakeSnapshot(404, json::object()), kRule, "s"));
  EXPECT_FALSE(JudgeListedView("c", Listed(kUpdated), MakeSnapshot(200, json::object()), kRule, "s"));
}

}  // namespace
}  // namespace conform
