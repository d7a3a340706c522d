// XML output with escaping that survives any bytes.
#include "report/xml_writer.h"

#include "text/utf8.h"

namespace conform {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

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
