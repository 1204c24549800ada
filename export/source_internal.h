// export/source_internal.h: what the exporters read — the store, a part of it,
// or (in tests and benchmarks) a graph held in memory.
//
// The exporters only ever scan: entities once, triples once, and per triple
// its provenance. GraphSource is that narrow read interface, so an exporter
// streams from RocksDB in bounded memory and the same code is tested against
// a hand-built graph.
#pragma once

#include <functional>
#include <map>
#include <tuple>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "store/store.h"

namespace govkg::internal {

class GraphSource {
 public:
  virtual ~GraphSource() = default;

  // Visitors return false to stop early.
  [[nodiscard]] virtual Status ScanEntities(
      const std::function<bool(const EntityRecord&)>& visit) const = 0;
  // Every triple whose ends are both in the source.
  [[nodiscard]] virtual Status ScanTriples(
      const std::function<bool(const TripleRecord&)>& visit) const = 0;
  // The triples matching `pattern` (one index scan in a store).
  [[nodiscard]] virtual Status ScanMatching(
      const TriplePattern& pattern,
      const std::function<bool(const TripleRecord&)>& visit) const = 0;
  [[nodiscard]] virtual Status ScanProvenance(
      const TripleRecord& triple,
      const std::function<bool(const ProvenanceRecord&)>& visit) const = 0;
  [[nodiscard]] virtual Status ScanMentions(
      EntityId id,
      const std::function<bool(std::string_view doc, const std::vector<Span>&)>& visit) const = 0;
  [[nodiscard]] virtual Result<std::optional<EntityRecord>> GetEntity(EntityId id) const = 0;
  // Type, name and metric only (no aliases or document count): what naming
  // an edge's ends needs, in one read instead of three.
  [[nodiscard]] virtual Result<std::optional<EntityRecord>> GetEntityBasics(EntityId id) const {
    return GetEntity(id);
  }
  // The identity of the document stored under `path` (store/identity.h,
  // DocumentKey: from its content hash); the path is only a property. A
  // source without content hashes (memory) hashes the path.
  [[nodiscard]] virtual Result<std::string> DocumentKeyOf(std::string_view path) const;
};

// Reads the whole store.
std::unique_ptr<GraphSource> NewStoreSource(const Store& store);

// Only the entities within `depth` hops of `root` (edges followed both ways)
// and the triples between them. Keeps the set of ids in memory: the size of
// the neighbourhood, never of the store.
[[nodiscard]] Result<std::unique_ptr<GraphSource>> NewNeighbourhoodSource(
    const GraphSource& base, EntityId root, int depth);

// A graph held in memory, for tests and benchmarks. Ids are assigned in the
// order of AddEntity, from 1.
class MemorySource final : public GraphSource {
 public:
  EntityId AddEntity(EntityRecord record);
  void AddMention(EntityId id, const std::string& doc, Span span);
  // `provenance` becomes the triple's support count.
  void AddTriple(TripleRecord triple, std::vector<ProvenanceRecord> provenance);

  Status ScanEntities(const std::function<bool(const EntityRecord&)>& visit) const override;
  Status ScanTriples(const std::function<bool(const TripleRecord&)>& visit) const override;
  Status ScanMatching(const TriplePattern& pattern,
                      const std::function<bool(const TripleRecord&)>& visit) const override;
  Status ScanProvenance(const TripleRecord& triple,
                        const std::function<bool(const ProvenanceRecord&)>& visit) const override;
  Status ScanMentions(EntityId id, const std::function<bool(std::string_view doc,
                                                             const std::vector<Span>&)>& visit)
      const override;
  Result<std::optional<EntityRecord>> GetEntity(EntityId id) const override;

 private:
  struct Mentions {
    std::string doc;
    std::vector<Span> spans;
  };
  std::vector<EntityRecord> entities_;          // index = id - 1
  std::vector<std::vector<Mentions>> mentions_;  // index = id - 1
  std::vector<TripleRecord> triples_;
  std::vector<std::vector<ProvenanceRecord>> provenance_;  // parallel to triples_
  std::map<std::tuple<EntityId, Predicate, EntityId>, size_t> triple_index_;
};

}  // namespace govkg::internal
