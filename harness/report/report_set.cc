// All report files of a run, and the leak scan over them.
#include "report/report_set.h"

#include <cctype>
#include <cstdio>
#include <filesystem>

#include "report/github_report.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/leak_scan.h"
#include "report/report_files.h"

namespace conform {
namespace {

namespace fs = std::filesystem;

void Write(const std::string& path, const std::string& text, ReportOutcome* out) {
  if (path.empty()) return;
  std::string err;
  if (WriteReportFile(path, text, &err)) {
    out->written.push_back(path);
  } else {
    out->errors.push_back(err);
  }
}

// A file name part from a case id or step label: keeps [a-z0-9-], maps the rest to '-'.
std::string Slug(const std::string& text) {
  std::string out;
  for (char c : text) out += (std::isalnum(static_cast<unsigned char>(c)) ? c : '-');
  return out;
}

void SaveExchanges(const RunResult& run, const std::string& dir, ReportOutcome* out) {
  if (dir.empty()) return;
  for (const CaseResult& c : run.cases) {
    for (size_t i = 0; i < c.exchanges.size(); ++i) {
      char number[32];
      std::snprintf(number, sizeof(number), "%03zu", i + 1);
      const std::string path = (fs::path(dir) / Slug(c.id) / (std::string(number) + "-" + Slug(c.exchanges[i].step) + ".json")).string();
      Write(path, JsonReportExchange(c.exchanges[i]).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", out);
    }
  }
}

void AppendGithubSummary(const RunResult& run, const std::string& path, ReportOutcome* out) {
  if (path.empty()) return;
  FILE* file = std::fopen(path.c_str(), "a");
  if (!file) {
    out->errors.push_back(path + ": cannot append the GitHub step summary");
    return;
  }
  const std::string text = GithubStepSummary(run);
  std::fwrite(text.data(), 1, text.size(), file);
  std::fclose(file);
  out->written.push_back(path);
}

}  // namespace

ReportOutcome WriteReports(const RunResult& run, const ReportPaths& paths, const std::set<std::string>& secrets) {
  ReportOutcome out;
  Write(paths.junit, JunitReport(run, paths.junit_profile), &out);
  Write(paths.json, JsonReport(run).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", &out);
  Write(paths.html, HtmlReport(run), &out);
  SaveExchanges(run, paths.save_requests_dir, &out);
  AppendGithubSummary(run, paths.github_summary, &out);
  out.leaked = FilesContainingSecrets(out.written, secrets);
  for (const std::string& path : out.leaked) {
    std::error_code ec;
    if (path != paths.github_summary) fs::remove(path, ec);  // never leave a leaking file behind
  }
  return out;
}

}  // namespace conform
