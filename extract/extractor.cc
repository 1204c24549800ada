// The lexicon- and rule-driven Extractor: decode → normalise → segment →
// recognise (agencies, programs, persons, places, documents, metrics) →
// coreference → relations → a DocumentGraph with spans in original code points.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/relate/coreference_internal.h"
#include "extract/text/chrome_internal.h"
#include "extract/text/decode_internal.h"
#include "extract/extractor.h"
#include "extract/vocabulary/lexicon_set_internal.h"
#include "extract/recognize/mention_internal.h"
#include "extract/recognize/metric_internal.h"
#include "extract/text/normalize_internal.h"
#include "extract/relate/region_internal.h"
#include "extract/relate/relation_internal.h"
#include "extract/text/segment_internal.h"

namespace govkg {
namespace {

using internal::ToUtf8;

const char* IdPrefix(EntityType t) {
  switch (t) {
    case EntityType::kAgency: return "a";
    case EntityType::kProgram: return "p";
    case EntityType::kMetric: return "m";
    case EntityType::kPerson: return "x";
    case EntityType::kDocument: return "d";
    case EntityType::kPlace: return "l";
  }
  return "e";
}

class LexiconExtractor final : public Extractor {
 public:
  LexiconExtractor(ExtractOptions options, std::unique_ptr<internal::LexiconSet> lexicon,
                   std::unique_ptr<internal::Normalizer> normalizer,
                   std::unique_ptr<internal::MetricRecognizer> metrics)
      : options_(std::move(options)),
        lexicon_(std::move(lexicon)),
        normalizer_(std::move(normalizer)),
        metrics_(std::move(metrics)) {}

  std::string_view Name() const override { return "lexicon/1"; }

