// libFuzzer target: every exporter's escaping (export/escape_internal.h).
// Properties, for any bytes: JSON and RDF strings parse back (nlohmann) to the
// valid-UTF-8 form of the input; an IRI segment holds only unreserved
// characters and %XX; XML text holds no markup character, no raw control
// character and only known entities; a CSV field reads back as the input; Cypher and
// DOT strings have no unescaped quote or raw line break; doubles read back.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "export/escape_internal.h"

namespace {

using namespace govkg::internal;

void CheckJson(const std::string& quoted, const std::string& expected) {
  const nlohmann::json j = nlohmann::json::parse(quoted, nullptr, false);
  if (j.is_discarded() || !j.is_string() || j.get<std::string>() != expected) std::abort();
}

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); }

void CheckIri(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) std::abort();
      i += 2;
      continue;
    }
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (!unreserved) std::abort();
  }
}

void CheckXml(const std::string& s) {
  static const char* const kEntities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;",
                                          "&#13;", "&#10;", "&#9;"};
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (s[i] == '<' || s[i] == '>' || s[i] == '"' || s[i] == '\'' || c < 0x20) std::abort();
    if (s[i] != '&') continue;
    bool known = false;
    for (const char* e : kEntities) known |= s.compare(i, std::strlen(e), e) == 0;
    if (!known) std::abort();
  }
}

// RFC 4180: one field, quoted or not.
std::string ReadCsvField(const std::string& s) {
  if (s.empty() || s[0] != '"') {
    if (s.find_first_of(",\"\r\n") != std::string::npos) std::abort();
    return s;
  }
  if (s.size() < 2 || s.back() != '"') std::abort();
  std::string out;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '"') {
      if (i + 2 >= s.size() || s[i + 1] != '"') std::abort();
      ++i;
    }
    out.push_back(s[i]);
  }
  return out;
}

// A string literal in `quote`s: no raw line break, every inner quote escaped.
void CheckQuoted(const std::string& s, char quote) {
  if (s.size() < 2 || s.front() != quote || s.back() != quote) std::abort();
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '\n' || s[i] == '\r') std::abort();
    if (s[i] == '\\') {
      ++i;
      if (i + 1 >= s.size()) std::abort();  // the closing quote was escaped
      continue;
    }
    if (s[i] == quote) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string valid;
  AppendValidUtf8(in, &valid);
  std::string again;
  AppendValidUtf8(valid, &again);
  if (again != valid) std::abort();  // idempotent: valid UTF-8 passes through

  std::string json, rdf, iri, xml, csv, cypher, dot;
  AppendJsonString(in, &json);
  CheckJson(json, valid);
  AppendRdfString(in, &rdf);
  CheckJson(rdf, valid);
  AppendIriSegment(in, &iri);
  CheckIri(iri);
  AppendXmlText(in, &xml);
  CheckXml(xml);
  AppendCsvField(in, &csv);
  if (ReadCsvField(csv) != valid) std::abort();
  AppendCypherString(in, &cypher);
  CheckQuoted(cypher, '\'');
  AppendDotString(in, &dot);
  CheckQuoted(dot, '"');

  if (size >= sizeof(double)) {
    double value;
    std::memcpy(&value, data, sizeof value);
    std::string text;
    AppendDouble(value, &text);
    if (std::isfinite(value) && std::strtod(text.c_str(), nullptr) != value) std::abort();
  }
  return 0;
}
