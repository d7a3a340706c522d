#include "explore/operations.h"

namespace conform {
namespace {

std::string SlotName(int slot) { return "${name}-x" + std::to_string(slot); }

nlohmann::json Connection(int serial, ValueGenerator* values, int entries) {
  nlohmann::json configuration = {{"secretKey", "conform-secret-${run_id}"}};
  for (int i = 0; i < entries; ++i) {
    ConfigEntry e = values->Next(serial * 8 + i);
    configuration[e.key] = e.value;
  }
  return {{"endpoint", "https://example.com/explore/" + std::to_string(serial)}, {"configuration", configuration}};
}

Operation Make(CallKind call, int slot, std::string what) {
  Operation op;
  op.request.call = call;
  op.slot = slot;
  op.what = std::move(what);
  if (call != CallKind::kCreate && call != CallKind::kList) op.request.name = SlotName(slot);
  if (call == CallKind::kList) op.request.query = {{"paging.limit", "100"}};
  return op;
}

}  // namespace

std::vector<Operation> GenerateOperations(int count, int pool, ValueGenerator* values) {
  std::mt19937_64& random = values->random();
  std::vector<nlohmann::json> sent;  // earlier bodies' connections, to send again
  std::vector<bool> exists(static_cast<size_t>(pool), false);  // which names the sequence has made
  std::vector<Operation> ops;
  for (int serial = 0; serial < count; ++serial) {
    int slot = std::uniform_int_distribution<int>(0, pool - 1)(random);
    int roll = std::uniform_int_distribution<int>(0, 99)(random);
    // While the coverage floor is owed, every operation stores its values: a create of a name
    // that does not exist, or an update of one that does.
    if (values->Undrawn() > 0) roll = exists[static_cast<size_t>(slot)] ? 30 : 0;
    // While the coverage floor is owed, bodies carry more values so it is met early.
    const int entries = values->Undrawn() > 0 ? 3 : std::uniform_int_distribution<int>(1, 3)(random);
    Operation op;
    if (roll < 25) {
      op = Make(CallKind::kCreate, slot, "create");
      nlohmann::json c = Connection(serial, values, entries);
      c["name"] = SlotName(slot);
      op.request.body = nlohmann::json{{"externalDatabaseConnection", c}, {"connectionType", "STANDALONE"}};
      sent.push_back(c);
    } else if (roll < 60) {
      op = Make(CallKind::kUpdate, slot, "update");
      nlohmann::json c = Connection(serial, values, entries);
      c["name"] = SlotName(slot);  // as Wix's SDK sends every update: the path's name in the body too
      op.request.body = nlohmann::json{{"externalDatabaseConnection", c}};
      sent.push_back(c);
    } else if (roll < 68 && !sent.empty()) {
      op = Make(CallKind::kUpdate, slot, "update with an earlier body");
      nlohmann::json c = sent[std::uniform_int_distribution<size_t>(0, sent.size() - 1)(random)];
      c["name"] = SlotName(slot);
      op.request.body = nlohmann::json{{"externalDatabaseConnection", c}};
    } else if (roll < 73) {
      op = Make(CallKind::kUpdate, slot, "update with an invalid body");
      op.invalid = true;
      op.request.body = nlohmann::json{
          {"externalDatabaseConnection", {{"name", SlotName(slot)}, {"endpoint", "not a url"}, {"configuration", {{"x", 1}}}}}};
    } else if (roll < 83) {
      op = Make(CallKind::kGet, slot, "get");
    } else if (roll < 88) {
      op = Make(CallKind::kList, slot, "list");
    } else {
      op = Make(CallKind::kDelete, slot, "delete");
    }
    if (op.request.call == CallKind::kCreate) exists[static_cast<size_t>(slot)] = true;
    if (op.request.call == CallKind::kDelete) exists[static_cast<size_t>(slot)] = false;
    ops.push_back(std::move(op));
  }
  return ops;
}

}  // namespace conform
