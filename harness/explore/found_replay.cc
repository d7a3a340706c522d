#include "explore/found_replay.h"

#include <algorithm>
#include <filesystem>

#include "load/case_loader.h"

namespace conform {
namespace fs = std::filesystem;
namespace {

// Named by its file, a found case's result never clashes with a shipped case of the same id (a
// found case promoted to cases/ keeps its id); its first tag makes the JUnit classname conform.found.
void AsFound(CaseResult* result) {
  result->id = "found/" + fs::path(result->file).stem().string();
  result->tags.erase(std::remove(result->tags.begin(), result->tags.end(), "found"), result->tags.end());
  result->tags.insert(result->tags.begin(), "found");
}

}  // namespace

bool LoadFoundCases(const std::string& dir, const std::string& cases_dir, const SchemaRegistry& schemas,
                    std::vector<Case>* out, std::vector<std::string>* errors) {
  std::error_code ec;
  if (fs::equivalent(dir, cases_dir, ec)) return true;  // `conform run --cases reports/found` replays them as cases
  const size_t before = errors->size();
  if (LoadCaseFiles(dir, schemas, out, errors)) return true;
  for (size_t i = before; i < errors->size(); ++i) (*errors)[i] = "--found: " + (*errors)[i] + " (fix or delete the file)";
  return false;
}

void ReplayFoundCases(const std::vector<Case>& found, const RunSettings& settings, const SchemaRegistry& schemas,
                      const TransportFactory& make_transport, Redactor* redactor, const CaseListener& on_case,
                      RequestGate& gate, RunResult* run) {
  const CaseListener shown_as_found = [&](const CaseResult& c, size_t index, size_t total) {
    CaseResult shown = c;
    AsFound(&shown);
    if (on_case) on_case(shown, index, total);
  };
  RunResult replayed = RunSuite(found, settings, schemas, make_transport, redactor, shown_as_found, Repetition{}, gate);
  for (CaseResult& c : replayed.cases) {
    AsFound(&c);
    run->cases.push_back(std::move(c));
  }
  for (const auto& [kind, histogram] : replayed.latency) run->latency[kind].Merge(histogram);
  run->responses += replayed.responses;
  run->transport_errors += replayed.transport_errors;
}

}  // namespace conform
