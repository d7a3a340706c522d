#include "explore/operations.h"

#include <algorithm>

#include "explore/name_pool.h"

namespace conform {
namespace {

// Of 100 operations: how many go out with other credentials than the run's token, and how many
// that pick a name pick one related to a name the sequence has made (so lookups of unknown names
// that resemble stored ones happen often).
constexpr int kOtherCredentialsPercent = 8;
constexpr int kRelatedNamePercent = 35;

nlohmann::json Connection(int serial, ValueGenerator* values, int entries) {
  nlohmann::json configuration = {{"secretKey", "conform-secret-${run_id}"}};
  for (int i = 0; i < entries; ++i) {
    ConfigEntry e = values->Next(serial * 8 + i);
    configuration[e.key] = e.value;
  }
  return {{"endpoint", "https://example.com/explore/" + std::to_string(serial)}, {"configuration", configuration}};
}

// A body of plain values, told apart by `tag` in a value and in a key (so an update that merges
// instead of replacing shows at once): the coverage phase's, which no limit refuses.
nlohmann::json PlainConnection(const std::string& tag) {
  return {{"endpoint", "https://example.com/explore/cover-" + tag},
          {"configuration", {{"secretKey", "conform-secret-${run_id}"}, {"cover-" + tag, tag}}}};
}

// An update body the contract refuses: the endpoint is not a web URL.
nlohmann::json InvalidBody(const std::string& name) {
  return {{"externalDatabaseConnection", {{"name", name}, {"endpoint", "not a url"}, {"configuration", {{"x", 1}}}}}};
}

int Draw(int low, int high, std::mt19937_64& random) { return std::uniform_int_distribution<int>(low, high)(random); }

// A list page of varied size and start, not always 100 from 0.
std::map<std::string, std::string> Paging(std::mt19937_64& random) {
  static const int kLimits[] = {100, 100, 50, 10, 3};
  static const int kOffsets[] = {0, 0, 0, 1, 2, 5};
  return {{"paging.limit", std::to_string(kLimits[Draw(0, 4, random)])},
          {"paging.offset", std::to_string(kOffsets[Draw(0, 5, random)])}};
}

class Generator {
 public:
  Generator(ValueGenerator* values, CredentialMix credentials)
      : values_(values), random_(values->random()), credentials_(credentials), pool_(MakeNamePool(random_)),
        exists_(pool_.names.size(), false) {}

  // The coverage phase: every transition pair (explore/transition_coverage.h) on the pool's first
  // name, an ordinary one, with plain bodies, so no limit of the target's gets in the way.
  std::vector<Operation> CoveragePhase(int budget) {
    const int slot = 0;
    const std::string name = pool_.names[slot];
    const auto update = [&](const std::string& body_tag, std::string what, std::string pair) {
      Operation op = Named(CallKind::kUpdate, slot, std::move(what));
      nlohmann::json c = PlainConnection(body_tag);
      c["name"] = name;
      op.request.body = nlohmann::json{{"externalDatabaseConnection", c}};
      sent_.push_back(c);
      op.pair = std::move(pair);
      return op;
    };
    const auto create = [&](const std::string& body_tag, std::string pair) {
      Operation op = Named(CallKind::kCreate, slot, "create");
      nlohmann::json c = PlainConnection(body_tag);
      c["name"] = name;
      op.request.body = nlohmann::json{{"externalDatabaseConnection", c}, {"connectionType", "STANDALONE"}};
      sent_.push_back(c);
      op.pair = std::move(pair);
      return op;
    };
    const auto plain = [&](CallKind call, std::string what, std::string pair) {
      Operation op = Named(call, slot, std::move(what));
      if (call == CallKind::kList) op.request.query = {{"paging.limit", "100"}, {"paging.offset", "0"}};
      op.pair = std::move(pair);
      return op;
    };
    std::vector<Operation> ops = {
        create("a", ""),
        plain(CallKind::kGet, "get", "create→get"),
        update("x", "update", "get→update"),
        update("x", "update with the same body", "update→update, the same body"),
        update("y", "update", "update→update, another body"),
        update("x", "update with the first body again", "update→update, the first body again"),
        plain(CallKind::kList, "list", "update→list"),
        plain(CallKind::kGet, "get", "list→get"),
    };
    Operation invalid = Named(CallKind::kUpdate, slot, "update with an invalid body");
    invalid.invalid = true;
    invalid.request.body = InvalidBody(name);
    invalid.pair = "get→refused update";
    ops.push_back(invalid);
    ops.push_back(plain(CallKind::kGet, "get", "refused update→get"));
    if (credentials_.bad) {
      Operation unauthorised = update("u", "update without a token", "get→update without credentials");
      unauthorised.request.auth = AuthMode::kNone;
      ops.push_back(unauthorised);
      ops.push_back(plain(CallKind::kGet, "get", "update without credentials→get"));
    }
    for (Operation op : {update("z", "update", ""), plain(CallKind::kDelete, "delete", "update→delete"),
                         plain(CallKind::kDelete, "delete", "delete→delete"), plain(CallKind::kGet, "get", "delete→get"),
                         update("w", "update of a deleted name", "get→update, the name deleted"),
                         create("b", "update→create, the name deleted"), plain(CallKind::kList, "list", "create→list"),
                         plain(CallKind::kDelete, "delete", "list→delete"),
                         plain(CallKind::kList, "list", "delete→list")}) {
      ops.push_back(std::move(op));
    }
    if (static_cast<int>(ops.size()) > budget) ops.resize(static_cast<size_t>(std::max(budget, 0)));
    for (const Operation& op : ops) Track(op);
    return ops;
  }

