// JUnit merge with libxml2: testcases are copied as they are; suite counts are recomputed, never
// summed from the inputs' attributes (readers disagree on what those mean).
#include "report/junit_merge.h"

#include "load/json_file.h"
#include "text/quantities.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>
#include <cstring>
#include <memory>
#include <sstream>

namespace conform {
namespace {

using Doc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

bool Named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

bool HasChild(const xmlNode* node, const char* name) {
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (Named(c, name)) return true;
  }
  return false;
}

double TimeOf(const xmlNode* node) {
  xmlChar* value = xmlGetProp(node, BAD_CAST "time");
  double seconds = 0;
  if (value) {
    std::istringstream in(reinterpret_cast<const char*>(value));
    in.imbue(std::locale::classic());
    in >> seconds;
    xmlFree(value);
  }
  return seconds;
}

struct Totals {
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  double time = 0;
};

// Copies the testcases of one suite into target, counting them.
void CopyCases(const xmlNode* suite, xmlNode* target, xmlDoc* doc, Totals* totals, std::string* out_text) {
  for (const xmlNode* c = suite->children; c; c = c->next) {
    if (Named(c, "testcase")) {
      xmlAddChild(target, xmlDocCopyNode(const_cast<xmlNode*>(c), doc, 1));
      ++totals->tests;
      if (HasChild(c, "failure")) ++totals->failures;
      if (HasChild(c, "error")) ++totals->errors;
      if (HasChild(c, "skipped")) ++totals->skipped;
    } else if (Named(c, "system-out")) {
      xmlChar* text = xmlNodeGetContent(c);
      if (text) {
        *out_text += reinterpret_cast<const char*>(text);
        xmlFree(text);
      }
    }
  }
  totals->time += TimeOf(suite);
}

}  // namespace

bool MergeJunitFiles(const std::vector<std::string>& inputs, std::string* merged, std::string* err) {
  std::vector<JunitInput> texts;
  for (const std::string& path : inputs) {
    JunitInput input{path, ""};
    if (!ReadTextFile(path, &input.text, err)) return false;
    texts.push_back(std::move(input));
  }
  return MergeJunitTexts(texts, merged, err);
}

bool MergeJunitTexts(const std::vector<JunitInput>& inputs, std::string* merged, std::string* err) {
  Doc out(xmlNewDoc(BAD_CAST "1.0"), xmlFreeDoc);
  xmlNode* root = xmlNewNode(nullptr, BAD_CAST "testsuites");
  xmlDocSetRootElement(out.get(), root);
  xmlNode* suite = xmlNewChild(root, nullptr, BAD_CAST "testsuite", nullptr);
  xmlNode* properties = xmlNewChild(suite, nullptr, BAD_CAST "properties", nullptr);
  std::string merged_from, system_out, timestamp;
  Totals totals;
  for (const JunitInput& input : inputs) {
    const std::string& path = input.name;
    if (input.text.size() > static_cast<size_t>(INT_MAX)) {
      *err = path + ": too large for an XML reader";
      return false;
    }
    Doc doc(xmlReadMemory(input.text.data(), static_cast<int>(input.text.size()), path.c_str(), nullptr,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
            xmlFreeDoc);
    xmlNode* top = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!top || !(Named(top, "testsuites") || Named(top, "testsuite"))) {
      *err = path + ": not a JUnit XML file (no <testsuites> or <testsuite> root)";
      return false;
    }
    if (Named(top, "testsuite")) {
      CopyCases(top, suite, out.get(), &totals, &system_out);
    } else {
      for (xmlNode* s = top->children; s; s = s->next) {
        if (!Named(s, "testsuite")) continue;
        if (timestamp.empty()) {
          xmlChar* t = xmlGetProp(s, BAD_CAST "timestamp");
          if (t) {
            timestamp = reinterpret_cast<const char*>(t);
            xmlFree(t);
          }
        }
        CopyCases(s, suite, out.get(), &totals, &system_out);
      }
    }
    merged_from += (merged_from.empty() ? "" : " ") + path;
  }
  xmlNode* property = xmlNewChild(properties, nullptr, BAD_CAST "property", nullptr);
  xmlNewProp(property, BAD_CAST "name", BAD_CAST "conform.merged_from");
  xmlNewProp(property, BAD_CAST "value", BAD_CAST merged_from.c_str());
  xmlNewProp(suite, BAD_CAST "name", BAD_CAST "conform");
  xmlNewProp(suite, BAD_CAST "package", BAD_CAST "conform");
  xmlNewProp(suite, BAD_CAST "id", BAD_CAST "0");
  xmlNewProp(suite, BAD_CAST "hostname", BAD_CAST "merged");
  xmlNewProp(suite, BAD_CAST "timestamp", BAD_CAST(timestamp.empty() ? "1970-01-01T00:00:00" : timestamp.c_str()));
  xmlNewProp(suite, BAD_CAST "tests", BAD_CAST std::to_string(totals.tests).c_str());
  xmlNewProp(suite, BAD_CAST "failures", BAD_CAST std::to_string(totals.failures).c_str());
  xmlNewProp(suite, BAD_CAST "errors", BAD_CAST std::to_string(totals.errors).c_str());
  xmlNewProp(suite, BAD_CAST "skipped", BAD_CAST std::to_string(totals.skipped).c_str());
  xmlNewProp(suite, BAD_CAST "time", BAD_CAST FormatFixed(totals.time, 3).c_str());
  xmlNewTextChild(suite, nullptr, BAD_CAST "system-out", BAD_CAST system_out.c_str());
  xmlNewTextChild(suite, nullptr, BAD_CAST "system-err", BAD_CAST "");
  xmlChar* buffer = nullptr;
  int size = 0;
  xmlDocDumpFormatMemoryEnc(out.get(), &buffer, &size, "UTF-8", 1);
  merged->assign(reinterpret_cast<const char*>(buffer), static_cast<size_t>(size));
  xmlFree(buffer);
  return true;
}

}  // namespace conform
