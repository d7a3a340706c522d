// After the reports are written: reads each file conform wrote and looks for any secret value,
// so a redaction bug can never leak quietly. Reads files; no network.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace conform {

// Files (of paths) that contain one of secrets. Unreadable files are skipped.
std::vector<std::string> FilesContainingSecrets(const std::vector<std::string>& paths,
                                                const std::set<std::string>& secrets);

}  // namespace conform
