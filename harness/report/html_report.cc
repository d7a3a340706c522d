// HTML report layout. Everything a reader needs is in the file: it must open offline.
#include "report/html_report.h"

#include "report/causes.h"
#include "text/utf8.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "report/json_report.h"
#include "report/latency_summary.h"
#include "report/xml_writer.h"
#include "text/quantities.h"

namespace conform {
namespace {

constexpr size_t kMaxHtmlBodyChars = 2048;

const char kStyle[] = R"(
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header,section{margin:0 auto;max-width:1100px;padding:12px 24px}
h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:18px 0 8px;border-bottom:1px solid #d8dde3}
.verdict{padding:2px 10px;border-radius:4px;color:#fff}
.passed{background:#1f883d}.failed{background:#cf222e}.error{background:#9a6700}.warned{background:#bf8700}.skipped{background:#6e7781}
table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #d8dde3;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef1f4}.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;min-width:52px;text-align:center;border-radius:3px;color:#fff;font-size:12px;padding:1px 4px}
.charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;background:#fff;border:1px solid #d8dde3;padding:6px}
figcaption{font-weight:600;font-size:13px}pre{white-space:pre-wrap;word-break:break-all;background:#0d1117;color:#e6edf3;padding:8px;border-radius:4px;font-size:12px;margin:4px 0}
article{background:#fff;border:1px solid #d8dde3;border-left:4px solid #cf222e;margin:12px 0;padding:8px 12px}
table.findings{table-layout:fixed}table.findings code{word-break:break-all}
.filters{margin:8px 0}select{margin-right:12px}.meta td:first-child{width:160px;font-weight:600}
)";

const char kScript[] = R"(
function applyFilters(){var o=document.getElementById('outcome-filter').value,t=document.getElementById('tag-filter').value;
document.querySelectorAll('#case-table tr.case').forEach(function(r){var ok=(!o||r.dataset.outcome===o)&&(!t||r.dataset.tags.indexOf(' '+t+' ')>=0);r.style.display=ok?'':'none';});}
document.getElementById('outcome-filter').addEventListener('change',applyFilters);
document.getElementById('tag-filter').addEventListener('change',applyFilters);
)";

std::string CappedForHtml(const std::string& text) {
  if (text.size() <= kMaxHtmlBodyChars) return text;
  return Utf8Prefix(text, kMaxHtmlBodyChars) + "\n... (" + std::to_string(text.size()) + " bytes in all)";
}

std::string Badge(Outcome o) {
  return "<span class=\"badge " + std::string(OutcomeName(o)) + "\">" + OutcomeName(o) + "</span>";
}

void Summary(const RunResult& run, std::ostringstream& out) {
  const std::string verdict = Verdict(run);
  out << "<header><h1>conform <span class=\"verdict " << verdict << "\">" << verdict << "</span></h1>"
      << "<table class=\"meta\"><tr><td>target</td><td>" << EscapeHtml(run.target) << "</td></tr>"
      << "<tr><td>run id</td><td>" << EscapeHtml(run.run_id) << "</td></tr>"
      << "<tr><td>exploration seed</td><td>"
      << (run.seed.empty() ? std::string("none: nothing was explored") : EscapeHtml(run.seed))
      << "</td></tr>"
      << "<tr><td>started (UTC)</td><td>" << EscapeHtml(run.timestamp) << "</td></tr>"
      << "<tr><td>duration</td><td>" << FormatFixed(run.seconds, 2) << " s</td></tr>"
      << "<tr><td>strict</td><td>" << (run.strict ? "yes" : "no") << "</td></tr>"
      << (run.insecure ? "<tr><td>TLS</td><td><b>not verified (--insecure)</b></td></tr>" : "")
      << (run.interrupted ? "<tr><td>interrupted</td><td><b>yes: a signal stopped the run</b></td></tr>" : "")
      << (run.stopped != RunStop::kNone ? "<tr><td>stopped</td><td><b>" + EscapeHtml(run.stop_message) + "</b></td></tr>" : "")
      << "<tr><td>retries</td><td>" << run.Retries() << " (after 429/503)</td></tr>"
      << "<tr><td>repetitions</td><td>" << run.repeat << " (warm-up " << run.warmup << ")</td></tr></table>";
  out << "<h2>Outcomes</h2><table id=\"counts\"><tr><th>level</th>";
  const Outcome outcomes[] = {Outcome::kPassed, Outcome::kWarned, Outcome::kFailed, Outcome::kError, Outcome::kSkipped};
  for (Outcome o : outcomes) out << "<th>" << OutcomeName(o) << "</th>";
  out << "<th>total</th></tr>";
  for (Level level : {Level::kMust, Level::kShould}) {
    out << "<tr><td>" << LevelName(level) << "</td>";
    int total = 0;
    for (Outcome o : outcomes) {
      int n = static_cast<int>(std::count_if(run.cases.begin(), run.cases.end(), [&](const CaseResult& c) {
        return c.level == level && c.outcome == o;
      }));
      total += n;
      out << "<td class=\"num\">" << n << "</td>";
    }
    out << "<td class=\"num\">" << total << "</td></tr>";
  }
  out << "</table></header>";
}

// Causes several failures share, above the failure cards: read these first.
void Causes(const RunResult& run, std::ostringstream& out) {
  const std::vector<Cause> causes = FindCauses(run);
  if (causes.empty()) return;
  out << "<section id=\"causes\"><h2>Causes</h2><p>" << FailedOrErrored(run)
      << " cases failed or errored; these causes explain several of them.</p><table><tr><th>cases</th><th>cause</th>"
      << "<th>example</th></tr>";
  for (const Cause& cause : causes) {
    out << "<tr><td class=\"num\">" << cause.cases << "</td><td>" << EscapeHtml(cause.title) << "</td><td><a href=\"#case-"
        << EscapeHtml(cause.example_case) << "\">" << EscapeHtml(cause.example_case) << "</a>: " << EscapeHtml(cause.example)
        << "</td></tr>";
  }
  out << "</table></section>";
}

void Latency(const RunResult& run, std::ostringstream& out) {
  out << "<section id=\"latency\"><h2>Latency</h2><table><tr><th>call</th><th>count</th>";
  for (const auto& [label, p] : ReportedPercentiles()) out << "<th>" << label << " ms</th>";
  out << "<th>max ms</th></tr>";
  LatencyByKind rows = run.latency;
  for (const auto& [kind, h] : rows) {
    out << "<tr><td>" << CallKindName(kind) << "</td><td class=\"num\">" << h.count() << "</td>";
    for (const auto& [label, p] : ReportedPercentiles()) {
      out << "<td class=\"num\">" << FormatMs(static_cast<double>(h.Percentile(p))) << "</td>";
    }
    out << "<td class=\"num\">" << FormatMs(static_cast<double>(h.max())) << "</td></tr>";
  }
  out << "</table><div class=\"charts\">";
  for (const auto& [kind, h] : rows) out << PercentileChartSvg(CallKindName(kind), h);
  out << "</div>";
  if (!run.latency_checks.empty()) {
    out << "<h2>Latency checks</h2><table id=\"latency-checks\"><tr><th></th><th>check</th><th>result</th></tr>";
    for (const LatencyCheck& c : run.latency_checks) {
      out << "<tr><td>" << Badge(c.passed ? Outcome::kPassed : Outcome::kFailed) << "</td><td>" << EscapeHtml(c.name)
          << "</td><td>" << EscapeHtml(c.message) << "</td></tr>";
    }
    out << "</table>";
  }
  out << "</section>";
}

void CaseTable(const RunResult& run, std::ostringstream& out) {
  std::set<std::string> tags;
  for (const CaseResult& c : run.cases) tags.insert(c.tags.begin(), c.tags.end());
  out << "<section id=\"cases\"><h2>Cases</h2><div class=\"filters\">"
      << "<label>outcome <select id=\"outcome-filter\"><option value=\"\">all</option>";
  for (const char* o : {"passed", "warned", "failed", "error", "skipped"}) out << "<option>" << o << "</option>";
  out << "</select></label><label>tag <select id=\"tag-filter\"><option value=\"\">all</option>";
  for (const std::string& t : tags) out << "<option>" << EscapeHtml(t) << "</option>";
  out << "</select></label></div><table id=\"case-table\"><tr><th>outcome</th><th>case</th><th>level</th>"
      << "<th>tags</th><th>title</th><th>s</th></tr>";
  for (const CaseResult& c : run.cases) {
    std::string tag_list = " ";
    for (const std::string& t : c.tags) tag_list += t + " ";
    const bool detailed = c.outcome == Outcome::kFailed || c.outcome == Outcome::kError;
    out << "<tr class=\"case\" data-outcome=\"" << OutcomeName(c.outcome) << "\" data-tags=\"" << EscapeHtml(tag_list)
        << "\"><td>" << Badge(c.outcome) << "</td><td>"
        << (detailed ? "<a href=\"#case-" + EscapeHtml(c.id) + "\">" + EscapeHtml(c.id) + "</a>" : EscapeHtml(c.id))
        << "</td><td>" << LevelName(c.level) << "</td><td>" << EscapeHtml(tag_list) << "</td><td>"
        << EscapeHtml(c.title) << "</td><td class=\"num\">" << FormatFixed(c.seconds, 3) << "</td></tr>";
  }
  out << "</table></section>";
}

// Choices the contract leaves to the server, and what a retry recovered from: never a failure.
void Notes(const RunResult& run, std::ostringstream& out) {
  std::string rows;
  for (const CaseResult& c : run.cases) {
    for (const Finding& f : c.findings) {
      if (f.level != Level::kNote) continue;
      rows += "<tr><td>" + EscapeHtml(c.id) + "</td><td><b>" + EscapeHtml(f.rule) + "</b><br><small>" +
              EscapeHtml(f.message) + "</small></td><td>" + EscapeHtml(f.step) + "</td><td><code>" + EscapeHtml(f.expected) +
              "</code></td><td><code>" + EscapeHtml(f.actual) + "</code></td></tr>";
    }
  }
  if (rows.empty()) return;
  out << "<section id=\"notes\"><h2>Notes</h2><p>Choices the contract leaves to the server, and what a retry "
      << "recovered from: never a failure.</p><table class=\"findings\"><tr><th>case</th><th>rule</th><th>step</th>"
      << "<th>preferred</th><th>seen</th></tr>" << rows << "</table></section>";
}

// What the cases happened to show where the contract lets a server choose (the rows conform
// profile lists): a description of this server, never a verdict.
void Choices(const RunResult& run, std::ostringstream& out) {
  if (run.choices.empty()) return;
  out << "<section id=\"choices\"><h2>Choices observed</h2><p>Where the contract leaves a choice to the server, "
      << "what this run's cases saw it choose: never a failure. <code>conform profile</code> probes every one, "
      << "and <code>--diff</code> compares two servers.</p><table class=\"findings\"><tr><th>choice</th>"
      << "<th>what is free</th><th>seen</th><th>shown by</th></tr>";
  for (const Choice& c : run.choices) {
    const ChoiceEvidence& e = c.evidence;
    out << "<tr><td><b>" << EscapeHtml(c.id) << "</b></td><td><small>" << EscapeHtml(c.freedom) << "</small></td><td><code>"
        << EscapeHtml(ChoiceText(c)) << "</code></td><td><small>"
        << (e.request.empty() ? "" : EscapeHtml(e.request) + " &rarr; " + std::to_string(e.status)) << "</small></td></tr>";
  }
  out << "</table></section>";
}

// What exploration covered: each transition pair sent and judged, or why not.
void Coverage(const RunResult& run, std::ostringstream& out) {
  if (run.coverage.empty()) return;
  const size_t covered = CoveredCount(run.coverage);
  out << "<section id=\"coverage\"><h2>Coverage</h2><p>Exploration's coverage phase sends every pair of "
      << "consecutive operations on one name that the contract's model allows, before its random phase: "
      << covered << " of " << run.coverage.size() << " were sent and judged.</p><table class=\"findings\"><tr>"
      << "<th>kind</th><th>pair</th><th>covered</th></tr>";
  for (const CoverageRow& row : run.coverage) {
    out << "<tr><td>" << EscapeHtml(row.kind) << "</td><td><code>" << EscapeHtml(row.name) << "</code></td><td>"
        << (row.covered ? "yes" : "no: " + EscapeHtml(row.reason)) << "</td></tr>";
  }
  out << "</table></section>";
}

void Failure(const CaseResult& c, std::ostringstream& out) {
  out << "<article id=\"case-" << EscapeHtml(c.id) << "\"><h3>" << Badge(c.outcome) << " " << EscapeHtml(c.id) << ": "
      << EscapeHtml(c.title) << "</h3><p>case file <code>" << EscapeHtml(c.file) << "</code></p>";
  if (!c.error_message.empty()) out << "<p><b>" << EscapeHtml(c.error_type) << ":</b> " << EscapeHtml(c.error_message) << "</p>";
  if (!c.findings.empty()) {
    out << "<table class=\"findings\"><colgroup><col style=\"width:6%\"><col style=\"width:30%\">"
        << "<col style=\"width:28%\"><col style=\"width:18%\"><col style=\"width:18%\"></colgroup>"
        << "<tr><th>level</th><th>rule</th><th>where (JSON pointer)</th><th>expected</th><th>actual</th></tr>";
    for (const Finding& f : c.findings) {
      out << "<tr><td>" << LevelName(f.level) << "</td><td><b>" << EscapeHtml(f.rule) << "</b><br><small>"
          << EscapeHtml(f.message) << "</small></td><td>" << EscapeHtml(f.step) << "<br><code>" << EscapeHtml(f.pointer)
          << "</code></td><td><code>" << EscapeHtml(f.expected) << "</code></td><td><code>" << EscapeHtml(f.actual)
          << "</code></td></tr>";
    }
    out << "</table>";
  }
  // The exchange of the first finding's step is open: its request, response and curl line are the
  // first things to look at.
  const std::string first_step = c.findings.empty() ? "" : c.findings.front().step;
  for (const Exchange& x : c.exchanges) {
    const bool open = !first_step.empty() && first_step.size() >= x.step.size() &&
                      first_step.compare(first_step.size() - x.step.size(), x.step.size(), x.step) == 0;
    out << (open ? "<details open><summary>" : "<details><summary>") << EscapeHtml(x.step) << ": " << EscapeHtml(x.request.method) << " "
        << EscapeHtml(x.request.url) << " &rarr; "
        << (x.response.status ? std::to_string(x.response.status) : EscapeHtml(TransportErrorName(x.response.error)))
        << "</summary><p>reproduce:</p><pre class=\"curl\">" << EscapeHtml(CappedForHtml(x.curl)) << "</pre>";
    std::string request;
    for (const auto& [name, value] : x.request.headers) request += name + ": " + value + "\n";
    if (x.request.has_body) request += "\n" + x.request.body;
    out << "<p>request</p><pre>" << EscapeHtml(CappedForHtml(request)) << "</pre><p>response</p><pre>";
    std::string response = x.response.ok() || x.response.status ? "HTTP " + std::to_string(x.response.status) + "\n"
                                                                 : x.response.error_message + "\n";
    for (const auto& [name, value] : x.response.headers) response += name + ": " + value + "\n";
    out << EscapeHtml(CappedForHtml(response + "\n" + x.response.body)) << "</pre></details>";
  }
  out << "</article>";
}

}  // namespace

std::string EscapeHtml(const std::string& text) { return EscapeMarkup(text, Markup::kHtml); }

std::string PercentileChartSvg(const std::string& title, const Histogram& h) {
  constexpr double kW = 340, kH = 170, kLeft = 48, kRight = 10, kTop = 10, kBottom = 30;
  const double percentiles[] = {0, 25, 50, 75, 90, 95, 99, 99.9, 100};
  // x = log10(1 / (1 - p)), capped: 0 at p0, 1 at p90, 2 at p99, 3 at p99.9 and beyond.
  auto x_of = [&](double p) {
    const double x = p >= 99.95 ? 3.3 : std::log10(1.0 / (1.0 - p / 100.0));
    return kLeft + x / 3.3 * (kW - kLeft - kRight);
  };
  const double max_ms = std::max(0.001, static_cast<double>(h.max()) / 1000.0);
  auto y_of = [&](double ms) { return kTop + (1.0 - ms / max_ms) * (kH - kTop - kBottom); };
  std::ostringstream svg;
  svg.imbue(std::locale::classic());
  svg << "<figure><figcaption>" << EscapeHtml(title) << " (" << h.count() << " requests)</figcaption>"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kW << "\" height=\"" << kH << "\" role=\"img\" aria-label=\""
      << EscapeHtml(title) << " latency by percentile\">"
      << "<line x1=\"" << kLeft << "\" y1=\"" << kH - kBottom << "\" x2=\"" << kW - kRight << "\" y2=\"" << kH - kBottom
      << "\" stroke=\"#8c959f\"/><line x1=\"" << kLeft << "\" y1=\"" << kTop << "\" x2=\"" << kLeft << "\" y2=\""
      << kH - kBottom << "\" stroke=\"#8c959f\"/>";
  for (double p : {0.0, 90.0, 99.0, 99.9}) {
    svg << "<text x=\"" << x_of(p) << "\" y=\"" << kH - 12 << "\" font-size=\"10\" text-anchor=\"middle\">p"
        << (p == 99.9 ? "99.9" : std::to_string(static_cast<int>(p))) << "</text>";
  }
  svg << "<text x=\"" << kLeft - 4 << "\" y=\"" << kTop + 8 << "\" font-size=\"10\" text-anchor=\"end\">"
      << FormatFixed(max_ms, max_ms < 10 ? 2 : 0) << "</text><text x=\"" << kLeft - 4 << "\" y=\"" << kH - kBottom
      << "\" font-size=\"10\" text-anchor=\"end\">0 ms</text><polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" points=\"";
  for (double p : percentiles) {
    svg << x_of(p) << "," << y_of(static_cast<double>(h.Percentile(p == 0 ? 0.0001 : p)) / 1000.0) << " ";
  }
  svg << "\"/>";
  for (double p : {50.0, 99.0}) {
    const double ms = static_cast<double>(h.Percentile(p)) / 1000.0;
    svg << "<circle cx=\"" << x_of(p) << "\" cy=\"" << y_of(ms) << "\" r=\"3\" fill=\"#0969da\"/><text x=\"" << x_of(p) + 4
        << "\" y=\"" << y_of(ms) - 4 << "\" font-size=\"10\">p" << static_cast<int>(p) << " " << FormatFixed(ms, 3)
        << " ms</text>";
  }
  svg << "</svg></figure>";
  return svg.str();
}

std::string HtmlReport(const RunResult& run) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      << "<title>conform: " << Verdict(run) << " against " << EscapeHtml(run.target) << "</title><style>" << kStyle
      << "</style></head><body>";
  // What went wrong comes first: that is what a reader opens the report for.
  Summary(run, out);
  Causes(run, out);
  out << "<section id=\"failures\"><h2>Failures and errors</h2>";
  bool any = false;
  for (const CaseResult& c : run.cases) {
    if (c.outcome == Outcome::kFailed || c.outcome == Outcome::kError) {
      Failure(c, out);
      any = true;
    }
  }
  if (!any) out << "<p>None.</p>";
  out << "</section>";
  Notes(run, out);
  Choices(run, out);
  Coverage(run, out);
  Latency(run, out);
  CaseTable(run, out);
  out << "<script>" << kScript << "</script></body></html>\n";
  return out.str();
}

}  // namespace conform
