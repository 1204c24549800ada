// Escaping of names in every export format (export/escape_internal.h).
#include <string>

#include <catch2/catch.hpp>

#include "export/escape_internal.h"

namespace govkg::internal {
namespace {

using AppendFn = void (*)(std::string_view, std::string*);

std::string Apply(AppendFn fn, std::string_view in) {
  std::string out;
  fn(in, &out);
  return out;
}

struct Case {
  std::string_view in;
  std::string_view want;
};

TEST_CASE("JSON and RDF strings escape quotes, backslashes and controls", "[export][escape]") {
  const Case cases[] = {
      {"公安厅", "\"公安厅\""},
      {"a\"b\\c", "\"a\\\"b\\\\c\""},
      {"x\ny\rz\t", "\"x\\ny\\rz\\t\""},
      {std::string_view("\x01", 1), "\"\\u0001\""},
      {"\xF0\x9D\x84\x9E", "\"\xF0\x9D\x84\x9E\""},
      {"bad\xFF", "\"bad\xEF\xBF\xBD\""},
      {"\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},  // a lone surrogate
  };
  for (const Case& c : cases) {
    CHECK(Apply(AppendJsonString, c.in) == c.want);
    CHECK(Apply(AppendRdfString, c.in) == c.want);
  }
}

TEST_CASE("IRI segments percent-encode all but unreserved ASCII", "[export][escape]") {
  CHECK(Apply(AppendIriSegment, "a-b_c.d~") == "a-b_c.d~");
  CHECK(Apply(AppendIriSegment, "a b/<>\"") == "a%20b%2F%3C%3E%22");
  CHECK(Apply(AppendIriSegment, "厅") == "%E5%8E%85");
  CHECK(Apply(AppendIriSegment, "\xF0\x9D\x84\x9E") == "%F0%9D%84%9E");
}

TEST_CASE("XML text escapes markup and keeps line breaks as references", "[export][escape]") {
  CHECK(Apply(AppendXmlText, "<A&B>\"'") == "&lt;A&amp;B&gt;&quot;&apos;");
  CHECK(Apply(AppendXmlText, "a\r\nb") == "a&#13;&#10;b");
  CHECK(Apply(AppendXmlText, std::string_view("\x02", 1)) == "\xEF\xBF\xBD");
}

TEST_CASE("CSV fields are quoted only when needed", "[export][escape]") {
  CHECK(Apply(AppendCsvField, "公安厅") == "公安厅");
  CHECK(Apply(AppendCsvField, "a,b") == "\"a,b\"");
  CHECK(Apply(AppendCsvField, "say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(Apply(AppendCsvField, "a\nb") == "\"a\nb\"");
}

TEST_CASE("Cypher and DOT strings", "[export][escape]") {
  CHECK(Apply(AppendCypherString, "it's a\\b\n") == "'it\\'s a\\\\b\\n'");
  CHECK(Apply(AppendDotString, "a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"");
  CHECK(Apply(AppendDotString, "end\\") == "\"end\\\\\"");
}

TEST_CASE("Doubles print shortest and read back", "[export][escape]") {
  const std::pair<double, std::string_view> cases[] = {
      {113000, "113000"}, {-19.27, "-19.27"}, {0.5, "0.5"}, {1e20, "1e+20"}};
  for (const auto& [value, want] : cases) {
    std::string out;
    AppendDouble(value, &out);
    CHECK(out == want);
  }
}

}  // namespace
}  // namespace govkg::internal