  Result<ExtractedDocument> Extract(std::string_view doc_name,
                                    std::string_view bytes) const override {
    if (bytes.size() > options_.max_document_bytes) {
      return Status::InvalidArgument("extract: " + std::string(doc_name),
                                     "document of " + std::to_string(bytes.size()) +
                                         " bytes exceeds the limit of " +
                                         std::to_string(options_.max_document_bytes));
    }
    Result<internal::DecodedText> decoded =
        internal::DecodeBytes(doc_name, bytes, options_.on_bad_input);
    if (!decoded.ok()) return decoded.status();
    ExtractedDocument out;
    out.graph.doc = std::string(doc_name);
    for (const auto& p : decoded->problems) {
      out.warnings.push_back("extract: " + std::string(doc_name) + ": byte " +
                             std::to_string(p.byte_offset) + ": " + p.description);
    }
    internal::NormalizedText norm = normalizer_->Normalize(decoded->text);
    internal::BlankChrome(&norm.text, lexicon_->chrome_words());
    const internal::Segmentation seg = internal::Segment(norm.text);
    internal::DocContext ctx(norm.text, seg, *lexicon_);
    ctx.main_region_full = internal::MainRegion(ctx);
    ctx.main_city_full = internal::MainCity(ctx);
    internal::RecognizeAgencies(&ctx);
    internal::InferRegions(&ctx);
    const int region = internal::DocumentRegion(ctx, *lexicon_);
    internal::CompleteLevels(&ctx, *lexicon_, region);
    if (region >= 0) {
      out.graph.region = lexicon_->divisions().at(region).code;
      ctx.doc_region_full = lexicon_->divisions().at(region).name;
    }
    internal::RecognizePrograms(&ctx);
    internal::RecognizePersons(&ctx);
    internal::RecognizePlaces(&ctx);
    internal::RecognizeRegionPlaces(&ctx, *lexicon_, region);
    internal::RecognizeDocuments(&ctx);
    std::vector<internal::EntityDraft> drafts = internal::ResolveCoreference(&ctx, *lexicon_);
    const std::vector<internal::MetricMention> metrics = metrics_->Find(norm.text, seg);
    internal::AddRegionPlace(&ctx, metrics, &drafts);

    // Entities: named ones, then one per metric mention.
    std::vector<std::string> ids;
    ids.reserve(drafts.size() + metrics.size());
    std::map<EntityType, int> counters;
    // Reserved: a document of tens of thousands of entities would otherwise
    // copy them at every growth of the vector.
    out.graph.entities.reserve(drafts.size() + metrics.size());
    auto next_id = [&](EntityType t) { return IdPrefix(t) + std::to_string(++counters[t]); };
    const internal::InferredRegions inferred(ctx);
    // Each Entity and Relation is built in its slot of the output: a temporary
    // moved in touched twice the memory of a document of tens of thousands.
    for (const internal::EntityDraft& d : drafts) {
      Entity& e = out.graph.entities.emplace_back();
      e.id = next_id(d.type);
      e.type = d.type;
      e.name = ToUtf8(d.name);
      e.scope = internal::ScopeOf(inferred, d, *lexicon_, region);
      for (const auto& a : d.aliases) e.aliases.push_back(ToUtf8(a));
      std::vector<Span> spans;
      spans.reserve(d.mentions.size());
      for (const int mi : d.mentions) {
        const internal::Mention& m = ctx.mentions[mi];
        spans.push_back(norm.ToOriginal(m.start, m.end));
      }
      // Mostly in text order already (one body named a hundred thousand times).
      const auto before = [](const Span& a, const Span& b) {
        return a.start != b.start ? a.start < b.start : a.end < b.end;
      };
      if (!std::is_sorted(spans.begin(), spans.end(), before)) {
        std::sort(spans.begin(), spans.end(), before);
      }
      spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
      e.mentions = std::move(spans);
      ids.push_back(e.id);
    }
    std::vector<int> metric_entities;
    metric_entities.reserve(metrics.size());
    for (const internal::MetricMention& mm : metrics) {
      Entity& e = out.graph.entities.emplace_back();
      e.id = next_id(EntityType::kMetric);
      e.type = EntityType::kMetric;
      e.name = mm.name;
      e.metric = mm.value;
      e.mentions.push_back(norm.ToOriginal(mm.range.start, mm.range.end));
      metric_entities.push_back(static_cast<int>(ids.size()));
      ids.push_back(e.id);
    }
    // Metric entities follow the drafts: relation rules see them by index.
    std::vector<internal::EntityDraft> all = std::move(drafts);
    all.reserve(all.size() + metrics.size());
    for (size_t i = 0; i < metrics.size(); ++i) {
      internal::EntityDraft d;
      d.type = EntityType::kMetric;
      all.push_back(std::move(d));
    }
    // Quotes: the relations of one sentence share its quote, each span is
    // encoded once. A list of thousands of names gives as many relations, each
    // quoting a window of its own, and encoding every window apart cost a
    // tenth of such a text: once the spans encoded outgrow the text, quotes
    // are sliced from the whole text in UTF-8 instead.
    std::unordered_map<uint64_t, std::string> quotes;
    size_t encoded_chars = 0;
    std::string_view text_utf8;
    std::string encoded;
    std::vector<uint32_t> byte_at;  // code point index → its byte in text_utf8
    auto encode_text = [&] {
      byte_at = internal::Utf8Offsets(decoded->text);
      // Valid UTF-8 decoded without a problem is its own encoding, less a BOM.
      text_utf8 = bytes;
      if (text_utf8.size() >= 3 && text_utf8.substr(0, 3) == "\xEF\xBB\xBF") {
        text_utf8.remove_prefix(3);
      }
      if (decoded->encoding != "UTF-8" || !decoded->problems.empty() ||
          text_utf8.size() != byte_at.back()) {
        encoded = ToUtf8(decoded->text);
        text_utf8 = encoded;
      }
    };
    std::vector<internal::RelationDraft> relations =
        internal::FindRelations(ctx, all, metrics, metric_entities);
    std::vector<internal::RelationDraft> places = internal::HierarchyRelations(ctx, all, *lexicon_, region);
    for (internal::RelationDraft& r : internal::VenueRelations(ctx)) places.push_back(std::move(r));
    // Each (subject, predicate, object) once, looked up in a hash set: a scan
    // of all relations per place relation was quadratic in a list of places.
    const auto triple = [](const internal::RelationDraft& r) {
      return std::tuple<int, int, int>(r.subject, static_cast<int>(r.predicate), r.object);
    };
    struct TripleHash {
      size_t operator()(const std::tuple<int, int, int>& t) const {
        const auto [s, p, o] = t;
        return static_cast<size_t>(((uint64_t(uint32_t(s)) * 0x9E3779B97F4A7C15ull) ^
                                    (uint64_t(uint32_t(o)) << 8) ^ uint64_t(uint32_t(p))) *
                                   0xC2B2AE3D27D4EB4Full);
      }
    };
    if (!places.empty()) {
      std::unordered_set<std::tuple<int, int, int>, TripleHash> known;
      for (const internal::RelationDraft& r : relations) known.insert(triple(r));
      for (internal::RelationDraft& r : places) {
        if (known.insert(triple(r)).second) relations.push_back(std::move(r));
      }
    }
    internal::AddTownCounties(all, &relations);
    out.graph.relations.reserve(relations.size());
    for (const internal::RelationDraft& r : relations) {
      Relation& rel = out.graph.relations.emplace_back();
      rel.subject = ids[r.subject];
      rel.predicate = r.predicate;
      rel.object = ids[r.object];
      rel.title = ToUtf8(r.title);
      rel.evidence = norm.ToOriginal(r.start, r.end);
      const uint32_t from = std::min<uint32_t>(rel.evidence.start, decoded->text.size());
      const auto size = static_cast<uint32_t>(decoded->text.size());
      const uint32_t to = rel.evidence.end < from ? size : std::min(rel.evidence.end, size);
      if (byte_at.empty() && encoded_chars > size) encode_text();
      if (!byte_at.empty()) {
        rel.quote = text_utf8.substr(byte_at[from], byte_at[to] - byte_at[from]);
      } else {
        auto [quote, fresh] = quotes.try_emplace(uint64_t{from} << 32 | to);
        if (fresh) {
          quote->second = ToUtf8(std::u32string_view(decoded->text).substr(from, to - from));
          encoded_chars += to - from;
        }
        rel.quote = quote->second;
      }
    }
    return out;
  }

