#include "run/choice.h"

#include "text/json_text.h"
#include "text/utf8.h"

namespace conform {

nlohmann::json ChoiceRowJson(const Choice& c) {
  const ChoiceEvidence& e = c.evidence;
  nlohmann::json row = {{"freedom", c.freedom},
                        {"choice", c.value},
                        {"evidence", {{"request", e.request}, {"request_body", e.request_body}, {"status", e.status},
                                      {"response_body", e.response_body}}}};
  if (!c.problem.empty()) row["problem"] = c.problem;
  return row;
}

Choice ChoiceFromRowJson(const std::string& id, const nlohmann::json& row) {
  Choice c;
  c.id = id;
  c.freedom = row.value("freedom", "");
  c.value = row.at("choice");
  c.problem = row.value("problem", "");
  if (row.contains("evidence") && row["evidence"].is_object()) {
    const nlohmann::json& e = row["evidence"];
    c.evidence = {e.value("request", ""), e.value("request_body", ""), e.value("status", 0), e.value("response_body", "")};
  }
  return c;
}

std::string ChoiceText(const Choice& choice) {
  if (!choice.problem.empty()) return "? (" + choice.problem + ")";
  return Utf8Shorten(DumpJson(choice.value), 120);
}

}  // namespace conform
