#include "run/list_walker.h"

#include "check/list_page.h"
#include "run/request_builder.h"

namespace conform {

bool WalkList(const std::string& label, const HttpRequest& request, std::optional<nlohmann::json> first,
              const PageFetcher& fetch, const std::set<std::string>& own, ListWalk* walk) {
  long offset = PageRequestOf(request.url).offset;
  std::vector<std::string> page, previous;
  for (int number = 1;; ++number) {
    if (number > kMaxListPages) {
      walk->truncated = true;
      return true;
    }
    std::optional<nlohmann::json> body = number == 1 ? std::move(first) : std::nullopt;
    if (!body) {
      if (!fetch(label + " page " + std::to_string(number), ListPageRequest(request, offset), &body)) return false;
      if (!body) {
        walk->truncated = true;  // the page's own findings say why
        return true;
      }
    }
    previous = std::move(page);
    page = ListedNames(*body);
    if (!AddPage(page, previous, walk)) return true;
    KeepOwn(ListedConnections(*body), own, walk);
    const size_t shown = ListedConnections(*body).size();
    offset += static_cast<long>(shown);
    if (shown == 0 || ListEndsBy(*body, offset)) return true;
  }
}

}  // namespace conform
