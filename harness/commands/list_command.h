// `conform list`: the cases a selection takes, one line each (id, level, tags, title).
#pragma once

#include <string>

#include "load/selection.h"

namespace conform {

int RunListCommand(const Selection& selection, const std::string& schemas_dir);

}  // namespace conform
