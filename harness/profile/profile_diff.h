// Two profiles side by side: the choices that differ, with the evidence from each. Latency is
// shown beside them as a measurement and never makes two profiles differ. Pure.
#pragma once

#include <string>
#include <vector>

#include "profile/profile.h"

namespace conform {

struct ChoiceDifference {
  std::string id;
  std::string freedom;
  const Choice* a = nullptr;  // nullptr: not in A's profile
  const Choice* b = nullptr;
};

// The rows whose choices differ, by id; a row one profile lacks differs too. A choice that
// could not be read (a problem) differs from every value, and equals the same problem.
std::vector<ChoiceDifference> DiffProfiles(const Profile& a, const Profile& b);

// "2 of 16 choices differ between A and B:", each with both choices and their evidence, then
// latency side by side; or "no choice differs".
std::string DiffTable(const Profile& a, const Profile& b, const std::vector<ChoiceDifference>& differences);

}  // namespace conform
