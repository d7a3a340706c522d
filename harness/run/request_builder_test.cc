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

namespace conform {
namespace {

// Answers every request with one status.
class OneStatus : public Transport {
 public:
  explicit OneStatus(int status) : status_(status) {}
  HttpResponse Send(const HttpRequest&) override {
    HttpResponse r;
    r.status = status_;
    return r;
  }

 private:
  int status_;
};

// A server that will not take a name refuses its DELETE and its GET alike: nothing is left.
TEST(CleanupLeftNothingTest, ARefusedNameThatAGetConfirmsIsGone) {
  HttpRequest del = NameRequest("DELETE", "http://127.0.0.1:1", "n", Credentials{});
  HttpResponse answer;
  for (int refused : {400, 413, 422}) {
    answer.status = refused;
    OneStatus gone(404), also_refused(refused), still_there(200);
    EXPECT_TRUE(CleanupLeftNothing(gone, del, answer)) << refused;
    EXPECT_TRUE(CleanupLeftNothing(also_refused, del, answer)) << refused;
    EXPECT_FALSE(CleanupLeftNothing(still_there, del, answer)) << refused;
  }
  answer.status = 403;
  OneStatus gone(404);
  EXPECT_FALSE(CleanupLeftNothing(gone, del, answer)) << "a 403 is no refusal of the name";
}

}  // namespace
}  // namespace conform
