// The shipped schemas accept the docs' own examples and reject broken shapes; broken schema
// files give one clear error naming the file.
#include "load/schema_registry.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace conform {
namespace {

using nlohmann::json;

class ShippedSchemasTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(registry_.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  }
  SchemaRegistry registry_;
};

TEST_F(ShippedSchemasTest, EveryContractSchemaIsRegistered) {
  for (const char* name : {"connection", "stored-connection", "error", "case", "update.request", "update.response",
                           "create.request", "create.response", "get.response", "list.response", "delete.response"}) {
    EXPECT_TRUE(registry_.Has(name)) << name;
  }
}

TEST_F(ShippedSchemasTest, AcceptsTheDocsUpdateExampleWithoutConnectionStatus) {
  json response = json::parse(R"({"externalDatabaseConnection": {
      "name": "MyExternalDatabase", "endpoint": "https://example.com/my-external-database",
      "configuration": {"secretKey": "74dbd6d6-ec5b-4668-8229-c77379bc6431"}}})");
  EXPECT_TRUE(registry_.Validate("update.response", response).empty());
  json request = json::parse(R"({"externalDatabaseConnection": {"endpoint": "https://example.com/x",
      "configuration": {"collections": ["products", "categories"]}}})");
  EXPECT_TRUE(registry_.Validate("update.request", request).empty());
}

TEST_F(ShippedSchemasTest, AcceptsTheDocsListExampleWithUndocumentedCapabilities) {
  json list = json::parse(R"({"externalDatabaseConnections": [
    {"name": "A", "endpoint": "https://example.com/a", "configuration": {"secretKey": "k"},
     "capabilities": {"collectionModificationsSupported": false, "fieldTypes": [], "collectionDisplayNameSupported": false}},
    {"name": "B", "capabilities": {"collectionModificationsSupported": true, "fieldTypes": ["TEXT", "NUMBER"]},
     "connectionStatus": {"successful": true, "causeOfFailure": "NONE", "hasCollections": "YES"}}]})");
  EXPECT_TRUE(registry_.Validate("list.response", list).empty());
}

TEST_F(ShippedSchemasTest, AcceptsTheDocsErrorExamples) {
  json validation = json::parse(R"({"message": "Not really valid", "details": {"validationError": {"fieldViolations": [
      {"field": "fieldA", "description": "d", "violatedRule": "CUSTOM", "ruleName": "INVALID_NOTE", "data": {"value": "FI"}}]}}})");
  EXPECT_TRUE(registry_.Validate("error", validation).empty());
  EXPECT_TRUE(registry_.Validate("error", json::parse(R"({"message": "", "details": {}})")).empty());
  EXPECT_TRUE(registry_.Validate("error", json::parse(R"({"message": "no details"})")).empty());
}

TEST_F(ShippedSchemasTest, RejectsBrokenShapesWithAPointer) {
  auto first = [&](const std::string& schema, const json& doc) {
    std::vector<Violation> v = registry_.Validate(schema, doc);
    return v.empty() ? std::string("(valid)") : v.front().pointer;
  };
  EXPECT_EQ(first("error", json::parse(R"({"error": "not found"})")), "");
  EXPECT_NE(first("error", json::parse(R"({"message": "x", "details": {"applicationError": {}, "validationError": {}}})")), "(valid)");
  EXPECT_EQ(first("update.response", json::parse(R"({"externalDatabaseConnection": {"name": "a", "endpoint": "not a url"}})")),
            "/externalDatabaseConnection/endpoint");
  // A read-only value the schema does not know is the server's (Wix adds values); its type is still held.
  EXPECT_EQ(first("update.response", json::parse(R"({"externalDatabaseConnection": {"name": "a", "connectionStatus": {"causeOfFailure": "NEW_CAUSE"}}})")),
            "(valid)");
  EXPECT_EQ(first("update.response", json::parse(R"({"externalDatabaseConnection": {"name": "a", "connectionStatus": {"causeOfFailure": 5}}})")),
            "/externalDatabaseConnection/connectionStatus/causeOfFailure");
  EXPECT_NE(first("update.response", json::parse(R"({"externalDatabaseConnection": {"endpoint": null}})")), "(valid)");
  EXPECT_NE(first("update.response", json::parse(R"({"externalDatabaseConnection": {"name": ""}})")), "(valid)");
  EXPECT_NE(first("update.request", json::object()), "(valid)");
}

class BrokenSchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("conform-schema-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::string Load() {
    SchemaRegistry registry;
    std::string err;
    return registry.LoadDirectory(dir_.string(), &err) ? "(loaded)" : err;
  }
  std::filesystem::path dir_;
};

TEST_F(BrokenSchemaTest, InvalidJsonNamesFileLineAndColumn) {
  Write("a.schema.json", "{\n  \"type\": \"object\",\n}");
  std::string err = Load();
  EXPECT_NE(err.find("a.schema.json: invalid JSON at line 3"), std::string::npos) << err;
}

TEST_F(BrokenSchemaTest, MissingRefNamesTheFileAndTheRef) {
  Write("a.schema.json", R"({"properties": {"x": {"$ref": "missing.schema.json"}}})");
  std::string err = Load();
  EXPECT_NE(err.find("a.schema.json: $ref \"missing.schema.json\""), std::string::npos) << err;
}

// valijson recursed until the stack overflowed on a top-level $ref to a missing file (schema fuzz target).
TEST_F(BrokenSchemaTest, TopLevelRefToAMissingFileIsAnError) {
  Write("a.schema.json", R"({"$ref": "zzz"})");
  std::string err = Load();
  EXPECT_NE(err.find("a.schema.json: $ref \"zzz\""), std::string::npos) << err;
}

TEST_F(BrokenSchemaTest, RefOutsideTheFolderIsRefused) {
  Write("a.schema.json", R"({"properties": {"x": {"$ref": "../etc/passwd"}}})");
  std::string err = Load();
  EXPECT_NE(err.find("must name a file in the same directory"), std::string::npos) << err;
}

TEST_F(BrokenSchemaTest, InvalidKeywordValueIsAnError) {
  Write("a.schema.json", R"({"type": "strnig"})");
  std::string err = Load();
  EXPECT_EQ(err.rfind((dir_ / "a.schema.json").string() + ": ", 0), 0u) << err;
}

