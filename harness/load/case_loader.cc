// Case files -> Case values. The schema catches shape errors; this file checks what a schema
// can't: duplicate ids and variables that nothing defines.
#include "load/case_loader.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "load/json_file.h"
#include "load/json_numbers.h"
#include "load/latency_budget_spec.h"
#include "load/schema_patterns.h"
#include "load/variables.h"
#include "text/json_text.h"

namespace conform {
namespace fs = std::filesystem;
namespace {

const std::map<std::string, CallKind>& CallKinds() {
  static const std::map<std::string, CallKind> kKinds = {{"create", CallKind::kCreate},
                                                         {"get", CallKind::kGet},
                                                         {"list", CallKind::kList},
                                                         {"update", CallKind::kUpdate},
                                                         {"delete", CallKind::kDelete}};
  return kKinds;
}

const std::map<std::string, AuthMode>& AuthModes() {
  static const std::map<std::string, AuthMode> kModes = {
      {"token", AuthMode::kToken}, {"none", AuthMode::kNone}, {"wrong", AuthMode::kWrong}, {"readonly", AuthMode::kReadonly}};
  return kModes;
}

std::map<std::string, std::string> StringMap(const nlohmann::json& j, const char* key) {
  std::map<std::string, std::string> out;
  if (j.contains(key)) {
    for (auto it = j[key].begin(); it != j[key].end(); ++it) out[it.key()] = it.value().get<std::string>();
  }
  return out;
}

RequestSpec ParseRequest(const nlohmann::json& j) {
  RequestSpec r;
  r.call = CallKinds().at(j["call"].get<std::string>());
  r.name = j.value("name", "");
  r.path = j.value("path", "");
  if (j.contains("body")) r.body = j["body"];
  if (j.contains("rawBody")) r.raw_body = j["rawBody"].get<std::string>();
  r.query = StringMap(j, "query");
  r.headers = StringMap(j, "headers");
  r.auth = AuthModes().at(j.value("auth", "token"));
  return r;
}

std::vector<StatusMatcher> ParseStatus(const nlohmann::json& j) {
  std::vector<StatusMatcher> out;
  for (const auto& item : j.is_array() ? j : nlohmann::json::array({j})) {
    if (item.is_number_integer()) {
      out.push_back({item.get<int>(), 0});
    } else {
      out.push_back({0, item.get<std::string>()[0] - '0'});
    }
  }
  return out;
}

Expectation ParseExpectation(const nlohmann::json& j) {
  Expectation e;
  if (j.contains("status")) e.status = ParseStatus(j["status"]);
  e.schema = j.value("schema", "");
  if (j.contains("json")) e.json_subset = j["json"];
  if (j.contains("pointers")) {
    for (auto it = j["pointers"].begin(); it != j["pointers"].end(); ++it) e.pointers[it.key()] = it.value();
  }
  if (j.contains("absent")) e.absent = j["absent"].get<std::vector<std::string>>();
  e.headers = StringMap(j, "headers");
  if (j.contains("violations")) e.violations = j["violations"].get<std::vector<std::string>>();
  if (j.contains("listed")) e.listed = j["listed"].get<std::vector<std::string>>();
  if (j.contains("unlisted")) e.unlisted = j["unlisted"].get<std::vector<std::string>>();
  return e;
}

PerTarget ParsePerTarget(const nlohmann::json& j, const char* key, PerTarget fallback) {
  if (!j.contains(key)) return fallback;
  PerTarget out;
  out.loopback = WholeOr(j[key], "loopback", fallback.loopback);
  out.remote = WholeOr(j[key], "remote", fallback.remote);
  return out;
}

ParallelGroup ParseParallel(const nlohmann::json& j) {
  ParallelGroup g;
  for (const auto& r : j.value("prepare", nlohmann::json::array())) g.prepare.push_back(ParseRequest(r));
  for (const auto& r : j["requests"]) g.requests.push_back(ParseRequest(r));
  g.writers = ParsePerTarget(j, "writers", {1, 1});
  g.rounds = ParsePerTarget(j, "rounds", {1, 1});
  const std::string oracle = j["oracle"];
  g.oracle = oracle == "single-winner"        ? GroupOracle::kSingleWinner
             : oracle == "delete-wins-or-404" ? GroupOracle::kDeleteWinsOr404
                                              : GroupOracle::kLinearizableReplace;
  return g;
}

Step ParseStep(const nlohmann::json& j) {
  Step s;
  if (j.contains("parallel")) {
    s.title = j.value("title", "");
    s.parallel = ParseParallel(j["parallel"]);
    return s;
  }
  s.title = j.value("title", "");
  s.request = ParseRequest(j);
  if (j.contains("expect")) s.expect = ParseExpectation(j["expect"]);
  if (j.contains("should")) s.should = ParseExpectation(j["should"]);
  const std::string oracle = j.value("oracle", "");
  s.oracle = oracle == "replace"     ? Oracle::kReplace
             : oracle == "unchanged" ? Oracle::kUnchanged
             : oracle == "created"   ? Oracle::kCreated
                                     : Oracle::kNone;
  return s;
}

// Every ${...} in every string under value (keys too) must be known; reports the pointer.
void CheckTemplates(const nlohmann::json& value, const nlohmann::json::json_pointer& where,
                    const std::set<std::string>& known, const std::string& file, std::vector<std::string>* errors) {
  auto check = [&](const std::string& text) {
    std::vector<std::string> names;
    std::string err;
    if (!ReferencedVariables(text, &names, &err)) {
      errors->push_back(file + ": " + where.to_string() + ": " + err);
      return;
    }
    for (const std::string& name : names) {
      if (!known.count(name)) errors->push_back(file + ": " + where.to_string() + ": unknown variable ${" + name + "}");
    }
  };
  if (value.is_string()) {
    check(value.get<std::string>());
  } else if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      check(it.key());
      CheckTemplates(it.value(), where / it.key(), known, file, errors);
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) CheckTemplates(value[i], where / i, known, file, errors);
  }
}

