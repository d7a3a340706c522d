#include "text/percent.h"

#include <curl/curl.h>

namespace conform {

std::string UrlEncode(const std::string& text) {
  char* escaped = curl_easy_escape(nullptr, text.c_str(), static_cast<int>(text.size()));
  if (!escaped) return text;
  std::string out = escaped;
  curl_free(escaped);
  return out;
}

std::string PercentDecode(const std::string& text) {
  int length = 0;
  char* decoded = curl_easy_unescape(nullptr, text.c_str(), static_cast<int>(text.size()), &length);
  if (!decoded) return text;
  std::string out(decoded, static_cast<size_t>(length));
  curl_free(decoded);
  return out;
}

}  // namespace conform
