#include "http/retry_after.h"

#include <curl/curl.h>

#include <algorithm>
#include <ctime>
#include <string>

namespace conform {

bool IsRetryableStatus(int status) { return status == 429 || status == 503; }

int64_t RetryAfterUs(const HttpResponse& response) {
  const std::string after = response.Header("Retry-After");
  if (after.empty()) return -1;
  if (after.size() < 10 && after.find_first_not_of("0123456789") == std::string::npos) return std::stoll(after) * 1'000'000;
  const time_t when = curl_getdate(after.c_str(), nullptr);  // HTTP-date; -1 when it is none
  if (when < 0) return -1;
  return std::max<int64_t>(0, static_cast<int64_t>(when - std::time(nullptr))) * 1'000'000;
}

int64_t RetryDelayUs(const HttpResponse& response, int attempt, int64_t max_wait_us) {
  const int64_t asked = RetryAfterUs(response);
  const int64_t delay = asked >= 0 ? asked : 500'000LL << std::clamp(attempt, 0, 5);  // bounded exponential backoff
  return std::clamp<int64_t>(delay, 0, max_wait_us);
}

}  // namespace conform
