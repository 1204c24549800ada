// extract/relate/relation_internal.h (private to extract/): the relation rules.
//
// Sentence patterns (AGENCY TITLE NAME, 会同 AGENCY, 出台《DOC》, 在 PLACE…)
// and discourse (the actor of the clause, sentence, item or turn; the item's
// heading program; the turn's main program) give the eight predicates of the
// contract. Metrics are attached (reports) to the most specific program
// credited in the sentence, else the sentence's agency, else the item's or
// turn's program, else the acting agency, else the document's region.
#pragma once

#include <vector>

#include "extract/relate/coreference_internal.h"
#include "extract/recognize/metric_internal.h"
#include "extract/recognize/mention_internal.h"

namespace govkg::internal {

struct RelationDraft {
  int subject = -1;  // entity index
  Predicate predicate = Predicate::kConducts;
  int object = -1;
  std::u32string title;
  uint32_t start = 0, end = 0;  // evidence, normalised text
};

// `metric_entities[i]` is the entity index of metrics[i].
std::vector<RelationDraft> FindRelations(const DocContext& ctx,
                                         const std::vector<EntityDraft>& entities,
                                         const std::vector<MetricMention>& metrics,
                                         const std::vector<int>& metric_entities);

}  // namespace govkg::internal
