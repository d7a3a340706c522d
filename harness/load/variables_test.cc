// Template expansion.
#include "load/variables.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

Variables Sample() {
  Variables v;
  v.Set("name", "conform-1-a b");
  v.Set("token", "T");
  return v;
}

std::string Expand(const std::string& text) {
  std::string out, err;
  return Sample().Expand(text, &out, &err) ? out : "ERROR: " + err;
}

TEST(VariablesTest, ExpandsAndFilters) {
  EXPECT_EQ(Expand("x-${name}-y"), "x-conform-1-a b-y");
  EXPECT_EQ(Expand("${name|url}"), "conform-1-a%20b");
  EXPECT_EQ(Expand("${token|pad:4}"), "Txxx");
  EXPECT_EQ(Expand("${name|head:1}"), "c");
  EXPECT_EQ(Expand("${name|head:100}"), "conform-1-a b");
  EXPECT_EQ(Expand("${name|head:0}"), "");
  EXPECT_EQ(Expand("$${name} costs $5"), "${name} costs $5");
  EXPECT_EQ(Expand("no variables"), "no variables");
}

// head counts characters: a multi-byte UTF-8 character is never cut in half.
TEST(VariablesTest, HeadKeepsWholeCharacters) {
  Variables v;
  v.Set("x", "\xC3\xA9t\xC3\xA9");  // "été"
  std::string out, err;
  ASSERT_TRUE(v.Expand("${x|head:1}", &out, &err)) << err;
  EXPECT_EQ(out, "\xC3\xA9");
  ASSERT_TRUE(v.Expand("${x|head:2}", &out, &err)) << err;
  EXPECT_EQ(out, "\xC3\xA9t");
}

// pad:N:C fills with a character of any width; the length counts characters, as names do.
TEST(VariablesTest, PadFillsWithTheCharacterGiven) {
  Variables v;
  v.Set("x", "ab");
  std::string out, err;
  ASSERT_TRUE(v.Expand("${x|pad:5:\xC3\xA9}", &out, &err)) << err;
  EXPECT_EQ(out, "ab\xC3\xA9\xC3\xA9\xC3\xA9");
  ASSERT_TRUE(v.Expand("${x|pad:4}", &out, &err)) << err;
  EXPECT_EQ(out, "abxx");
  EXPECT_FALSE(v.Expand("${x|pad:4:yz}", &out, &err));
  EXPECT_NE(err.find("fills with one character"), std::string::npos) << err;
}

TEST(VariablesTest, ReportsUnknownAndMalformed) {
  EXPECT_EQ(Expand("${nope}"), "ERROR: unknown variable ${nope}");
  EXPECT_NE(Expand("${name").find("unclosed"), std::string::npos);
  EXPECT_NE(Expand("${name|shout}").find("unknown filter"), std::string::npos);
  EXPECT_NE(Expand("${name|pad:x}").find("needs a length"), std::string::npos);
  EXPECT_NE(Expand("${name|head:}").find("needs a length, e.g. head:1"), std::string::npos);
}

TEST(VariablesTest, ExpandsInsideJsonKeysAndValues) {
  nlohmann::json in = {{"n", "${name}"}, {"${token}", {1, "${token}", true}}};
  nlohmann::json out;
  std::string err;
  ASSERT_TRUE(Sample().ExpandJson(in, &out, &err)) << err;
  EXPECT_EQ(out, nlohmann::json({{"n", "conform-1-a b"}, {"T", {1, "T", true}}}));
}

TEST(VariablesTest, ListsReferences) {
  std::vector<std::string> names;
  std::string err;
  ASSERT_TRUE(ReferencedVariables("${a}/${b|url}", &names, &err));
  EXPECT_EQ(names, std::vector<std::string>({"a", "b"}));
}

}  // namespace
}  // namespace conform
