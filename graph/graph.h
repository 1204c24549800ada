// graph/graph.h: traversal and graph algorithms over the store (Boost.Graph).
//
// Takes: an open Store. Gives: name resolution, a bidirectional graph view of
// the whole store or a part of it, and the relationship queries of the CLI
// (neighbors, path, tree, pattern queries, metrics, rank, components).
// Boost types never appear here; the view is built in graph/*.cc.
// A Graph is immutable after Build() and may be read from many threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document_graph.h"
#include "model/status.h"
#include "store/store.h"

namespace govkg {

enum class Direction { kOut, kIn, kBoth };

// Which part of the store a Graph holds.
struct GraphOptions {
  std::vector<EntityType> types;       // empty: all
  std::vector<Predicate> predicates;   // empty: all
  std::optional<EntityId> root;        // set: only the neighbourhood of root …
  int depth = 1;                       // … up to this many hops …
  Direction direction = Direction::kBoth;  // … following edges this way
};

// A name that matched several entities; the CLI lists them and exits 2.
struct NameCandidate {
  EntityId id = 0;
  EntityType type = EntityType::kAgency;
  std::string name;
  size_t degree = 0;
};

// Resolves a user's name: canonical name, alias, traditional or simplified
// spelling, then substring. NotFound when nothing matches; InvalidArgument
// listing the candidates when several do and `type` does not decide.
[[nodiscard]] Result<EntityId> ResolveName(const Store& store, std::string_view name,
                                           std::optional<EntityType> type = std::nullopt);

class Graph {
 public:
  [[nodiscard]] static Result<std::unique_ptr<Graph>> Build(const Store& store,
                                                            const GraphOptions& options);
  ~Graph();
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  size_t num_vertices() const;
  size_t num_edges() const;
  // The store ids of every vertex, in vertex order.
  std::vector<EntityId> entity_ids() const;

 private:
  class Impl;
  explicit Graph(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace govkg
