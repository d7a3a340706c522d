// Case files: the shipped ones load; bad ones give "file: /pointer: what is wrong".
#include "load/case_loader.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace conform {
namespace {

using nlohmann::json;

class CaseLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(schemas_.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  }
  std::vector<std::string> Errors(const json& doc) {
    Case c;
    std::vector<std::string> errors;
    ParseCase(doc, "x.json", schemas_, &c, &errors);
    return errors;
  }
  static json Good() {
    return json::parse(R"({"id": "a-case", "title": "t", "level": "must", "tags": ["replace"],
      "vars": {"odd": "${name} x"},
      "setup": [{"call": "create", "body": {"externalDatabaseConnection": {"name": "${odd}"}}}],
      "steps": [{"call": "update", "name": "${odd}", "body": {"externalDatabaseConnection": {}},
                 "oracle": "replace", "expect": {"status": [200, "4xx"], "absent": ["/a"]},
                 "should": {"violations": ["externalDatabaseConnection"]}}]})");
  }
  SchemaRegistry schemas_;
};

TEST_F(CaseLoaderTest, ShippedCasesAllLoadWithUniqueIds) {
  std::vector<Case> cases;
  std::vector<std::string> errors;
  ASSERT_TRUE(LoadCases(std::string(CONFORM_SOURCE_DIR) + "/cases", schemas_, &cases, &errors))
      << (errors.empty() ? "" : errors.front());
  EXPECT_GE(cases.size(), 40u);
}

TEST_F(CaseLoaderTest, ParsesAGoodCase) {
  Case c;
  std::vector<std::string> errors;
  ASSERT_TRUE(ParseCase(Good(), "x.json", schemas_, &c, &errors)) << errors.front();
  EXPECT_EQ(c.id, "a-case");
  ASSERT_EQ(c.steps.size(), 1u);
  EXPECT_EQ(c.steps[0].oracle, Oracle::kReplace);
  EXPECT_EQ(c.steps[0].request.call, CallKind::kUpdate);
  ASSERT_EQ(c.steps[0].expect->status.size(), 2u);
  EXPECT_TRUE(c.steps[0].expect->status[1].Matches(404));
  EXPECT_FALSE(c.steps[0].expect->status[0].Matches(201));
  EXPECT_EQ(c.steps[0].should->violations.size(), 1u);
}

TEST_F(CaseLoaderTest, SchemaViolationsNameFileAndPointer) {
  json doc = Good();
  doc["steps"][0]["call"] = "patch";
  std::vector<std::string> errors = Errors(doc);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors.front().rfind("x.json: /steps/0", 0), 0u) << errors.front();

  doc = Good();
  doc["steps"][0]["expct"] = {};
  ASSERT_FALSE(Errors(doc).empty());
  doc = Good();
  doc.erase("level");
  EXPECT_FALSE(Errors(doc).empty());
  doc = Good();
  doc["steps"][0]["expect"]["status"] = "2x";
  EXPECT_FALSE(Errors(doc).empty());
}

