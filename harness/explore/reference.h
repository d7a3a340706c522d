// What exploration compares the target with: the contract's model (the mock's store without
// faults, in this process) or, with --reference URL, a second target that gets every operation
// too (to see where a mock has drifted from the real service, or two implementations disagree).
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "http/guarded_transport.h"
#include "http/transport.h"
#include "load/case.h"
#include "load/variables.h"
#include "mock/store.h"
#include "run/request_builder.h"

namespace conform {

class Reference {
 public:
  virtual ~Reference() = default;
  // The answer to the operation `spec` (expanded with `vars`) on connection `name`.
  virtual Reply Apply(const RequestSpec& spec, const Variables& vars, const std::string& name,
                      const std::optional<nlohmann::json>& body) = 0;
  virtual Reply Get(const std::string& name) = 0;
  // Undoes the last Apply (the target refused a body the reference took); false when it cannot.
  virtual bool Undo() = 0;
  virtual void Cleanup(const std::set<std::string>& names) = 0;
  // Why the reference gave no usable answer ("" while it does).
  virtual std::string Failure() const = 0;
};

// The contract's model: the mock's store, without faults.
std::unique_ptr<Reference> ModelReference();

// A second target at `base_url`, reached with `credentials` through `transport` (paced and
// retried like the target's requests).
std::unique_ptr<Reference> RemoteReference(const std::string& base_url, const Credentials& credentials, Transport& transport,
                                           RequestGate& gate);

}  // namespace conform
