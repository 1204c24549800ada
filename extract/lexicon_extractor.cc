// The first road through extraction: agencies by their kind words.
// Replaced piece by piece by the full recognisers.
#include <fstream>
#include <string>
#include <vector>

#include "extract/extractor.h"

namespace govkg {
namespace {

class LexiconExtractor final : public Extractor {
 public:
  explicit LexiconExtractor(std::vector<std::string> suffixes) : suffixes_(std::move(suffixes)) {}
  std::string_view Name() const override { return "lexicon/0"; }

  Result<ExtractedDocument> Extract(std::string_view doc_name,
                                    std::string_view bytes) const override {
    ExtractedDocument out;
    out.graph.doc = std::string(doc_name);
    std::string text(bytes);
    int next_id = 1;
    for (const std::string& suffix : suffixes_) {
      size_t pos = 0;
      while ((pos = text.find(suffix, pos)) != std::string::npos) {
        Entity e;
        e.id = "a" + std::to_string(next_id++);
        e.type = EntityType::kAgency;
        e.name = suffix;
        bool seen = false;
        for (const Entity& prev : out.graph.entities) seen |= prev.name == e.name;
        if (!seen) out.graph.entities.push_back(std::move(e));
        pos += suffix.size();
      }
    }
    return out;
  }

 private:
  const std::vector<std::string> suffixes_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> NewLexiconExtractor(const ExtractOptions& options) {
  std::string dir = options.lexicon_dir.empty() ? GOVKG_LEXICON_DIR : options.lexicon_dir;
  const std::string path = dir + "/agency_suffixes.txt";
  std::ifstream in(path);
  if (!in) return Status::IOError("extract: " + path, "cannot open lexicon");
  std::vector<std::string> suffixes;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') suffixes.push_back(line);
  }
  return std::unique_ptr<Extractor>(new LexiconExtractor(std::move(suffixes)));
}

}  // namespace govkg
