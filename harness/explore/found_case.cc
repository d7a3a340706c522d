#include "explore/found_case.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "contract/connection_rules.h"
#include "load/variables.h"
#include "mock/store.h"
#include "run/shard.h"
#include "text/json_text.h"

namespace conform {
namespace {

// Names and values as the model sees them: the case's own ${name} and ${run_id} stand in.
Variables ModelVariables() {
  Variables v;
  v.Set("name", "model");
  v.Set("run_id", "model");
  return v;
}

std::string Expanded(const Variables& vars, const std::string& text) {
  std::string out, err;
  vars.Expand(text, &out, &err);
  return out;
}

nlohmann::json ExpandedBody(const Variables& vars, const std::optional<nlohmann::json>& body) {
  nlohmann::json out;
  std::string err;
  if (body) vars.ExpandJson(*body, &out, &err);
  return out;
}

nlohmann::json Request(const Operation& op) {
  nlohmann::json step = {{"call", CallKindName(op.request.call)}};
  if (!op.request.name.empty()) step["name"] = op.request.name;
  if (op.request.body) step["body"] = *op.request.body;
  if (!op.request.query.empty()) step["query"] = op.request.query;
  // A case's list step judges the pages from the one it asks for: from 0, so every name is seen
  // (exploration judges its lists over a walk from 0 too).
  if (op.request.call == CallKind::kList && step["query"].contains("paging.offset")) step["query"]["paging.offset"] = "0";
  if (op.request.auth != AuthMode::kToken) step["auth"] = AuthModeName(op.request.auth);
  step["title"] = op.what;
  return step;
}

// A call the credentials refuse: a status the docs give that refusal (must), the preferred one
// (should), nothing changed.
nlohmann::json RefusedStep(nlohmann::json step, AuthMode auth, CallKind call) {
  const std::vector<int> allowed = AllowedCredentialRefusals(auth, call);
  step["expect"] = {{"status", allowed.size() == 1 ? nlohmann::json(allowed.front()) : nlohmann::json(allowed)}};
  if (allowed.size() > 1) step["should"] = {{"status", CredentialRefusal(auth, call)}};
  if (IsWriteCall(call)) step["oracle"] = "unchanged";
  return step;
}

// The steps for one operation, expectations from the model (which it then advances).
std::vector<nlohmann::json> Steps(const Operation& op, const Variables& vars, ConnectionStore* model,
                                  std::set<std::string>* touched) {
  nlohmann::json step = Request(op);
  const nlohmann::json body = ExpandedBody(vars, op.request.body);
  std::string name = Expanded(vars, op.request.name), name_template = op.request.name;
  if (name.empty() && body.contains("externalDatabaseConnection")) {
    name = NameOf(body["externalDatabaseConnection"]);
    name_template = NameOf((*op.request.body)["externalDatabaseConnection"]);
  }
  if (!name_template.empty()) touched->insert(name_template);
  const bool existed = model->Get(name).status == 200;
  if (CredentialRefusal(op.request.auth, op.request.call)) return {RefusedStep(step, op.request.auth, op.request.call)};
  std::vector<nlohmann::json> steps;
  switch (op.request.call) {
    case CallKind::kCreate: {
      const Reply r = model->Create(body);
      step["oracle"] = r.status == 409 ? "unchanged" : "created";
      step["expect"] = {{"status", r.status / 100 == 2 ? "2xx" : "4xx"}};
      if (r.status == 409) step["should"] = {{"status", 409}};
      break;
    }
    case CallKind::kUpdate: {
      const Reply r = model->Update(name, body);
      step["oracle"] = existed ? "replace" : "unchanged";
      step["expect"] = {{"status", r.status == 404 ? nlohmann::json(404) : nlohmann::json(r.status / 100 == 2 ? "2xx" : "4xx")}};
      break;
    }
    case CallKind::kGet: {
      const Reply r = model->Get(name);
      step["expect"] = {{"status", r.status}};
      if (r.status == 200) {
        // The model ran on expanded names ("model-x"); the file names the connection as its
        // template does ("${name}-x"), which every run expands to its own.
        nlohmann::json state = WritableState(r.body["externalDatabaseConnection"]);
        if (state.contains("name")) state["name"] = name_template;
        step["expect"]["json"] = {{"externalDatabaseConnection", state}};
      }
      break;
    }
    case CallKind::kDelete: {
      const Reply r = model->Delete(name);
      step["expect"] = {{"status", r.status == 404 ? nlohmann::json(404) : nlohmann::json("2xx")}};
      steps.push_back(step);
      step = {{"call", "get"}, {"name", op.request.name}, {"title", "the deleted connection is gone"}, {"expect", {{"status", 404}}}};
      break;
    }
    case CallKind::kList: {
      nlohmann::json listed = nlohmann::json::array(), unlisted = nlohmann::json::array();
      for (const std::string& t : *touched) (model->Get(Expanded(vars, t)).status == 200 ? listed : unlisted).push_back(t);
      step["expect"] = {{"status", 200}};
      if (!listed.empty()) step["expect"]["listed"] = listed;
      if (!unlisted.empty()) step["expect"]["unlisted"] = unlisted;
      break;
    }
  }
  steps.push_back(step);
  return steps;
}

std::string ShortRule(const std::string& rule) {
  const size_t dot = rule.find('.');
  return dot == std::string::npos ? rule : rule.substr(dot + 1);
}

}  // namespace

nlohmann::json FoundCase(const std::vector<Operation>& sequence, const Finding& finding, uint64_t seed) {
  const Variables vars = ModelVariables();
  ConnectionStore model;
  std::set<std::string> touched;
  nlohmann::json steps = nlohmann::json::array();
  for (const Operation& op : sequence) {
    for (nlohmann::json& step : Steps(op, vars, &model, &touched)) steps.push_back(std::move(step));
  }
  // The steps' hash tells apart divergences of one rule and seed (against other servers).
  char hash[9];
  std::snprintf(hash, sizeof hash, "%08x", static_cast<unsigned>(StableHash(DumpJson(steps)) & 0xffffffffu));
  const std::string id = "found-" + ShortRule(finding.rule) + "-seed-" + std::to_string(seed) + "-" + hash;
  // Calls with other credentials than the token run only where there is one (and a read-only one).
  bool other_credentials = false, readonly = false;
  for (const Operation& op : sequence) {
    other_credentials = other_credentials || op.request.auth != AuthMode::kToken;
    readonly = readonly || op.request.auth == AuthMode::kReadonly;
  }
  nlohmann::json requires = nlohmann::json::array();
  if (other_credentials) requires.push_back("token");
  if (readonly) requires.push_back("readonly_token");
  nlohmann::json kase = {{"id", id},
          {"title", finding.message + " (" + std::to_string(sequence.size()) + " operations, found by exploration)"},
          {"level", "must"},
          {"tags", {"found", "explore"}},
          {"source", "conform exploration, seed " + std::to_string(seed) + ": " + finding.rule + " at " + finding.step +
                         " (expected " + finding.expected + ", got " + finding.actual + "). Expectations are the contract's model: the mock's store."},
          {"steps", steps}};
  if (!requires.empty()) kase["requires"] = requires;
  return kase;
}

bool WriteFoundCase(const std::string& dir, const nlohmann::json& kase, const Redactor& redactor, std::string* path,
                    std::string* err) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  *path = (std::filesystem::path(dir) / (kase["id"].get<std::string>() + ".json")).string();
  std::ofstream out(*path);
  out << redactor.Text(DumpJson(kase, 2)) << "\n";
  if (!out) {
    *err = *path + ": cannot be written";
    return false;
  }
  return true;
}

}  // namespace conform
