// A profile: the choices a server made where the contract leaves it free, each with the request
// and answer that showed it, and latency beside them as measurements. Built from a run of the
// probes (probes/*.json) as conform run sends cases; written and read as profile.json.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/case.h"
#include "profile/choice_reader.h"
#include "run/results.h"

namespace conform {

struct LatencyFigures {
  double p50_ms = 0;
  double p99_ms = 0;
  uint64_t count = 0;
};

struct Profile {
  std::string target;
  std::string taken;  // UTC, "YYYY-MM-DDTHH:MM:SS"
  std::vector<Choice> choices;                   // by id
  std::map<std::string, LatencyFigures> latency;  // per call kind: measurements, never choices
};

// The probes' choices read from the run that sent them; a probe the run did not report is a
// choice with a problem, never a missing row.
Profile BuildProfile(const std::vector<Case>& probes, const RunResult& run);

// What a run's cases happened to show where the contract is free (cases may read choices as
// probes do): the rows that could be read, the first case's reading of each id, and the statuses
// a retry recovered from. Shown in the run's reports, never judged.
std::vector<Choice> ObservedChoices(const std::vector<Case>& cases, const RunResult& run);

nlohmann::json ProfileToJson(const Profile& profile);
// false with "/pointer: what is wrong" when the document is no profile (checked against
// schemas/profile.schema.json before, so this only guards what a schema cannot say).
bool ProfileFromJson(const nlohmann::json& doc, Profile* out, std::string* err);

// The profile as a person reads it: one line per choice, then latency.
std::string ProfileTable(const Profile& profile);

}  // namespace conform
