// Report files: write to a temporary name, then rename, so a reader never sees half a report.
#include "report/report_files.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace conform {
namespace {

// Written first, then renamed over the report: unique per process, so concurrent runs that share
// a reports folder never remove or rename each other's half-written files.
std::string TemporaryName(const std::string& path) { return path + ".tmp." + std::to_string(::getpid()); }

}  // namespace

bool WriteReportFile(const std::string& path, const std::string& text, std::string* err) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const std::string temporary = TemporaryName(path);
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

bool CheckReportFileWritable(const std::string& path, std::string* err) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target(path);
  if (fs::is_directory(target, ec)) {
    *err = path + ": is a folder, not a file";
    return false;
  }
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
      *err = path + ": cannot create its folder: " + ec.message();
      return false;
    }
  }
  // The name the real write will use: unique to this process, so a run checking its paths never
  // touches another run's file (two runs sharing reports/ raced on a shared ".tmp" name).
  const std::string temporary = TemporaryName(path);
  {
    std::ofstream probe(temporary, std::ios::binary | std::ios::trunc);
    if (!probe) {
      *err = path + ": cannot write: " + std::strerror(errno);
      return false;
    }
  }
  fs::remove(temporary, ec);
  return true;
}

bool CheckReportDirWritable(const std::string& dir, std::string* err) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    *err = dir + ": cannot create the folder: " + (ec ? ec.message() : "a file is in the way");
    return false;
  }
  return CheckReportFileWritable((fs::path(dir) / ".conform-write-check").string(), err);
}

}  // namespace conform
