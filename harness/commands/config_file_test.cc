// A config document is outside input: applied without its schema (a --schemas folder may lack
// config.schema.json), odd values are one-line errors naming the key, never a throw or UB.
#include "commands/config_file.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

std::string Apply(const std::string& text, RunOptions* options = nullptr) {
  RunOptions scratch;
  Headers headers;
  std::string err;
  return ApplyConfigDocument(nlohmann::json::parse(text), "conform.json", options ? options : &scratch, &headers, &err)
             ? "(applied)"
             : err;
}

TEST(ConfigDocumentTest, WrongTypesAndOutOfRangeNumbersNameTheKey) {
  // Found by the config_file fuzz target: a huge float read as a whole number was undefined behaviour.
  EXPECT_EQ(Apply(R"({"timeout_ms": 2.5e126})"), "conform.json: /timeout_ms: has the wrong type for --timeout");
  EXPECT_EQ(Apply(R"({"timeout_ms": 1.5})"), "conform.json: /timeout_ms: has the wrong type for --timeout");
  RunOptions whole;
  EXPECT_EQ(Apply(R"({"timeout_ms": 2000.0})", &whole), "(applied)") << "2000.0 is a whole number";
  EXPECT_EQ(whole.timeout_ms, 2000);
  EXPECT_EQ(Apply(R"({"max_retries": 99999999999})"), "conform.json: /max_retries: has the wrong type for --max-retries");
  EXPECT_EQ(Apply(R"({"tags": "replace"})"), "conform.json: /tags: has the wrong type for --tag");
  EXPECT_EQ(Apply(R"({"exclude": "auth-*"})"), "conform.json: /exclude: has the wrong type for --exclude");
  EXPECT_EQ(Apply(R"({"exclude_tags": [1]})"), "conform.json: /exclude_tags: has the wrong type for --exclude-tag");
  EXPECT_EQ(Apply(R"({"headers": ["x"]})"), "conform.json: /headers: must be an object of header names to string values");
  EXPECT_EQ(Apply(R"({"headers": {"x": 1}})"), "conform.json: /headers/x: must be a string");
  EXPECT_EQ(Apply(R"([1, 2])"), "conform.json: /: a config file is a JSON object");
}

TEST(ConfigDocumentTest, GoodValuesApply) {
  RunOptions options;
  EXPECT_EQ(Apply(R"({"timeout_ms": 2000, "deadline": "10m", "max_transport_errors": 5, "tags": ["a"], "list_settle": "2s"})",
                  &options),
            "(applied)");
  EXPECT_EQ(options.timeout_ms, 2000);
  EXPECT_EQ(options.deadline, "10m");
  EXPECT_EQ(options.list_settle, "2s");
  EXPECT_EQ(options.max_transport_errors, 5);
  EXPECT_EQ(options.selection.tags, std::vector<std::string>{"a"});
}

TEST(ConfigDocumentTest, ExclusionsApplyUnlessTheCommandLineGaveThem) {
  RunOptions options;
  EXPECT_EQ(Apply(R"({"exclude": ["auth-*", "load-*"], "exclude_tags": ["slow"]})", &options), "(applied)");
  EXPECT_EQ(options.selection.excludes, (std::vector<std::string>{"auth-*", "load-*"}));
  EXPECT_EQ(options.selection.exclude_tags, std::vector<std::string>{"slow"});
  RunOptions given;
  given.selection.excludes = {"replace-*"};
  given.given.insert("--exclude");
  EXPECT_EQ(Apply(R"({"exclude": ["auth-*"]})", &given), "(applied)");
  EXPECT_EQ(given.selection.excludes, std::vector<std::string>{"replace-*"}) << "a flag given beats the file";
}

}  // namespace
}  // namespace conform
