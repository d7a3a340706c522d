// Semantics of the five calls, as the contract documents them (api-facts.md §1-§4), with the
// faults of mock/faults.h woven in where they bend a rule.
#include "mock/store.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <random>
#include <thread>

#include "contract/connection_rules.h"
#include "mock/freedom_effects.h"
#include "mock/storage_faults.h"
#include "mock/wix_error.h"
#include "text/utf8.h"

namespace conform {
namespace {

constexpr int kDefaultPageLimit = 50;
constexpr int kMaxPageLimit = 100;

Reply Invalid(const FieldViolation& v, bool as_500) {
  if (as_500) return {500, SystemErrorBody()};
  return {400, ValidationErrorBody(v.field, v.description, v.rule)};
}

Reply NotFound(const std::string& name) {
  return {404, ApplicationErrorBody("NOT_FOUND", "External database connection \"" + name + "\" not found")};
}

// Parses a non-negative integer query value; empty keeps the fallback.
bool ParsePagingValue(const std::string& raw, int fallback, int* out) {
  if (raw.empty()) {
    *out = fallback;
    return true;
  }
  if (raw.find_first_not_of("0123456789") != std::string::npos || raw.size() > 9) return false;
  *out = std::stoi(raw);
  return true;
}

nlohmann::json Wrap(const nlohmann::json& connection) { return {{"externalDatabaseConnection", connection}}; }

bool HasBodyName(const nlohmann::json& connection) { return connection.contains("name") && connection["name"].is_string(); }

const FieldViolation kNameRequired{"externalDatabaseConnection.name", "is required", "REQUIRED_FIELD"};

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

nlohmann::json ConnectionStore::Render(const Stored& stored) const {
  nlohmann::json out = stored.writable;
  const bool has_endpoint = out.contains("endpoint");
  out["connectionStatus"] = {
      {"successful", has_endpoint},
      {"causeOfFailure", has_endpoint ? "NONE" : "DESTINATION_ENDPOINT_NOT_DEFINED"},
      {"hasCollections", has_endpoint ? "NO" : "UNKNOWN"}};
  out["capabilities"] = {{"collectionModificationsSupported", false}, {"fieldTypes", nlohmann::json::array()}};
  out["protocolVersion"] = stored.protocol_version;
  if (!stored.public_key.empty()) out["publicKey"] = stored.public_key;
  if (freedoms_.moving_revision) {
    out["revision"] = std::to_string(stored.revision);
    out["_createdDate"] = IsoTimestamp(stored.created_ms);
    out["_updatedDate"] = IsoTimestamp(stored.updated_ms);
  }
  return out;
}

// The heart of PUT: the new state is the body's writable fields, nothing else. Read-only fields
// in the body are ignored; server-owned fields (protocol version, public key) are kept.
std::optional<FieldViolation> ConnectionStore::NameProblem(const std::string& name) const {
  if (Has(Fault::kShortNamesRejected) && Utf8Length(name) == 1) {
    return FieldViolation{"externalDatabaseConnection.name", "must be at least 2 characters", "MIN_LENGTH"};
  }
  if (Has(Fault::kNameBytesLimit) && name.size() > kMaxNameLength) {
    return FieldViolation{"externalDatabaseConnection.name", "must be at most 255 bytes", "MAX_LENGTH"};
  }
  return CheckName(name);
}

// The body rules, before any name is looked up; validate-first adds the key shapes it refuses.
std::optional<FieldViolation> ConnectionStore::BodyProblem(const nlohmann::json& body) const {
  if (auto v = CheckConnectionBody(body)) return v;
  if (freedoms_.validate_first) return RefusedKeyShape(body);
  return std::nullopt;
}

ConnectionStore::Stored ConnectionStore::Replace(const Stored* old, const std::string& name,
                                                 const nlohmann::json& connection) const {
  Stored next;
  const int64_t now = NowMs();
  next.revision = 1;
  next.created_ms = next.updated_ms = now;
  if (old) {
    next.protocol_version = old->protocol_version;
    next.public_key = old->public_key;
    next.revision = old->revision + 1;
    next.created_ms = old->created_ms;
    next.updated_ms = std::max(now, old->updated_ms + 1);  // two writes in one millisecond still move it
  }
  nlohmann::json writable = WritableState(connection);
  if (old && Has(Fault::kMergeFields)) {
    nlohmann::json merged = old->writable;
    for (auto it = writable.begin(); it != writable.end(); ++it) merged[it.key()] = it.value();
    writable = merged;
  }
  if (old && Has(Fault::kMergeConfiguration) && old->writable.contains("configuration")) {
    nlohmann::json merged = old->writable["configuration"];
    if (writable.contains("configuration")) merged.update(writable["configuration"]);
    writable["configuration"] = merged;
  }
  if (writable.contains("configuration")) BendStoredConfiguration(faults_, &writable["configuration"]);
  if (freedoms_.double_numbers && writable.contains("configuration")) StoreNumbersAsDoubles(&writable["configuration"]);
  if (Has(Fault::kDropArrays) && writable.contains("configuration")) {
    for (auto& value : writable["configuration"]) {
      if (value.is_array()) value = nlohmann::json::array();
    }
  }
  writable["name"] = name;
  next.writable = writable;
  return next;
}

Reply ConnectionStore::Create(const nlohmann::json& body) {
  if (auto v = BodyProblem(body)) return Invalid(*v, Has(Fault::k500OnInvalid));
  const nlohmann::json& c = body["externalDatabaseConnection"];
  const bool named = HasBodyName(c);
  if (!named && !Has(Fault::kCreateWithoutName)) return Invalid(kNameRequired, Has(Fault::k500OnInvalid));
  const nlohmann::json type_value = body.value("connectionType", nlohmann::json("STANDALONE"));
  const std::string type = type_value.is_string() ? type_value.get<std::string>() : "";
  if (type != "STANDALONE" && type != "WIX_SERVICE_PLUGIN") {
    return Invalid({"connectionType", "must be STANDALONE or WIX_SERVICE_PLUGIN", "ENUM"}, Has(Fault::k500OnInvalid));
  }

  std::unique_lock<std::mutex> lock(mu_);
  const std::string name = StoredName(named ? c["name"].get<std::string>() : "unnamed-" + std::to_string(next_key_++));
  if (auto v = NameProblem(name)) return Invalid(*v, Has(Fault::k500OnInvalid));
  if (Find(name) != connections_.end() || (Has(Fault::kNoNameReuse) && tombstones_.count(name))) {
    return {409, ApplicationErrorBody("ALREADY_EXISTS", "External database connection \"" + name + "\" already exists")};
  }
  if (Has(Fault::kUnlockedCreate)) {
    // Check, then insert, with the lock let go in between: concurrent creates all pass the check.
    lock.unlock();
    RacePause();
    lock.lock();
  }
  Stored stored = Replace(nullptr, name, c);
  if (Has(Fault::kRecreateKeepsOld) && tombstones_.count(name)) stored = tombstones_[name];  // the old row, undeleted
  tombstones_.erase(name);
  stored.protocol_version = type == "WIX_SERVICE_PLUGIN" ? "V3" : "V2";
  if (type == "WIX_SERVICE_PLUGIN") stored.public_key = "conform-mock-public-key-" + std::to_string(next_key_++);
  const nlohmann::json answer = Wrap(Render(stored));
  if (Has(Fault::kCreateDropsConfiguration)) stored.writable.erase("configuration");
  connections_[name] = stored;
  deleted_.erase(name);
  if (Has(Fault::kStaleListView)) as_created_[name] = stored;
  if (Has(Fault::kCreateAnswersEmpty)) return {200, nlohmann::json::object()};
  return {Has(Fault::kCreateAnswers201) ? 201 : 200, answer};
}

std::string ConnectionStore::StoredName(const std::string& name) const {
  if (!Has(Fault::kTrimNames)) return name;
  const size_t first = name.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return name.substr(first, name.find_last_not_of(" \t\r\n") - first + 1);
}

std::map<std::string, ConnectionStore::Stored>::const_iterator ConnectionStore::Find(const std::string& name) const {
  const std::string key = StoredName(name);
  auto it = connections_.find(key);
  if (it != connections_.end()) return it;
  if (Has(Fault::kCaseInsensitiveNames)) {
    // A collation that ignores case (MySQL's default): any stored name equal but for ASCII case.
    for (auto other = connections_.begin(); other != connections_.end(); ++other) {
      if (AsciiLower(other->first) == AsciiLower(key)) return other;
    }
    return connections_.end();
  }
  if (!Has(Fault::kPrefixLookup)) return it;
  // An unanchored lookup (LIKE 'name%'): the first stored name that starts with the one asked for.
  it = connections_.lower_bound(key);
  if (it != connections_.end() && it->first.compare(0, key.size(), key) == 0) return it;
  return connections_.end();
}

std::map<std::string, ConnectionStore::Stored>::iterator ConnectionStore::Find(const std::string& name) {
  const auto found = static_cast<const ConnectionStore*>(this)->Find(name);
  return found == connections_.cend() ? connections_.end() : connections_.find(found->first);
}

Reply ConnectionStore::Get(const std::string& name) const {
  // validate-first checks the name too before it looks: a name it cannot hold is 400, not 404.
  if (freedoms_.validate_first) {
    if (auto v = NameProblem(name)) return Invalid(*v, false);
  }
  std::lock_guard<std::mutex> lock(mu_);
  auto it = Find(name);
  if (it == connections_.end()) return NotFound(name);
  return {200, Wrap(Render(it->second))};
}

Reply ConnectionStore::List(const std::string& limit_raw, const std::string& offset_raw) const {
  int limit = 0, offset = 0;
  if (!ParsePagingValue(limit_raw, kDefaultPageLimit, &limit) || limit > kMaxPageLimit) {
    return Invalid({"paging.limit", "must be an integer from 0 to 100", "MAX"}, false);
  }
  if (!ParsePagingValue(offset_raw, 0, &offset)) {
    return Invalid({"paging.offset", "must be a non-negative integer", "MIN"}, false);
  }
  if (max_page_ > 0 && limit > max_page_) limit = max_page_;
  if (Has(Fault::kListIgnoresLimit)) limit = std::numeric_limits<int>::max();
  if (Has(Fault::kListIgnoresOffset)) offset = 0;
  std::lock_guard<std::mutex> lock(mu_);
  // A soft delete the list forgot: the deleted names are listed among the live ones, in order.
  std::map<std::string, const Stored*> listed;
  for (const auto& [name, stored] : connections_) listed[name] = &stored;
  // An index written at create and never again: the list shows each connection as created.
  for (const auto& [name, created] : as_created_) {
    if (listed.count(name)) listed[name] = &created;
  }
  if (Has(Fault::kListShowsDeleted)) {
    for (const auto& [name, stored] : deleted_) listed.emplace(name, &stored);
  }
  nlohmann::json items = nlohmann::json::array();
  int index = 0;
  for (const auto& entry : listed) {
    if (index++ >= offset && static_cast<int>(items.size()) < limit) items.push_back(Render(*entry.second));
  }
  nlohmann::json paging = {{"count", items.size()}, {"offset", offset}, {"total", listed.size()}, {"tooManyToCount", false}};
  if (Has(Fault::kListBarePaging)) paging = {{"tooManyToCount", false}};
  const char* key = Has(Fault::kListWrongKey) ? "connections" : "externalDatabaseConnections";
  return {200, {{key, items}, {"pagingMetadata", paging}}};
}

Reply ConnectionStore::UpdateUnknown(const std::string& name, const nlohmann::json& connection) {
  if (Has(Fault::kUpsert)) {
    Stored stored = Replace(nullptr, name, connection);
    stored.protocol_version = "V2";
    connections_[name] = stored;
    return {200, Wrap(Render(stored))};
  }
  if (Has(Fault::kOkForUnknown)) {
    Stored echo = Replace(nullptr, name, connection);
    echo.protocol_version = "V2";
    return {200, Wrap(Render(echo))};
  }
  return NotFound(name);
}

Reply ConnectionStore::Update(const std::string& path_name, const nlohmann::json& body) {
  const bool as_500 = Has(Fault::k500OnInvalid);
  if (auto v = NameProblem(path_name)) return Invalid(*v, as_500);
  std::optional<FieldViolation> invalid = BodyProblem(body);

  std::unique_lock<std::mutex> lock(mu_);
  auto it = Find(path_name);
  if (invalid) {
    // The fault applies what it can of a body before noticing it is invalid.
    if (Has(Fault::kPartialApply) && it != connections_.end() && body.is_object() &&
        body.value("externalDatabaseConnection", nlohmann::json()).is_object()) {
      const nlohmann::json& c = body["externalDatabaseConnection"];
      if (c.contains("configuration") && c["configuration"].is_object()) {
        it->second.writable["configuration"] = c["configuration"];
      }
    }
    if (Has(Fault::kInvalidUpdate404)) return NotFound(path_name);
    return Invalid(*invalid, as_500);
  }
  const nlohmann::json& c = body["externalDatabaseConnection"];
  // Like the other body rules, before the name is looked up: an unknown name answers 400 too.
  if (freedoms_.requires_body_name && !HasBodyName(c)) {
    return Has(Fault::kInvalidUpdate404) ? NotFound(path_name) : Invalid(kNameRequired, as_500);
  }
  std::string target = path_name;
  if (HasBodyName(c) && c["name"] != path_name) {
    if (!Has(Fault::kRenameOnBodyName)) {
      return Invalid({"externalDatabaseConnection.name", "is immutable and must match the path", "CUSTOM"}, as_500);
    }
    target = c["name"].get<std::string>();
  }
  if (it == connections_.end()) return UpdateUnknown(path_name, c);
  if (target == path_name) target = it->first;  // the connection the name faults reached

  Stored previous = it->second;
  Stored next = Replace(&previous, target, c);
  if (Has(Fault::kEchoWithoutStoring)) return {200, Wrap(Render(next))};
  // A cache keyed by the body: a body seen before for the name is taken as stored already.
  if (Has(Fault::kPutBodyCache) && !put_bodies_[target].insert(c.dump()).second) return {200, Wrap(Render(next))};
  if (Has(Fault::kTwoStepWrites)) return WriteInTwoSteps(target, next, &lock);
  if (Has(Fault::kUpdateResurrects)) {
    // Read, modify, write back, with the lock let go in between: a delete in the pause is undone.
    // The pause is longer than the others: the racing delete must be handled inside it, also in
    // the sanitizer build, where handling a request takes several milliseconds.
    lock.unlock();
    RacePause(2000, 20000);
    lock.lock();
  }
  if (target != path_name) connections_.erase(path_name);
  connections_[target] = next;
  if (Has(Fault::kStaleResponse)) return {200, Wrap(Render(previous))};
  return {200, Wrap(Render(next))};
}

// Two statements without a transaction: the endpoint (with the name), a pause, the configuration.
// The answer shows whatever is stored by then.
Reply ConnectionStore::WriteInTwoSteps(const std::string& name, const Stored& next, std::unique_lock<std::mutex>* lock) {
  Stored& first = connections_[name];
  first.writable["name"] = name;
  if (next.writable.contains("endpoint")) first.writable["endpoint"] = next.writable["endpoint"];
  else first.writable.erase("endpoint");
  lock->unlock();
  RacePause();
  lock->lock();
  Stored& second = connections_[name];
  if (next.writable.contains("configuration")) second.writable["configuration"] = next.writable["configuration"];
  else second.writable.erase("configuration");
  return {200, Wrap(Render(second))};
}

// A pause at random (by default 0.2 to 2 ms), so that paused writers finish in another order
// than they started: long enough for requests sent together to overlap on loopback.
void ConnectionStore::RacePause(int min_us, int max_us) const {
  thread_local std::mt19937 random(kRacePauseSeed);
  std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(min_us, max_us)(random)));
}

