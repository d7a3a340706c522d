// The create oracle: given a GET of the name before a create, the create's answer and a GET
// after, decides whether the server stored what was sent and answered with it (2xx), or
// created nothing (4xx). Pure: the runner does the GETs and hands the results in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/finding.h"
#include "check/replace_oracle.h"

namespace conform {

struct CreateInput {
  std::string name;                    // the body's externalDatabaseConnection.name
  std::optional<nlohmann::json> sent;  // the body's externalDatabaseConnection, if an object
  Snapshot before;
  int create_status = 0;
  std::optional<nlohmann::json> create_connection;  // the answer's externalDatabaseConnection
  Snapshot after;
};

// Every finding is must-level: create answers 2xx "with the created connection" and that is
// what a GET then shows (REST create example [D]); a refused create stores nothing.
std::vector<Finding> JudgeCreate(const CreateInput& input, const std::string& step);

}  // namespace conform