  Operation Next(int serial) {
    const int slot = PickSlot();
    int roll = Draw(0, 99, random_);
    // While the coverage floor is owed, every operation stores its values: a create of a name
    // that does not exist, or an update of one that does; with more values per body.
    if (values_->Undrawn() > 0) roll = exists_[static_cast<size_t>(slot)] ? 30 : 0;
    const int entries = values_->Undrawn() > 0 ? 3 : Draw(1, 3, random_);
    Operation op = Make(roll, slot, serial, entries);
    if (values_->Undrawn() == 0) WithCredentials(&op);
    Track(op);
    return op;
  }

 private:
  // Which names the sequence has made, as far as the generator can tell (the model decides).
  void Track(const Operation& op) {
    if (op.request.auth != AuthMode::kToken) return;
    if (op.request.call == CallKind::kCreate) exists_[static_cast<size_t>(op.slot)] = true;
    if (op.request.call == CallKind::kDelete) exists_[static_cast<size_t>(op.slot)] = false;
  }

  int PickSlot() {
    const int any = Draw(0, static_cast<int>(pool_.names.size()) - 1, random_);
    std::vector<int> made;
    for (size_t i = 0; i < exists_.size(); ++i) {
      if (exists_[i]) made.push_back(static_cast<int>(i));
    }
    if (made.empty() || Draw(0, 99, random_) >= kRelatedNamePercent) return any;
    return RelatedSlot(pool_, made[static_cast<size_t>(Draw(0, static_cast<int>(made.size()) - 1, random_))], random_);
  }

  Operation Make(int roll, int slot, int serial, int entries) {
    const std::string name = pool_.names[static_cast<size_t>(slot)];
    Operation op;
    if (roll < 25) {
      op = Named(CallKind::kCreate, slot, "create");
      nlohmann::json c = Connection(serial, values_, entries);
      c["name"] = name;
      op.request.body = nlohmann::json{{"externalDatabaseConnection", c}, {"connectionType", "STANDALONE"}};
      sent_.push_back(c);
    } else if (roll < 60) {
      op = Named(CallKind::kUpdate, slot, "update");
      nlohmann::json c = Connection(serial, values_, entries);
      c["name"] = name;  // as Wix's SDK sends every update: the path's name in the body too
      op.request.body = nlohmann::json{{"externalDatabaseConnection", c}};
      sent_.push_back(c);
    } else if (roll < 68 && !sent_.empty()) {
      op = Named(CallKind::kUpdate, slot, "update with an earlier body");
      nlohmann::json c = sent_[static_cast<size_t>(Draw(0, static_cast<int>(sent_.size()) - 1, random_))];
      c["name"] = name;
      op.request.body = nlohmann::json{{"externalDatabaseConnection", c}};
    } else if (roll < 73) {
      op = Named(CallKind::kUpdate, slot, "update with an invalid body");
      op.invalid = true;
      op.request.body = InvalidBody(name);
    } else if (roll < 83) {
      op = Named(CallKind::kGet, slot, "get");
    } else if (roll < 88) {
      op = Named(CallKind::kList, slot, "list");
      op.request.query = Paging(random_);
    } else {
      op = Named(CallKind::kDelete, slot, "delete");
    }
    return op;
  }

  Operation Named(CallKind call, int slot, std::string what) const {
    Operation op;
    op.request.call = call;
    op.slot = slot;
    op.what = std::move(what);
    if (call != CallKind::kCreate && call != CallKind::kList) op.request.name = pool_.names[static_cast<size_t>(slot)];
    return op;
  }

  // Now and then the same call without a token, with a wrong one, or with the read-only token:
  // refused (the read-only token may still read), and nothing may change.
  void WithCredentials(Operation* op) {
    if (!credentials_.bad || op->invalid || Draw(0, 99, random_) >= kOtherCredentialsPercent) return;
    static const AuthMode kModes[] = {AuthMode::kNone, AuthMode::kWrong, AuthMode::kReadonly};
    static const char* kWords[] = {" without a token", " with a wrong token", " with the read-only token"};
    const int mode = Draw(0, credentials_.readonly ? 2 : 1, random_);
    op->request.auth = kModes[mode];
    op->what += kWords[mode];
  }

  ValueGenerator* values_;
  std::mt19937_64& random_;
  const CredentialMix credentials_;
  const NamePool pool_;
  std::vector<bool> exists_;           // which names the sequence has made
  std::vector<nlohmann::json> sent_;   // earlier bodies' connections, to send again
};

}  // namespace

std::vector<Operation> GenerateOperations(int count, ValueGenerator* values, CredentialMix credentials) {
  Generator generator(values, credentials);
  std::vector<Operation> ops = generator.CoveragePhase(count);
  for (int serial = static_cast<int>(ops.size()); serial < count; ++serial) ops.push_back(generator.Next(serial));
  return ops;
}

}  // namespace conform
