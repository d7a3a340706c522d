// Parallel steps: a group of requests to one connection sent at the same moment, round after
// round, each round judged by the group's oracle.
#include "check/group_oracles.h"

#include "contract/connection_rules.h"
#include "http/target_url.h"
#include "run/case_execution.h"
#include "text/utf8.h"

namespace conform {

bool Execution::RunParallel(size_t index, const ParallelGroup& group) {
  // On this machine a round costs a millisecond, so many run; elsewhere every request waits for
  // --rate, so few do.
  const bool loopback = IsLoopbackTarget(settings_.base_url);
  const int rounds = group.rounds.For(loopback);
  const int writers = group.writers.For(loopback);
  std::optional<Snapshot> last;  // the state after the round before
  for (int round = 1; round <= rounds; ++round) {
    const size_t findings = s_->result.findings.size(), exchanges = s_->result.exchanges.size();
    const std::string label = "step " + std::to_string(index + 1) + " (parallel) round " + std::to_string(round);
    if (!RunRound(label, group, round, writers, &last)) return false;
    if (FirstMust(s_->result.findings, findings)) return true;
    if (round < rounds && s_->result.findings.size() == findings) {
      s_->result.exchanges.resize(exchanges);
    }
  }
  return true;
}

bool Execution::PrepareRound(const std::string& label, const ParallelGroup& group) {
  for (size_t i = 0; i < group.prepare.size(); ++i) {
    const RequestSpec& spec = group.prepare[i];
    const std::string step = label + " prepare " + std::to_string(i + 1) + " (" + CallKindName(spec.call) + ")";
    HttpRequest request;
    HttpResponse response;
    if (!Build(spec, &request) || !Send(step, spec.call, request, &response)) return false;
    CheckAnswer(Observe(spec.call, step, response), request, "", false);
    if (response.status / 100 != 2) {
      return Error("setup", step + " answered " + std::to_string(response.status) + ": " + redactor_->Excerpt(response.body, 200));
    }
  }
  return true;
}

bool Execution::RunRound(const std::string& label, const ParallelGroup& group, int round, int writers,
                         std::optional<Snapshot>* last) {
  s_->vars.Set("round", std::to_string(round));
  s_->vars.Set("writer", "0");
  if (!PrepareRound(label, group)) return false;

  GroupInput in;
  std::vector<HttpRequest> requests;
  std::vector<std::string> steps;
  std::vector<CallKind> calls;
  int writer = 0;
  for (const RequestSpec& spec : group.requests) {
    for (int copy = 0; copy < writers; ++copy) {
      s_->vars.Set("writer", std::to_string(++writer));
      HttpRequest request;
      std::string name;
      if (!Build(spec, &request, &name)) return false;
      if (name.empty()) name = BodyName(last_body_);  // a create names its connection in the body
      if (in.name.empty()) in.name = name;
      if (name != in.name) return Error("setup", label + ": a parallel group touches one name, not " + in.name + " and " + name);
      GroupMember member;
      member.label = "writer " + std::to_string(writer) + " (" + CallKindName(spec.call) + ")";
      member.call = spec.call;
      if (const nlohmann::json* sent = BodyConnection(last_body_)) member.sent = *sent;
      in.members.push_back(member);
      requests.push_back(request);
      steps.push_back(label + " " + member.label);
      calls.push_back(spec.call);
    }
  }
  // Without a prepare and on the same name, the round starts where the last one ended: no read.
  if (last->has_value() && group.prepare.empty() && (*last)->connection &&
      NameOf(*(*last)->connection) == in.name) {
    in.before = **last;
  } else if (!Read(label + " GET before", in.name, &in.before)) {
    return false;
  }
  std::vector<HttpResponse> responses;
  if (!SendGroup(label, steps, calls, requests, &responses)) return false;
  for (size_t i = 0; i < responses.size(); ++i) {
    const Observed observed = Observe(calls[i], steps[i], responses[i]);
    CheckAnswer(observed, requests[i], "", false);
    in.members[i].status = responses[i].status;
    in.members[i].answered = MakeSnapshot(responses[i].status, observed.body).connection;
  }
  if (!Read(label + " GET after", in.name, &in.after)) return false;
  *last = in.after;
  Append(JudgeGroup(group.oracle, in, label));
  return true;
}

}  // namespace conform
