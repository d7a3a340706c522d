// The mock's request handling: the input is up to eight requests separated by "\n--\n", each
// "METHOD TARGET\nAUTH\nBODY" (AUTH "T" is the token, anything else is sent as is), handled in
// order by a fresh mock. Every answer is a JSON body; no 5xx, since no fault is switched on.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "mock/mock_server.h"

using namespace conform;

namespace {

MockRequest ParseRequest(const std::string& text) {
  MockRequest r;
  const size_t line1 = text.find('\n');
  const std::string first = text.substr(0, line1);
  const size_t space = first.find(' ');
  r.method = first.substr(0, space);
  r.target = space == std::string::npos ? "" : first.substr(space + 1);
  if (line1 != std::string::npos) {
    const size_t line2 = text.find('\n', line1 + 1);
    r.authorization = text.substr(line1 + 1, line2 == std::string::npos ? std::string::npos : line2 - line1 - 1);
    if (line2 != std::string::npos) r.body = text.substr(line2 + 1);
  }
  ReadPagingQuery(&r);  // the query as cpp-httplib would decode it for the real server
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input = Text(data, size);
  MockOptions options;
  options.token = "T";
  options.readonly_token = "R";
  MockServer mock(options);  // never started: Handle needs no socket
  size_t start = 0;
  for (int i = 0; i < 8 && start <= input.size(); ++i) {
    const size_t end = input.find("\n--\n", start);
    const MockAnswer answer = mock.Handle(ParseRequest(input.substr(start, end == std::string::npos ? end : end - start)));
    Require(answer.status >= 200 && answer.status < 500, "the correct mock never answers 5xx or 1xx/3xx");
    const nlohmann::json body = nlohmann::json::parse(answer.body, nullptr, false);
    Require(body.is_object(), "every answer is a JSON object");
    if (answer.status >= 400) Require(body.contains("message") && body.contains("details"), "errors have Wix's shape");
    if (end == std::string::npos) break;
    start = end + 4;
  }
  return 0;
}
