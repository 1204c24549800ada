// The GraphSource implementations: the store, a neighbourhood, memory.
#include <deque>
#include <unordered_set>
#include <utility>

#include "export/escape_internal.h"
#include "export/source_internal.h"
#include "store/identity.h"

namespace govkg::internal {

Result<std::string> GraphSource::DocumentKeyOf(std::string_view path) const {
  std::string hash;
  AppendHex64(StableHash(path), &hash);
  return DocumentKey(hash);
}

namespace {

class StoreSource final : public GraphSource {
 public:
  explicit StoreSource(const Store& store) : store_(store) {}

  Status ScanEntities(const std::function<bool(const EntityRecord&)>& visit) const override {
    return store_.ScanEntities(visit);
  }
  Status ScanTriples(const std::function<bool(const TripleRecord&)>& visit) const override {
    return store_.ScanTriples(TriplePattern{}, visit);
  }
  Status ScanMatching(const TriplePattern& pattern,
                      const std::function<bool(const TripleRecord&)>& visit) const override {
    return store_.ScanTriples(pattern, visit);
  }
  Status ScanProvenance(const TripleRecord& triple,
                        const std::function<bool(const ProvenanceRecord&)>& visit) const override {
    return store_.ScanProvenance(triple, visit);
  }
  Status ScanMentions(EntityId id, const std::function<bool(std::string_view doc,
                                                             const std::vector<Span>&)>& visit)
      const override {
    return store_.ScanMentions(id, visit);
  }
  Result<std::optional<EntityRecord>> GetEntity(EntityId id) const override {
    return store_.GetEntity(id);
  }
  Result<std::optional<EntityRecord>> GetEntityBasics(EntityId id) const override {
    return store_.GetEntityBasics(id);
  }
  Result<std::string> DocumentKeyOf(std::string_view path) const override {
    Result<std::optional<DocumentRecord>> doc = store_.GetDocument(path);
    if (!doc.ok()) return doc.status();
    if (!doc->has_value()) {
      return Status::Corruption("export", "provenance names document " + std::string(path) + " which is not stored");
    }
    return DocumentKey((*doc)->content_hash);
  }

 private:
  const Store& store_;
};

class NeighbourhoodSource final : public GraphSource {
 public:
  NeighbourhoodSource(const GraphSource& base, std::unordered_set<EntityId> ids)
      : base_(base), ids_(std::move(ids)) {}

  Status ScanEntities(const std::function<bool(const EntityRecord&)>& visit) const override {
    return base_.ScanEntities(
        [&](const EntityRecord& e) { return ids_.count(e.id) == 0 || visit(e); });
  }
  Status ScanTriples(const std::function<bool(const TripleRecord&)>& visit) const override {
    return base_.ScanTriples([&](const TripleRecord& t) {
      return ids_.count(t.subject) == 0 || ids_.count(t.object) == 0 || visit(t);
    });
  }
  Status ScanMatching(const TriplePattern& pattern,
                      const std::function<bool(const TripleRecord&)>& visit) const override {
    return base_.ScanMatching(pattern, [&](const TripleRecord& t) {
      return ids_.count(t.subject) == 0 || ids_.count(t.object) == 0 || visit(t);
    });
  }
  Status ScanProvenance(const TripleRecord& triple,
                        const std::function<bool(const ProvenanceRecord&)>& visit) const override {
    return base_.ScanProvenance(triple, visit);
  }
  Status ScanMentions(EntityId id, const std::function<bool(std::string_view doc,
                                                             const std::vector<Span>&)>& visit)
      const override {
    return base_.ScanMentions(id, visit);
  }
  Result<std::optional<EntityRecord>> GetEntity(EntityId id) const override {
    if (ids_.count(id) == 0) return std::optional<EntityRecord>();
    return base_.GetEntity(id);
  }
  Result<std::string> DocumentKeyOf(std::string_view path) const override { return base_.DocumentKeyOf(path); }
  Result<std::optional<EntityRecord>> GetEntityBasics(EntityId id) const override {
    if (ids_.count(id) == 0) return std::optional<EntityRecord>();
    return base_.GetEntityBasics(id);
  }

