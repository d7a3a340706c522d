// Declared and implicit checks on one response.
#include "check/expectations.h"

#include <algorithm>
#include <regex>

#include "check/error_details.h"
#include "check/json_match.h"
#include "check/media_type.h"
#include "text/json_text.h"
#include "text/utf8.h"

namespace conform {
namespace {

constexpr size_t kShownBodyChars = 80;  // of a body that is not JSON, in its finding

constexpr size_t kMaxSchemaFindings = 5;

Finding Make(Level level, const Observed& o, std::string rule, std::string message) {
  return MakeFinding(level, o.step, std::move(rule), std::move(message));
}

std::string StatusSet(const std::vector<StatusMatcher>& status) {
  std::string out;
  for (const StatusMatcher& m : status) out += (out.empty() ? "" : " or ") + m.ToString();
  return out;
}

void CheckStatus(const Expectation& e, Level level, const Observed& o, std::vector<Finding>* out) {
  if (e.status.empty()) return;
  const int status = o.response->status;
  if (std::any_of(e.status.begin(), e.status.end(), [&](const StatusMatcher& m) { return m.Matches(status); })) return;
  Finding f = Make(level, o, "status", "unexpected HTTP status");
  f.expected = StatusSet(e.status);
  f.actual = std::to_string(status);
  out->push_back(f);
}

const nlohmann::json* At(const nlohmann::json& doc, const std::string& pointer) {
  try {
    nlohmann::json::json_pointer p(pointer);
    return doc.contains(p) ? &doc.at(p) : nullptr;
  } catch (const nlohmann::json::exception&) {
    return nullptr;
  }
}

void CheckBody(const Expectation& e, Level level, const Observed& o, std::vector<Finding>* out) {
  const bool wants_body = e.json_subset || !e.pointers.empty() || !e.violations.empty();
  if (!o.body) {
    if (wants_body) out->push_back(Make(level, o, "body", "expected a JSON body, got none"));
    return;
  }
  const nlohmann::json& body = *o.body;
  if (e.json_subset) {
    if (auto m = FirstSubsetMismatch(*e.json_subset, body)) {
      Finding f = Make(level, o, "json", "body does not contain the expected JSON");
      f.pointer = m->pointer;
      f.expected = m->expected;
      f.actual = m->actual;
      out->push_back(f);
    }
  }
  for (const auto& [pointer, value] : e.pointers) {
    const nlohmann::json* found = At(body, pointer);
    if (found && *found == value) continue;
    Finding f = Make(level, o, "pointer", "value differs");
    f.pointer = pointer;
    f.expected = Shorten(value);
    f.actual = found ? Shorten(*found) : "(absent)";
    out->push_back(f);
  }
  for (const std::string& pointer : e.absent) {
    const nlohmann::json* found = At(body, pointer);
    if (!found || found->is_null()) continue;
    Finding f = Make(level, o, "absent", "should be absent");
    f.pointer = pointer;
    f.expected = "(absent)";
    f.actual = Shorten(*found);
    out->push_back(f);
  }
  // Field violations describe a validation error: judged on a 400 that carries one. Another 4xx
  // (a 404 for a name that cannot exist, say) is judged by the status the case prefers.
  const bool validation_error = o.response->status == 400 && At(body, "/details/validationError");
  for (const std::string& field : validation_error ? e.violations : std::vector<std::string>()) {
    const nlohmann::json* list = At(body, "/details/validationError/fieldViolations");
    bool named = list && list->is_array() && std::any_of(list->begin(), list->end(), [&](const nlohmann::json& v) {
      return v.is_object() && v.value("field", nlohmann::json()) == field;
    });
    if (named) continue;
    Finding f = Make(level, o, "violations", "details.validationError.fieldViolations does not name " + field);
    f.pointer = "/details/validationError/fieldViolations";
    f.expected = "a violation of " + field;
    f.actual = list ? Shorten(*list) : "(absent)";
    out->push_back(f);
  }
}

void CheckHeaders(const Expectation& e, Level level, const Observed& o, std::vector<Finding>* out) {
  for (const auto& [name, pattern] : e.headers) {
    const std::string value = o.response->Header(name);
    bool matches = false;
    try {
      matches = std::regex_search(value, std::regex(pattern, std::regex::icase | std::regex::ECMAScript));
    } catch (const std::regex_error&) {
      out->push_back(Make(Level::kMust, o, "header", "invalid regex for " + name + ": " + pattern));
      continue;
    }
    if (matches && !value.empty()) continue;
    Finding f = Make(level, o, "header", name + " header does not match");
    f.expected = "/" + pattern + "/";
    f.actual = value.empty() ? "(absent)" : value;
    out->push_back(f);
  }
}

void CheckSchema(const std::string& schema_name, Level level, const Observed& o, const SchemaRegistry& schemas,
                 std::vector<Finding>* out) {
  if (schema_name.empty() || !o.body) return;
  std::vector<Violation> violations = schemas.Validate(schema_name, *o.body);
  for (size_t i = 0; i < violations.size() && i < kMaxSchemaFindings; ++i) {
    Finding f = Make(level, o, "schema", "violates " + schema_name + ": " + violations[i].message);
    f.pointer = violations[i].pointer;
    out->push_back(f);
  }
}

}  // namespace

Observed Observe(CallKind call, const std::string& step, const HttpResponse& response) {
  Observed o;
  o.call = call;
  o.step = step;
  o.response = &response;
  if (!response.body.empty()) {
    JsonTextError error = JsonTextError::kNone;
    nlohmann::json parsed = ParseJsonText(response.body, &error);
    o.body_too_deep = error == JsonTextError::kTooDeep;
    if (!parsed.is_discarded()) {
      o.body = std::move(parsed);
      o.body_is_json = true;
    }
  }
  return o;
}

std::string DefaultSchemaFor(CallKind call, int status) {
  if (status >= 200 && status < 300) return std::string(CallKindName(call)) + ".response";
  if (status >= 400) return "error";
  return "";
}

void CheckResponse(const Observed& o, const SchemaRegistry& schemas, const std::string& schema_name, bool allow_5xx,
                   std::vector<Finding>* out) {
  const int status = o.response->status;
  if (status >= 500 && !allow_5xx) {
    Finding f = Make(Level::kMust, o, "server-error", "the server failed (5xx) on a request the contract covers");
    f.expected = "not 5xx";
    f.actual = std::to_string(status);
    out->push_back(f);
  }
  if (o.body_too_deep) {
    Finding f = Make(Level::kMust, o, "json-depth", "the response body " + TooDeepMessage() + "; conform reads no further");
    f.expected = "at most " + std::to_string(kMaxJsonDepth) + " levels";
    f.actual = "deeper (" + std::to_string(o.response->body.size()) + " bytes)";
    out->push_back(f);
    return;
  }
  if (!o.response->body.empty() && !o.body_is_json) {
    Finding f = Make(Level::kMust, o, "json-body", "response body is not JSON: " + JsonParseProblem(o.response->body));
    // Shortened with "..." as a whole body: findings are redacted after they are made, and only a
    // cut that ends in "..." tells the redactor where a secret's first part may be left.
    f.actual = Shorten(nlohmann::json(Utf8Prefix(o.response->body, 4 * kShownBodyChars)), kShownBodyChars);
    out->push_back(f);
    return;
  }
  if (o.response->body.empty() && status >= 200 && status < 300) {
    out->push_back(Make(Level::kMust, o, "json-body", "2xx response has an empty body (expected a JSON object)"));
    return;
  }
  if (o.response->body.empty() && status >= 400) {
    out->push_back(Make(Level::kMust, o, "error-shape", "error response has an empty body (expected Wix's standard error)"));
    return;
  }
  // Every example in the docs says application/json; a JSON body labelled otherwise is should-level.
  const std::string type = o.response->Header("Content-Type");
  if (!o.response->body.empty() && !IsJsonMediaType(type)) {
    Finding f = Make(Level::kShould, o, "media-type", "a JSON body labelled as something else");
    f.expected = "application/json (any parameters) or a +json type";
    f.actual = type.empty() ? "(no Content-Type)" : type;
    out->push_back(f);
  }
  const std::string name = schema_name.empty() ? DefaultSchemaFor(o.call, status) : schema_name;
  if (schemas.Has(name)) CheckSchema(name, Level::kMust, o, schemas, out);
  CheckErrorDetails(o, out);
}

void CheckExpectation(const Expectation& e, Level level, const Observed& o, const SchemaRegistry& schemas,
                      std::vector<Finding>* out) {
  CheckStatus(e, level, o, out);
  CheckBody(e, level, o, out);
  CheckHeaders(e, level, o, out);
  if (!e.schema.empty() && !schemas.Has(e.schema)) {
    out->push_back(Make(Level::kMust, o, "schema", "no schema named " + e.schema));
  }
}

}  // namespace conform
