#include "check/list_page.h"

#include "check/json_match.h"
#include "contract/connection_rules.h"

namespace conform {
namespace {

Finding Make(Level level, const Observed& o, std::string rule, std::string pointer, std::string message) {
  Finding f = MakeFinding(level, o.step, std::move(rule), std::move(message));
  f.pointer = std::move(pointer);
  return f;
}

// A whole, non-negative number of at most 9 digits, else nothing.
std::optional<long> Whole(const std::string& text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stol(text);
}

// A metadata number as a long (5 and 5.0 alike); nothing when absent, null or not whole.
std::optional<long> MetadataNumber(const nlohmann::json& metadata, const char* key) {
  auto it = metadata.find(key);
  if (it == metadata.end() || !it->is_number()) return std::nullopt;
  const double value = it->get<double>();
  if (value < 0 || value > 1e15 || value != static_cast<double>(static_cast<long>(value))) return std::nullopt;
  return static_cast<long>(value);
}

// An absent value reads as 0, as proto3 JSON writes a zero.
void Compare(const Observed& o, const char* key, std::optional<long> got, long want, std::vector<Finding>* out) {
  if (got.value_or(0) == want) return;
  const std::string rule = std::string("list.paging-") + key;
  Finding f = Make(Level::kShould, o, rule, std::string("/pagingMetadata/") + key,
                   std::string(key) == "count" ? "pagingMetadata.count is not the number of connections on the page"
                                               : "pagingMetadata.offset does not echo the paging.offset asked for");
  f.expected = std::to_string(want);
  f.actual = got ? std::to_string(*got) : "(absent)";
  out->push_back(f);
}

void CheckMetadata(const Observed& o, const PageRequest& asked, size_t shown, std::vector<Finding>* out) {
  const nlohmann::json& body = *o.body;
  auto it = body.find("pagingMetadata");
  if (it == body.end() || !it->is_object()) {
    Finding f = Make(Level::kShould, o, "list.paging-metadata", "/pagingMetadata", "the list answered without pagingMetadata");
    f.expected = "{count, offset, total}";
    f.actual = "(absent)";
    out->push_back(f);
    return;
  }
  const nlohmann::json& metadata = *it;
  Compare(o, "count", MetadataNumber(metadata, "count"), static_cast<long>(shown), out);
  Compare(o, "offset", MetadataNumber(metadata, "offset"), asked.offset, out);
  const std::optional<long> total = MetadataNumber(metadata, "total");
  const bool uncounted = metadata.value("tooManyToCount", nlohmann::json(false)) == true;
  const long seen = shown == 0 ? 0 : asked.offset + static_cast<long>(shown);
  // proto3's JSON leaves a zero out: a missing total reads as 0, which only an empty page allows.
  if ((total && *total >= seen) || (!total && (uncounted || seen == 0))) return;
  Finding f = Make(Level::kShould, o, "list.paging-total", "/pagingMetadata/total",
                   total ? "pagingMetadata.total is less than the connections the page shows" : "pagingMetadata.total is missing");
  f.expected = "at least " + std::to_string(seen);
  f.actual = total ? std::to_string(*total) : "(absent)";
  out->push_back(f);
}

}  // namespace

PageRequest PageRequestOf(const std::string& url) {
  PageRequest asked;
  const size_t query = url.find('?');
  if (query == std::string::npos) return asked;
  size_t start = query + 1;
  while (start <= url.size()) {
    size_t end = url.find('&', start);
    if (end == std::string::npos) end = url.size();
    const std::string pair = url.substr(start, end - start);
    const size_t eq = pair.find('=');
    const std::string key = pair.substr(0, eq), value = eq == std::string::npos ? "" : pair.substr(eq + 1);
    if (key == "paging.limit" || key == "paging%2Elimit") asked.limit = Whole(value);
    if (key == "paging.offset" || key == "paging%2Eoffset") asked.offset = Whole(value).value_or(0);
    start = end + 1;
  }
  return asked;
}

const nlohmann::json& ListedConnections(const nlohmann::json& body) {
  static const nlohmann::json kNone = nlohmann::json::array();
  if (!body.is_object()) return kNone;
  auto it = body.find("externalDatabaseConnections");
  return it != body.end() && it->is_array() ? *it : kNone;
}

std::vector<std::string> ListedNames(const nlohmann::json& body) {
  std::vector<std::string> names;
  for (const nlohmann::json& c : ListedConnections(body)) {
    if (!NameOf(c).empty()) names.push_back(NameOf(c));
  }
  return names;
}

bool ListEndsBy(const nlohmann::json& body, long next_offset) {
  if (!body.is_object()) return false;
  auto metadata = body.find("pagingMetadata");
  if (metadata == body.end() || !metadata->is_object()) return false;
  const std::optional<long> total = MetadataNumber(*metadata, "total");
  return total && next_offset >= *total;
}

void CheckListPage(const Observed& o, const PageRequest& asked, std::vector<Finding>* out) {
  if (o.response->status / 100 != 2 || !o.body || !o.body->is_object()) return;
  const size_t shown = ListedConnections(*o.body).size();
  if (asked.limit && shown > static_cast<size_t>(*asked.limit)) {
    Finding f = Make(Level::kMust, o, "list.limit", "/externalDatabaseConnections",
                     "the page holds more connections than paging.limit allows");
    f.expected = "at most " + std::to_string(*asked.limit);
    f.actual = std::to_string(shown);
    out->push_back(f);
  }
  CheckMetadata(o, asked, shown, out);
}

}  // namespace conform
