// Percent coding (RFC 3986) of path segments and query values, by libcurl's escaping functions.
// Pure: no transfer is made.
#pragma once

#include <string>

namespace conform {

// Percent-encodes every byte but RFC 3986's unreserved ones (libcurl's curl_easy_escape).
std::string UrlEncode(const std::string& text);

// Percent-decodes with libcurl ('+' stays '+': a path, not a form); the text as it is if libcurl
// cannot.
std::string PercentDecode(const std::string& text);

}  // namespace conform
