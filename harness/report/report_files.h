// Writes report text to disk, creating parent folders. The only report code that touches files.
#pragma once

#include <string>

namespace conform {

// false with *err = "path: reason" on failure.
bool WriteReportFile(const std::string& path, const std::string& text, std::string* err);

// Before a run: can WriteReportFile write `path` later? Creates missing parent folders and tries
// the temporary file it would write. false with *err = "path: reason".
bool CheckReportFileWritable(const std::string& path, std::string* err);

// The same for a folder that will receive files (--save-requests): created if missing.
bool CheckReportDirWritable(const std::string& dir, std::string* err);

}  // namespace conform
