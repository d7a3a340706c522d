// Content-Type as a media type: conformant spellings pass, look-alikes do not.
#include "check/media_type.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(MediaTypeTest, JsonWithAnyParametersAndCaseAndPlusJsonTypes) {
  for (const char* ok : {"application/json", "application/json; charset=utf-8", "Application/JSON", " application/json ;x=y",
                         "application/problem+json", "application/vnd.wix+json; v=1"}) {
    EXPECT_TRUE(IsJsonMediaType(ok)) << ok;
  }
}

TEST(MediaTypeTest, LookAlikesAreNotJson) {
  for (const char* not_json : {"application/json_x", "application/jsonp", "text/plain", "text/html; charset=utf-8", "",
                               "json", "application/", "/json", "application/+json"}) {
    EXPECT_FALSE(IsJsonMediaType(not_json)) << not_json;
  }
}

}  // namespace
}  // namespace conform