// valijson follows these until the stack overflows (found by the schema fuzz target).
TEST_F(BrokenSchemaTest, RefLoopsAreRefusedNotFollowedForever) {
  Write("a.schema.json", R"({"definitions": {"r": {"properties": {"auth": {"$ref": "#/definitions/r/properties/auth"}}}}})");
  std::string err = Load();
  EXPECT_NE(err.find("a.schema.json: /definitions/r/properties/auth: $ref loops back to itself"), std::string::npos) << err;

  std::filesystem::remove(dir_ / "a.schema.json");
  Write("b.schema.json", R"({"definitions": {"x": {"$ref": "c.schema.json#/definitions/y"}}})");
  Write("c.schema.json", R"({"definitions": {"y": {"$ref": "b.schema.json#/definitions/x"}}})");
  err = Load();
  EXPECT_NE(err.find("$ref loops back to itself"), std::string::npos) << err;
}

TEST_F(BrokenSchemaTest, RecursiveSchemasThatReachASchemaAreFine) {
  Write("tree.schema.json", R"({"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#"}},
                               "alias": {"$ref": "#/definitions/leaf"}}, "definitions": {"leaf": {"$ref": "#/definitions/leaf2"},
                               "leaf2": {"type": "string"}}})");
  SchemaRegistry registry;
  std::string err;
  ASSERT_TRUE(registry.LoadDirectory(dir_.string(), &err)) << err;
  EXPECT_TRUE(registry.Validate("tree", json::parse(R"({"children": [{"children": []}], "alias": "x"})")).empty());
  EXPECT_FALSE(registry.Validate("tree", json::parse(R"({"children": [{"children": 5}]})")).empty());
}

// valijson compiles patterns only while validating, and threw std::regex_error out of it (found
// by the schema fuzz target): a bad pattern is now a load error with its pointer.
TEST_F(BrokenSchemaTest, PatternsThatDoNotCompileAreLoadErrors) {
  Write("a.schema.json", R"({"properties": {"id": {"type": "string", "pattern": "x{2,1}"}}})");
  std::string err = Load();
  EXPECT_NE(err.find("a.schema.json: /properties/id/pattern: the pattern not a regular expression"), std::string::npos) << err;
  Write("a.schema.json", R"({"patternProperties": {"(": {}}})");
  err = Load();
  EXPECT_NE(err.find("a.schema.json: /patternProperties/(: the pattern not a regular expression"), std::string::npos) << err;
  Write("a.schema.json", R"({"enum": [{"pattern": "("}], "properties": {"pattern": {"type": "string"}}})");
  EXPECT_EQ(Load(), "(loaded)") << "data and property names are not patterns";
}

// libstdc++'s std::regex recurses once per character a `*` or `+` matches, and once per nested
// group while compiling: both overflowed the stack (schema fuzz target). Such patterns are refused.
TEST_F(BrokenSchemaTest, PatternsStdRegexCannotBeTrustedWithAreRefused) {
  auto problem = [&](const std::string& pattern) {
    Write("a.schema.json", nlohmann::json{{"pattern", pattern}}.dump());
    return Load();
  };
  EXPECT_NE(problem("^https?://.*$").find("/pattern: the pattern repeats without a bound ('*')"), std::string::npos);
  EXPECT_NE(problem("^a+$").find("repeats without a bound ('+')"), std::string::npos);
  EXPECT_NE(problem("^a{2,}$").find("repeats without a bound ({n,})"), std::string::npos);
  EXPECT_NE(problem("^a{1,5000}$").find("repeats up to 5000 times"), std::string::npos);
  EXPECT_NE(problem(std::string(40, '(') + std::string(40, ')')).find("nests groups more than 16 deep"), std::string::npos);
  // libstdc++ reads these numbers into a long without checking for overflow (schema fuzz target).
  EXPECT_NE(problem("(a)\\6666666666666666666").find("back-reference number of more than two digits"), std::string::npos);
  EXPECT_NE(problem("a{6666666666666666666}").find("more than six digits after '{'"), std::string::npos);
  EXPECT_NE(problem("a{1,6666666666666666666").find("more than six digits after '{'"), std::string::npos);
  EXPECT_NE(problem("a{2000}").find("repeats up to 2000 times"), std::string::npos);
  // 70 optional characters took over 10 s to match "x" (backtracking): a timeout of the fuzz target.
  EXPECT_NE(problem(std::string(70, 'h') + std::string(70, '?')).find("more than 16 quantifiers"), std::string::npos);
  EXPECT_EQ(problem("^(?:a|b)?c?d{1,2}$"), "(loaded)") << "(?: is a group kind, not a quantifier";
  EXPECT_EQ(problem("^[a-z+*]{0,63}\\+x?(a|b){2}$"), "(loaded)") << "escaped and in-class * + are literals";
}

// The endpoint rule is checked without unbounded repetition, so a huge endpoint is just invalid.
TEST_F(ShippedSchemasTest, HugeStringsValidateWithoutOverflowingTheStack) {
  const std::string huge(1'000'000, 'a');
  EXPECT_TRUE(registry_.Validate("update.request", {{"externalDatabaseConnection", {{"endpoint", "https://e.com/" + huge}}}}).empty());
  EXPECT_FALSE(registry_.Validate("update.request", {{"externalDatabaseConnection", {{"endpoint", "https://e.com/ " + huge}}}}).empty());
  EXPECT_FALSE(registry_.Validate("update.request", {{"externalDatabaseConnection", {{"endpoint", huge}}}}).empty());
}

TEST_F(BrokenSchemaTest, EmptyFolderIsAnError) {
  EXPECT_NE(Load().find("no *.schema.json files"), std::string::npos);
}

}  // namespace
}  // namespace conform
