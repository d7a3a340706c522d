// curl command lines.
#include "redact/curl_command.h"

namespace conform {

std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string CurlCommand(const HttpRequest& raw, const Redactor& redactor) {
  std::string command = "curl -sS -X " + raw.method + " " + ShellQuote(redactor.Text(raw.url));
  for (const auto& [name, value] : raw.headers) {
    const std::string variable = redactor.VariableFor(value);
    if (!variable.empty()) {
      command += " -H \"" + name + ": $" + variable + "\"";  // double quotes: the shell expands it
    } else {
      command += " -H " + ShellQuote(name + ": " + (redactor.IsSecretHeader(name) ? kRedacted : redactor.Text(value)));
    }
  }
  if (raw.has_body) command += " --data-raw " + ShellQuote(redactor.Body(raw.body));
  return command;
}

}  // namespace conform
