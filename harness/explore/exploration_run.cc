#include "explore/exploration_run.h"

#include "explore/found_case.h"

namespace conform {

ExplorationReport ExploreShrinkAndWrite(const ExploreSettings& explore, const RunSettings& run, const SchemaRegistry& schemas,
                                        Transport& transport, RequestGate& gate, Redactor* redactor,
                                        const std::string& found_dir, ShrinkLimits limits) {
  ExplorationReport report;
  report.outcome = Explore(explore, run, schemas, transport, gate, redactor);
  report.explored = report.outcome.sent;
  const Finding* diverged = FirstMust(report.outcome.result.findings);
  if (!diverged || !report.outcome.result.error_type.empty()) return report;

  // Every replay runs on names of its own, so no attempt sees another's leftovers.
  const std::string rule = diverged->rule;
  int attempt = 0;
  const Replayer replay = [&](const std::vector<Operation>& candidate) {
    ExploreSettings names = explore;
    names.names = "explore-s" + std::to_string(++attempt);
    const ExploreOutcome o = Replay(candidate, names, run, schemas, transport, gate, redactor);
    const Finding* first = FirstMust(o.result.findings);
    return first ? first->rule : std::string();
  };
  report.shrink = Shrink(report.outcome.sequence, rule, replay, limits);

  ExploreSettings names = explore;
  names.names = "explore-min";
  ExploreOutcome minimal = Replay(report.shrink.sequence, names, run, schemas, transport, gate, redactor);
  const Finding* shown = FirstMust(minimal.result.findings);
  if (!shown) return report;  // the divergence did not come back (a flaky target): keep the full run's
  minimal.classes_covered = report.outcome.classes_covered;
  const nlohmann::json kase = FoundCase(report.shrink.sequence, *shown, explore.seed);
  if (!WriteFoundCase(found_dir, kase, *redactor, &report.found_file, &report.write_error)) report.found_file.clear();
  minimal.result.file = report.found_file;
  minimal.result.title = "exploration, seed " + std::to_string(explore.seed) + ": " + shown->rule + " after " +
                         std::to_string(report.shrink.sequence.size()) + " operations (shrunk from " +
                         std::to_string(report.explored) + ")";
  report.outcome = std::move(minimal);
  return report;
}

}  // namespace conform
