// The shipped schemas are portable: every file has $schema and an $id, $refs resolve by id, and a
// second, independent validator (Python's jsonschema, see portable_schemas_check.py) accepts and
// rejects exactly the bodies conform's validator does: every request body in cases/ and the set in
// testdata/schemas/bodies.json (valid and invalid ones, for every schema).
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "load/case_loader.h"
#include "load/json_file.h"
#include "load/schema_registry.h"
#include "load/variables.h"

namespace conform {
namespace {

namespace fs = std::filesystem;
const std::string kSource = CONFORM_SOURCE_DIR;

struct Item {
  std::string schema;
  nlohmann::json body;
  std::string from;  // where the body comes from, for messages
};

// Request bodies of the shipped cases, with variables filled in as a run would.
std::vector<Item> CaseBodies(const SchemaRegistry& schemas) {
  std::vector<Case> cases;
  std::vector<std::string> errors;
  EXPECT_TRUE(LoadCases(kSource + "/cases", schemas, &cases, &errors));
  std::vector<Item> items;
  for (const Case& c : cases) {
    const Variables vars = StandInVariables(c, "portable");
    std::vector<const RequestSpec*> specs;
    for (const RequestSpec& s : c.setup) specs.push_back(&s);
    for (const Step& s : c.steps) specs.push_back(&s.request);
    for (const RequestSpec* spec : specs) {
      if (!spec->body || (spec->call != CallKind::kCreate && spec->call != CallKind::kUpdate)) continue;
      nlohmann::json body;
      std::string err;
      if (!vars.ExpandJson(*spec->body, &body, &err)) continue;
      items.push_back({std::string(CallKindName(spec->call)) + ".request", body, c.file});
    }
  }
  return items;
}

std::vector<Item> HandWrittenBodies() {
  nlohmann::json list;
  std::string err;
  EXPECT_TRUE(ReadJsonFile(kSource + "/testdata/schemas/bodies.json", &list, &err)) << err;
  std::vector<Item> items;
  for (size_t i = 0; i < list.size(); ++i) {
    items.push_back({list[i]["schema"], list[i]["body"], "testdata/schemas/bodies.json/" + std::to_string(i)});
  }
  return items;
}

// The second validator's verdicts, one per item; fails the test when it cannot run.
std::vector<bool> PythonVerdicts(const std::vector<Item>& items, const fs::path& scratch) {
  nlohmann::json input = nlohmann::json::array();
  for (const Item& item : items) input.push_back({{"schema", item.schema}, {"body", item.body}});
  const fs::path file = scratch / "items.json";
  std::ofstream(file) << input.dump();
  const std::string command = "python3 " + kSource + "/harness/load/portable_schemas_check.py " + kSource +
                              "/schemas " + file.string() + " 2>&1";
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  size_t n;
  while (pipe && (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
  const int status = pipe ? pclose(pipe) : -1;
  EXPECT_EQ(status, 0) << "the second validator could not run: " << output;
  const nlohmann::json verdicts = nlohmann::json::parse(output, nullptr, false);
  if (!verdicts.is_array() || verdicts.size() != items.size()) {
    ADD_FAILURE() << "unexpected output from the second validator: " << output;
    return {};
  }
  return verdicts.get<std::vector<bool>>();
}

TEST(PortableSchemasTest, EverySchemaHasSchemaAndIdNamedAfterItsFile) {
  for (const auto& entry : fs::directory_iterator(kSource + "/schemas")) {
    nlohmann::json doc;
    std::string err;
    ASSERT_TRUE(ReadJsonFile(entry.path().string(), &doc, &err)) << err;
    EXPECT_EQ(doc.value("$schema", ""), "http://json-schema.org/draft-07/schema#") << entry.path();
    EXPECT_EQ(doc.value("$id", ""), "https://conform.invalid/schemas/" + entry.path().filename().string()) << entry.path();
  }
}

TEST(PortableSchemasTest, PythonJsonschemaAgreesWithConformOnEveryBody) {
  SchemaRegistry schemas;
  std::string err;
  ASSERT_TRUE(schemas.LoadDirectory(kSource + "/schemas", &err)) << err;
  std::vector<Item> items = CaseBodies(schemas);
  const size_t from_cases = items.size();
  for (Item& item : HandWrittenBodies()) items.push_back(std::move(item));
  ASSERT_GT(from_cases, 50u);

  const fs::path scratch = fs::temp_directory_path() / ("conform-portable-" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  const std::vector<bool> python = PythonVerdicts(items, scratch);
  fs::remove_all(scratch);
  ASSERT_EQ(python.size(), items.size());
  int valid = 0, invalid = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    const bool ours = schemas.Validate(items[i].schema, items[i].body).empty();
    (ours ? valid : invalid)++;
    EXPECT_EQ(ours, python[i]) << items[i].from << " against " << items[i].schema << ": conform says "
                               << (ours ? "valid" : "invalid") << ", jsonschema says " << (python[i] ? "valid" : "invalid")
                               << "\n" << items[i].body.dump();
  }
  EXPECT_GE(invalid, 20) << "the set must hold invalid bodies too";
  EXPECT_GE(valid, 50);
}

}  // namespace
}  // namespace conform
