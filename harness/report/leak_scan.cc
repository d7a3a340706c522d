// Leak scan.
#include "report/leak_scan.h"

#include "load/json_file.h"

namespace conform {

std::vector<std::string> FilesContainingSecrets(const std::vector<std::string>& paths,
                                                const std::set<std::string>& secrets) {
  std::vector<std::string> leaking;
  for (const std::string& path : paths) {
    std::string text, err;
    if (!ReadTextFile(path, &text, &err)) continue;
    for (const std::string& secret : secrets) {
      if (!secret.empty() && text.find(secret) != std::string::npos) {
        leaking.push_back(path);
        break;
      }
    }
  }
  return leaking;
}

}  // namespace conform