 private:
  const GraphSource& base_;
  const std::unordered_set<EntityId> ids_;
};

}  // namespace

std::unique_ptr<GraphSource> NewStoreSource(const Store& store) {
  return std::make_unique<StoreSource>(store);
}

Result<std::unique_ptr<GraphSource>> NewNeighbourhoodSource(const GraphSource& base,
                                                            EntityId root, int depth) {
  Result<std::optional<EntityRecord>> root_record = base.GetEntity(root);
  if (!root_record.ok()) return root_record.status();
  if (!root_record->has_value()) {
    return Status::NotFound("export", "no entity with id " + std::to_string(root));
  }
  // Breadth-first, both directions: two index scans per reached entity.
  std::unordered_set<EntityId> seen = {root};
  std::vector<EntityId> frontier = {root};
  for (int hop = 0; hop < depth && !frontier.empty(); ++hop) {
    std::vector<EntityId> next;
    for (const EntityId id : frontier) {
      TriplePattern out;
      out.subject = id;
      GOVKG_RETURN_IF_ERROR(base.ScanMatching(out, [&](const TripleRecord& t) {
        if (seen.insert(t.object).second) next.push_back(t.object);
        return true;
      }));
      TriplePattern in;
      in.object = id;
      GOVKG_RETURN_IF_ERROR(base.ScanMatching(in, [&](const TripleRecord& t) {
        if (seen.insert(t.subject).second) next.push_back(t.subject);
        return true;
      }));
    }
    frontier = std::move(next);
  }
  return std::unique_ptr<GraphSource>(std::make_unique<NeighbourhoodSource>(base, std::move(seen)));
}

EntityId MemorySource::AddEntity(EntityRecord record) {
  record.id = entities_.size() + 1;
  entities_.push_back(std::move(record));
  mentions_.emplace_back();
  return entities_.back().id;
}

void MemorySource::AddMention(EntityId id, const std::string& doc, Span span) {
  std::vector<Mentions>& list = mentions_.at(id - 1);
  for (Mentions& m : list) {
    if (m.doc == doc) {
      m.spans.push_back(span);
      return;
    }
  }
  list.push_back({doc, {span}});
}

void MemorySource::AddTriple(TripleRecord triple, std::vector<ProvenanceRecord> provenance) {
  triple.support = static_cast<uint32_t>(provenance.size());
  triple_index_[{triple.subject, triple.predicate, triple.object}] = triples_.size();
  triples_.push_back(std::move(triple));
  provenance_.push_back(std::move(provenance));
}

Status MemorySource::ScanEntities(const std::function<bool(const EntityRecord&)>& visit) const {
  for (const EntityRecord& e : entities_) {
    if (!visit(e)) break;
  }
  return Status::OK();
}

Status MemorySource::ScanTriples(const std::function<bool(const TripleRecord&)>& visit) const {
  for (const TripleRecord& t : triples_) {
    if (!visit(t)) break;
  }
  return Status::OK();
}

Status MemorySource::ScanMatching(const TriplePattern& pattern,
                                  const std::function<bool(const TripleRecord&)>& visit) const {
  for (const TripleRecord& t : triples_) {
    if (pattern.subject.has_value() && *pattern.subject != t.subject) continue;
    if (pattern.predicate.has_value() && *pattern.predicate != t.predicate) continue;
    if (pattern.object.has_value() && *pattern.object != t.object) continue;
    if (!visit(t)) break;
  }
  return Status::OK();
}

Status MemorySource::ScanProvenance(
    const TripleRecord& triple, const std::function<bool(const ProvenanceRecord&)>& visit) const {
  const auto it = triple_index_.find({triple.subject, triple.predicate, triple.object});
  if (it == triple_index_.end()) return Status::OK();
  for (const ProvenanceRecord& p : provenance_[it->second]) {
    if (!visit(p)) break;
  }
  return Status::OK();
}

Status MemorySource::ScanMentions(
    EntityId id,
    const std::function<bool(std::string_view doc, const std::vector<Span>&)>& visit) const {
  if (id == 0 || id > mentions_.size()) return Status::OK();
  for (const Mentions& m : mentions_[id - 1]) {
    if (!visit(m.doc, m.spans)) break;
  }
  return Status::OK();
}

Result<std::optional<EntityRecord>> MemorySource::GetEntity(EntityId id) const {
  if (id == 0 || id > entities_.size()) return std::optional<EntityRecord>();
  return std::optional<EntityRecord>(entities_[id - 1]);
}

}  // namespace govkg::internal
