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
  kRenameOnBodyName,     // a body name that differs from the path renames the connection
  kTextPlain,            // responses say Content-Type: text/plain
  kJsonLookAlike,        // responses say Content-Type: application/json_x (breaks only should-level checks)
  kNoDecode,             // path names are used without percent-decoding
  kPartialApply,         // an invalid PUT body is half applied before it is rejected
  k500OnInvalid,         // invalid bodies answer 500 instead of 400
  kDropArrays,           // arrays inside configuration are stored empty
  kBareErrors,           // error bodies carry a message but no details (breaks only should-level checks)
  kCreateAnswersEmpty,   // create stores the connection but answers 200 with {} (only setup sees it)
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
