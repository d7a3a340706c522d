#include "explore/exploration_run.h"

#include "explore/found_case.h"
#include "run/boundary.h"

namespace conform {
namespace {

// Shrinks the divergence in *out, replays the smallest sequence for the report and writes it as
// a case file.
void ShrinkAndWrite(const ExploreSettings& explore, const RunSettings& run, const SchemaRegistry& schemas,
                    Transport& transport, RequestGate& gate, Redactor* redactor, const std::string& found_dir,
                    ShrinkLimits limits, ExplorationReport* out) {
  ExplorationReport& report = *out;
  const Finding* diverged = FirstMust(report.outcome.result.findings);

  // Every replay runs on names of its own, so no attempt sees another's leftovers.
  const std::string rule = diverged->rule;
  int attempt = 0;
  // Attempts re-walk a list once, without waiting out the settle window: hundreds of them would
  // each wait it out against a list that is wrong for good. The minimal sequence is replayed with
  // the window, so a list that only lagged does not end as a found case.
  RunSettings hasty = run;
  hasty.list_settle_us = 0;
  const Replayer replay = [&](const std::vector<Operation>& candidate) {
    ExploreSettings names = explore;
    names.names = "explore-s" + std::to_string(++attempt);
    names.learn_secrets = false;
    const ExploreOutcome o = Replay(candidate, names, hasty, schemas, transport, gate, redactor);
    const Finding* first = FirstMust(o.result.findings);
    return first ? first->rule : std::string();
  };
  report.shrink = Shrink(report.outcome.sequence, rule, replay, limits);

  ExploreSettings names = explore;
  names.names = "explore-min";
  names.learn_secrets = false;
  ExploreOutcome minimal = Replay(report.shrink.sequence, names, run, schemas, transport, gate, redactor);
  const Finding* shown = FirstMust(minimal.result.findings);
  if (!shown) {
    // The divergence did not come back: the run's finding stands, and says why there is no file.
    report.outcome.result.findings.push_back(MakeFinding(
        Level::kNote, "exploration", "explore.not-recurring",
        "the smallest sequence found (" + std::to_string(report.shrink.sequence.size()) +
            " operations) did not diverge again when replayed, so no case file was written: the target answers "
            "differently from one moment to the next, or its list lags longer than --list-settle"));
    return;
  }
  minimal.classes_covered = report.outcome.classes_covered;
  minimal.coverage = report.outcome.coverage;  // what the run covered, not the replay
  const nlohmann::json kase = FoundCase(report.shrink.sequence, *shown, explore.seed);
  if (!WriteFoundCase(found_dir, kase, *redactor, &report.found_file, &report.write_error)) report.found_file.clear();
  minimal.result.file = report.found_file;
  minimal.result.title = "exploration, seed " + std::to_string(explore.seed) + ": " + shown->rule + " after " +
                         std::to_string(report.shrink.sequence.size()) + " operations (shrunk from " +
                         std::to_string(report.explored) + ")";
  report.outcome = std::move(minimal);
}

// The first divergence of `report.outcome` shrunk, replayed and written; the rest as it was.
ExplorationReport ShrinkAndWriteDivergence(ExplorationReport report, const ExploreSettings& explore, const RunSettings& run,
                                           const SchemaRegistry& schemas, Transport& transport, RequestGate& gate,
                                           Redactor* redactor, const std::string& found_dir, ShrinkLimits limits) {
  report.explored = report.outcome.sent;
  const Finding* diverged = FirstMust(report.outcome.result.findings);
  if (!diverged || !report.outcome.result.error_type.empty()) return report;
  // A bug of conform's while shrinking or writing the case file keeps the divergence as found.
  std::string internal;
  if (!RunGuarded("shrinking the exploration's " + diverged->rule, [&] {
        ShrinkAndWrite(explore, run, schemas, transport, gate, redactor, found_dir, limits, &report);
      }, &internal)) {
    MarkInternalError(redactor->Text(internal), &report.outcome.result);
  }
  return report;
}

}  // namespace

ExplorationReport ExploreShrinkAndWrite(const ExploreSettings& explore, const RunSettings& run, const SchemaRegistry& schemas,
                                        Transport& transport, RequestGate& gate, Redactor* redactor,
                                        const std::string& found_dir, ShrinkLimits limits) {
  ExplorationReport report;
  report.outcome = Explore(explore, run, schemas, transport, gate, redactor);
  return ShrinkAndWriteDivergence(std::move(report), explore, run, schemas, transport, gate, redactor, found_dir, limits);
}

ExplorationReport ReplayShrinkAndWrite(const std::vector<Operation>& sequence, const ExploreSettings& explore,
                                       const RunSettings& run, const SchemaRegistry& schemas, Transport& transport,
                                       RequestGate& gate, Redactor* redactor, const std::string& found_dir,
                                       ShrinkLimits limits) {
  ExplorationReport report;
  report.outcome = Replay(sequence, explore, run, schemas, transport, gate, redactor);
  return ShrinkAndWriteDivergence(std::move(report), explore, run, schemas, transport, gate, redactor, found_dir, limits);
}

}  // namespace conform
