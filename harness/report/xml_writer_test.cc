// XML escaping survives any bytes.
#include "report/xml_writer.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(XmlWriterTest, EscapesAttributesAndText) {
  EXPECT_EQ(EscapeXmlAttribute("a\"b<c>&\t\n\r"), "a&quot;b&lt;c&gt;&amp;&#9;&#10;&#13;");
  EXPECT_EQ(EscapeXmlText("]]> <x> & \"q\"\n"), "]]&gt; &lt;x&gt; &amp; \"q\"\n");
}

TEST(XmlWriterTest, ReplacesForbiddenBytes) {
  EXPECT_EQ(SanitizeForXml(std::string("a\x01" "b\x1f", 4)), "a?b?");
  EXPECT_EQ(SanitizeForXml("ok \xC3\xA9 \xE6\x95\xB0"), "ok \xC3\xA9 \xE6\x95\xB0");
  EXPECT_EQ(SanitizeForXml("bad \xC3 end"), "bad \xEF\xBF\xBD end");
  EXPECT_EQ(SanitizeForXml("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  EXPECT_EQ(SanitizeForXml("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                // overlong '/'
}

TEST(XmlWriterTest, ClosesEverythingOnFinish) {
  XmlWriter xml;
  xml.Open("a", {{"k", "v"}});
  xml.Open("b");
  xml.Element("c", {}, "t");
  EXPECT_EQ(xml.Finish(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a k=\"v\">\n  <b>\n    <c>t</c>\n  </b>\n</a>\n");
}

}  // namespace
}  // namespace conform
