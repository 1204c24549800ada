// store/nodes.cc: the public reads of Store, in nodes (store/nodes_internal.h).
//
// Each read maps the stored forms to their node: an id of a joined form
// reads as its representative, a node's record carries every member's names
// and documents, and a triple between members of two nodes is one edge of
// the nodes (its support counts the documents of all the forms' triples).
// A store without joined forms reads exactly as the raw forms.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "store/nodes_internal.h"
#include "store/store_internal.h"

namespace govkg {

namespace {

using internal::NodeMap;

// The members of the node of `id` (itself alone when not joined).
std::vector<EntityId> MembersOf(const NodeMap& nodes, EntityId id) {
  const EntityId rep = nodes.Rep(id);
  const std::vector<EntityId>* m = nodes.Members(rep);
  return m == nullptr ? std::vector<EntityId>{rep} : *m;
}

// The record of a node of several forms: the representative's name and
// scope, every other name and alias as aliases, the documents of all.
Result<std::optional<EntityRecord>> NodeRecord(const internal::StoreCore& impl, const NodeMap& nodes,
                                               EntityId rep) {
  Result<std::optional<EntityRecord>> head = internal::RawEntity(impl, rep);
  const std::vector<EntityId>* members = nodes.Members(rep);
  if (!head.ok() || !head->has_value() || members == nullptr) return head;
  EntityRecord& r = **head;
  std::set<std::string> aliases(r.aliases.begin(), r.aliases.end());
  std::set<uint64_t> docs;
  for (const EntityId m : *members) {
    if (m != rep) {
      Result<std::optional<EntityRecord>> other = internal::RawEntity(impl, m);
      if (!other.ok()) return other.status();
      if (!other->has_value()) continue;
      aliases.insert((*other)->name);
      aliases.insert((*other)->aliases.begin(), (*other)->aliases.end());
    }
    GOVKG_RETURN_IF_ERROR(internal::RawMentionDocs(impl, m, [&](uint64_t doc) { docs.insert(doc); }));
  }
  aliases.erase(r.name);
  r.aliases.assign(aliases.begin(), aliases.end());
  r.document_count = static_cast<uint32_t>(docs.size());
  return head;
}

using EdgeKey = std::tuple<EntityId, Predicate, EntityId, std::string>;

// The documents stating any of `raw` (triples of member forms).
Result<uint32_t> Support(const internal::StoreCore& impl, const std::vector<TripleRecord>& raw) {
  if (raw.size() == 1) return raw[0].support;
  std::set<uint64_t> docs;
  for (const TripleRecord& t : raw) {
    GOVKG_RETURN_IF_ERROR(internal::RawProvenanceDocs(impl, t, [&](uint64_t doc) { docs.insert(doc); }));
  }
  return static_cast<uint32_t>(docs.size());
}

}  // namespace

Result<std::optional<EntityRecord>> Store::GetEntity(EntityId id) const {
  Result<std::shared_ptr<const NodeMap>> nodes = impl_->Nodes();
  if (!nodes.ok()) return nodes.status();
  return NodeRecord(*impl_, **nodes, (*nodes)->Rep(id));
}

Result<std::optional<EntityRecord>> Store::GetEntityBasics(EntityId id) const {
  Result<std::shared_ptr<const NodeMap>> nodes = impl_->Nodes();
  if (!nodes.ok()) return nodes.status();
  return internal::RawEntityBasics(*impl_, (*nodes)->Rep(id));
}

Result<std::vector<std::optional<EntityRecord>>> Store::GetEntitiesBasics(const std::vector<EntityId>& ids) const {
  Result<std::shared_ptr<const NodeMap>> nodes = impl_->Nodes();
  if (!nodes.ok()) return nodes.status();
  if ((*nodes)->empty()) return internal::RawEntitiesBasics(*impl_, ids);
  std::vector<EntityId> reps(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) reps[i] = (*nodes)->Rep(ids[i]);
  return internal::RawEntitiesBasics(*impl_, reps);
}

Result<std::optional<EntityId>> Store::FindEntity(EntityType type, std::string_view name) const {
  Result<std::optional<EntityId>> id = internal::RawFindEntity(*impl_, type, name);
  if (!id.ok() || !id->has_value()) return id;
  Result<std::shared_ptr<const NodeMap>> nodes = impl_->Nodes();
  if (!nodes.ok()) return nodes.status();
  return std::optional<EntityId>((*nodes)->Rep(**id));
}

Result<std::vector<EntityId>> Store::FindByName(std::string_view name) const {
  Result<std::vector<EntityId>> ids = internal::RawFindByName(*impl_, name);
  if (!ids.ok() || ids->empty()) return ids;
  Result<std::shared_ptr<const NodeMap>> nodes = impl_->Nodes();
  if (!nodes.ok()) return nodes.status();
  for (EntityId& id : *ids) id = (*nodes)->Rep(id);
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  return ids;
}

Result<std::vector<EntityId>> Store::SameNode(EntityId id) const {
  Result<std::shared_ptr<const NodeMap>> nodes = impl_->Nodes();
  if (!nodes.ok()) return nodes.status();
  return MembersOf(**nodes, id);
}

Status Store::ScanEntities(const std::function<bool(const EntityRecord&)>& visit) const {
  Result<std::shared_ptr<const NodeMap>> nodes = impl_->Nodes();
  if (!nodes.ok()) return nodes.status();
  const NodeMap& map = **nodes;
  Status bad;
  GOVKG_RETURN_IF_ERROR(internal::RawScanEntities(*impl_, [&](const EntityRecord& r) {
    if (!map.Joined(r.id)) return visit(r);
    if (map.Rep(r.id) != r.id) return true;  // read with its representative
    Result<std::optional<EntityRecord>> node = NodeRecord(*impl_, map, r.id);
    if (!node.ok() || !node->has_value()) {
      bad = node.ok() ? impl_->Corrupt("entity record " + std::to_string(r.id)) : node.status();
      return false;
    }
    return visit(**node);
  }));
  return bad;
}

Status Store::ScanTriples(const TriplePattern& pattern,
                          const std::function<bool(const TripleRecord&)>& visit) const {
  Result<std::shared_ptr<const NodeMap>> nodes = impl_->Nodes();
  if (!nodes.ok()) return nodes.status();
  const NodeMap& map = **nodes;
  if (map.empty()) return internal::RawScanTriples(*impl_, pattern, visit);
  // A bound node is every one of its forms; an edge touching a joined form
  // may meet another one's, so those are gathered and written last.
  const std::vector<std::optional<EntityId>> unbound{std::nullopt};
  const auto expand = [&](const std::optional<EntityId>& id) {
    if (!id) return unbound;
    std::vector<std::optional<EntityId>> out;
    for (const EntityId m : MembersOf(map, *id)) out.emplace_back(m);
    return out;
  };
  std::map<EdgeKey, std::vector<TripleRecord>> gathered;
  bool stopped = false;
  for (const std::optional<EntityId>& s : expand(pattern.subject)) {
    for (const std::optional<EntityId>& o : expand(pattern.object)) {
      GOVKG_RETURN_IF_ERROR(internal::RawScanTriples(
          *impl_, TriplePattern{s, pattern.predicate, o}, [&](const TripleRecord& t) {
            if (!map.Joined(t.subject) && !map.Joined(t.object)) return !(stopped = !visit(t));
            const EntityId rs = map.Rep(t.subject), ro = map.Rep(t.object);
            if (rs == ro && t.subject != t.object) return true;  // two forms of one node: no edge
            gathered[EdgeKey{rs, t.predicate, ro, t.title}].push_back(t);
            return true;
          }));
      if (stopped) return Status::OK();
    }
  }
  for (const auto& [key, raw] : gathered) {
    Result<uint32_t> support = Support(*impl_, raw);
    if (!support.ok()) return support.status();
    const TripleRecord t{std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key), *support};
    if (!visit(t)) break;
  }
  return Status::OK();
}

