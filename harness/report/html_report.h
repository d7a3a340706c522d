// The HTML report: one self-contained file (inline CSS, SVG and script; no fetches) with the run
// summary, a latency percentile chart per call kind, a filterable table of cases and, for each
// failed case, its findings, exchanges and curl reproductions. Pure: returns the text.
#pragma once

#include <string>

#include "run/results.h"

namespace conform {

std::string HtmlReport(const RunResult& run);

// &, <, >, " and ' escaped; invalid UTF-8 replaced.
std::string EscapeHtml(const std::string& text);

// An inline SVG plotting latency against percentile (HDR-style axis: 0, 90, 99, 99.9, 100).
std::string PercentileChartSvg(const std::string& title, const Histogram& h);

}  // namespace conform