void CheckVariables(const nlohmann::json& doc, const std::string& file, std::vector<std::string>* errors) {
  std::set<std::string> known(BuiltinVariables().begin(), BuiltinVariables().end());
  const nlohmann::json::json_pointer root;
  if (doc.contains("vars")) {
    // Vars may use built-ins only: JSON objects have no order to expand them in.
    for (auto it = doc["vars"].begin(); it != doc["vars"].end(); ++it) {
      CheckTemplates(it.value(), root / "vars" / it.key(), known, file, errors);
    }
    for (auto it = doc["vars"].begin(); it != doc["vars"].end(); ++it) known.insert(it.key());
  }
  if (doc.contains("setup")) CheckTemplates(doc["setup"], root / "setup", known, file, errors);
  std::set<std::string> in_group = known;  // a parallel step also knows ${writer} and ${round}
  in_group.insert({"writer", "round"});
  for (size_t i = 0; i < doc["steps"].size(); ++i) {
    const nlohmann::json& step = doc["steps"][i];
    CheckTemplates(step, root / "steps" / i, step.contains("parallel") ? in_group : known, file, errors);
  }
}

// What the schema cannot say of a parallel step: it holds nothing but its group, and its
// requests are the calls its oracle judges, on few enough connections.
void CheckParallelSteps(const nlohmann::json& doc, const std::string& file, std::vector<std::string>* errors) {
  for (size_t i = 0; i < doc["steps"].size(); ++i) {
    const nlohmann::json& step = doc["steps"][i];
    if (!step.contains("parallel")) continue;
    const std::string at = file + ": /steps/" + std::to_string(i);
    for (auto it = step.begin(); it != step.end(); ++it) {
      if (it.key() != "parallel" && it.key() != "title") {
        errors->push_back(at + "/" + it.key() + ": a parallel step holds only its group (requests go in parallel.requests)");
      }
    }
    const nlohmann::json& group = step["parallel"];
    std::multiset<std::string> calls;
    for (const auto& r : group["requests"]) calls.insert(r["call"].get<std::string>());
    const std::string oracle = group["oracle"];
    const bool fits = oracle == "linearizable-replace" ? calls.count("update") == calls.size()
                      : oracle == "single-winner"      ? calls.count("create") == calls.size()
                                                       : calls.count("update") == 1 && calls.count("delete") == 1 && calls.size() == 2;
    if (!fits) {
      errors->push_back(at + "/parallel/requests: " + oracle + " judges " +
                        (oracle == "linearizable-replace" ? std::string("updates only")
                         : oracle == "single-winner"      ? std::string("creates only")
                                                          : std::string("one update and one delete")));
    }
    const ParallelGroup parsed = ParseParallel(group);
    const size_t largest = parsed.requests.size() * static_cast<size_t>(std::max(parsed.writers.loopback, parsed.writers.remote));
    if (largest > 64) errors->push_back(at + "/parallel/writers: " + std::to_string(largest) + " requests at once; at most 64");
  }
}

