// The replace oracle: given the state before a PUT, the PUT's answer and the state after, decides
// whether the server replaced the connection fully (2xx) or left it untouched (4xx).
// Pure: the runner does the GETs and hands the results in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/finding.h"
#include "check/json_match.h"

namespace conform {

// What a GET of one name answered: status and, on 2xx, the connection object.
struct Snapshot {
  int status = 0;
  std::optional<nlohmann::json> connection;
};

// The writable state (name, endpoint, configuration) a snapshot shows; {} when none.
nlohmann::json StateOf(const Snapshot& s);

// Where a stored writable state differs from the one asked for, field by field: pointers start
// with the field ("/configuration/tenantId"); a missing side reads "(absent)". null, absent and
// an empty configuration are alike (WritableState already made them so).
std::vector<Mismatch> WritableDifferences(const nlohmann::json& wanted, const nlohmann::json& stored);

// Builds a Snapshot from a GET's status and parsed body.
Snapshot MakeSnapshot(int status, const std::optional<nlohmann::json>& body);

struct ReplaceInput {
  std::string path_name;
  std::optional<nlohmann::json> sent;  // the body's externalDatabaseConnection, if it was an object
  Snapshot before;
  int put_status = 0;
  std::optional<nlohmann::json> put_connection;  // the PUT response's externalDatabaseConnection
  Snapshot after;
  std::optional<Snapshot> body_name_after;  // GET of the body's name, when it differs from the path
};

// Every finding is must-level: the rule holds whatever the body.
std::vector<Finding> JudgeReplace(const ReplaceInput& input, const std::string& step);

// The connection read the same (status and writable fields) before and after.
std::vector<Finding> JudgeUnchanged(const Snapshot& before, const Snapshot& after, const std::string& step);

}  // namespace conform
