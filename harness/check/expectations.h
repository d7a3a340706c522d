// Evaluates a step's declared expectations, and the checks every response gets whether or not
// a case asks (JSON body, schema for the call and status, no 5xx). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/finding.h"
#include "http/http_types.h"
#include "load/case.h"
#include "load/schema_registry.h"

namespace conform {

// A response as the checks see it: the HTTP answer and its body parsed, if it was JSON.
struct Observed {
  CallKind call = CallKind::kGet;
  std::string step;  // label used in findings
  const HttpResponse* response = nullptr;
  std::optional<nlohmann::json> body;
  bool body_is_json = false;
  bool body_too_deep = false;  // JSON nested beyond kMaxJsonDepth: not parsed
};

// Parses the body (empty -> no body, not an error).
Observed Observe(CallKind call, const std::string& step, const HttpResponse& response);

// The schema a response is validated against by default: "<call>.response" for 2xx, "error" for
// 4xx/5xx, "" otherwise.
std::string DefaultSchemaFor(CallKind call, int status);

// Checks every response gets: a body that is JSON, valid against schema_name (or the default),
// and not a 5xx unless allow_5xx (must); a JSON body labelled as JSON by Content-Type, and a 4xx
// body with the standard error's details (check/error_details.h) (should).
void CheckResponse(const Observed& o, const SchemaRegistry& schemas, const std::string& schema_name, bool allow_5xx,
                   std::vector<Finding>* out);

// Checks one declared expectation at the given level. Its values must already be expanded.
void CheckExpectation(const Expectation& e, Level level, const Observed& o, const SchemaRegistry& schemas,
                      std::vector<Finding>* out);

}  // namespace conform
