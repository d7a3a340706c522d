// Names and descriptions of the mock's semantic freedoms.
#include "mock/freedoms.h"

namespace conform {

const std::vector<std::pair<std::string, std::string>>& FreedomVariants() {
  static const std::vector<std::pair<std::string, std::string>> kVariants = {
      {"body-name-optional", "an update body without externalDatabaseConnection.name is applied to the path's name (the docs "
                             "mark the name required, and the plain mock refuses it 400)"},
      {"validate-first", "bodies judged before names are looked up: over 512 KB is 413, configuration keys starting with $ "
                         "or holding . are 400, on create and update, known name or not; a name it cannot hold (over 255 "
                         "characters) is 400 on get and delete too"},
      {"transient-503", "every 7th request answers 503, doing nothing, with Retry-After an HTTP date a second ahead (--retry-after)"},
      {"double-numbers", "configuration numbers stored as IEEE doubles (a protobuf Struct): integers beyond 2^53 come back rounded"},
      {"proto3-omissions", "answers leave out proto3 defaults ([], false, 0, \"\") outside configuration, also in the list"},
      {"moving-revision", "connections carry revision, _createdDate and _updatedDate, moved by every write"},
      {"lowercase-headers", "header names in lower case and Content-Type: application/json;charset=UTF-8 (never compressed)"},
  };
  return kVariants;
}

bool ApplyFreedom(const std::string& name, Freedoms* freedoms) {
  if (name == "body-name-optional") freedoms->requires_body_name = false;
  else if (name == "validate-first") freedoms->validate_first = true;
  else if (name == "transient-503") freedoms->unavailable_every = kTransientEvery;
  else if (name == "double-numbers") freedoms->double_numbers = true;
  else if (name == "proto3-omissions") freedoms->proto3_omissions = true;
  else if (name == "moving-revision") freedoms->moving_revision = true;
  else if (name == "lowercase-headers") freedoms->lowercase_headers = true;
  else return false;
  return true;
}

}  // namespace conform
