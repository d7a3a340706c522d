// The parts of an error body that the ERRORS guide lists, each checked on its own so the finding
// says which part is missing.
#include "check/error_details.h"

#include "check/json_match.h"
#include "contract/error_body.h"

namespace conform {
namespace {

Finding Should(const Observed& o, std::string rule, std::string pointer, std::string message) {
  Finding f = MakeFinding(Level::kShould, o.step, std::move(rule), std::move(message));
  f.pointer = std::move(pointer);
  return f;
}

const nlohmann::json* Member(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// Reports the keys of `object` (at `pointer`) that are absent. A null is there, only empty: the
// error types allow `data: null` [S], so it is not reported.
void RequireKeys(const Observed& o, const nlohmann::json& object, const std::string& pointer,
                 const std::vector<const char*>& keys, const std::string& rule, std::vector<Finding>* out) {
  std::string missing;
  for (const char* key : keys) {
    const nlohmann::json* value = Member(object, key);
    if (!value) missing += std::string(missing.empty() ? "" : ", ") + key;
  }
  if (missing.empty()) return;
  Finding f = Should(o, rule, pointer, "Wix's standard error lists " + missing + " here");
  f.expected = "present: " + missing;
  f.actual = Shorten(object);
  out->push_back(f);
}

void CheckViolations(const Observed& o, const nlohmann::json& validation, std::vector<Finding>* out) {
  const std::string base = "/details/validationError/fieldViolations";
  const nlohmann::json* list = Member(validation, "fieldViolations");
  if (!list || !list->is_array() || list->empty()) {
    Finding f = Should(o, "error.field-violation", base, "a validation error that names no field");
    f.expected = "at least one {field, description, violatedRule}";
    f.actual = list ? Shorten(*list) : "(absent)";
    out->push_back(f);
    return;
  }
  for (size_t i = 0; i < list->size(); ++i) {
    RequireKeys(o, (*list)[i], base + "/" + std::to_string(i), {"field", "description", "violatedRule"},
                "error.field-violation", out);
  }
}

void CheckCode(const Observed& o, const nlohmann::json& body, std::vector<Finding>* out) {
  const std::string want = CodeForStatus(o.response->status);
  if (want.empty()) return;
  const std::string got = ApplicationErrorCode(body);
  // 401 is "occasionally returned when you don't have permissions" (ERRORS [D]).
  // 401 is "occasionally" sent for missing permissions, and 409 also means "a conflicting state"
  // (ERRORS [D]), whose google.rpc code is ABORTED: a refused concurrent write, say.
  if (got == want || (o.response->status == 401 && got == "PERMISSION_DENIED") ||
      (o.response->status == 409 && got == "ABORTED")) {
    return;
  }
  Finding f = Should(o, "error.code", "/details/applicationError/code",
                     "the standard code for " + std::to_string(o.response->status) + " is " + want);
  f.expected = want;
  f.actual = got.empty() ? "(absent)" : got;
  out->push_back(f);
}

}  // namespace

std::string CodeForStatus(int status) {
  switch (status) {
    case 401: return "UNAUTHENTICATED";
    case 403: return "PERMISSION_DENIED";
    case 404: return "NOT_FOUND";
    case 409: return "ALREADY_EXISTS";
    default: return "";
  }
}

void CheckErrorDetails(const Observed& o, std::vector<Finding>* out) {
  const int status = o.response->status;
  if (status < 400 || status >= 500 || !o.body || !o.body->is_object()) return;
  const nlohmann::json* details = Member(*o.body, "details");
  const nlohmann::json* application = details ? Member(*details, "applicationError") : nullptr;
  const nlohmann::json* validation = details ? Member(*details, "validationError") : nullptr;
  if (application && application->is_object()) {
    RequireKeys(o, *application, "/details/applicationError", {"code", "description", "data"}, "error.application-error",
                out);
  } else if (validation && validation->is_object()) {
    CheckViolations(o, *validation, out);
  } else {
    Finding f = Should(o, "error.details", "/details", "the error says neither applicationError nor validationError");
    f.expected = "details.applicationError or details.validationError";
    f.actual = details ? Shorten(*details) : "(absent)";
    out->push_back(f);
    return;  // no details, so no code either: one finding says it
  }
  CheckCode(o, *o.body, out);
}

}  // namespace conform
