// A choice a server made where the contract leaves it free (a profile's row), with the request
// and answer that showed it. A profile is made of them (profile/); a run keeps the ones its cases
// happened to observe (RunResult::choices), which its reports show and never judge.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace conform {

// The request and answer that show a choice, cut to what a table can hold.
struct ChoiceEvidence {
  std::string request;        // "PUT http://127.0.0.1:8080/wix-data/v1/external-database-connections/x"
  std::string request_body;   // cut to kEvidenceChars
  int status = 0;
  std::string response_body;  // cut to kEvidenceChars
};

constexpr size_t kEvidenceChars = 300;

// The one row a whole run gives rather than a case: the statuses (429, 503) a retry recovered from.
constexpr char kRetriedStatusesChoice[] = "load.statuses-retried";

struct Choice {
  std::string id;
  std::string freedom;
  nlohmann::json value;       // null when `problem` says why there is none
  std::string problem;        // "the step got no answer (connection-refused)", ...
  ChoiceEvidence evidence;
};

// {"freedom", "choice", "evidence": {...}, "problem" when there is one}: a row of a profile file
// and of a run's JSON report.
nlohmann::json ChoiceRowJson(const Choice& choice);

// The choice a row holds (a row of a profile file or of a report.json). The row must be an object
// with a "choice"; a field of the wrong type throws nlohmann::json::type_error, for the caller to
// refuse the document.
Choice ChoiceFromRowJson(const std::string& id, const nlohmann::json& row);

// How a choice reads in a table: the JSON value on one line, or "? (why)".
std::string ChoiceText(const Choice& choice);

}  // namespace conform
