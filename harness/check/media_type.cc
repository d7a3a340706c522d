#include "check/media_type.h"

#include <algorithm>

#include "text/utf8.h"

namespace conform {

bool IsJsonMediaType(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  const auto space = [](unsigned char c) { return c == ' ' || c == '\t'; };
  while (!type.empty() && space(type.back())) type.pop_back();
  type.erase(type.begin(), std::find_if(type.begin(), type.end(), [&](unsigned char c) { return !space(c); }));
  type = AsciiLower(type);
  const size_t slash = type.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == type.size()) return false;
  const std::string subtype = type.substr(slash + 1);
  const std::string suffix = "+json";
  return type == "application/json" ||
         (subtype.size() > suffix.size() && subtype.compare(subtype.size() - suffix.size(), suffix.size(), suffix) == 0);
}

}  // namespace conform
