// Helpers of the HTTP value types.
#include "http/http_types.h"

#include <strings.h>

namespace conform {

const char* TransportErrorName(TransportError e) {
  switch (e) {
    case TransportError::kNone: return "none";
    case TransportError::kRefused: return "connection-refused";
    case TransportError::kResolve: return "dns-failure";
    case TransportError::kConnectTimeout: return "connect-timeout";
    case TransportError::kTimeout: return "response-timeout";
    case TransportError::kReset: return "connection-reset";
    case TransportError::kTls: return "tls-failure";
    case TransportError::kTooLarge: return "body-too-large";
    case TransportError::kRedirect: return "redirect";
    case TransportError::kOther: return "transport-error";
    case TransportError::kNotSent: return "not-sent";
    case TransportError::kRetryWaitTooLong: return "retry-after-too-long";
  }
  return "transport-error";
}

std::string HttpResponse::Header(const std::string& name) const {
  for (const auto& header : headers) {
    if (strcasecmp(header.first.c_str(), name.c_str()) == 0) return header.second;
  }
  return "";
}

}  // namespace conform
