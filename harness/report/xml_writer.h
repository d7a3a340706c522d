// Writes well-formed XML: an element stack so tags always close, attribute and text escaping that
// keeps \t \n \r as character references, and bytes XML 1.0 forbids (control characters, bad
// UTF-8) replaced, never written raw. Builds the document in memory. Pure.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace conform {

using XmlAttributes = std::vector<std::pair<std::string, std::string>>;

class XmlWriter {
 public:
  XmlWriter();
  void Open(const std::string& tag, const XmlAttributes& attributes = {});
  void Empty(const std::string& tag, const XmlAttributes& attributes = {});
  // <tag ...>text</tag>
  void Element(const std::string& tag, const XmlAttributes& attributes, const std::string& text);
  void Close();
  // Closes whatever is still open and returns the document.
  std::string Finish();

 private:
  void StartTag(const std::string& tag, const XmlAttributes& attributes);
  void Indent();

  std::string out_;
  std::vector<std::string> open_;
};

// Replaces invalid UTF-8 sequences with U+FFFD and XML-forbidden control characters with '?'.
std::string SanitizeForXml(const std::string& text);

// Where escaped text goes: attributes also keep \t \n \r as character references; HTML also
// escapes the apostrophe.
enum class Markup { kXmlText, kXmlAttribute, kHtml };
std::string EscapeMarkup(const std::string& text, Markup markup);

std::string EscapeXmlText(const std::string& text);
std::string EscapeXmlAttribute(const std::string& text);

}  // namespace conform
