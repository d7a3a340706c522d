// What a list shows of a connection, against what the connection is: a GET of its name (the
// cases) or the contract's model (exploration). The writable state is compared as the replace
// oracle compares states (StateOf, FirstDifference): read-only and server fields are never
// compared, null, absent and an empty configuration are alike, and 5 equals 5.0. Pure.
#pragma once

#include <optional>
#include <string>

#include "check/finding.h"
#include "check/list_contents.h"
#include "check/replace_oracle.h"

namespace conform {

// The rule a list's view is judged by, and what it is held to ("a GET of it", "the contract's
// model"), for the message.
struct ViewRule {
  std::string rule;
  std::string truth;
};

// A must-level finding when `listed` shows `name` otherwise than `truth`: the pointer is the
// listed connection's field on its page, expected the truth's value, actual the list's. None
// when they agree, or when `truth` holds no connection (whether the name should be listed at
// all is for the membership rules to say).
std::optional<Finding> JudgeListedView(const std::string& name, const ListedConnection& listed, const Snapshot& truth,
                                       const ViewRule& rule, const std::string& step);

}  // namespace conform