Reply ConnectionStore::Delete(const std::string& name) {
  if (freedoms_.validate_first) {
    if (auto v = NameProblem(name)) return Invalid(*v, false);
  }
  std::lock_guard<std::mutex> lock(mu_);
  auto it = Find(name);
  if (it == connections_.end()) return NotFound(name);
  if (Has(Fault::kListShowsDeleted)) deleted_[it->first] = it->second;
  as_created_.erase(it->first);
  if (Has(Fault::kRecreateKeepsOld) || Has(Fault::kNoNameReuse)) tombstones_[it->first] = it->second;
  connections_.erase(it);
  return {200, nlohmann::json::object()};
}

nlohmann::json ConnectionStore::Save() const {
  std::lock_guard<std::mutex> lock(mu_);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [name, stored] : connections_) {
    list.push_back({{"name", name}, {"writable", stored.writable}, {"protocolVersion", stored.protocol_version},
                    {"publicKey", stored.public_key}, {"revision", stored.revision}, {"createdMs", stored.created_ms},
                    {"updatedMs", stored.updated_ms}});
  }
  return {{"connections", list}};
}

bool ConnectionStore::Load(const nlohmann::json& saved, std::string* err) {
  const nlohmann::json* list = saved.is_object() && saved.contains("connections") ? &saved["connections"] : nullptr;
  if (!list || !list->is_array()) {
    *err = "/connections: expected an array of connections";
    return false;
  }
  std::map<std::string, Stored> loaded;
  for (size_t i = 0; i < list->size(); ++i) {
    const nlohmann::json& entry = (*list)[i];
    const std::string at = "/connections/" + std::to_string(i);
    if (!entry.is_object() || !entry.value("name", nlohmann::json()).is_string() || entry["name"].get<std::string>().empty() ||
        !entry.value("writable", nlohmann::json()).is_object()) {
      *err = at + ": expected {\"name\": a non-empty string, \"writable\": an object, ...}";
      return false;
    }
    Stored stored;
    stored.writable = entry["writable"];
    stored.writable["name"] = entry["name"];
    stored.protocol_version = entry.value("protocolVersion", nlohmann::json("V2")).is_string() ? entry.value("protocolVersion", "V2") : "V2";
    stored.public_key = entry.value("publicKey", nlohmann::json("")).is_string() ? entry.value("publicKey", "") : "";
    // Files saved before revisions were kept have none: revision 0, dated 1970.
    if (entry.value("revision", nlohmann::json()).is_number_unsigned()) stored.revision = entry["revision"];
    if (entry.value("createdMs", nlohmann::json()).is_number_integer()) stored.created_ms = entry["createdMs"];
    if (entry.value("updatedMs", nlohmann::json()).is_number_integer()) stored.updated_ms = entry["updatedMs"];
    loaded[entry["name"].get<std::string>()] = stored;
  }
  std::lock_guard<std::mutex> lock(mu_);
  connections_ = std::move(loaded);
  return true;
}

ConnectionStore::NameState ConnectionStore::SaveName(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = connections_.find(name);
  return {name, it == connections_.end() ? std::nullopt : std::optional<Stored>(it->second)};
}

void ConnectionStore::RestoreName(const NameState& state) {
  std::lock_guard<std::mutex> lock(mu_);
  if (state.stored) {
    connections_[state.name] = *state.stored;
  } else {
    connections_.erase(state.name);
  }
}

size_t ConnectionStore::Size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return connections_.size();
}

}  // namespace conform