// Header expectations are regular expressions run against what a server sends: the same limits
// as schema patterns (std::regex recurses per character a * or + matches; see schema_patterns.h).
void CheckHeaderPatterns(const nlohmann::json& doc, const std::string& file, std::vector<std::string>* errors) {
  const nlohmann::json::json_pointer steps("/steps");
  for (size_t i = 0; i < doc["steps"].size(); ++i) {
    for (const char* level : {"expect", "should"}) {
      const nlohmann::json::json_pointer at = steps / i / level / "headers";
      if (!doc.contains(at) || !doc[at].is_object()) continue;
      for (auto it = doc[at].begin(); it != doc[at].end(); ++it) {
        const std::string problem = it->is_string() ? PatternProblem(it->get<std::string>()) : "";
        if (!problem.empty()) errors->push_back(file + ": " + (at / it.key()).to_string() + ": the pattern " + problem);
      }
    }
  }
}

// A probe's search: its step must exist, have a body, and hold an object where the grown value
// goes (the schema has checked the shape of every field).
bool ParseSearch(const nlohmann::json& j, const std::string& file, Case& c, std::vector<std::string>* errors) {
  SearchSpec search{j["id"].get<std::string>(), j["freedom"].get<std::string>(), j["step"].get<int>(),
                    j["at"].get<std::string>(), j["grow"].get<std::string>(), j["from"].get<int64_t>(),
                    j["to"].get<int64_t>()};
  const std::string where = file + ": /search";
  if (search.from >= search.to) {
    errors->push_back(where + "/to: must be above from (" + std::to_string(search.from) + ")");
    return false;
  }
  // An answer that echoes the grown value must stay within what conform reads (kMaxJsonDepth):
  // deeper, a server that takes it would be judged for nesting too deep, and the recursive code
  // that writes and expands bodies stays far from the stack's end.
  const int64_t depth = std::count(search.at.begin(), search.at.end(), '/');
  if (search.grow == "nesting" && search.to + depth > kMaxJsonDepth) {
    errors->push_back(where + "/to: nesting at " + search.at + " is searched up to " +
                      std::to_string(kMaxJsonDepth - depth) + " levels (conform reads JSON " +
                      std::to_string(kMaxJsonDepth) + " levels deep)");
    return false;
  }
  if (search.grow == "keys" && search.to > kMaxSearchKeys) {
    errors->push_back(where + "/to: keys are searched up to " + std::to_string(kMaxSearchKeys));
    return false;
  }
  if (search.step > static_cast<int>(c.steps.size()) || !c.steps[search.step - 1].request.body) {
    errors->push_back(where + "/step: step " + std::to_string(search.step) + " is not a step with a body");
    return false;
  }
  const nlohmann::json& body = *c.steps[search.step - 1].request.body;
  bool in_object = false;
  try {
    const nlohmann::json::json_pointer parent = nlohmann::json::json_pointer(search.at).parent_pointer();
    in_object = !search.at.empty() && body.contains(parent) && body.at(parent).is_object();
  } catch (const nlohmann::json::exception&) {
    // not a JSON pointer: reported below
  }
  if (!in_object) {
    errors->push_back(where + "/at: \"" + search.at + "\" is not a key of an object in step " +
                      std::to_string(search.step) + "'s body");
    return false;
  }
  if (std::any_of(c.choices.begin(), c.choices.end(), [&](const ChoiceSpec& o) { return o.id == search.id; })) {
    errors->push_back(where + "/id: \"" + search.id + "\" is already a choice of this probe");
    return false;
  }
  c.search = std::move(search);
  return true;
}

}  // namespace

