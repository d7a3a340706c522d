// Reads a report.json back into a RunResult (for `conform merge`). Pure.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "run/results.h"

namespace conform {

// false with *err = "/json/pointer: what is wrong" when the document is not a conform report.
bool RunResultFromJson(const nlohmann::json& report, RunResult* out, std::string* err);

}  // namespace conform
