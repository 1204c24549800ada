// store/merge.cc: Store::SameNode, the entities that one node joins across
// documents (ARCHITECTURE.md, "Identity": merging).
//
// Computed from what the store holds, never from the order documents came
// in: two entities of the same type and scope are one node when one of them
// was given the other's canonical name as an alias by some document
// (夏季治安打击整治行动, alias 夏季行动 ↔ 夏季行动). Alias counts fall to zero
// when the documents that gave them are removed, so removing the document
// that carried an alias splits again what only it joined.
#include <algorithm>
#include <set>

#include "store/identity.h"
#include "store/store_internal.h"

namespace govkg {

namespace {

// A node joining more entities than this is cut short: a generic alias gone
// wrong must not make one query read the whole store.
constexpr size_t kMaxNodeMembers = 256;

}  // namespace

Result<std::vector<EntityId>> Store::SameNode(EntityId id) const {
  std::set<EntityId> seen{id};
  std::vector<EntityId> queue{id};
  while (!queue.empty() && seen.size() < kMaxNodeMembers) {
    const EntityId member = queue.back();
    queue.pop_back();
    Result<std::optional<EntityRecord>> rec = GetEntity(member);
    if (!rec.ok()) return rec.status();
    if (!rec->has_value() || (*rec)->type == EntityType::kMetric) continue;  // a figure is one observation
    const EntityRecord& r = **rec;
    const auto link = [&](EntityId other) {
      if (seen.insert(other).second) queue.push_back(other);
    };
    // Its aliases, where another entity of its type and scope bears them as its name.
    for (const std::string& alias : r.aliases) {
      std::string v;
      bool found = false;
      GOVKG_RETURN_IF_ERROR(
          impl_->Get(internal::kCfDict, internal::DictTermKey(internal::EncodeTerm(r.type, alias, r.scope)), &v, &found));
      if (found && v.size() == 8) link(internal::DecodeFixed64BE(v.data()));
    }
    // Entities of its type and scope that some document gave its name as an alias.
    std::vector<EntityId> givers;
    const std::string prefix = internal::NamePrefix(r.name);
    GOVKG_RETURN_IF_ERROR(impl_->ScanPrefix(internal::kCfCount, prefix, [&](std::string_view k, std::string_view v) {
      if (k.size() == prefix.size() + 8 && internal::DecodeCounter(v) > 0) {
        givers.push_back(internal::DecodeFixed64BE(k.data() + prefix.size()));
      }
      return true;
    }));
    for (const EntityId giver : givers) {
      if (seen.contains(giver)) continue;
      Result<std::optional<EntityRecord>> g = GetEntityBasics(giver);
      if (!g.ok()) return g.status();
      if (g->has_value() && (*g)->type == r.type && (*g)->scope == r.scope) link(giver);
    }
  }
  return std::vector<EntityId>(seen.begin(), seen.end());
}

}  // namespace govkg
