// export/escape_internal.h: how a name becomes a safe token in each format.
//
// Every Append* function appends to `out` and never fails: bytes that are not
// valid UTF-8 become U+FFFD first, so a writer cannot emit a file its reader
// rejects. Characters outside the BMP pass through as UTF-8 everywhere
// (JSON and N-Triples escapes would work too but cost readability).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace govkg::internal {

// Valid UTF-8, invalid sequences replaced by U+FFFD.
void AppendValidUtf8(std::string_view in, std::string* out);
// "…" with \" \\ \b \f \n \r \t and \u00XX for other controls.
void AppendJsonString(std::string_view in, std::string* out);
// N-Triples / Turtle STRING_LITERAL_QUOTE: "…" with ECHAR and \u00XX.
void AppendRdfString(std::string_view in, std::string* out);
// An IRI path segment: every byte outside RFC 3986 unreserved is %XX, so the
// result is a valid IRI in N-Triples, Turtle, JSON-LD and SPARQL alike.
void AppendIriSegment(std::string_view in, std::string* out);
// XML character data or attribute value (GraphML, SVG, HTML-like DOT labels).
// Controls other than tab and newline cannot appear in XML 1.0: \r becomes
// &#13;, the rest U+FFFD.
void AppendXmlText(std::string_view in, std::string* out);
// One RFC 4180 field; quoted when it holds a comma, quote, CR or LF.
void AppendCsvField(std::string_view in, std::string* out);
// A Cypher string literal in single quotes.
void AppendCypherString(std::string_view in, std::string* out);
// A DOT quoted string for an escString attribute (label, tooltip): shows
// exactly `in` when rendered. Graphviz reads \\ as a pair, \" as a quote and
// \n as a line break in such attributes.
void AppendDotString(std::string_view in, std::string* out);
// Shortest text that reads back as the same double ("113000", "-19.27",
// "1e+20"); NaN and infinities as xsd:double spells them.
void AppendDouble(double value, std::string* out);
void AppendUint(uint64_t value, std::string* out);
// FNV-1a 64: stable ids for statements (never for security).
uint64_t StableHash(std::string_view bytes, uint64_t seed = 1469598103934665603ULL);
void AppendHex64(uint64_t value, std::string* out);

}  // namespace govkg::internal
