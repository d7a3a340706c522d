#include "profile/choice_reader.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "run/limit_search.h"
#include "text/json_text.h"
#include "text/utf8.h"

namespace conform {

const char* const kAbsent = "(absent)";

namespace {

// nullptr when `pointer` is not a JSON pointer or names nothing in `doc`.
const nlohmann::json* At(const nlohmann::json& doc, const std::string& pointer) {
  try {
    const nlohmann::json::json_pointer p(pointer);
    return doc.contains(p) ? &doc.at(p) : nullptr;
  } catch (const nlohmann::json::exception&) {
    return nullptr;
  }
}

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) parts.push_back(part);
  return parts;
}

// The raw text of the first value of `key` in a JSON text: "5.0", "\"\\u00e9\"". How a server
// writes a value is a choice the parsed value hides. Scans the text once; never parses.
std::string LiteralAfterKey(const std::string& body, const std::string& key) {
  const std::string quoted = "\"" + key + "\"";
  for (size_t at = body.find(quoted); at != std::string::npos; at = body.find(quoted, at + 1)) {
    size_t i = at + quoted.size();
    while (i < body.size() && isspace(static_cast<unsigned char>(body[i]))) ++i;
    if (i >= body.size() || body[i] != ':') continue;  // the key's text inside a value, not a key
    ++i;
    while (i < body.size() && isspace(static_cast<unsigned char>(body[i]))) ++i;
    const size_t start = i;
    if (i < body.size() && body[i] == '"') {
      for (++i; i < body.size() && body[i] != '"'; ++i) {
        if (body[i] == '\\') ++i;
      }
      return body.substr(start, std::min(i + 1, body.size()) - start);
    }
    while (i < body.size() && body[i] != ',' && body[i] != '}' && body[i] != ']' &&
           !isspace(static_cast<unsigned char>(body[i]))) {
      ++i;
    }
    return body.substr(start, i - start);
  }
  return kAbsent;
}

nlohmann::json KeysOf(const nlohmann::json* object) {
  if (!object || !object->is_object()) return kAbsent;
  nlohmann::json keys = nlohmann::json::array();
  for (auto it = object->begin(); it != object->end(); ++it) keys.push_back(it.key());
  return keys;
}

// The keys in the order the answer wrote them (nlohmann::json sorts; ordered_json keeps order).
nlohmann::json KeysInOrder(const std::string& body, const std::string& pointer) {
  if (JsonNestingDepth(body) > kMaxJsonDepth) return kAbsent;
  const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(body, nullptr, false);
  if (doc.is_discarded()) return kAbsent;
  try {
    const nlohmann::ordered_json::json_pointer p(pointer);
    if (!doc.contains(p) || !doc.at(p).is_object()) return kAbsent;
    nlohmann::json keys = nlohmann::json::array();
    for (auto it = doc.at(p).begin(); it != doc.at(p).end(); ++it) keys.push_back(it.key());
    return keys;
  } catch (const nlohmann::json::exception&) {
    return kAbsent;
  }
}

bool ReadsJson(const std::string& read) {
  return read == "value" || read == "keys" || read == "keys-in-order" || read == "count" || read == "present";
}

// "close" or "open": HTTP/1.1 keeps a connection open unless an answer says close, so a missing
// header and "keep-alive" are the same choice.
std::string ConnectionChoice(const std::string& header) {
  return AsciiLower(header).find("close") != std::string::npos ? "close" : "open";
}

// `body` is the answer parsed, for the reads that need it (ReadsJson), discarded otherwise.
nlohmann::json ReadFromAnswer(const ChoiceSpec& spec, const Exchange& x, const nlohmann::json& body) {
  if (spec.read == "status") return x.response.status;
  if (spec.read == "connection") return ConnectionChoice(x.response.Header("Connection"));
  if (spec.read == "header") {
    const std::string value = x.response.Header(spec.name);
    return value.empty() ? nlohmann::json(kAbsent) : nlohmann::json(value);
  }
  if (spec.read == "literal") return LiteralAfterKey(x.response.body, spec.name);
  if (spec.read == "integer") {
    std::string text = LiteralAfterKey(x.response.body, spec.name);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
    return text;
  }
  if (spec.read == "keys-in-order") return KeysInOrder(x.response.body, spec.at);
  if (spec.read == "present") {
    nlohmann::json present = nlohmann::json::array();
    for (const std::string& pointer : SplitCommas(spec.at)) {
      if (At(body, pointer)) present.push_back(pointer);
    }
    return present;
  }
  const nlohmann::json* value = At(body, spec.at);
  if (spec.read == "keys") return KeysOf(value);
  if (spec.read == "count") return value && value->is_array() ? nlohmann::json(value->size()) : nlohmann::json(kAbsent);
  return value ? *value : nlohmann::json(kAbsent);  // "value"
}

}  // namespace

