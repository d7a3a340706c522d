// The one walk through the list's pages, for the cases and for exploration: from the page asked
// for, moving paging.offset by each page's length, until an empty page, pagingMetadata.total or
// kMaxListPages. A page that repeats the one before means the offset was ignored (found at the
// second page). The caller fetches each page (sends, checks and records it); the walk decides
// what comes next.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "check/list_contents.h"
#include "http/http_types.h"

namespace conform {

// 100 pages of a site's connections is far more than a site holds, and bounds the requests a
// list with a broken offset can cost.
constexpr int kMaxListPages = 100;

// Fetches one page: false when no usable answer came (the walk stops, and so does its caller);
// *body stays empty when the answer was not a 2xx JSON body (the walk ends, truncated).
using PageFetcher =
    std::function<bool(const std::string& step, const HttpRequest& page, std::optional<nlohmann::json>* body)>;

// Walks from `first` (the answer to `request`, when the caller already has it; else fetched),
// keeping the connections of the `own` names in walk->shown. false only when fetch said so.
bool WalkList(const std::string& label, const HttpRequest& request, std::optional<nlohmann::json> first,
              const PageFetcher& fetch, const std::set<std::string>& own, ListWalk* walk);

}  // namespace conform
