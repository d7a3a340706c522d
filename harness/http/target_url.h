// What conform needs to know about a target URL before sending anything. Pure.
#pragma once

#include <string>

namespace conform {

// A base URL conform can append paths to: http(s)://host[:port][/prefix], no trailing slash.
// false with a one-line *err naming the flag and the value otherwise; a URL that already holds
// the API's path (/wix-data/v1/external-database-connections) is refused with the corrected one.
bool NormaliseTarget(const std::string& raw, std::string* out, std::string* err);

// The host part of a normalised URL ("127.0.0.1", "::1", "www.wixapis.com").
std::string HostOf(const std::string& url);

// localhost, 127.0.0.0/8 or ::1: a target that is this machine.
bool IsLoopbackTarget(const std::string& url);

}  // namespace conform
