#include "text/utf8.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(Utf8Test, CutsNeverSplitACharacter) {
  const std::string ete = "\xC3\xA9t\xC3\xA9";  // "été": 5 bytes, 3 characters
  EXPECT_EQ(Utf8Length(ete), 3u);
  EXPECT_EQ(Utf8Prefix(ete, 1), "");
  EXPECT_EQ(Utf8Prefix(ete, 2), "\xC3\xA9");
  EXPECT_EQ(Utf8Head(ete, 2), "\xC3\xA9t");
  EXPECT_TRUE(IsValidUtf8(ete));
  EXPECT_FALSE(IsValidUtf8("\xC3"));
}

TEST(Utf8Test, AsciiLowerLowersAsciiLettersOnly) {
  EXPECT_EQ(AsciiLower("Content-TYPE"), "content-type");
  EXPECT_EQ(AsciiLower("\xC3\x89t\xC3\xA9 Z"), "\xC3\x89t\xC3\xA9 z");  // "Été": UTF-8 bytes untouched
}

}  // namespace
}  // namespace conform
