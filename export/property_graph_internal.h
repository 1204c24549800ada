// export/property_graph_internal.h: what the property-graph exporters (DOT,
// GraphML, CSV, Neo4j, NebulaGraph) share: looking up an edge's ends and
// listing a triple's source documents.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "export/source_internal.h"

namespace govkg::internal {

// Looks entities up by id through a small direct-mapped cache, so a streamed
// export costs no memory per entity. Records are basics only (type, name,
// metric: GraphSource::GetEntityBasics), what naming an edge's ends needs.
class EntityCache {
 public:
  explicit EntityCache(const GraphSource& source) : source_(source) {}
  // Corruption when a triple names an entity the source does not hold.
  [[nodiscard]] Result<const EntityRecord*> Get(EntityId id);

 private:
  struct Slot {
    bool used = false;
    EntityRecord record;
  };
  const GraphSource& source_;
  std::array<Slot, 1024> slots_;
};

// The distinct documents that state `triple`, in the order first seen.
[[nodiscard]] Result<std::vector<std::string>> SourceDocuments(const GraphSource& source,
                                                               const TripleRecord& triple);

// "SUB_ORGANIZATION_OF": the Neo4j relationship type of a predicate.
std::string UpperSnake(std::string_view camel);

// `values` joined by `sep`.
std::string Join(const std::vector<std::string>& values, std::string_view sep);

// Scans entities, then triples with both ends looked up; visitors return a
// Status and the first error stops the scan.
struct PropertyGraphVisitor {
  std::function<Status(const EntityRecord&)> entity;
  std::function<Status(const TripleRecord&, const EntityRecord& subject,
                       const EntityRecord& object)> edge;
};
[[nodiscard]] Status VisitPropertyGraph(const GraphSource& source,
                                        const PropertyGraphVisitor& visitor);

}  // namespace govkg::internal
