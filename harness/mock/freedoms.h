// The semantic freedoms a real, conformant server may take where the contract is silent or
// leaves a choice (`conform mock --variant NAME`): what it refuses, in which order it checks, how
// it stores numbers, which defaults it leaves out of an answer, what it adds of its own. Unlike
// wire styles (mock/wire_style.h) they change what is answered, not how it is written. A checker
// that flags any of these is wrong. Pure data; the effects live in mock/freedom_effects.h.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace conform {

// A body this large is far above anything conform sends (exploration's largest, with its 256 KB
// value class, stays under 400 KB) and far below what would strain the mock.
constexpr size_t kValidateFirstBodyLimit = 512 * 1024;
// transient-503 answers every Nth request with 503: often enough to meet every call kind.
constexpr int kTransientEvery = 7;

struct Freedoms {
  // An update body without externalDatabaseConnection.name is 400, as the docs require it; a
  // server may instead apply it to the path's name (body-name-optional).
  bool requires_body_name = true;
  // Bodies are judged before names are looked up: over max_body_bytes is 413, configuration keys
  // starting with '$' or holding '.' are 400, on create and update, known name or not.
  bool validate_first = false;
  size_t max_body_bytes = kValidateFirstBodyLimit;
  int unavailable_every = 0;        // every Nth request answers 503 with a Retry-After date (0: never)
  bool double_numbers = false;      // configuration numbers stored as IEEE doubles (a protobuf Struct)
  bool proto3_omissions = false;    // answers leave out proto3 defaults ([], false, 0, "") outside configuration
  bool moving_revision = false;     // revision, _createdDate and _updatedDate, moved by every write
  bool lowercase_headers = false;   // header names in lower case; application/json;charset=UTF-8
};

// The variant names and what each does, for --help and docs/mock.md.
const std::vector<std::pair<std::string, std::string>>& FreedomVariants();
// Turns on the freedom `name`; false if unknown.
bool ApplyFreedom(const std::string& name, Freedoms* freedoms);

}  // namespace conform
