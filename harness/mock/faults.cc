// Names and descriptions of the mock's faults.
#include "mock/faults.h"

namespace conform {

const std::vector<FaultInfo>& AllFaults() {
  static const std::vector<FaultInfo> kFaults = {
      {Fault::kMergeFields, "merge-fields", "PUT keeps top-level fields the body left out"},
      {Fault::kMergeConfiguration, "merge-configuration", "PUT merges configuration keys instead of replacing"},
      {Fault::kUpsert, "upsert", "PUT on an unknown name creates it"},
      {Fault::kOkForUnknown, "ok-for-unknown", "PUT on an unknown name answers 200 without creating"},
      {Fault::kPlain404, "plain-404", "404 answers carry a non-standard body"},
      {Fault::k500OnMalformed, "500-on-malformed", "malformed JSON answers 500"},
      {Fault::kEchoWithoutStoring, "echo-without-storing", "PUT echoes the body but stores nothing"},
      {Fault::kStaleResponse, "stale-response", "PUT stores, but answers with the previous state"},
      {Fault::kNoAuth, "no-auth", "requests without Authorization are served"},
      {Fault::kAnyToken, "any-token", "any Authorization value is accepted"},
      {Fault::kReadonlyWrites, "readonly-writes", "the read-only token may create, update and delete"},
      {Fault::kRenameOnBodyName, "rename-on-body-name", "a body name that differs from the path renames"},
      {Fault::kTextPlain, "text-plain", "responses say Content-Type: text/plain"},
      {Fault::kCreateAnswersEmpty, "create-answers-empty", "create stores the connection but answers 200 with {}"},
      {Fault::kJsonLookAlike, "json-look-alike", "responses say Content-Type: application/json_x (should-level)"},
      {Fault::kNoDecode, "no-decode", "path names are not percent-decoded"},
      {Fault::kPartialApply, "partial-apply", "an invalid PUT body is half applied before rejection"},
      {Fault::k500OnInvalid, "500-on-invalid", "invalid bodies answer 500 instead of 400"},
      {Fault::kDropArrays, "drop-arrays", "arrays inside configuration are stored empty"},
      {Fault::kBareErrors, "bare-errors", "error bodies carry a message but no details (should-level only)"},
  };
  return kFaults;
}

bool ParseFault(const std::string& name, Fault* out) {
  for (const FaultInfo& info : AllFaults()) {
    if (name == info.name) {
      *out = info.fault;
      return true;
    }
  }
  return false;
}

}  // namespace conform
