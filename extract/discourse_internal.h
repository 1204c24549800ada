// extract/discourse_internal.h (private to extract/): who acts where.
//
// The structure the relation rules read beyond the sentence: enumeration
// items with their extent and nesting, speaker turns with the speaker's
// agency and the turn's collective actor (全区公安机关治安部门) and main
// program, and the actor (agency) at any position: clause subject, else
// sentence subject, else the item's, else the turn's, else the speaker's.
#pragma once

#include <vector>

#include "extract/coreference_internal.h"
#include "extract/mention_internal.h"

namespace govkg::internal {

struct ItemExtent {
  TextRange range;    // marker start to the next item of the same or outer rank
  TextRange heading;
  int rank = 0;       // 一、 < （一） < 一是 < 1. < （1）
  int parent = -1;    // enclosing item
  bool opens_paragraph = false;
};

struct TurnInfo {
  TextRange range;            // label start to turn end
  TextRange label;
  std::vector<int> speaker_agencies;  // entity ids named in the label
  std::vector<int> collective;        // 全区… actor of the turn (entities)
  int main_program = -1;              // entity id, or -1
};

class Discourse {
 public:
  Discourse(const DocContext& ctx, const std::vector<EntityDraft>& entities);

  // Entities (agencies) acting at `pos`; `depth` 2 stops after the sentence,
  // 3 after the items, 4 includes the turn's collective and speaker.
  std::vector<int> ActorsAt(uint32_t pos, int depth) const;
  // Innermost item holding pos, or -1.
  int ItemAt(uint32_t pos) const;
  int TurnAt(uint32_t pos) const;
  const std::vector<ItemExtent>& items() const { return items_; }
  const std::vector<TurnInfo>& turns() const { return turns_; }
  // Whether an agency mention is the object of a preposition or verb in its
  // clause (在…领导下, 会同…, 按照…) rather than an actor.
  bool Blocked(const Mention& m) const;
  // The coordination group (A、B和C) around an agency mention, as entities.
  std::vector<int> GroupOf(int mention) const;

 private:
  std::vector<int> FirstActorIn(uint32_t start, uint32_t end) const;
  const DocContext& ctx_;
  std::vector<int> agencies_;  // maximal agency mentions in text order
  std::vector<ItemExtent> items_;
  std::vector<TurnInfo> turns_;
};

}  // namespace govkg::internal
