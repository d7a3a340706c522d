// Which cases to take: conform run and conform list share these. Plain data, filled from the
// command line and the config file; case_loader.cc applies it.
#pragma once

#include <string>
#include <vector>

namespace conform {

struct Selection {
  std::string cases_dir;
  std::string filter;              // glob over case ids; empty = all
  std::vector<std::string> tags;   // a case must carry every one
  std::vector<std::string> excludes;      // globs over case ids: a case matching any is left out
  std::vector<std::string> exclude_tags;  // a case carrying any is left out
};

}  // namespace conform
