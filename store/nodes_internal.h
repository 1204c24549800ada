// store/nodes_internal.h (private to store/): the node layer — which stored
// entities are one node (ARCHITECTURE.md, "Identity": merging).
//
// The dictionary keeps one entity per form a document used (type + scope +
// canonical name, store/identity.h); a node joins the forms that name one
// body: a document gave one's name as the other's alias (夏季治安打击整治行动,
// alias 夏季行动 ↔ 夏季行动), or both spell the same region and the same rest
// (内蒙古自治区公安厅 ↔ 内蒙古公安厅 ↔ 自治区公安厅 in a text about 内蒙古), or
// a user said so (`govkg same`). A user's `govkg distinct` keeps two apart
// whatever the rules say. The partition is computed from what the store
// holds, never from the order of ingest, so any order gives the same nodes,
// and removing the document that carried an alias splits what only it
// joined. Every public read of Store (store/nodes.cc) answers in nodes; the
// raw per-form reads below are what it is built from.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/status.h"
#include "store/store.h"

namespace govkg::internal {

class StoreCore;

// Why two forms are one node (or are kept apart), for `govkg suspects`,
// `govkg check` and the card.
enum class LinkRule : uint8_t { kAlias, kRegion, kUserSame };

struct NodeMap {
  // Member → representative, for members of a node of two or more forms
  // other than the representative itself.
  std::unordered_map<EntityId, EntityId> rep;
  // Representative → every member (sorted, the representative included), for
  // nodes of two or more forms only.
  std::unordered_map<EntityId, std::vector<EntityId>> members;
  // The automatic links that were not followed because a user's decision
  // keeps the two apart (for `govkg check`).
  size_t vetoed = 0;

  EntityId Rep(EntityId id) const {
    const auto it = rep.find(id);
    return it == rep.end() ? id : it->second;
  }
  // Members of the node of representative `id`, or nullptr for a node of one form.
  const std::vector<EntityId>* Members(EntityId id) const {
    const auto it = members.find(id);
    return it == members.end() ? nullptr : &it->second;
  }
  bool Joined(EntityId id) const { return rep.contains(id) || members.contains(id); }
  bool empty() const { return members.empty(); }
};

// Reads every entity's name and scope, the alias rows and the decisions, and
// partitions the entities into nodes.
[[nodiscard]] Result<std::shared_ptr<const NodeMap>> BuildNodeMap(const StoreCore& impl);

// The map the last writer saved (store/node_cache.cc), or nullptr when none
// was saved or the store has changed since.
std::shared_ptr<const NodeMap> LoadSavedNodeMap(const StoreCore& impl);
[[nodiscard]] Status SaveNodeMap(const StoreCore& impl, const NodeMap& map);

// The region key of a name: "CODE\0REST" when the name spells a division of
// admin_divisions.txt (full name or short form, nested divisions in turn) or,
// with a region scope, starts with a level word of that region or one of its
// ancestors (自治区公安厅 in 150000); nullopt otherwise. Two agencies with one
// key are one body. Only Agency: a program's region prefix is part of its name.
std::optional<std::string> RegionKey(EntityType type, std::string_view name, std::string_view scope);

// The code of the division a region key names ("150000").
std::string_view RegionKeyCode(std::string_view key);
// The province (level 1) code of a region code ("150100" → "150000"), or ""
// when the code is unknown.
std::string ProvinceOf(std::string_view code);

// --- Decisions (govkg same / distinct), kept in the meta family --------------

// Meta key of a decision: "decision/" + length-prefixed term a + term b, the
// two terms in byte order.
std::string DecisionKey(std::string_view term_a, std::string_view term_b);
inline constexpr std::string_view kDecisionPrefix = "decision/";
bool DecodeDecisionKey(std::string_view key, std::string* term_a, std::string* term_b);
// Value: "same" or "distinct".
inline constexpr std::string_view kSameValue = "same";
inline constexpr std::string_view kDistinctValue = "distinct";
// Type, name and scope of a term (EncodeTerm's inverse); false when malformed.
bool DecodeTerm(std::string_view term, EntityType* type, std::string* name, std::string* scope);

// --- Raw reads: one stored form each (store/store.cc) -------------------------

Result<std::optional<EntityRecord>> RawEntityBasics(const StoreCore& impl, EntityId id);
Result<std::optional<EntityRecord>> RawEntity(const StoreCore& impl, EntityId id);
Result<std::vector<std::optional<EntityRecord>>> RawEntitiesBasics(const StoreCore& impl,
                                                                   const std::vector<EntityId>& ids);
Status RawScanEntities(const StoreCore& impl, const std::function<bool(const EntityRecord&)>& visit);
Status RawScanTriples(const StoreCore& impl, const TriplePattern& pattern,
                      const std::function<bool(const TripleRecord&)>& visit);
// Provenance of one stored triple, with the document's id beside each row.
Status RawScanProvenance(const StoreCore& impl, const TripleRecord& triple,
                         const std::function<bool(uint64_t doc_id, const ProvenanceRecord&)>& visit);
Status RawScanMentions(const StoreCore& impl, EntityId id,
                       const std::function<bool(uint64_t doc_id, std::string_view doc,
                                                const std::vector<Span>&)>& visit);
// The ids of the documents behind one stored triple, or mentioning one form:
// the rows' keys only, no document path looked up (counting a node's
// documents or an edge's support needs nothing else).
Status RawProvenanceDocs(const StoreCore& impl, const TripleRecord& triple,
                         const std::function<void(uint64_t doc_id)>& visit);
Status RawMentionDocs(const StoreCore& impl, EntityId id, const std::function<void(uint64_t doc_id)>& visit);
Result<std::optional<EntityId>> RawFindEntity(const StoreCore& impl, EntityType type, std::string_view name);
Result<std::vector<EntityId>> RawFindByName(const StoreCore& impl, std::string_view name);

}  // namespace govkg::internal