ChoiceEvidence EvidenceOf(const Exchange& x) {
  ChoiceEvidence e;
  e.request = x.request.method + " " + x.request.url;
  e.request_body = Utf8Shorten(x.request.body, kEvidenceChars);
  e.status = x.response.status;
  e.response_body = Utf8Shorten(x.response.body, kEvidenceChars);
  return e;
}

Choice ReadChoice(const ChoiceSpec& spec, const CaseResult& result) {
  Choice choice;
  choice.id = spec.id;
  choice.freedom = spec.freedom;
  const Exchange* answer = LastAnswerOf(result, spec.step);
  if (!answer) {
    choice.problem = "step " + std::to_string(spec.step) + " of " + result.id + " was not sent" +
                     (result.error_type.empty() ? "" : " (the probe ended: " + result.error_type + ")");
    return choice;
  }
  choice.evidence = EvidenceOf(*answer);
  const std::string step = "step " + std::to_string(spec.step) + " of " + result.id;
  // Problems name a stable kind only (no URL, no port): two profiles of one server compare equal.
  if (!answer->response.ok()) {
    choice.problem = step + " got no answer (" + TransportErrorName(answer->response.error) + ")";
    return choice;
  }
  const int status_class = answer->response.status / 100;
  if (!spec.answered.empty() && std::to_string(status_class) + "xx" != spec.answered) {
    choice.problem = step + " answered " + std::to_string(answer->response.status) + ", not " + spec.answered;
    return choice;
  }
  const nlohmann::json body =
      ReadsJson(spec.read) ? ParseJsonText(answer->response.body) : nlohmann::json(nlohmann::json::value_t::discarded);
  if (ReadsJson(spec.read) && body.is_discarded()) {
    choice.problem = step + " answered " + std::to_string(answer->response.status) + " with a body that is not JSON";
    return choice;
  }
  choice.value = ReadFromAnswer(spec, *answer, body);
  return choice;
}

Choice ReadRetriedStatuses(const std::vector<CaseResult>& results) {
  Choice choice;
  choice.id = kRetriedStatusesChoice;
  choice.freedom = "the statuses (429, 503) a server answered that a retry then recovered from, while profiled";
  std::set<int> statuses;
  for (const CaseResult& r : results) {
    for (size_t i = 0; i < r.exchanges.size(); ++i) {
      const Exchange& x = r.exchanges[i];
      const size_t retried = x.step.find(kRetriedLabel);
      if (retried == std::string::npos) continue;
      // Recovered: the same request's final answer, recorded after its retries, is no 429 or 503.
      const std::string step = x.step.substr(0, retried);
      bool recovered = false;
      for (size_t j = i + 1; j < r.exchanges.size() && !recovered; ++j) {
        const int status = r.exchanges[j].response.status;
        recovered = r.exchanges[j].step == step && status != 429 && status != 503 && r.exchanges[j].response.ok();
      }
      if (!recovered) continue;
      if (statuses.empty()) choice.evidence = EvidenceOf(x);
      statuses.insert(x.response.status);
    }
  }
  choice.value = nlohmann::json(std::vector<int>(statuses.begin(), statuses.end()));
  return choice;
}

Choice ReadSearch(const SearchSpec& spec, const std::vector<const CaseResult*>& tries) {
  Choice choice{spec.id, spec.freedom, nullptr, "", {}};
  const Exchange* accepted = nullptr;
  const Exchange* refused = nullptr;
  int64_t largest = -1, smallest = -1;
  for (const CaseResult* r : tries) {
    const Exchange* answer = LastAnswerOf(*r, spec.step);
    const TryVerdict verdict = JudgeTry(*r, spec.step);
    if (verdict == TryVerdict::kUnknown) {
      // A try that showed nothing of the size (a timeout, a 409) ends the search: no limit is known.
      if (answer) choice.evidence = EvidenceOf(*answer);
      const std::string how = !answer ? "was not sent"
                              : answer->response.status ? "answered " + std::to_string(answer->response.status)
                                                        : "got no answer (" + std::string(TransportErrorName(answer->response.error)) + ")";
      choice.problem = "the try of " + std::to_string(r->search_size) + " (" + spec.grow + ") " + how +
                       ", which says nothing of the limit";
      return choice;
    }
    if (verdict == TryVerdict::kAccepted && r->search_size > largest) largest = r->search_size, accepted = answer;
    if (verdict == TryVerdict::kRefused && (smallest < 0 || r->search_size < smallest)) {
      smallest = r->search_size, refused = answer;
    }
  }
  if (!accepted && !refused) {
    choice.problem = "the search " + spec.id + " sent no try";
    return choice;
  }
  choice.evidence = EvidenceOf(refused ? *refused : *accepted);
  choice.value = {{"accepted", accepted ? nlohmann::json(largest) : nlohmann::json(nullptr)},
                  {"refused", refused ? nlohmann::json(smallest) : nlohmann::json(nullptr)}};
  if (refused) {
    choice.value["refused_with"] = refused->response.status ? nlohmann::json(refused->response.status)
                                                            : nlohmann::json(TransportErrorName(refused->response.error));
  }
  return choice;
}

}  // namespace conform