Status Store::ScanProvenance(const TripleRecord& triple,
                             const std::function<bool(const ProvenanceRecord&)>& visit) const {
  Result<std::shared_ptr<const NodeMap>> nodes = impl_->Nodes();
  if (!nodes.ok()) return nodes.status();
  bool stopped = false;
  for (const EntityId s : MembersOf(**nodes, triple.subject)) {
    for (const EntityId o : MembersOf(**nodes, triple.object)) {
      const TripleRecord raw{s, triple.predicate, o, triple.title, 0};
      GOVKG_RETURN_IF_ERROR(internal::RawScanProvenance(
          *impl_, raw, [&](uint64_t, const ProvenanceRecord& p) { return !(stopped = !visit(p)); }));
      if (stopped) return Status::OK();
    }
  }
  return Status::OK();
}

Status Store::ScanMentions(EntityId id,
                           const std::function<bool(std::string_view, const std::vector<Span>&)>& visit) const {
  Result<std::shared_ptr<const NodeMap>> nodes = impl_->Nodes();
  if (!nodes.ok()) return nodes.status();
  const std::vector<EntityId> members = MembersOf(**nodes, id);
  if (members.size() == 1) {
    return internal::RawScanMentions(
        *impl_, members[0], [&](uint64_t, std::string_view doc, const std::vector<Span>& s) { return visit(doc, s); });
  }
  // One row per document, in document-id order, with the spans of all forms.
  std::map<uint64_t, std::pair<std::string, std::vector<Span>>> by_doc;
  for (const EntityId m : members) {
    GOVKG_RETURN_IF_ERROR(internal::RawScanMentions(
        *impl_, m, [&](uint64_t doc_id, std::string_view doc, const std::vector<Span>& spans) {
          auto& row = by_doc[doc_id];
          row.first = doc;
          row.second.insert(row.second.end(), spans.begin(), spans.end());
          return true;
        }));
  }
  for (auto& [doc_id, row] : by_doc) {
    std::sort(row.second.begin(), row.second.end(),
              [](const Span& a, const Span& b) { return std::tie(a.start, a.end) < std::tie(b.start, b.end); });
    if (!visit(row.first, row.second)) break;
  }
  return Status::OK();
}

}  // namespace govkg
