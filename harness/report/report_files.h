// Writes report text to disk, creating parent folders. The only report code that touches files.
#pragma once

#include <string>

namespace conform {

// false with *err = "path: reason" on failure.
bool WriteReportFile(const std::string& path, const std::string& text, std::string* err);

}  // namespace conform
