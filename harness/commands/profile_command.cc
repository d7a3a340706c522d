#include "commands/profile_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/exit_codes.h"
#include "commands/run_command.h"
#include "load/case_loader.h"
#include "load/json_file.h"
#include "load/schema_registry.h"
#include "profile/profile.h"
#include "profile/profile_diff.h"
#include "report/report_files.h"
#include "text/json_text.h"

namespace conform {
namespace {

namespace fs = std::filesystem;

// The probes run as cases do, with what the profile's own flags say and nothing from a
// conform.json in the working folder (it would name another target, another pace).
RunOptions ProbeRun(const ProfileOptions& o, const std::string& target, const std::string& token,
                    const std::string& reports_dir) {
  RunOptions run;
  run.selection.cases_dir = o.probes_dir;
  run.schemas_dir = o.schemas_dir;
  run.target = target;
  run.token = token;
  run.site_id = o.site_id;
  run.account_id = o.account_id;
  run.rate = o.rate;
  run.cacert = o.cacert;
  run.insecure = o.insecure;
  run.allow_mutations = o.allow_mutations;
  run.timeout_ms = o.timeout_ms;
  run.max_retries = o.max_retries;
  run.deadline = o.deadline;
  run.explore = 0;
  run.quiet = true;
  run.silent = o.quiet;
  run.progress = "off";
  run.junit_path = (fs::path(reports_dir) / "junit.xml").string();
  run.json_path = (fs::path(reports_dir) / "report.json").string();
  run.html_path = (fs::path(reports_dir) / "report.html").string();
  run.read_config = false;
  return run;
}

bool LoadProbes(const ProfileOptions& o, std::vector<Case>* probes, std::string* err) {
  SchemaRegistry schemas;
  if (!schemas.LoadDirectory(o.schemas_dir, err)) return false;
  std::vector<std::string> errors;
  if (!LoadCases(o.probes_dir, schemas, probes, &errors)) {
    *err = errors.empty() ? o.probes_dir + ": no probes" : errors.front();
    return false;
  }
  // One row per id in the profile: an id two probes read would be one row reading two things.
  std::map<std::string, std::string> owner = {{kRetriedStatusesChoice, "conform itself"}};
  for (const Case& probe : *probes) {
    for (size_t i = 0; i < probe.choices.size(); ++i) {
      const auto [it, fresh] = owner.emplace(probe.choices[i].id, probe.file);
      if (fresh) continue;
      *err = probe.file + ": /choices/" + std::to_string(i) + "/id: \"" + it->first + "\" is already read by " + it->second;
      return false;
    }
    if (!probe.search) continue;
    const auto [it, fresh] = owner.emplace(probe.search->id, probe.file);
    if (fresh) continue;
    *err = probe.file + ": /search/id: \"" + it->first + "\" is already read by " + it->second;
    return false;
  }
  return true;
}

// Checks a profile file against profile.schema.json (loaded once, in `schemas`), then reads it.
bool ReadProfile(const std::string& path, const SchemaRegistry& schemas, Profile* out, std::string* err) {
  nlohmann::json doc;
  if (!ReadJsonFile(path, &doc, err)) return false;
  const std::vector<Violation> violations = schemas.Validate("profile", doc);
  if (!violations.empty()) {
    *err = DescribeViolation(path, violations[0]);
    return false;
  }
  if (!ProfileFromJson(doc, out, err)) {
    *err = path + ": " + *err;
    return false;
  }
  return true;
}

bool WriteProfile(const Profile& profile, const std::string& path, std::string* err) {
  return WriteReportFile(path, DumpJson(ProfileToJson(profile), 2) + "\n", err);
}

// Runs the probes against one target and reads its profile; an exit code other than 0 when the
// run could not be made (usage 2, unreachable 3, ...), which the run has already explained.
int TakeProfile(const ProfileOptions& o, const std::vector<Case>& probes, const std::string& target,
                const std::string& token, const std::string& reports_dir, Profile* out) {
  const RunOptions run_options = ProbeRun(o, target, token, reports_dir);
  if (!o.quiet) {
    std::cout << "conform profile: " << probes.size() << " probes (their reports: " << reports_dir << "/)\n";
  }
  RunResult run;
  const int code = RunRunCommand(run_options, &run);
  if (code != kExitOk && code != kExitFailed) return code;
  if (code == kExitFailed) {
    std::cerr << "conform: note: some probes' answers also broke the contract (" << reports_dir
              << "/report.html); conform run says how\n";
  }
  *out = BuildProfile(probes, run);
  return kExitOk;
}

int Compare(const Profile& a, const Profile& b) {
  const std::vector<ChoiceDifference> differences = DiffProfiles(a, b);
  std::cout << DiffTable(a, b, differences);
  return differences.empty() ? kExitOk : kExitFailed;
}

int DiffFiles(const ProfileOptions& o) {
  Profile a, b;
  std::string err;
  SchemaRegistry schemas;
  if (!schemas.LoadFile((fs::path(o.schemas_dir) / "profile.schema.json").string(), &err) ||
      !ReadProfile(o.diff[0], schemas, &a, &err) || !ReadProfile(o.diff[1], schemas, &b, &err)) {
    std::cerr << "conform: --diff " << err << "\n";
    return kExitUsage;
  }
  return Compare(a, b);
}

}  // namespace

int RunProfileCommand(const ProfileOptions& o) {
  if (!o.diff.empty()) return DiffFiles(o);
  std::string err;
  std::vector<Case> probes;
  for (const std::string* path : {&o.output, &o.reference_output}) {
    if (!CheckReportFileWritable(*path, &err)) {
      std::cerr << "conform: " << err << "\n";
      return kExitUsage;
    }
  }
  if (!LoadProbes(o, &probes, &err)) {
    std::cerr << "conform: " << err << "\n";
    return kExitUsage;
  }
  Profile target;
  int code = TakeProfile(o, probes, o.target, o.token, o.reports_dir, &target);
  if (code != kExitOk) return code;
  if (!WriteProfile(target, o.output, &err)) {
    std::cerr << "conform: -o " << err << "\n";
    return kExitUsage;
  }
  if (o.reference.empty()) {
    std::cout << ProfileTable(target) << "profile: " << o.output << "\n";
    return kExitOk;
  }
  Profile reference;
  const std::string token = o.reference_token.empty() ? o.token : o.reference_token;
  code = TakeProfile(o, probes, o.reference, token, o.reports_dir + "-reference", &reference);
  if (code != kExitOk) return code;
  if (!WriteProfile(reference, o.reference_output, &err)) {
    std::cerr << "conform: --reference-output " << err << "\n";
    return kExitUsage;
  }
  std::cout << "profiles: " << o.output << ", " << o.reference_output << "\n";
  return Compare(target, reference);
}

}  // namespace conform
