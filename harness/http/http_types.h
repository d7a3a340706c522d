// Request and response as plain values, with libcurl's phase timings. No I/O.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace conform {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;
  std::string url;
  Headers headers;
  bool has_body = false;
  std::string body;
  long timeout_ms = 0;   // shorter bound for this request (the run's deadline); 0: the transport's
  bool cleanup = false;  // a cleanup DELETE: still sent after the run stopped (see RequestGate)
};

// Microseconds since the request started, as libcurl's CURLINFO_*_TIME_T report them.
struct PhaseTimings {
  int64_t dns_us = 0;
  int64_t connect_us = 0;
  int64_t tls_us = 0;
  int64_t first_byte_us = 0;
  int64_t total_us = 0;
};

// Why no HTTP answer arrived: the environment failed, not the contract.
enum class TransportError {
  kNone,
  kRefused,
  kResolve,
  kConnectTimeout,
  kTimeout,
  kReset,
  kTls,
  kTooLarge,
  kRedirect,
  kOther,
  kNotSent,  // conform itself held it back: the breaker opened, the deadline passed, a signal
  kRetryWaitTooLong,  // answered (status and headers kept), asking to wait longer than --max-retry-wait
};

const char* TransportErrorName(TransportError e);

struct HttpResponse {
  TransportError error = TransportError::kNone;
  std::string error_message;  // one line, names the URL
  int status = 0;
  Headers headers;
  std::string body;
  PhaseTimings timings;

  bool ok() const { return error == TransportError::kNone; }
  // Case-insensitive header lookup; empty if absent.
  std::string Header(const std::string& name) const;
};

}  // namespace conform
