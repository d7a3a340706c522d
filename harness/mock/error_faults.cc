#include "mock/error_faults.h"

namespace conform {
namespace {

nlohmann::json* Find(nlohmann::json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

void BendApplicationError(const FaultSet& faults, const std::string& method, int status, nlohmann::json* error) {
  if (faults.count(Fault::kBareApplicationErrors)) {
    error->erase("description");
    error->erase("data");
  }
  if (faults.count(Fault::kGenericErrorCodes)) (*error)["code"] = "ERROR";
  if (faults.count(Fault::kDelete404Code) && method == "DELETE" && status == 404) (*error)["code"] = "RESOURCE_NOT_FOUND";
}

void BendViolations(const FaultSet& faults, nlohmann::json* violations) {
  if (!violations->is_array()) return;
  for (nlohmann::json& v : *violations) {
    if (faults.count(Fault::kBareViolations)) {
      v.erase("description");
      v.erase("violatedRule");
    }
    if (faults.count(Fault::kViolationWrongField)) v["field"] = "externalDatabaseConnection";
  }
}

}  // namespace

void BendErrorBody(const FaultSet& faults, const std::string& method, Reply* reply) {
  if (reply->status < 400) return;
  if (reply->status == 404 && faults.count(Fault::kPlain404)) {
    reply->body = {{"error", "not found"}};
    return;
  }
  if (faults.count(Fault::kBareErrors)) {
    reply->body.erase("details");
    return;
  }
  nlohmann::json* details = Find(reply->body, "details");
  if (!details) return;
  if (nlohmann::json* error = Find(*details, "applicationError")) BendApplicationError(faults, method, reply->status, error);
  if (nlohmann::json* validation = Find(*details, "validationError")) {
    if (nlohmann::json* violations = Find(*validation, "fieldViolations")) BendViolations(faults, violations);
  }
}

}  // namespace conform
