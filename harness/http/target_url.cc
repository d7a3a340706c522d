// Target URL checks.
#include "http/target_url.h"

namespace conform {

bool NormaliseTarget(const std::string& raw, std::string* out, std::string* err) {
  std::string url = raw;
  while (!url.empty() && url.back() == '/') url.pop_back();
  const bool scheme_ok = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  const size_t host_start = url.find("://") + 3;
  if (!scheme_ok || url.size() <= host_start || url.find_first_of(" \t\r\n?#") != std::string::npos ||
      HostOf(url).empty()) {
    *err = "--target " + raw + ": expected a base URL like http://127.0.0.1:8080 or https://www.wixapis.com";
    return false;
  }
  // The most common mistake: the API's path pasted into the base URL. conform appends it itself.
  if (const size_t api = url.find("/wix-data/v1/external-database-connections"); api != std::string::npos) {
    *err = "--target " + raw + ": that is the API's path, not its base URL; conform adds the path itself. Use --target " +
           url.substr(0, api);
    return false;
  }
  *out = url;
  return true;
}

std::string HostOf(const std::string& url) {
  size_t start = url.find("://");
  if (start == std::string::npos) return "";
  start += 3;
  const size_t at = url.find('@', start);
  const size_t slash = url.find('/', start);
  if (at != std::string::npos && (slash == std::string::npos || at < slash)) start = at + 1;
  if (start < url.size() && url[start] == '[') {
    const size_t close = url.find(']', start);
    return close == std::string::npos ? "" : url.substr(start + 1, close - start - 1);
  }
  const size_t end = url.find_first_of(":/", start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

bool IsLoopbackTarget(const std::string& url) {
  const std::string host = HostOf(url);
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace conform
