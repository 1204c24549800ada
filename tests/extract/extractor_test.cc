#include "extract/extractor.h"

#include <catch2/catch.hpp>

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

TEST_CASE("A missing lexicon folder is a clear error", "[extract]") {
  ExtractOptions options;
  options.lexicon_dir = "/nonexistent/lexicon";
  Result<std::unique_ptr<Extractor>> extractor = NewLexiconExtractor(options);
  REQUIRE_FALSE(extractor.ok());
  CHECK(extractor.status().message().find("/nonexistent/lexicon") != std::string::npos);
}

}  // namespace
}  // namespace govkg
