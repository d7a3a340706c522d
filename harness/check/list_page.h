// One page of the list, as the contract describes it (docs/contract.md §1): at most
// paging.limit connections (must: the parameter is documented), and pagingMetadata whose count
// is the page's length, whose offset echoes the request and whose total covers what was seen
// (should: read from Wix's SDK, absent from the docs' example). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/expectations.h"
#include "check/finding.h"

namespace conform {

// The paging a list request asked for.
struct PageRequest {
  std::optional<long> limit;  // none: the server's default page
  long offset = 0;
};

// paging.limit and paging.offset from a request URL's query (absent or unreadable: defaults).
PageRequest PageRequestOf(const std::string& url);

// The connections of a list body (externalDatabaseConnections; none when absent), and their names.
const nlohmann::json& ListedConnections(const nlohmann::json& body);
std::vector<std::string> ListedNames(const nlohmann::json& body);

// pagingMetadata.total says the list ends before `next_offset` (false when it says nothing).
bool ListEndsBy(const nlohmann::json& body, long next_offset);

// A 2xx list answer against the paging it was asked for. proto3 JSON leaves out zeros, so an
// absent offset answers offset 0 and an absent count answers an empty page; total may be
// absent when tooManyToCount is true. Rules list.limit (must), list.paging-metadata,
// list.paging-count, list.paging-offset, list.paging-total (should).
void CheckListPage(const Observed& o, const PageRequest& asked, std::vector<Finding>* out);

}  // namespace conform
