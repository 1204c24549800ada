// store/entity_index_internal.h: a document's entities by their Entity::id.
//
// PutDocument checks every relation's ends against the document's entity ids
// and then maps them to store ids. Both go through this one hashed index,
// built once per document: a sorted vector of the ids' strings, searched
// twice per relation, was a sixth of a bulk load's document time.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "model/document_graph.h"

namespace govkg::internal {

class EntityIndex {
 public:
  static constexpr size_t kNone = ~size_t{0};

  explicit EntityIndex(const std::vector<Entity>& entities)
      : entities_(entities), slots_(std::bit_ceil(entities.size() * 2 + 1), 0), mask_(slots_.size() - 1) {
    for (size_t i = 0; i < entities.size(); ++i) {
      size_t at = SlotOf(entities[i].id);
      for (; slots_[at] != 0; at = (at + 1) & mask_) {
        if (entities_[slots_[at] - 1].id == entities[i].id) break;
      }
      if (slots_[at] != 0) {
        if (first_repeat_ == kNone) first_repeat_ = i;
        continue;
      }
      slots_[at] = static_cast<uint32_t>(i + 1);
    }
  }

  // The index of the entity with this id (its first, if given twice), or kNone.
  size_t Find(std::string_view id) const {
    for (size_t at = SlotOf(id);; at = (at + 1) & mask_) {
      if (slots_[at] == 0) return kNone;
      if (entities_[slots_[at] - 1].id == id) return slots_[at] - 1;
    }
  }
  // The index of the first entity whose id an earlier one has, or kNone.
  size_t first_repeat() const { return first_repeat_; }

 private:
  size_t SlotOf(std::string_view id) const { return std::hash<std::string_view>()(id) & mask_; }

  const std::vector<Entity>& entities_;
  std::vector<uint32_t> slots_;  // index + 1 into entities_; 0: empty
  size_t mask_;
  size_t first_repeat_ = kNone;
};

}  // namespace govkg::internal