bool ParseCase(const nlohmann::json& doc, const std::string& file, const SchemaRegistry& schemas, Case* out,
               std::vector<std::string>* errors) {
  const size_t before = errors->size();
  for (const Violation& v : schemas.Validate("case", doc)) {
    errors->push_back(DescribeViolation(file, v));
  }
  if (errors->size() > before) return false;
  CheckVariables(doc, file, errors);
  CheckHeaderPatterns(doc, file, errors);
  CheckParallelSteps(doc, file, errors);
  if (errors->size() > before) return false;

  Case c;
  c.id = doc["id"];
  c.title = doc["title"];
  c.file = file;
  c.source = doc.value("source", "");
  c.level = doc["level"] == "should" ? Level::kShould : Level::kMust;
  c.tags = doc["tags"].get<std::vector<std::string>>();
  if (doc.contains("requires")) c.requires_values = doc["requires"].get<std::vector<std::string>>();
  c.name_may_be_refused = doc.value("nameMayBeRefused", false);
  if (doc.contains("vars")) {
    for (auto it = doc["vars"].begin(); it != doc["vars"].end(); ++it) c.vars.emplace_back(it.key(), it.value());
  }
  if (doc.contains("budget")) {
    for (auto it = doc["budget"].begin(); it != doc["budget"].end(); ++it) {
      LatencyBudget budget;
      std::string err;
      const std::string text = it.key() + "=" + it.value().get<std::string>();
      if (!ParseLatencyBudget(text, &budget, &err)) {
        errors->push_back(file + ": /budget/" + it.key() + ": " + err);
        return false;
      }
      c.budgets.push_back(budget);
    }
  }
  if (doc.contains("setup")) {
    for (const auto& r : doc["setup"]) c.setup.push_back(ParseRequest(r));
  }
  for (const auto& s : doc["steps"]) c.steps.push_back(ParseStep(s));
  for (const auto& j : doc.value("choices", nlohmann::json::array())) {
    ChoiceSpec choice{j["id"].get<std::string>(), j["freedom"].get<std::string>(), j["step"].get<int>(),
                      j["read"].get<std::string>(), j.value("at", ""), j.value("name", ""),
                      j.value("answered", "")};
    const std::string where = file + ": /choices/" + std::to_string(c.choices.size());
    if (choice.step > static_cast<int>(c.steps.size())) {
      errors->push_back(where + "/step: the case has " + std::to_string(c.steps.size()) + " steps");
      return false;
    }
    const bool needs_name = choice.read == "header" || choice.read == "literal" || choice.read == "integer";
    if (needs_name && choice.name.empty()) {
      errors->push_back(where + ": read \"" + choice.read + "\" needs a name (a header or a key)");
      return false;
    }
    if (std::any_of(c.choices.begin(), c.choices.end(), [&](const ChoiceSpec& o) { return o.id == choice.id; })) {
      errors->push_back(where + "/id: \"" + choice.id + "\" is already a choice of this probe");
      return false;
    }
    c.choices.push_back(std::move(choice));
  }
  if (doc.contains("search") && !ParseSearch(doc["search"], file, c, errors)) return false;
  *out = std::move(c);
  return true;
}

bool LoadCaseFiles(const std::string& dir, const SchemaRegistry& schemas, std::vector<Case>* out,
                   std::vector<std::string>* errors) {
  const size_t before = errors->size();
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> seen;  // id -> file
  for (const fs::path& path : files) {
    nlohmann::json doc;
    std::string err;
    if (!ReadJsonFile(path.string(), &doc, &err)) {
      errors->push_back(err);
      continue;
    }
    Case c;
    if (!ParseCase(doc, path.string(), schemas, &c, errors)) continue;
    if (seen.count(c.id)) {
      errors->push_back(path.string() + ": /id: duplicate id \"" + c.id + "\" (also in " + seen[c.id] + ")");
      continue;
    }
    seen[c.id] = path.string();
    out->push_back(std::move(c));
  }
  return errors->size() == before;
}

bool LoadCases(const std::string& dir, const SchemaRegistry& schemas, std::vector<Case>* out,
               std::vector<std::string>* errors) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    errors->push_back(dir + ": not a directory of cases");
    return false;
  }
  const size_t loaded = out->size();
  if (!LoadCaseFiles(dir, schemas, out, errors)) return false;
  if (out->size() == loaded) {
    errors->push_back(dir + ": no case files (*.json)");
    return false;
  }
  return errors->empty();
}

namespace {

bool Carries(const Case& c, const std::string& tag) {
  return std::find(c.tags.begin(), c.tags.end(), tag) != c.tags.end();
}

// The habit of Hurl, pytest and Newman: --filter/--tag choose, --exclude/--exclude-tag then leave
// out, so "all of replace-* but the slow ones" is two flags.
bool Selected(const Case& c, const Selection& selection) {
  const auto matches = [&](const std::string& glob) { return fnmatch(glob.c_str(), c.id.c_str(), 0) == 0; };
  const auto carries = [&](const std::string& tag) { return Carries(c, tag); };
  if (!selection.filter.empty() && !matches(selection.filter)) return false;
  if (!std::all_of(selection.tags.begin(), selection.tags.end(), carries)) return false;
  if (std::any_of(selection.excludes.begin(), selection.excludes.end(), matches)) return false;
  return std::none_of(selection.exclude_tags.begin(), selection.exclude_tags.end(), carries);
}

}  // namespace

std::vector<Case> SelectCases(const std::vector<Case>& cases, const Selection& selection) {
  std::vector<Case> out;
  for (const Case& c : cases) {
    if (Selected(c, selection)) out.push_back(c);
  }
  return out;
}

Variables StandInVariables(const Case& c, const std::string& label) {
  Variables v;
  v.Set("name", "conform-" + label + "-" + c.id);
  v.Set("run_id", label);
  v.Set("case_id", c.id);
  v.Set("token", label + "-token");
  v.Set("readonly_token", label + "-readonly-token");
  v.Set("wrong_token", label + "-wrong-token");
  v.Set("writer", "1");
  v.Set("round", "1");
  for (const auto& [name, value_template] : c.vars) {
    std::string value, err;
    v.Expand(value_template, &value, &err);
    v.Set(name, value);
  }
  return v;
}

}  // namespace conform
