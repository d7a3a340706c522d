#include "check/name_relations.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(NameRelations, EachClassIsToldApart) {
  EXPECT_EQ(ConflationBetween("c-w ", "c-w"), NameConflation::kWhitespace);  // trimmed
  EXPECT_EQ(ConflationBetween("c-w", "c-w "), NameConflation::kPrefix);      // looked up by prefix
  EXPECT_EQ(ConflationBetween(" c-w", "c-w"), NameConflation::kWhitespace);
  EXPECT_EQ(ConflationBetween("c-i x", "c-i\tx"), NameConflation::kWhitespace);
  EXPECT_EQ(ConflationBetween("c-%41", "c-A"), NameConflation::kDecoding);
  EXPECT_EQ(ConflationBetween("c-a%2Fb", "c-a/b"), NameConflation::kDecoding);
  EXPECT_EQ(ConflationBetween("c-%25", "c-%"), NameConflation::kDecoding);
  EXPECT_EQ(ConflationBetween("c-%", "c-%25"), NameConflation::kPrefix);  // decoding goes one way
  EXPECT_EQ(ConflationBetween("c-a+b", "c-a b"), NameConflation::kDecoding);
  EXPECT_EQ(ConflationBetween("c-p", "c-p-2"), NameConflation::kPrefix);
  EXPECT_EQ(ConflationBetween("c-p-2", "c-p"), NameConflation::kTruncation);
  const std::string head(40, 'x');
  EXPECT_EQ(ConflationBetween(head + "a", head + "b"), NameConflation::kNone) << "a shared head shows no cut";
  EXPECT_EQ(ConflationBetween("c-short-a", "c-short-b"), NameConflation::kNone);
  EXPECT_EQ(ConflationBetween("c-Cc", "c-cc"), NameConflation::kCase);
  EXPECT_EQ(ConflationBetween("c-\xC3\xA9", "c-e\xCC\x81"), NameConflation::kNormalization);
  EXPECT_EQ(ConflationBetween("c-\xF0\x9F\x98\x80", "c-?"), NameConflation::kNone);
  EXPECT_EQ(ConflationBetween("c-x0", "c-x1"), NameConflation::kNone);
  EXPECT_EQ(ConflationBetween("same", "same"), NameConflation::kNone);
}

// A run's names share a prefix as long as --run-id and --shard make it: how far two names agree
// decides nothing, what the server showed does.
TEST(NameRelations, ALongSharedPrefixDecidesNothing) {
  const std::string prefix = "conform-" + std::string(48, 'r') + "-explore-shard-1";
  EXPECT_EQ(ConflationBetween(prefix + "-Cc", prefix + "-cc"), NameConflation::kCase);
  EXPECT_EQ(ConflationBetween(prefix + "-\xC3\xA9", prefix + "-e\xCC\x81"), NameConflation::kNormalization);
  EXPECT_EQ(ConflationBetween(prefix + "-w ", prefix + "-w"), NameConflation::kWhitespace);
  EXPECT_EQ(ConflationBetween(prefix + "-x0", prefix + "-x1"), NameConflation::kNone);
  EXPECT_EQ(ConflationBetween(prefix + "-p-2", prefix + "-p"), NameConflation::kTruncation);
  EXPECT_EQ(ConflationFinding("s", prefix + "-Cc", prefix + "-cc").level, Level::kShould);
}

TEST(NameRelations, BugsAreMustAndOpenChoicesShould) {
  const Finding prefix = ConflationFinding("operation 2 (get)", "c-p", "c-p-2");
  EXPECT_EQ(prefix.level, Level::kMust);
  EXPECT_EQ(prefix.rule, "explore.name-prefix-matched");
  EXPECT_EQ(prefix.pointer, "/externalDatabaseConnection/name");
  EXPECT_EQ(prefix.expected, "\"c-p\"");
  EXPECT_EQ(prefix.actual, "\"c-p-2\"");
  EXPECT_EQ(ConflationFinding("s", "c-w ", "c-w").rule, "explore.name-whitespace-ignored");
  EXPECT_EQ(ConflationFinding("s", "c-%41", "c-A").rule, "explore.name-decoded-twice");
  EXPECT_EQ(ConflationFinding("s", "c-p-2", "c-p").rule, "explore.name-truncated");
  EXPECT_EQ(ConflationFinding("s", "c-\xF0\x9F\x98\x80", "c-?").rule, "explore.name-conflated");
  EXPECT_EQ(ConflationFinding("s", "c-\xF0\x9F\x98\x80", "c-?").level, Level::kMust);
  const Finding folded = ConflationFinding("s", "c-Cc", "c-cc");
  EXPECT_EQ(folded.rule, "explore.name-case-folded");
  EXPECT_EQ(folded.level, Level::kShould);
  const Finding normalized = ConflationFinding("s", "c-n\xCC\x83", "c-\xC3\xB1");
  EXPECT_EQ(normalized.rule, "explore.name-normalized");
  EXPECT_EQ(normalized.level, Level::kShould);
}

}  // namespace
}  // namespace conform
