// libFuzzer target: extraction of one document from arbitrary bytes.
// Properties: never crashes; every span lies inside the decoded text; every
// relation names entities of the document; the JSON output reads back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <set>
#include <string_view>

#include "extract/text/decode_internal.h"
#include "extract/extractor.h"
#include "model/json_io.h"

namespace {

const govkg::Extractor& TheExtractor() {
  static const std::unique_ptr<govkg::Extractor> extractor = [] {
    govkg::ExtractOptions options;
    options.lexicon_dir = GOVKG_LEXICON_SOURCE_DIR;
    options.on_bad_input = govkg::BadInputPolicy::kReplace;
    auto e = govkg::NewLexiconExtractor(options);
    if (!e.ok()) std::abort();
    return std::move(e).value();
  }();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto doc = TheExtractor().Extract("fuzz.txt", bytes);
  if (!doc.ok()) return 0;
  const auto decoded =
      govkg::internal::DecodeBytes("fuzz.txt", bytes, govkg::BadInputPolicy::kReplace);
  if (!decoded.ok()) std::abort();
  const size_t length = decoded->text.size();
  std::set<std::string> ids;
  for (const govkg::Entity& e : doc->graph.entities) {
    if (e.name.empty() || !ids.insert(e.id).second) std::abort();
    for (const govkg::Span& s : e.mentions) {
      if (s.start > s.end || s.end > length) std::abort();
    }
  }
  for (const govkg::Relation& r : doc->graph.relations) {
    if (!ids.count(r.subject) || !ids.count(r.object)) std::abort();
    if (r.evidence.start > r.evidence.end || r.evidence.end > length) std::abort();
  }
  const std::string json = govkg::DocumentGraphToJson(doc->graph);
  if (!govkg::DocumentGraphFromJson(json, "fuzz").ok()) std::abort();
  return 0;
}
