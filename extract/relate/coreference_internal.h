// extract/relate/coreference_internal.h (private to extract/): mentions → entities.
//
// Within one document: agency names are completed with their parent and with
// the document's region (自治区公安厅 → 内蒙古自治区公安厅), shorter forms join
// the one longer form they abbreviate (公安厅, 刑侦部门, 夏季行动), quoted short
// names join their program (护校安园 → 护校安园专项行动). The canonical name
// is the most complete form; the others become aliases.
#pragma once

#include <string>
#include <vector>

#include "extract/vocabulary/lexicon_set_internal.h"
#include "extract/recognize/mention_internal.h"

namespace govkg::internal {

struct EntityDraft {
  EntityType type = EntityType::kAgency;
  std::u32string name;                  // canonical
  std::vector<std::u32string> aliases;  // without the canonical name
  std::vector<int> mentions;            // indices into DocContext::mentions
  bool dropped = false;                 // merged into another draft
};

// Groups ctx->mentions into entities and sets Mention::entity. May add
// mentions (quoted short names of known programs).
std::vector<EntityDraft> ResolveCoreference(DocContext* ctx, const LexiconSet& lexicon);

// The document's province (most mentioned), as its full name, or empty.
std::u32string MainRegion(const DocContext& ctx);
// The most mentioned region below province level (named twice or more), or empty.
std::u32string MainCity(const DocContext& ctx);

// Regions the lexicon does not know, from the agency names (NAME + level word
// + the rest: 梧渠省|应急管理厅): fills ctx->inferred_regions, and the main
// region and city where the lexicon found none. Runs after the agencies.
void InferRegions(DocContext* ctx);

}  // namespace govkg::internal
