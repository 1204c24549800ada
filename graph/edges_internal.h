// graph/edges_internal.h: one entity's edges from the store's indexes, the
// building block of every traversal in graph/ (prefix scans, no whole view).
#pragma once

#include <functional>
#include <vector>

#include "graph/graph.h"

namespace govkg::internal {

// Calls visit(triple, outgoing, other end) for each edge of `id` in the given
// direction, restricted to `predicates` when not empty. visit returns false to
// stop.
Status ForEachEdge(const Store& store, EntityId id, Direction direction,
                   const std::vector<Predicate>& predicates,
                   const std::function<bool(const TripleRecord&, bool, EntityId)>& visit);

// Type, name and metric of a stored entity (no aliases or counts); NotFound otherwise.
Result<EntityRecord> GetExisting(const Store& store, EntityId id);

}  // namespace govkg::internal