// A probe's limit search: it parses, and a search that could not run is refused with its pointer.
TEST_F(CaseLoaderTest, SearchesParseAndAreChecked) {
  json doc = Good();
  doc["search"] = {{"id", "limits.x"}, {"freedom", "f"}, {"step", 1}, {"at", "/externalDatabaseConnection/grown"},
                   {"grow", "keys"}, {"from", 1}, {"to", 100}};
  Case c;
  std::vector<std::string> errors;
  ASSERT_TRUE(ParseCase(doc, "x.json", schemas_, &c, &errors)) << errors.front();
  ASSERT_TRUE(c.search.has_value());
  EXPECT_EQ(c.search->grow, "keys");
  EXPECT_EQ(c.search->to, 100);
  const auto refused = [&](const char* pointer, const json& value, const std::string& says) {
    json bad = doc;
    bad[json::json_pointer(pointer)] = value;
    const std::vector<std::string> e = Errors(bad);
    ASSERT_FALSE(e.empty()) << pointer;
    EXPECT_NE(e.front().find(says), std::string::npos) << e.front();
  };
  refused("/search/from", 100, "x.json: /search/to: must be above from (100)");
  refused("/search/step", 2, "x.json: /search/step: step 2 is not a step with a body");
  refused("/search/at", "/nothing/grown", "x.json: /search/at: \"/nothing/grown\" is not a key of an object");
  refused("/search/at", "/externalDatabaseConnection/name/x", "is not a key of an object");
  refused("/search/at", "no-slash", "x.json: /search/at");
  refused("/search/grow", "bytes", "x.json: /search/grow");
  json deep = doc;
  deep["search"]["grow"] = "nesting";
  deep["search"]["to"] = 255;  // at is two levels down: 257 in all, one more than conform reads
  ASSERT_FALSE(Errors(deep).empty());
  EXPECT_EQ(Errors(deep).front(),
            "x.json: /search/to: nesting at /externalDatabaseConnection/grown is searched up to 254 levels "
            "(conform reads JSON 256 levels deep)");
  deep["search"]["to"] = 254;
  EXPECT_TRUE(Errors(deep).empty()) << Errors(deep).front();
  json keys = doc;
  keys["search"]["to"] = kMaxSearchKeys + 1;
  ASSERT_FALSE(Errors(keys).empty());
  EXPECT_NE(Errors(keys).front().find("x.json: /search/to: keys are searched up to 100000"), std::string::npos);
}

// A parallel step: its group parses with per-target counts, ${writer} and ${round} are known
// inside it only, and what its oracle cannot judge is refused with the pointer.
TEST_F(CaseLoaderTest, ParallelStepsParseAndAreChecked) {
  json doc = Good();
  doc["steps"] = json::parse(R"([{"title": "race", "parallel": {
      "prepare": [{"call": "create", "body": {"externalDatabaseConnection": {"name": "${name}-r${round}"}}}],
      "requests": [{"call": "update", "name": "${name}-r${round}", "body": {"externalDatabaseConnection": {"endpoint": "https://w${writer}.example"}}},
                   {"call": "delete", "name": "${name}-r${round}"}],
      "rounds": {"loopback": 30, "remote": 3}, "oracle": "delete-wins-or-404"}}])");
  Case c;
  std::vector<std::string> errors;
  ASSERT_TRUE(ParseCase(doc, "x.json", schemas_, &c, &errors)) << errors.front();
  ASSERT_TRUE(c.steps[0].parallel);
  const ParallelGroup& g = *c.steps[0].parallel;
  EXPECT_EQ(g.oracle, GroupOracle::kDeleteWinsOr404);
  EXPECT_EQ(g.rounds.For(true), 30);
  EXPECT_EQ(g.rounds.For(false), 3);
  EXPECT_EQ(g.writers.For(true), 1);
  EXPECT_EQ(g.requests.size(), 2u);
  EXPECT_EQ(g.prepare.size(), 1u);

  json wrong_calls = doc;
  wrong_calls["steps"][0]["parallel"]["oracle"] = "single-winner";
  ASSERT_EQ(Errors(wrong_calls).size(), 1u);
  EXPECT_EQ(Errors(wrong_calls)[0], "x.json: /steps/0/parallel/requests: single-winner judges creates only");

  json mixed = doc;
  mixed["steps"][0]["expect"] = {{"status", 200}};
  ASSERT_EQ(Errors(mixed).size(), 1u);
  EXPECT_NE(Errors(mixed)[0].find("/steps/0/expect: a parallel step holds only its group"), std::string::npos);

  json too_many = doc;
  too_many["steps"][0]["parallel"]["oracle"] = "linearizable-replace";
  too_many["steps"][0]["parallel"]["requests"] = json::array();
  for (int i = 0; i < 2; ++i) too_many["steps"][0]["parallel"]["requests"].push_back(doc["steps"][0]["parallel"]["requests"][0]);
  too_many["steps"][0]["parallel"]["writers"] = {{"loopback", 40}};
  ASSERT_EQ(Errors(too_many).size(), 1u);
  EXPECT_NE(Errors(too_many)[0].find("80 requests at once; at most 64"), std::string::npos) << Errors(too_many)[0];

  json outside = Good();
  outside["steps"][0]["name"] = "${name}-${round}";
  ASSERT_EQ(Errors(outside).size(), 1u);
  EXPECT_EQ(Errors(outside)[0], "x.json: /steps/0/name: unknown variable ${round}");
}

