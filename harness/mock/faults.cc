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
      {Fault::kCreateAnswers201, "create-answers-201", "create answers 201 instead of 200 (should-level)"},
      {Fault::kCreateDropsConfiguration, "create-drops-configuration", "create stores no configuration but answers with it"},
      {Fault::kCreateWithoutName, "create-without-name", "a create without a name is accepted under a made-up name"},
      {Fault::kShortNamesRejected, "short-names-rejected", "a one-character name is refused as too short"},
      {Fault::kListWrongKey, "list-wrong-key", "list puts the connections under \"connections\""},
      {Fault::kListIgnoresLimit, "list-ignores-limit", "list answers every connection whatever paging.limit says"},
      {Fault::kListIgnoresOffset, "list-ignores-offset", "list answers the first page whatever paging.offset says"},
      {Fault::kListBarePaging, "list-bare-paging", "pagingMetadata without count, offset and total (should-level)"},
      {Fault::kListShowsDeleted, "list-shows-deleted", "deleted connections stay in the list"},
      {Fault::kStaleListView, "stale-list-view", "the list shows each connection as it was when created"},
      {Fault::kBareApplicationErrors, "bare-application-errors", "applicationError without description and data (should-level)"},
      {Fault::kBareViolations, "bare-violations", "fieldViolations without description and violatedRule (should-level)"},
      {Fault::kViolationWrongField, "violation-wrong-field", "fieldViolations name the parent object, not the field (should-level)"},
      {Fault::kGenericErrorCodes, "generic-error-codes", "every applicationError.code is ERROR (should-level)"},
      {Fault::kDelete404Code, "delete-404-code", "a 404 on DELETE says RESOURCE_NOT_FOUND (should-level)"},
      {Fault::kTwoStepWrites, "two-step-writes", "PUT writes endpoint, pauses, then configuration (concurrent PUTs mix)"},
      {Fault::kUnlockedCreate, "unlocked-create", "create checks the name, pauses, then inserts (concurrent creates all win)"},
      {Fault::kUpdateResurrects, "update-resurrects", "PUT reads, pauses, then writes back (a racing delete is undone)"},
      {Fault::kTruncateLongStrings, "truncate-long-strings", "configuration strings over 255 characters are cut to 255 (exploration)"},
      {Fault::kDropDottedKeys, "drop-dotted-keys", "configuration keys holding '.' are dropped (exploration)"},
      {Fault::kCutAtNul, "cut-at-nul", "strings end at a \\u0000 (exploration)"},
      {Fault::kDropNullsInArrays, "drop-nulls-in-arrays", "nulls inside arrays are dropped (exploration)"},
      {Fault::kDedupeArrays, "dedupe-arrays", "arrays are stored as sets, repeated values dropped (exploration)"},
      {Fault::kDepthLimit16, "depth-limit-16", "values nested deeper than 16 levels are stored as null (exploration)"},
      {Fault::kKeysLimit500, "keys-limit-500", "objects keep their first 500 keys (exploration)"},
      {Fault::kInt32Numbers, "int32-numbers", "integers beyond 32 bits wrap around (exploration)"},
      {Fault::kRecreateKeepsOld, "recreate-keeps-old", "creating a deleted name revives the old connection (exploration)"},
      {Fault::kNoNameReuse, "no-name-reuse", "a deleted connection's name is refused on create, 409 (should-level, exploration)"},
      {Fault::kListWithoutAuth, "list-without-auth", "list answers without Authorization (one call kind left open)"},
      {Fault::kDeleteAnyToken, "delete-any-token", "DELETE checks only that Authorization is present, not its value"},
      {Fault::kBmpOnlyStrings, "bmp-only-strings", "characters outside the Basic Multilingual Plane are stored as '?' (MySQL's utf8)"},
      {Fault::kPrefixLookup, "prefix-lookup", "get, update and delete find names by prefix: an unknown name reaches a stored one starting with it (exploration)"},
      {Fault::kTrimNames, "trim-names", "whitespace around names is trimmed on create and on lookup (exploration)"},
      {Fault::kCaseInsensitiveNames, "case-insensitive-names", "names that differ only in letter case are one connection (should-level, exploration)"},
      {Fault::kNameBytesLimit, "name-bytes-limit", "names are limited to 255 bytes, not 255 characters: 255 two-byte letters are refused 400"},
      {Fault::kInvalidUpdate404, "invalid-update-404", "an invalid update answers 404 NOT_FOUND, also for a connection that exists"},
      {Fault::kAuth403, "auth-403", "a call without a token or with a wrong one answers 403 PERMISSION_DENIED, not 401"},
      {Fault::kPutBodyCache, "put-body-cache",
       "a PUT whose body was seen before for its name answers 200 from a cache and stores nothing (write X, Y, X: "
       "Y stays)"},
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
