// All report files of a run, and the leak scan over them.
#include "report/report_set.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <functional>

#include "report/github_report.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/leak_scan.h"
#include "report/report_files.h"
#include "run/boundary.h"
#include "text/json_text.h"

namespace conform {
namespace {

namespace fs = std::filesystem;

// Each report is made behind a boundary: a bug of conform's in one writer costs that file
// only, and says so.
void Write(const std::string& path, const char* what, const std::function<std::string()>& make, ReportOutcome* out) {
  if (path.empty()) return;
  std::string text, err;
  if (!RunGuarded(std::string("the ") + what, [&] { text = make(); }, &err)) {
    out->errors.push_back(path + ": " + err);
    return;
  }
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
      Write(path, "saved exchange", [&] { return DumpJson(JsonReportExchange(c.exchanges[i]), 2) + "\n"; }, out);
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
  std::string text, err;
  if (!RunGuarded("GitHub step summary", [&] { text = GithubStepSummary(run); }, &err)) {
    std::fclose(file);
    out->errors.push_back(path + ": " + err);
    return;
  }
  std::fwrite(text.data(), 1, text.size(), file);
  std::fclose(file);
  out->written.push_back(path);
}

}  // namespace

ReportOutcome WriteReports(const RunResult& run, const ReportPaths& paths, const std::set<std::string>& secrets) {
  ReportOutcome out;
  Write(paths.junit, "JUnit report", [&] { return JunitReport(run, paths.junit_profile); }, &out);
  Write(paths.json, "JSON report", [&] { return DumpJson(JsonReport(run), 2) + "\n"; }, &out);
  Write(paths.html, "HTML report", [&] { return HtmlReport(run); }, &out);
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
