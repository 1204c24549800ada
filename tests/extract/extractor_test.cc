#include "extract/extractor.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace govkg {
namespace {

TEST_CASE("The extractor finds agencies in a sample", "[extract]") {
  Result<std::unique_ptr<Extractor>> extractor = NewLexiconExtractor(ExtractOptions{});
  REQUIRE(extractor.ok());
  const std::string text = testing::ReadFile(testing::SamplePath("002_17e5499aa74a8c9c.txt"));
  Result<ExtractedDocument> doc = (*extractor)->Extract("002.txt", text);
  REQUIRE(doc.ok());
  CHECK(doc->graph.doc == "002.txt");
  bool has_agency = false;
  for (const Entity& e : doc->graph.entities) has_agency |= e.type == EntityType::kAgency;
  CHECK(has_agency);
}

// UTF-16LE with its BOM, of UTF-8 text (tests only: no checks).
std::string Utf16Le(const std::string& utf8) {
  std::string out = "\xFF\xFE";
  const auto put = [&](uint32_t u) {
    out += static_cast<char>(u & 0xFF);
    out += static_cast<char>(u >> 8);
  };
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k)
      cp = cp << 6 | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    if (cp >= 0x10000) {
      put(0xD800 + ((cp - 0x10000) >> 10));
      put(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      put(cp);
    }
    i += len;
  }
  return out;
}

// Code points [start, end) of UTF-8 text.
std::string CodePoints(const std::string& utf8, uint32_t start, uint32_t end) {
  size_t from = utf8.size(), to = utf8.size();
  uint32_t k = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) continue;
    if (k == start) from = i;
    if (k == end) to = i;
    ++k;
  }
  return utf8.substr(from, to - from);
}

TEST_CASE("Relation quotes are the same text whatever the input's encoding", "[extract]") {
  // Quotes are cut from the input's own bytes when it is UTF-8 and encoded
  // again otherwise: both must give the same quotes.
  Result<std::unique_ptr<Extractor>> extractor = NewLexiconExtractor(ExtractOptions{});
  REQUIRE(extractor.ok());
  // A sample (each sentence's quote encoded apart) and a list of hundreds of
  // programs (quotes windows of their own, sliced from the whole text).
  std::string list = "市公安局开展";
  const std::vector<std::string> chars = {"梧", "湄", "岚", "禾", "蔚", "澄", "汀", "棠",
                                          "岫", "翎", "瑾", "桐", "苇", "萍", "珂", "麓"};
  for (const std::string& a : chars) {
    for (const std::string& b : chars) list += "“" + a + b + "梧行动”、";
  }
  list += "等专项行动。";
  const std::string sample = testing::ReadFile(testing::SamplePath("002_17e5499aa74a8c9c.txt"));
  for (const std::string& text : {sample, list}) {
    Result<ExtractedDocument> plain = (*extractor)->Extract("002.txt", text);
    Result<ExtractedDocument> bom = (*extractor)->Extract("002.txt", "\xEF\xBB\xBF" + text);
    Result<ExtractedDocument> utf16 = (*extractor)->Extract("002.txt", Utf16Le(text));
    REQUIRE(plain.ok());
    REQUIRE(bom.ok());
    REQUIRE(utf16.ok());
    const std::vector<Relation>& r = plain->graph.relations;
    REQUIRE(r.size() > 10);
    REQUIRE(bom->graph.relations.size() == r.size());
    REQUIRE(utf16->graph.relations.size() == r.size());
    for (size_t i = 0; i < r.size(); ++i) {
      INFO(i);
      CHECK(!r[i].quote.empty());
      CHECK(bom->graph.relations[i].quote == r[i].quote);
      CHECK(utf16->graph.relations[i].quote == r[i].quote);
      const Span& e = r[i].evidence;
      CHECK(r[i].quote == CodePoints(text, e.start, e.end));
      CHECK(bom->graph.relations[i].evidence == e);
      CHECK(utf16->graph.relations[i].evidence == e);
    }
  }
}

TEST_CASE("A missing lexicon folder is a clear error", "[extract]") {
  ExtractOptions options;
  options.lexicon_dir = "/nonexistent/lexicon";
  Result<std::unique_ptr<Extractor>> extractor = NewLexiconExtractor(options);
  REQUIRE_FALSE(extractor.ok());
  CHECK(extractor.status().message().find("/nonexistent/lexicon") != std::string::npos);
}

}  // namespace
}  // namespace govkg
