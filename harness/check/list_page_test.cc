// One list page both ways: what a conformant server may write differently passes (5.0 for 5,
// zeros left out as proto3 JSON does, total left out when too many to count, extra fields), and
// each rule catches its own break.
#include "check/list_page.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

std::vector<std::string> Rules(const std::string& body, PageRequest asked) {
  HttpResponse response;
  response.status = 200;
  response.body = body;
  std::vector<Finding> out;
  CheckListPage(Observe(CallKind::kList, "step 1 (list)", response), asked, &out);
  std::vector<std::string> rules;
  for (const Finding& f : out) rules.push_back(f.rule);
  return rules;
}

const std::string kTwo = R"("externalDatabaseConnections":[{"name":"a"},{"name":"b"}])";

TEST(ListPage, ReadsPagingFromTheUrl) {
  const PageRequest both = PageRequestOf("http://h/wix-data/v1/external-database-connections?paging.limit=2&paging.offset=4");
  EXPECT_EQ(both.limit, 2);
  EXPECT_EQ(both.offset, 4);
  const PageRequest none = PageRequestOf("http://h/wix-data/v1/external-database-connections");
  EXPECT_FALSE(none.limit);
  EXPECT_EQ(none.offset, 0);
  EXPECT_EQ(PageRequestOf("http://h/x?paging.offset=x&paging.limit=-1").offset, 0);
  EXPECT_FALSE(PageRequestOf("http://h/x?paging.limit=-1").limit);
  // Empty and over nine digits are no limit at all (never handed to std::stol).
  EXPECT_FALSE(PageRequestOf("http://h/x?paging.limit=").limit);
  EXPECT_FALSE(PageRequestOf("http://h/x?paging.limit=1234567890").limit);
  EXPECT_EQ(PageRequestOf("http://h/x?paging.limit=123456789").limit, 123456789);
}

TEST(ListPage, ConformantVariationsPass) {
  EXPECT_TRUE(Rules("{" + kTwo + R"(,"pagingMetadata":{"count":2,"offset":4,"total":6,"tooManyToCount":false}})", {2, 4}).empty());
  EXPECT_TRUE(Rules(R"({"pagingMetadata":{"total":9.0,"count":2.0,"offset":4.0,"hasNext":true},)" + kTwo + "}", {2, 4}).empty());
  // Zeros left out: offset 0 and an empty page.
  EXPECT_TRUE(Rules("{" + kTwo + R"(,"pagingMetadata":{"count":2,"total":2}})", {5, 0}).empty());
  EXPECT_TRUE(Rules(R"({"pagingMetadata":{"offset":7,"total":3}})", {5, 7}).empty());
  // Too many to count: no total.
  EXPECT_TRUE(Rules("{" + kTwo + R"(,"pagingMetadata":{"count":2,"tooManyToCount":true}})", {2, 0}).empty());
  // A page shorter than the limit (the server's own cap) is fine; no limit asked, no cap checked.
  EXPECT_TRUE(Rules("{" + kTwo + R"(,"pagingMetadata":{"count":2,"total":40}})", {100, 0}).empty());
  EXPECT_TRUE(Rules("{" + kTwo + R"(,"pagingMetadata":{"count":2,"total":2}})", {std::nullopt, 0}).empty());
}

TEST(ListPage, EachBreakHasItsRule) {
  EXPECT_EQ(Rules("{" + kTwo + R"(,"pagingMetadata":{"count":2,"total":2}})", {1, 0}), std::vector<std::string>{"list.limit"});
  EXPECT_EQ(Rules("{" + kTwo + "}", {2, 0}), std::vector<std::string>{"list.paging-metadata"});
  EXPECT_EQ(Rules("{" + kTwo + R"(,"pagingMetadata":{"total":2}})", {2, 0}), std::vector<std::string>{"list.paging-count"});
  EXPECT_EQ(Rules("{" + kTwo + R"(,"pagingMetadata":{"count":3,"total":2}})", {2, 0}), std::vector<std::string>{"list.paging-count"});
  EXPECT_EQ(Rules("{" + kTwo + R"(,"pagingMetadata":{"count":2,"total":9}})", {2, 4}), std::vector<std::string>{"list.paging-offset"});
  EXPECT_EQ(Rules("{" + kTwo + R"(,"pagingMetadata":{"count":2}})", {2, 0}), std::vector<std::string>{"list.paging-total"});
  EXPECT_EQ(Rules("{" + kTwo + R"(,"pagingMetadata":{"count":2,"offset":4,"total":5}})", {2, 4}),
            std::vector<std::string>{"list.paging-total"});
}

TEST(ListPage, NamesAndTheEndOfTheList) {
  const nlohmann::json body = nlohmann::json::parse(R"({"externalDatabaseConnections":[{"name":"a"},{"x":1},"odd",{"name":"b"}],
                                                        "pagingMetadata":{"total":4}})");
  EXPECT_EQ(ListedNames(body), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(ListedConnections(body).size(), 4u);
  EXPECT_TRUE(ListEndsBy(body, 4));
  EXPECT_FALSE(ListEndsBy(body, 3));
  EXPECT_FALSE(ListEndsBy(nlohmann::json::parse(R"({"connections":[]})"), 100));
  EXPECT_TRUE(ListedNames(nlohmann::json::parse(R"({"connections":[{"name":"a"}]})")).empty());
}

}  // namespace
}  // namespace conform
