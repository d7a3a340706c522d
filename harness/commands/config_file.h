// Applies a config file (conform.json or --config FILE) to the run options: flags given on the
// command line win over the file, the file wins over defaults. Reads one file.
#pragma once

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/options.h"
#include "http/http_types.h"

namespace conform {

// Fills *options from the file where no flag was given and *headers with its "headers". No file
// (none given, no ./conform.json) is fine. The file is checked against config.schema.json of
// options->schemas_dir. false with "file: /pointer: what is wrong" otherwise.
bool ApplyConfigFile(RunOptions* options, Headers* headers, std::string* err);

// conform list and lint: the selection keys of the same file (filter, tags, exclude,
// exclude_tags, cases), where no flag in `given` says otherwise, so they show what run would run.
bool ApplyConfigSelection(const std::string& config_path, const std::string& schemas_dir,
                          const std::set<std::string>& given, Selection* selection, std::string* err);

// The same for a document already read (and checked against the schema, where there is one);
// path names it in errors. Any JSON is handled without throwing.
bool ApplyConfigDocument(const nlohmann::json& doc, const std::string& path, RunOptions* options, Headers* headers,
                         std::string* err);

}  // namespace conform