TEST_F(CaseLoaderTest, UnknownVariablesAreErrorsWithPointer) {
  json doc = Good();
  doc["steps"][0]["name"] = "${nmae}";
  std::vector<std::string> errors = Errors(doc);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors.front(), "x.json: /steps/0/name: unknown variable ${nmae}");
}

class CaseFolderTest : public CaseLoaderTest {
 protected:
  void SetUp() override {
    CaseLoaderTest::SetUp();
    dir_ = std::filesystem::temp_directory_path() / ("conform-cases-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::vector<std::string> Load() {
    std::vector<Case> cases;
    std::vector<std::string> errors;
    LoadCases(dir_.string(), schemas_, &cases, &errors);
    return errors;
  }
  std::filesystem::path dir_;
};

TEST_F(CaseFolderTest, EmptyFolderIsAnError) {
  std::vector<std::string> errors = Load();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("no case files"), std::string::npos);
}

TEST_F(CaseFolderTest, BrokenJsonAndDuplicatesAreAllListed) {
  Write("a.json", Good().dump());
  Write("b.json", Good().dump());
  Write("c.json", "{\"id\": ");
  std::vector<std::string> errors = Load();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("b.json: /id: duplicate id \"a-case\""), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("c.json: invalid JSON at line 1"), std::string::npos) << errors[1];
}

TEST(SelectCasesTest, FilterGlobAndTags) {
  std::vector<Case> cases(3);
  cases[0].id = "replace-a";
  cases[0].tags = {"replace", "configuration"};
  cases[1].id = "replace-b";
  cases[1].tags = {"replace"};
  cases[2].id = "auth-a";
  cases[2].tags = {"auth"};
  Selection s;
  s.filter = "replace-*";
  EXPECT_EQ(SelectCases(cases, s).size(), 2u);
  s.tags = {"configuration"};
  EXPECT_EQ(SelectCases(cases, s).size(), 1u);
  s.filter = "";
  s.tags = {"nothing"};
  EXPECT_TRUE(SelectCases(cases, s).empty());
}

std::vector<std::string> Ids(const std::vector<Case>& cases) {
  std::vector<std::string> ids;
  for (const Case& c : cases) ids.push_back(c.id);
  return ids;
}

TEST(SelectCasesTest, ExcludeGlobsAndTagsLeaveOutAfterTheFilterChose) {
  std::vector<Case> cases(4);
  cases[0].id = "replace-a";
  cases[0].tags = {"replace", "slow"};
  cases[1].id = "replace-b";
  cases[1].tags = {"replace"};
  cases[2].id = "auth-a";
  cases[2].tags = {"auth"};
  cases[3].id = "auth-b";
  cases[3].tags = {"auth", "slow"};
  Selection s;
  s.excludes = {"auth-*"};
  EXPECT_EQ(Ids(SelectCases(cases, s)), (std::vector<std::string>{"replace-a", "replace-b"}));
  s.excludes = {"*-a", "replace-b"};  // any glob leaves a case out
  EXPECT_EQ(Ids(SelectCases(cases, s)), (std::vector<std::string>{"auth-b"}));
  s.excludes.clear();
  s.exclude_tags = {"slow"};
  EXPECT_EQ(Ids(SelectCases(cases, s)), (std::vector<std::string>{"replace-b", "auth-a"}));
  s.exclude_tags = {"replace", "slow"};  // any excluded tag leaves a case out
  EXPECT_EQ(Ids(SelectCases(cases, s)), (std::vector<std::string>{"auth-a"}));
  s.exclude_tags = {"slow"};
  s.filter = "replace-*";  // the filter chooses first, the exclusions then take from what it chose
  s.tags = {"replace"};
  EXPECT_EQ(Ids(SelectCases(cases, s)), (std::vector<std::string>{"replace-b"}));
  s.excludes = {"replace-b"};
  EXPECT_TRUE(SelectCases(cases, s).empty());
}

}  // namespace
}  // namespace conform
