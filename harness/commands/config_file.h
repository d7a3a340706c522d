// Applies a config file (conform.json or --config FILE) to the run options: flags given on the
// command line win over the file, the file wins over defaults. Reads one file.
#pragma once

#include <string>

#include "cli/options.h"
#include "http/http_types.h"
#include "load/schema_registry.h"

namespace conform {

// Fills *options from the file where no flag was given and *headers with its "headers". No file
// (none given, no ./conform.json) is fine. false with "file: /pointer: what is wrong" otherwise.
bool ApplyConfigFile(const SchemaRegistry& schemas, RunOptions* options, Headers* headers, std::string* err);

}  // namespace conform
