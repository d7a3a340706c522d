// The deliberately broken behaviours the mock can show (`conform mock --fault NAME`), so that a
// test can prove each checker catches the rule it guards. Pure data; no I/O.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace conform {

enum class Fault {
  kMergeFields,          // PUT keeps top-level fields the body left out
  kMergeConfiguration,   // PUT merges configuration keys instead of replacing the object
  kUpsert,               // PUT on an unknown name creates it
  kOkForUnknown,         // PUT on an unknown name answers 200 (creates nothing)
  kPlain404,             // 404 answers carry a non-standard body
  k500OnMalformed,       // malformed JSON answers 500
  kEchoWithoutStoring,   // PUT answers with the body but stores nothing
  kStaleResponse,        // PUT stores, but answers with the previous state
  kNoAuth,               // requests without Authorization are served
  kAnyToken,             // any Authorization value is accepted, even with --token
  kReadonlyWrites,       // the read-only token may create, update and delete
  kListWithoutAuth,      // list answers without Authorization (one call kind left open)
  kDeleteAnyToken,       // DELETE checks only that Authorization is present, not its value
  kRenameOnBodyName,     // a body name that differs from the path renames the connection
  kTextPlain,            // responses say Content-Type: text/plain
  kJsonLookAlike,        // responses say Content-Type: application/json_x (breaks only should-level checks)
  kNoDecode,             // path names are used without percent-decoding
  kPartialApply,         // an invalid PUT body is half applied before it is rejected
  k500OnInvalid,         // invalid bodies answer 500 instead of 400
  kDropArrays,           // arrays inside configuration are stored empty
  kBareErrors,           // error bodies carry a message but no details (breaks only should-level checks)
  kCreateAnswersEmpty,   // create stores the connection but answers 200 with {} (only setup sees it)
  kCreateAnswers201,     // create answers 201 instead of 200 (should-level)
  kCreateDropsConfiguration,  // create stores no configuration but answers with the body's
  kCreateWithoutName,    // a create without a name is accepted under a made-up name
  kShortNamesRejected,   // a one-character name is refused as too short
  kListWrongKey,         // list puts the connections under "connections", so it looks empty
  kListIgnoresLimit,     // list answers every connection whatever paging.limit says
  kListIgnoresOffset,    // list always answers the first page whatever paging.offset says
  kListBarePaging,       // pagingMetadata without count, offset and total (should-level)
  kListShowsDeleted,     // deleted connections stay in the list (a soft delete the list forgot)
  kStaleListView,        // the list shows each connection as it was when created (updates never reach it)
  kBareApplicationErrors,  // applicationError has a code but no description or data (should-level)
  kBareViolations,       // fieldViolations name the field but give no description or violatedRule (should-level)
  kViolationWrongField,  // fieldViolations name the parent object, not the field at fault (should-level)
  kGenericErrorCodes,    // every applicationError.code is "ERROR" (should-level)
  kDelete404Code,        // a 404 on DELETE says RESOURCE_NOT_FOUND, not NOT_FOUND (should-level)
  kTwoStepWrites,        // PUT writes endpoint, pauses, then writes configuration: concurrent PUTs mix
  kUnlockedCreate,       // create checks the name, pauses, then inserts: concurrent creates all win
  kUpdateResurrects,     // PUT reads, pauses, then writes back: a delete in the pause is undone
  // Storage bugs no shipped case meets, for exploration to find (mock/storage_faults.h):
  kTruncateLongStrings,  // configuration strings over 255 characters are cut to 255 (a VARCHAR(255))
  kDropDottedKeys,       // configuration keys holding '.' are dropped (a document store's field paths)
  kCutAtNul,             // strings end at a \u0000 (C strings)
  kDropNullsInArrays,    // nulls inside arrays are dropped
  kDedupeArrays,         // arrays are stored as sets: repeated values dropped
  kDepthLimit16,         // values nested deeper than 16 levels are stored as null
  kKeysLimit500,         // objects keep their first 500 keys
  kInt32Numbers,         // integers beyond 32 bits wrap around (an INT column)
  kRecreateKeepsOld,     // creating a deleted name revives the old connection (a soft delete)
  kBmpOnlyStrings,       // characters outside the Basic Multilingual Plane are stored as '?' (MySQL's utf8)
  kNoNameReuse,          // a deleted connection's name is refused on create (409): should-level, reuse is [I]
  kPrefixLookup,         // get, update and delete find a name by prefix: an unknown name reaches one starting with it
  kTrimNames,            // whitespace around names is trimmed on create and on lookup
  kCaseInsensitiveNames,  // names that differ only in ASCII case are one (should-level: the docs are silent)
  kNameBytesLimit,       // names are limited to 255 bytes, not 255 characters (a VARCHAR(255) of bytes)
  kInvalidUpdate404,     // an invalid update answers 404 NOT_FOUND, also for a connection that exists
  kAuth403,              // a call without a token or with a wrong one answers 403, not 401
  kPutBodyCache,         // a PUT whose body was seen before for its name is answered from a cache, and not stored
};

struct FaultInfo {
  Fault fault;
  const char* name;
  const char* what;
};

const std::vector<FaultInfo>& AllFaults();

// Parses a fault name; false if unknown.
bool ParseFault(const std::string& name, Fault* out);

using FaultSet = std::set<Fault>;

}  // namespace conform
