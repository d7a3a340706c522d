// What a walk of the list shows of exploration's names, against the model: each listed exactly
// when the model holds it, showing what the model holds. Names others own on the target are not
// judged. Pure: the walk is done (run/list_walker.h), the model's states are given.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "check/finding.h"
#include "check/list_contents.h"
#include "mock/store.h"

namespace conform {

// The model's state of a name: 200 and the connection, or 404.
using ModelState = std::function<const Reply&(const std::string& name)>;

// Every divergence of the walk from the model over `names`: explore.list-diverged for a name
// listed that the model does not hold (or the reverse), explore.list-view-diverged for a listed
// connection that shows otherwise than the model holds it.
std::vector<Finding> ListDivergences(const std::string& step, const ListWalk& walk, const std::set<std::string>& names,
                                     const ModelState& model);

}  // namespace conform
