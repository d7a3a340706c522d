// The profile reader (conform profile --diff): any bytes as a profile file; what it accepts is
// printed as a table, written back and compared, as --diff does.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "load/json_file.h"
#include "profile/profile.h"
#include "profile/profile_diff.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Read as conform reads a file (load/json_file.h): nesting is bounded before anything recurses.
  nlohmann::json doc;
  std::string parse_err;
  if (!ParseJson(Text(data, size), "fuzz.json", &doc, &parse_err)) return 0;
  Profile profile;
  std::string err;
  if (!ProfileFromJson(doc, &profile, &err)) {
    Require(!err.empty(), "a refused profile says why");
    return 0;
  }
  ProfileTable(profile);
  Require(DiffProfiles(profile, profile).empty(), "a profile does not differ from itself");
  Profile back;
  Require(ProfileFromJson(ProfileToJson(profile), &back, &err), "a profile written is read back");
  Require(DiffProfiles(profile, back).empty(), "and means the same");
  DiffTable(profile, back, DiffProfiles(profile, Profile{}));
  return 0;
}
