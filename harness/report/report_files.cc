// Report files: write to a temporary name, then rename, so a reader never sees half a report.
#include "report/report_files.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace conform {

bool WriteReportFile(const std::string& path, const std::string& text, std::string* err) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      *err = path + ": cannot write: " + std::strerror(errno);
      return false;
    }
    out << text;
    if (!out.flush()) {
      *err = path + ": write failed";
      return false;
    }
  }
  fs::rename(temporary, target, ec);
  if (ec) {
    *err = path + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace conform
