// extract/relate/region_internal.h (private to extract/): the document's
// region and each entity's scope, from the table of administrative divisions.
//
// Takes the lexicon hits of region names (LexEntry::divisions) and the
// entities; gives the region the document is about (the most specific
// division that the names it mentions agree on, title lines counting more),
// the places that need that region to be read as places (a county's short
// form: 乐亭, 瓦房店), the level words completed with it (县公安局 →
// 乐亭县公安局), locatedIn along the hierarchy between the places the text
// names, and the scope of each entity (model/document_graph.h, Entity::scope).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/relate/coreference_internal.h"
#include "extract/recognize/metric_internal.h"
#include "extract/relate/relation_internal.h"

namespace govkg::internal {

// Index into lexicon.divisions() of the document's region, or -1 when the
// text does not make it clear.
int DocumentRegion(const DocContext& ctx, const LexiconSet& lexicon);

// Level word → full name (县 → 乐亭县, 市 → 唐山市, 省 → 河北省) of the region
// and its ancestors, the most specific first, into ctx->region_by_level.
void CompleteLevels(DocContext* ctx, const LexiconSet& lexicon, int region);

// Place mentions for kRegionShort hits that the region makes places: a
// division within it, or right after its own parent's name (大连瓦房店).
void RecognizeRegionPlaces(DocContext* ctx, const LexiconSet& lexicon, int region);

// The division an entity's name names (Place entities), or -1.
int DivisionOf(const EntityDraft& e, const LexiconSet& lexicon, int region);

// locatedIn from each place to the nearest ancestor the text also names.
std::vector<RelationDraft> HierarchyRelations(const DocContext& ctx,
                                              const std::vector<EntityDraft>& entities,
                                              const LexiconSet& lexicon, int region);

// A fact about a region (全省空气质量优良天数比例) is the region's to report;
// when the text names its region only inside agency names (江西省生态环境厅),
// no place could report it. Then the first occurrence of the region's name
// becomes its place mention and entity (appended to ctx->mentions and
// `drafts`). Nothing is added when no metric is such a fact.
void AddRegionPlace(DocContext* ctx, const std::vector<MetricMention>& metrics,
                    std::vector<EntityDraft>* drafts);

// A program in a town (A镇…改造工程) lies in the town's county too: the
// county the hierarchy relations put the town in. Appends those edges.
void AddTownCounties(const std::vector<EntityDraft>& entities, std::vector<RelationDraft>* relations);

// 在包头市建立的“X”平台: a program that the clause builds in a place, or
// carries out there (field work: 在X市召开 is a meeting's venue), is locatedIn it.
std::vector<RelationDraft> VenueRelations(const DocContext& ctx);

// The regions read off agency names (DocContext::inferred_regions), hashed
// once a document: ScopeOf asks whether each prefix of each agency's name is
// one, and a binary search per prefix through the tens of thousands a list
// of bodies can give was a tenth of such a text's time.
class InferredRegions {
 public:
  explicit InferredRegions(const DocContext& ctx);
  // Whether one of them opens `name` (or is the whole of it).
  bool Opens(std::u32string_view name) const;

 private:
  std::unordered_set<std::u32string_view> names_;  // views of ctx.inferred_regions
  size_t shortest_ = SIZE_MAX, longest_ = 0;
};

// Entity::scope: "" for a name unique alone, the region's code for a generic
// name of a document whose region is known, "doc" otherwise.
std::string ScopeOf(const InferredRegions& inferred, const EntityDraft& e,
                    const LexiconSet& lexicon, int region);

}  // namespace govkg::internal
