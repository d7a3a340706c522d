// The mock's in-memory store of connections: the API's semantics (full replace, no upsert,
// immutable names, validation), with no HTTP in sight. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "contract/connection_rules.h"
#include "mock/faults.h"
#include "mock/freedoms.h"

namespace conform {

// What a call answers: an HTTP status and a JSON body.
struct Reply {
  int status = 200;
  nlohmann::json body;
};

// The seed of the pauses the race faults take (each server thread draws from its own copy).
constexpr unsigned kRacePauseSeed = 20261128;

class ConnectionStore {
 public:
  // max_page: no list page holds more, whatever paging.limit asks (0: no cap of its own).
  // freedoms: the conformant differences of mock/freedoms.h that are the store's to take.
  explicit ConnectionStore(FaultSet faults = {}, int max_page = 0, Freedoms freedoms = {})
      : faults_(std::move(faults)), max_page_(max_page), freedoms_(freedoms) {}

  Reply Create(const nlohmann::json& body);
  Reply Get(const std::string& name) const;
  // limit and offset are the raw query values; empty means absent.
  Reply List(const std::string& limit, const std::string& offset) const;
  Reply Update(const std::string& path_name, const nlohmann::json& body);
  Reply Delete(const std::string& name);

  size_t Size() const;

  // The connections as JSON, to save across restarts: {"connections": [{"name", "writable",
  // "protocolVersion", "publicKey", "revision", "createdMs", "updatedMs"}]}.
  nlohmann::json Save() const;
  // Replaces the connections with saved ones; false with *err naming the JSON pointer at fault.
  bool Load(const nlohmann::json& saved, std::string* err);

  // A connection as stored (the writable fields as the client last set them, and the server's own).
  struct Stored {
    nlohmann::json writable;  // name, endpoint, configuration as the client last set them
    std::string protocol_version;
    std::string public_key;
    // Moved by every write; answered only with the moving-revision freedom.
    uint64_t revision = 0;
    int64_t created_ms = 0;  // Unix milliseconds
    int64_t updated_ms = 0;
  };

  // One name's state, to put back later (exploration's model undoes a write a target refused):
  // copying the whole store for every operation would cost more than the operation.
  struct NameState {
    std::string name;
    std::optional<Stored> stored;  // none: the name did not exist
  };
  NameState SaveName(const std::string& name) const;
  void RestoreName(const NameState& state);

 private:

  bool Has(Fault f) const { return faults_.count(f) > 0; }
  // The connection a name reaches: exactly, or as the name faults (prefix-lookup, trim-names)
  // find it. Called with mu_ held.
  std::map<std::string, Stored>::iterator Find(const std::string& name);
  std::map<std::string, Stored>::const_iterator Find(const std::string& name) const;
  // The name a create stores: as sent, or trimmed by the trim-names fault.
  std::string StoredName(const std::string& name) const;
  std::optional<FieldViolation> NameProblem(const std::string& name) const;
  std::optional<FieldViolation> BodyProblem(const nlohmann::json& body) const;
  nlohmann::json Render(const Stored& stored) const;
  Stored Replace(const Stored* old, const std::string& name, const nlohmann::json& connection) const;
  Reply UpdateUnknown(const std::string& name, const nlohmann::json& connection);
  // Faults that let the lock go in the middle of a write (see faults.h).
  Reply WriteInTwoSteps(const std::string& name, const Stored& next, std::unique_lock<std::mutex>* lock);
  void RacePause(int min_us = 200, int max_us = 2000) const;

  const FaultSet faults_;
  const int max_page_;
  const Freedoms freedoms_;
  mutable std::mutex mu_;
  std::map<std::string, Stored> connections_;
  std::map<std::string, Stored> deleted_;  // kept only by the list-shows-deleted fault
  std::map<std::string, Stored> as_created_;  // kept only by the stale-list-view fault
  std::map<std::string, Stored> tombstones_;  // kept only by the recreate-keeps-old and no-name-reuse faults
  std::map<std::string, std::set<std::string>> put_bodies_;  // kept only by the put-body-cache fault
  unsigned long next_key_ = 1;
};

}  // namespace conform
