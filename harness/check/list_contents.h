// What a walk through the list's pages saw, and whether the case's own connections are where
// they should be: created ones listed, deleted ones not. Only names a case owns are judged,
// since a real site holds other connections. Pure.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/finding.h"
#include "load/case.h"

namespace conform {

// One of the caller's own connections as a list page showed it.
struct ListedConnection {
  nlohmann::json connection;
  int page = 0;      // 1: the first page walked
  size_t index = 0;  // its place on that page
};

// A walk from the first page, moving paging.offset by each page's length until a page is empty,
// pagingMetadata.total says the list ends, or a page repeats the one before (run/list_walker.h).
// A page shorter than paging.limit is not the end: a server may cap its pages.
struct ListWalk {
  std::set<std::string> names;  // every name on every page
  // The caller's own names as the list showed them (the first time each was seen): what the
  // list shows of them is judged too, and their bodies are on the pages already.
  std::map<std::string, ListedConnection> shown;
  int pages = 0;
  size_t connections = 0;       // entries seen, repeats included
  bool offset_ignored = false;  // a later page repeated the one before: paging.offset did not move it
  bool truncated = false;       // stopped at the page bound before the list ended
};

// Adds one page's names; false (and offset_ignored) when the page repeats `previous`.
bool AddPage(const std::vector<std::string>& page, const std::vector<std::string>& previous, ListWalk* walk);

// Keeps, of one page's connections (the walk's latest page), those named in `own`.
void KeepOwn(const nlohmann::json& connections, const std::set<std::string>& own, ListWalk* walk);

// list.missing for each of `listed` not seen, list.unexpected for each of `unlisted` seen, at
// `level`; list.offset (must) when the offset did not move the page. A truncated walk says
// nothing of missing names.
std::vector<Finding> JudgeListContents(const ListWalk& walk, const std::vector<std::string>& listed,
                                       const std::vector<std::string>& unlisted, Level level, const std::string& step);

}  // namespace conform
