// Applies a config file (conform.json or --config FILE) to the run options: flags given on the
// command line win over the file, the file wins over defaults. Reads one file.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "cli/options.h"
#include "http/http_types.h"

namespace conform {

// Fills *options from the file where no flag was given and *headers with its "headers". No file
// (none given, no ./conform.json) is fine. The file is checked against config.schema.json of
// options->schemas_dir. false with "file: /pointer: what is wrong" otherwise.
bool ApplyConfigFile(RunOptions* options, Headers* headers, std::string* err);

// The same for a document already read (and checked against the schema, where there is one);
// path names it in errors. Any JSON is handled without throwing.
bool ApplyConfigDocument(const nlohmann::json& doc, const std::string& path, RunOptions* options, Headers* headers,
                         std::string* err);

}  // namespace conform
