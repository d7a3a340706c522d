// Merge of shard reports.
#include "commands/merge_command.h"

#include <algorithm>
#include <iostream>
#include <set>

#include "cli/exit_codes.h"
#include "load/json_file.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/json_report_reader.h"
#include "report/junit_merge.h"
#include "report/junit_report.h"
#include "report/report_files.h"

namespace conform {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int Fail(const std::string& message) {
  std::cerr << "conform: " << message << "\n";
  return kExitUsage;
}

// Shards given one --seed share it; shards that drew their own are listed like run ids.
void AbsorbSeed(const std::string& seed, std::string* merged) {
  if (seed.empty() || ("+" + *merged + "+").find("+" + seed + "+") != std::string::npos) return;
  *merged += (merged->empty() ? "" : "+") + seed;
}

// Folds one shard into the merged run: shards ran side by side, so the wall time is the longest.
// Shards observed choices apart: the first shard's reading of a row stands, except the statuses
// retried, which are every shard's together.
void AbsorbChoice(Choice c, std::vector<Choice>* merged) {
  const auto same = std::find_if(merged->begin(), merged->end(), [&](const Choice& m) { return m.id == c.id; });
  if (same == merged->end()) {
    merged->push_back(std::move(c));
    return;
  }
  if (c.id != kRetriedStatusesChoice || !c.value.is_array() || !same->value.is_array()) return;
  std::set<nlohmann::json> statuses(same->value.begin(), same->value.end());
  statuses.insert(c.value.begin(), c.value.end());
  same->value = nlohmann::json(std::vector<nlohmann::json>(statuses.begin(), statuses.end()));
  if (same->evidence.request.empty()) same->evidence = c.evidence;
}

bool Absorb(RunResult shard, const std::string& file, std::set<std::string>* ids, RunResult* merged, std::string* err) {
  for (const CaseResult& c : shard.cases) {
    if (!ids->insert(c.id).second) {
      *err = file + ": case " + c.id + " is in more than one input (were the shards the same?)";
      return false;
    }
  }
  if (merged->timestamp.empty() || (!shard.timestamp.empty() && shard.timestamp < merged->timestamp)) {
    merged->timestamp = shard.timestamp;
  }
  if (merged->target.empty()) merged->target = shard.target;
  merged->run_id += (merged->run_id.empty() ? "" : "+") + shard.run_id;
  AbsorbSeed(shard.seed, &merged->seed);
  merged->seconds = std::max(merged->seconds, shard.seconds);
  merged->strict = merged->strict || shard.strict;
  merged->repeat = shard.repeat;
  merged->warmup = shard.warmup;
  merged->responses += shard.responses;
  for (const auto& [kind, h] : shard.latency) merged->latency[kind].Merge(h);
  for (CaseResult& c : shard.cases) merged->cases.push_back(std::move(c));
  for (LatencyCheck& c : shard.latency_checks) merged->latency_checks.push_back(std::move(c));
  for (Choice& c : shard.choices) AbsorbChoice(std::move(c), &merged->choices);
  return true;
}

int MergeJson(const MergeCommandOptions& options) {
  RunResult merged;
  merged.hostname = "merged";
  std::set<std::string> ids;
  std::string err;
  for (const std::string& file : options.inputs) {
    nlohmann::json doc;
    RunResult shard;
    if (!ReadJsonFile(file, &doc, &err)) return Fail(err);
    if (!RunResultFromJson(doc, &shard, &err)) return Fail(file + ": " + err);
    if (!Absorb(std::move(shard), file, &ids, &merged, &err)) return Fail(err);
  }
  std::sort(merged.cases.begin(), merged.cases.end(),
            [](const CaseResult& a, const CaseResult& b) { return a.id < b.id; });
  const std::string json = JsonReport(merged).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (!WriteReportFile(options.output, json, &err)) return Fail(err);
  if (!options.junit.empty() && !WriteReportFile(options.junit, JunitReport(merged), &err)) return Fail(err);
  if (!options.html.empty() && !WriteReportFile(options.html, HtmlReport(merged), &err)) return Fail(err);
  std::cout << "merged " << options.inputs.size() << " reports: " << merged.cases.size() << " cases, "
            << merged.Count(Outcome::kFailed) << " failed, " << merged.Count(Outcome::kError) << " errors -> "
            << options.output << "\n";
  return Verdict(merged) == "passed" ? kExitOk : kExitFailed;
}

}  // namespace

int RunMergeCommand(const MergeCommandOptions& options) {
  const bool all_json = std::all_of(options.inputs.begin(), options.inputs.end(),
                                    [](const std::string& f) { return EndsWith(f, ".json"); });
  const bool all_xml = std::all_of(options.inputs.begin(), options.inputs.end(),
                                   [](const std::string& f) { return EndsWith(f, ".xml"); });
  if (all_json && EndsWith(options.output, ".json")) return MergeJson(options);
  if (!all_xml || !EndsWith(options.output, ".xml")) {
    return Fail("merge: give only .json reports (and -o X.json) or only .xml JUnit files (and -o X.xml)");
  }
  if (!options.junit.empty() || !options.html.empty()) return Fail("merge: --junit and --html need JSON inputs");
  std::string merged, err;
  if (!MergeJunitFiles(options.inputs, &merged, &err)) return Fail(err);
  if (!WriteReportFile(options.output, merged, &err)) return Fail(err);
  std::cout << "merged " << options.inputs.size() << " JUnit files -> " << options.output << "\n";
  return kExitOk;
}

}  // namespace conform
