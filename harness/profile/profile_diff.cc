#include "profile/profile_diff.h"

#include <map>
#include <set>
#include <sstream>

#include "text/quantities.h"
#include "text/utf8.h"

namespace conform {
namespace {

constexpr size_t kShownEvidence = 100;  // of an answer's body, beside its choice; the file keeps more

bool SameChoice(const Choice& a, const Choice& b) {
  if (!a.problem.empty() || !b.problem.empty()) return a.problem == b.problem;
  return a.value == b.value;
}

std::map<std::string, const Choice*> ById(const Profile& p) {
  std::map<std::string, const Choice*> by_id;
  for (const Choice& c : p.choices) by_id[c.id] = &c;
  return by_id;
}

void PrintSide(std::ostream& out, const char* side, const Choice* c) {
  if (!c) {
    out << "      " << side << ": (not in this profile)\n";
    return;
  }
  out << "      " << side << ": " << ChoiceText(*c);
  if (!c->evidence.request.empty()) {
    out << "  <- " << c->evidence.request << " answered " << c->evidence.status;
    if (!c->evidence.response_body.empty()) out << " " << Utf8Shorten(c->evidence.response_body, kShownEvidence);
  }
  out << "\n";
}

std::string Figures(const Profile& p, const std::string& kind) {
  const auto it = p.latency.find(kind);
  if (it == p.latency.end()) return "-";
  return FormatFixed(it->second.p50_ms, 3) + "/" + FormatFixed(it->second.p99_ms, 3);
}

}  // namespace

std::vector<ChoiceDifference> DiffProfiles(const Profile& a, const Profile& b) {
  const auto in_a = ById(a), in_b = ById(b);
  std::set<std::string> ids;
  for (const auto& [id, c] : in_a) ids.insert(id);
  for (const auto& [id, c] : in_b) ids.insert(id);
  std::vector<ChoiceDifference> differences;
  for (const std::string& id : ids) {
    const auto ia = in_a.find(id), ib = in_b.find(id);
    const Choice* ca = ia == in_a.end() ? nullptr : ia->second;
    const Choice* cb = ib == in_b.end() ? nullptr : ib->second;
    if (ca && cb && SameChoice(*ca, *cb)) continue;
    differences.push_back({id, ca ? ca->freedom : cb->freedom, ca, cb});
  }
  return differences;
}

std::string DiffTable(const Profile& a, const Profile& b, const std::vector<ChoiceDifference>& differences) {
  std::ostringstream out;
  const size_t rows = std::max(a.choices.size(), b.choices.size());
  out << "A: " << a.target << " (" << a.taken << " UTC)\nB: " << b.target << " (" << b.taken << " UTC)\n";
  if (differences.empty()) {
    out << "no choice differs (" << rows << " compared)\n";
  } else {
    out << differences.size() << " of " << rows << " choices differ:\n";
    for (const ChoiceDifference& d : differences) {
      out << "  " << d.id << ": " << d.freedom << "\n";
      PrintSide(out, "A", d.a);
      PrintSide(out, "B", d.b);
    }
  }
  std::set<std::string> kinds;
  for (const auto& [kind, f] : a.latency) kinds.insert(kind);
  for (const auto& [kind, f] : b.latency) kinds.insert(kind);
  if (!kinds.empty()) {
    out << "latency p50/p99 ms, A | B (a measurement, never a difference):";
    for (const std::string& kind : kinds) out << "  " << kind << " " << Figures(a, kind) << " | " << Figures(b, kind);
    out << "\n";
  }
  return out.str();
}

}  // namespace conform
