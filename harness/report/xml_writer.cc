// XML output with escaping that survives any bytes.
#include "report/xml_writer.h"

namespace conform {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting at i, or 0 if it is invalid.
size_t Utf8SequenceLength(const std::string& s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
  }
  if (length == 2 && c < 0xC2) return 0;  // overlong
  if (length == 3) {
    const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return 0;  // overlong or surrogate
    if (c == 0xEF && c1 == 0xBF && static_cast<unsigned char>(s[i + 2]) >= 0xBE) return 0;  // U+FFFE/FFFF
  }
  if (length == 4) {
    const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) return 0;
  }
  return length;
}

}  // namespace

bool IsValidUtf8(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = Utf8SequenceLength(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::string SanitizeForXml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      out += kReplacement;
      ++i;
    } else if (length == 1 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += '?';
      ++i;
    } else {
      out.append(text, i, length);
      i += length;
    }
  }
  return out;
}

std::string EscapeMarkup(const std::string& text, Markup markup) {
  const bool attribute = markup == Markup::kXmlAttribute;
  std::string out;
  for (char c : SanitizeForXml(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += markup == Markup::kXmlText ? "\"" : "&quot;"; break;
      case '\'': out += markup == Markup::kHtml ? "&#39;" : "'"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += markup == Markup::kHtml ? "\r" : "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string EscapeXmlText(const std::string& text) { return EscapeMarkup(text, Markup::kXmlText); }

std::string EscapeXmlAttribute(const std::string& text) { return EscapeMarkup(text, Markup::kXmlAttribute); }

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {}

void XmlWriter::Indent() { out_.append(open_.size() * 2, ' '); }

void XmlWriter::StartTag(const std::string& tag, const XmlAttributes& attributes) {
  Indent();
  out_ += "<" + tag;
  for (const auto& [name, value] : attributes) out_ += " " + name + "=\"" + EscapeXmlAttribute(value) + "\"";
}

void XmlWriter::Open(const std::string& tag, const XmlAttributes& attributes) {
  StartTag(tag, attributes);
  out_ += ">\n";
  open_.push_back(tag);
}

void XmlWriter::Empty(const std::string& tag, const XmlAttributes& attributes) {
  StartTag(tag, attributes);
  out_ += "/>\n";
}

void XmlWriter::Element(const std::string& tag, const XmlAttributes& attributes, const std::string& text) {
  StartTag(tag, attributes);
  out_ += ">" + EscapeXmlText(text) + "</" + tag + ">\n";
}

void XmlWriter::Close() {
  if (open_.empty()) return;
  const std::string tag = open_.back();
  open_.pop_back();
  Indent();
  out_ += "</" + tag + ">\n";
}

std::string XmlWriter::Finish() {
  while (!open_.empty()) Close();
  return out_;
}

}  // namespace conform