 private:
  const ExtractOptions options_;
  const std::unique_ptr<internal::LexiconSet> lexicon_;
  const std::unique_ptr<internal::Normalizer> normalizer_;
  const std::unique_ptr<internal::MetricRecognizer> metrics_;
};

// The lexicon folder: the option, $GOVKG_LEXICON_DIR, the folder installed
// next to the binary, then the source tree's.
std::string LexiconDir(const ExtractOptions& options) {
  if (!options.lexicon_dir.empty()) return options.lexicon_dir;
  if (const char* env = std::getenv("GOVKG_LEXICON_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const auto& cand : {exe.parent_path() / "lexicon",
                             exe.parent_path().parent_path() / "share/govkg/lexicon"}) {
      if (std::filesystem::exists(cand / "agency_suffixes.txt", ec)) return cand.string();
    }
  }
  return GOVKG_LEXICON_DIR;
}

}  // namespace

Result<std::unique_ptr<Extractor>> NewLexiconExtractor(const ExtractOptions& options) {
  const std::string dir = LexiconDir(options);
  Result<std::unique_ptr<internal::LexiconSet>> lexicon =
      internal::LexiconSet::Load(dir, options.extra_lexicons);
  if (!lexicon.ok()) return lexicon.status();
  Result<std::unique_ptr<internal::Normalizer>> normalizer = internal::Normalizer::Create();
  if (!normalizer.ok()) return normalizer.status();
  internal::MetricOptions metric_options;
  metric_options.lexicon_dir = dir;
  Result<std::unique_ptr<internal::MetricRecognizer>> metrics =
      internal::MetricRecognizer::Create(metric_options);
  if (!metrics.ok()) return metrics.status();
  return std::unique_ptr<Extractor>(new LexiconExtractor(
      options, std::move(*lexicon), std::move(*normalizer), std::move(*metrics)));
}

}  // namespace govkg
