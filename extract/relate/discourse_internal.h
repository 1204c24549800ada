// extract/relate/discourse_internal.h (private to extract/): who acts where.
//
// The structure the relation rules read beyond the sentence: enumeration
// items with their extent and nesting, speaker turns with the speaker's
// agency and the turn's collective actor (全区公安机关治安部门) and main
// program, and the actor (agency) at any position: clause subject, else
// sentence subject, else the item's, else the turn's, else the speaker's.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/relate/coreference_internal.h"
#include "extract/recognize/mention_index_internal.h"
#include "extract/recognize/mention_internal.h"

namespace govkg::internal {

struct ItemExtent {
  TextRange range;    // marker start to the next item of the same or outer rank
  TextRange heading;
  int rank = 0;       // nesting level: 一、 (0) > （一） (1) > 一是 (2) as the text nests them
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

// For each position, the first or the last of a list of ranges that holds it,
// as sorted pieces: one binary search per look-up.
class RangeLookup {
 public:
  enum class Prefer { kFirst, kLast };
  RangeLookup() = default;
  RangeLookup(const std::vector<TextRange>& ranges, Prefer prefer);
  int At(uint32_t pos) const;  // index into the ranges, or -1

 private:
  std::vector<uint32_t> starts_;  // piece k covers [starts_[k], starts_[k + 1])
  std::vector<int> values_;
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
  // Every mention, and the program mentions, by start.
  const StartIndex& mentions_by_start() const { return by_start_; }
  const StartIndex& programs_by_start() const { return programs_; }
  const std::vector<TurnInfo>& turns() const { return turns_; }
  // Whether an agency mention is the object of a preposition or verb in its
  // clause (在…领导下, 会同…, 按照…) rather than an actor.
  bool Blocked(const Mention& m) const;
  // How many agencies an actor look-up considers before it gives up: the
  // actor of ordinary text is among the first few agencies of its clause or
  // sentence; a list of thousands must not be walked from every position.
  static constexpr size_t kMaxActorCandidates = 64;
  // The coordination group (A、B和C) around an agency mention, as entities.
  std::vector<int> GroupOf(int mention) const;
  // The first unblocked agency (with its coordination group) in [start, end).
  std::vector<int> FirstActorIn(uint32_t start, uint32_t end) const;

 private:
  bool BlockedInClause(const Mention& m) const;
  // The mention index of the first unblocked agency in [start, end), or -1.
  int FirstActorMention(uint32_t start, uint32_t end) const;
  // Where the sentence goes on after the clause of agency mention m when
  // that clause introduces its official (AGENCY TITLE NAME 介绍，): the
  // position after the clause's break; 0 when it does not.
  uint32_t IntroductionEnd(const Mention& m) const;
  void BuildTurns();
  void BuildItems();
  // Positions in agencies_ of the agencies starting at or after `pos`.
  size_t FirstAgencyFrom(uint32_t pos) const;
  const DocContext& ctx_;
  const StartIndex by_start_;
  const StartIndex programs_;
  std::vector<int> agencies_;        // maximal agency mentions in text order
  std::vector<uint32_t> agency_starts_;
  std::vector<int> agency_slot_;     // mention index → position in agencies_, or -1
  mutable std::vector<int8_t> blocked_;  // mention index → Blocked(): -1 not yet asked, 0, 1
  std::vector<int> first_child_;     // item → its first sub-item, or -1
  RangeLookup item_lookup_;          // innermost (last) item holding a position
  RangeLookup turn_lookup_;          // first turn holding a position
  std::vector<ItemExtent> items_;
  std::vector<TurnInfo> turns_;
};

}  // namespace govkg::internal
