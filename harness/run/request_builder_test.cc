// The list walk's next-page request keeps everything of the step's request but the offset.
#include "run/request_builder.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(ListPageRequest, ReplacesOrAddsTheOffsetOnly) {
  HttpRequest first;
  first.method = "GET";
  first.url = "http://h/wix-data/v1/external-database-connections?paging.limit=2&paging.offset=4&x=1";
  first.headers = {{"Authorization", "T"}};
  const HttpRequest next = ListPageRequest(first, 6);
  EXPECT_EQ(next.url, "http://h/wix-data/v1/external-database-connections?paging.limit=2&x=1&paging.offset=6");
  EXPECT_EQ(next.headers, first.headers);
  EXPECT_EQ(next.method, "GET");

  first.url = "http://h/wix-data/v1/external-database-connections";
  EXPECT_EQ(ListPageRequest(first, 50).url, "http://h/wix-data/v1/external-database-connections?paging.offset=50");
}

}  // namespace
}  // namespace conform
