#include "check/list_contents.h"

#include "contract/connection_rules.h"

namespace conform {
namespace {

Finding Make(Level level, const std::string& step, std::string rule, std::string message) {
  Finding f = MakeFinding(level, step, std::move(rule), std::move(message));
  f.pointer = "/externalDatabaseConnections";
  return f;
}

std::string Seen(const ListWalk& walk) {
  return std::to_string(walk.connections) + " connection" + (walk.connections == 1 ? "" : "s") + " on " +
         std::to_string(walk.pages) + " page" + (walk.pages == 1 ? "" : "s");
}

}  // namespace

bool AddPage(const std::vector<std::string>& page, const std::vector<std::string>& previous, ListWalk* walk) {
  if (!page.empty() && page == previous) {
    walk->offset_ignored = true;
    return false;
  }
  ++walk->pages;
  walk->connections += page.size();
  walk->names.insert(page.begin(), page.end());
  return true;
}

void KeepOwn(const nlohmann::json& connections, const std::set<std::string>& own, ListWalk* walk) {
  if (own.empty() || !connections.is_array()) return;
  for (size_t i = 0; i < connections.size(); ++i) {
    const std::string name = NameOf(connections[i]);
    if (own.count(name) && !walk->shown.count(name)) walk->shown[name] = {connections[i], walk->pages, i};
  }
}

std::vector<Finding> JudgeListContents(const ListWalk& walk, const std::vector<std::string>& listed,
                                       const std::vector<std::string>& unlisted, Level level, const std::string& step) {
  std::vector<Finding> out;
  if (walk.offset_ignored) {
    Finding f = Make(Level::kMust, step, "list.offset", "paging.offset did not move the page: the next page repeated it");
    f.expected = "the page after " + std::to_string(walk.pages) + " to differ";
    f.actual = "the same connections again";
    out.push_back(f);
  }
  if (!walk.truncated) {
    for (const std::string& name : listed) {
      if (walk.names.count(name)) continue;
      Finding f = Make(level, step, "list.missing", "a connection this case created is not in the list");
      f.expected = "\"" + name + "\" listed";
      f.actual = "not among " + Seen(walk);
      out.push_back(f);
    }
  }
  for (const std::string& name : unlisted) {
    if (!walk.names.count(name)) continue;
    Finding f = Make(level, step, "list.unexpected", "a connection this case deleted is still in the list");
    f.expected = "\"" + name + "\" not listed";
    f.actual = "listed among " + Seen(walk);
    out.push_back(f);
  }
  return out;
}

}  // namespace conform
