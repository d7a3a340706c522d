// What exploration asks the target besides its sequence: GETs that show which connection a name
// reaches (to tell a conflation), and creates that probe whether the target will hold a name (for
// the status rules, explore/status_rules.h). Every request goes through the exploration's own
// send (its gate, its record of exchanges); every answer gets the checks any answer gets.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "check/finding.h"
#include "explore/status_rules.h"
#include "http/http_types.h"
#include "load/schema_registry.h"
#include "run/case_runner.h"

namespace conform {

// Sends one request as a step of the exploration; false when no usable answer came.
using ExplorationSend = std::function<bool(const std::string& step, CallKind call, const HttpRequest& request,
                                           HttpResponse* response)>;

class TargetQuestions : public TargetProbes {
 public:
  // `touch` records a name the exploration must delete on its way out; findings of the answers
  // go to `findings`.
  // `probe_name`: the name a body probe creates (one of the exploration's own).
  TargetQuestions(const RunSettings& run, const SchemaRegistry& schemas, ExplorationSend send,
                  std::function<void(const std::string&)> touch, std::vector<Finding>* findings, std::string probe_name)
      : run_(run),
        schemas_(schemas),
        send_(std::move(send)),
        touch_(std::move(touch)),
        findings_(findings),
        probe_name_(std::move(probe_name)) {}

  // The operation the probes that follow belong to (their steps are labelled with it).
  void SetStep(const std::string& step) { step_ = step; }

  // The name of the connection a GET of `name` reaches on the target ("" when none).
  bool NameReached(const std::string& name, std::string* reached);
  // A name of `names` related to `name` (explore/name_pool.h) that the model holds and the target
  // no longer does ("" when none).
  bool RelatedNameGone(const std::string& name, const std::set<std::string>& names,
                       const std::function<bool(const std::string&)>& model_holds, std::string* gone);

  bool RefusesName(const std::string& name, bool* refuses) override;
  bool ShorterNameTaken(const std::string& name, std::string* shorter) override;
  bool RefusesBody(const nlohmann::json& connection, bool* refuses) override;

 private:
  // Creates `connection` (its name set to `name`) and deletes it again when it was taken.
  bool ProbeCreate(const std::string& step, const std::string& name, nlohmann::json connection, int* status);

  const RunSettings& run_;
  const SchemaRegistry& schemas_;
  ExplorationSend send_;
  std::function<void(const std::string&)> touch_;
  std::vector<Finding>* findings_;
  std::string probe_name_;
  std::string step_;
};

}  // namespace conform
