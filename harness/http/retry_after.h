// When to send a request again after the server asked us to back off (429, 503), and how long
// to wait first. Shared by every sender: the case runner, cleanup, `conform cleanup`, the load loop.
#pragma once

#include <cstdint>

#include "http/http_types.h"

namespace conform {

// 429 Too Many Requests and 503 Service Unavailable are worth repeating; nothing else is.
bool IsRetryableStatus(int status);

// How long the answer's Retry-After asks to wait (seconds or an HTTP date, RFC 9110 10.2.3);
// -1 when it asks nothing readable.
int64_t RetryAfterUs(const HttpResponse& response);

// How long to wait before retry number attempt + 1: Retry-After in seconds or as an HTTP date
// (RFC 9110 10.2.3), else exponential backoff from 0.5 s; never more than max_wait_us.
int64_t RetryDelayUs(const HttpResponse& response, int attempt, int64_t max_wait_us);

}  // namespace conform
