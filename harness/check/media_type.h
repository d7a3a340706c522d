// Content-Type compared as a media type (RFC 9110 §8.3.1), not as a text prefix: parameters
// and case do not matter, and "application/json_x" is not JSON. Pure.
#pragma once

#include <string>

namespace conform {

// application/json, or any type whose subtype ends in +json (application/problem+json), with
// any parameters, in any case.
bool IsJsonMediaType(const std::string& content_type);

}  // namespace conform
