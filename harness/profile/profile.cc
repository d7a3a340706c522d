#include "profile/profile.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "text/json_text.h"
#include "text/quantities.h"
#include "text/utf8.h"

namespace conform {
namespace {

constexpr size_t kChoiceColumn = 34;

std::string PadColumn(const std::string& text, size_t width) {
  return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

}  // namespace

namespace {

// Every choice the cases read (a probe's search included), in the cases' order; a case that did
// not run gives a row with a problem, never a missing one.
std::vector<Choice> ReadCaseChoices(const std::vector<Case>& cases, const RunResult& run) {
  std::map<std::string, const CaseResult*> results;
  std::map<std::string, std::vector<const CaseResult*>> tries;  // a limit search's, by probe
  for (const CaseResult& r : run.cases) {
    results[r.id] = &r;
    if (r.search_size >= 0) tries[r.id].push_back(&r);
  }
  std::vector<Choice> choices;
  for (const Case& c : cases) {
    if (c.search) choices.push_back(ReadSearch(*c.search, tries[c.id]));
    for (const ChoiceSpec& spec : c.choices) {
      const auto it = results.find(c.id);
      if (it != results.end()) {
        choices.push_back(ReadChoice(spec, *it->second));
        continue;
      }
      choices.push_back(Choice{spec.id, spec.freedom, nullptr, "the probe " + c.id + " did not run", {}});
    }
  }
  return choices;
}

void SortById(std::vector<Choice>* choices) {
  std::sort(choices->begin(), choices->end(), [](const Choice& a, const Choice& b) { return a.id < b.id; });
}

}  // namespace

Profile BuildProfile(const std::vector<Case>& probes, const RunResult& run) {
  Profile profile;
  profile.target = run.target;
  profile.taken = run.timestamp;
  profile.choices = ReadCaseChoices(probes, run);
  profile.choices.push_back(ReadRetriedStatuses(run.cases));
  SortById(&profile.choices);
  for (const auto& [kind, histogram] : run.latency) {
    if (histogram.count() == 0) continue;
    profile.latency[CallKindName(kind)] = {histogram.Percentile(50) / 1000.0, histogram.Percentile(99) / 1000.0,
                                           histogram.count()};
  }
  return profile;
}

std::vector<Choice> ObservedChoices(const std::vector<Case>& cases, const RunResult& run) {
  std::vector<Choice> observed;
  std::set<std::string> seen;
  for (Choice& c : ReadCaseChoices(cases, run)) {
    if (c.problem.empty() && seen.insert(c.id).second) observed.push_back(std::move(c));
  }
  observed.push_back(ReadRetriedStatuses(run.cases));
  SortById(&observed);
  return observed;
}

nlohmann::json ProfileToJson(const Profile& profile) {
  nlohmann::json choices = nlohmann::json::object();
  for (const Choice& c : profile.choices) {
    choices[c.id] = ChoiceRowJson(c);
  }
  nlohmann::json latency = nlohmann::json::object();
  for (const auto& [kind, f] : profile.latency) {
    latency[kind] = {{"p50_ms", f.p50_ms}, {"p99_ms", f.p99_ms}, {"count", f.count}};
  }
  return {{"conform_profile", 1}, {"target", profile.target}, {"taken", profile.taken}, {"choices", choices},
          {"measurements", {{"latency", latency}}}};
}

namespace {

bool ReadProfileDocument(const nlohmann::json& doc, Profile* out, std::string* err) {
  if (!doc.is_object() || doc.value("conform_profile", 0) != 1 || !doc.contains("choices") ||
      !doc["choices"].is_object()) {
    *err = "/: not a conform profile (conform profile -o writes one)";
    return false;
  }
  Profile p;
  p.target = doc.value("target", "");
  p.taken = doc.value("taken", "");
  for (auto it = doc["choices"].begin(); it != doc["choices"].end(); ++it) {
    const nlohmann::json& row = it.value();
    if (!row.is_object() || !row.contains("choice")) {
      *err = "/choices/" + it.key() + ": a choice is an object with a \"choice\"";
      return false;
    }
    p.choices.push_back(ChoiceFromRowJson(it.key(), row));
  }
  const nlohmann::json latency = doc.value("measurements", nlohmann::json::object()).value("latency", nlohmann::json::object());
  for (auto it = latency.begin(); latency.is_object() && it != latency.end(); ++it) {
    if (!it.value().is_object()) continue;
    p.latency[it.key()] = {it.value().value("p50_ms", 0.0), it.value().value("p99_ms", 0.0),
                           it.value().value("count", uint64_t{0})};
  }
  *out = std::move(p);
  return true;
}

}  // namespace

// A file that passed profile.schema.json reads without surprise; anything else (the fuzz target
// feeds it any JSON) may hold a wrong type where a value is read, which is refused, never thrown.
bool ProfileFromJson(const nlohmann::json& doc, Profile* out, std::string* err) {
  try {
    return ReadProfileDocument(doc, out, err);
  } catch (const nlohmann::json::exception& e) {
    *err = "/: not a conform profile (" + ParserWords(e) + ")";
    return false;
  }
}

std::string ProfileTable(const Profile& profile) {
  std::ostringstream out;
  out << "profile of " << profile.target << " (" << profile.choices.size() << " choices, " << profile.taken
      << " UTC)\n";
  size_t unread = 0;
  for (const Choice& c : profile.choices) {
    out << "  " << PadColumn(c.id, kChoiceColumn) << ChoiceText(c) << "\n";
    unread += !c.problem.empty();
  }
  if (unread > 0) {
    out << unread << " of " << profile.choices.size()
        << " choices could not be read (marked ?): the probes' reports say what the server answered\n";
  }
  if (!profile.latency.empty()) {
    out << "latency (ms, a measurement, not a choice):";
    for (const auto& [kind, f] : profile.latency) {
      out << "  " << kind << " p50 " << FormatFixed(f.p50_ms, 3) << " p99 " << FormatFixed(f.p99_ms, 3);
    }
    out << "\n";
  }
  return out.str();
}

}  // namespace conform
