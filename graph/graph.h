// graph/graph.h: traversal and graph algorithms over the store (Boost.Graph).
//
// Takes: an open Store. Gives: name resolution, a bidirectional graph view of
// the whole store or a part of it, and the relationship queries of the CLI
// (entity cards, neighbors, path, tree, metrics, rank, components). Pattern
// queries live in graph/query.h.
// Queries that touch a few entities (neighbors, path, tree, show, query) answer
// from the store's indexes by prefix scans; only rank and components need the
// whole view (Graph::Build).
// Boost types never appear here; the view is built in graph/*.cc.
// A Graph is immutable after Build() and may be read from many threads.
#pragma once

#include <cstddef>
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

// "out", "in", "both".
std::optional<Direction> ParseDirection(std::string_view text);

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
  std::string scope;  // of its identity (store/identity.h): "", a region code, doc-…
};

// Resolves a user's name: canonical name, alias, traditional or simplified
// spelling, then substring. NotFound when nothing matches; InvalidArgument
// listing the candidates when several do and `type` does not decide.
[[nodiscard]] Result<EntityId> ResolveName(const Store& store, std::string_view name,
                                           std::optional<EntityType> type = std::nullopt);

// Every entity the first matching rule of ResolveName finds (empty: none),
// by degree, highest first. ResolveName succeeds when this has one entry.
[[nodiscard]] Result<std::vector<NameCandidate>> FindNameCandidates(
    const Store& store, std::string_view name, std::optional<EntityType> type = std::nullopt);

// Traditional characters to simplified (OpenCC t2s); the input unchanged when
// OpenCC is unavailable.
std::string ToSimplified(std::string_view text);
// Simplified characters to traditional (OpenCC s2t): the search keys of the
// HTML explorer, so that a reader may type either script.
std::string ToTraditional(std::string_view text);

// Number of triples with `id` as subject or object.
[[nodiscard]] Result<size_t> Degree(const Store& store, EntityId id);

// --- Entities ------------------------------------------------------------

struct EntityListOptions {
  std::optional<EntityType> type;
  std::string name_contains;  // empty: all; matched against name and aliases
  size_t limit = 0;           // 0: no limit
};
[[nodiscard]] Result<std::vector<EntityRecord>> ListEntities(const Store& store,
                                                             const EntityListOptions& options);

// --- Entity card (govkg show) ---------------------------------------------

struct CardEdge {
  Predicate predicate = Predicate::kConducts;
  bool outgoing = true;  // the card's entity is the subject
  EntityId other = 0;
  EntityType other_type = EntityType::kAgency;
  std::string other_name;
  std::optional<MetricValue> other_metric;
  std::string title;
  uint32_t support = 0;
  std::vector<ProvenanceRecord> provenance;
};

struct EntityCard {
  // The node: its most complete form, with the other members' names and
  // aliases as aliases and the documents of all of them.
  EntityRecord entity;
  std::vector<EntityId> members;  // the entities it joins (Store::SameNode), entity.id first
  std::vector<CardEdge> edges;  // grouped: by predicate, outgoing first, then name
  std::vector<std::string> documents;  // where it is mentioned
};

[[nodiscard]] Result<EntityCard> BuildEntityCard(const Store& store, EntityId id);

// --- Neighbours --------------------------------------------------------------

struct NeighborOptions {
  int depth = 1;
  Direction direction = Direction::kBoth;
  std::vector<Predicate> predicates;  // empty: all; restricts the edges followed
  std::vector<EntityType> types;      // empty: all; restricts what is listed
  size_t limit = 0;                   // 0: no limit
};

struct NeighborHit {
  EntityId id = 0;
  EntityType type = EntityType::kAgency;
  std::string name;
  int depth = 0;
  EntityId via = 0;  // the entity one hop closer to the root
  Predicate predicate = Predicate::kConducts;
  bool outgoing = true;  // via --predicate--> id
};

// Breadth-first from `root` over the store's indexes; each entity once, at its
// shortest depth. The root itself is not listed.
[[nodiscard]] Result<std::vector<NeighborHit>> Neighbors(const Store& store, EntityId root,
                                                         const NeighborOptions& options);

// --- Path --------------------------------------------------------------------

struct PathOptions {
  int max_depth = 6;
  std::vector<Predicate> predicates;  // empty: all
};

struct PathHop {
  EntityId from = 0;
  EntityId to = 0;
  Predicate predicate = Predicate::kConducts;
  bool forward = true;  // from --predicate--> to; false: to --predicate--> from
};

struct PathResult {
  std::vector<NameCandidate> nodes;  // from a to b (degree left 0)
  std::vector<PathHop> hops;         // nodes.size() - 1 of them
};

// Shortest connection, edges followed either way (bidirectional BFS). NotFound
// when none within max_depth hops.
[[nodiscard]] Result<PathResult> ShortestPath(const Store& store, EntityId from, EntityId to,
                                              const PathOptions& options);

// --- Organization tree -------------------------------------------------------

struct TreeNode {
  EntityId id = 0;
  std::string name;
  std::vector<TreeNode> children;  // by name
};

struct OrgTree {
  std::vector<NameCandidate> ancestors;  // parent first, then its parent …
  TreeNode root;                         // the agency and its sub-units
};

// Follows subOrganizationOf down (units of the agency) and up (its parents),
// at most `max_depth` levels each way; cycles are cut.
[[nodiscard]] Result<OrgTree> BuildOrgTree(const Store& store, EntityId agency,
                                           int max_depth = 16);

// --- Metrics -----------------------------------------------------------------

struct MetricOptions {
  std::optional<EntityId> agency;   // its metrics, its programs' and its units'
  std::optional<EntityId> program;  // its metrics and its parts'
  std::string name_contains;
  size_t limit = 0;
};

struct MetricRow {
  EntityId id = 0;
  std::string name;
  MetricValue value;
  std::vector<NameCandidate> reporters;  // who reports it
  std::vector<ProvenanceRecord> sources;
};

[[nodiscard]] Result<std::vector<MetricRow>> ListMetrics(const Store& store,
                                                         const MetricOptions& options);

// --- The whole view (Boost.Graph) ------------------------------------------

struct VertexInfo {
  EntityId id = 0;
  EntityType type = EntityType::kAgency;
  std::string name;
  std::optional<MetricValue> metric;
};

struct EdgeInfo {
  size_t source = 0;  // vertex index
  size_t target = 0;
  Predicate predicate = Predicate::kConducts;
  std::string title;
  uint32_t support = 0;
};

enum class Centrality { kDegree, kPageRank, kBetweenness };
std::optional<Centrality> ParseCentrality(std::string_view text);

struct RankOptions {
  Centrality by = Centrality::kDegree;
  std::vector<EntityType> types;  // empty: all; filters the listing only
  size_t limit = 20;
};

struct RankedVertex {
  size_t vertex = 0;
  double score = 0;
};

struct Component {
  std::vector<size_t> vertices;  // by degree, highest first; ties in store order
};

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

  const VertexInfo& vertex(size_t v) const;
  std::optional<size_t> find_vertex(EntityId id) const;
  std::vector<EdgeInfo> edges() const;
  size_t degree(size_t v) const;  // in + out

  // Most central vertices first (Boost.Graph's page_rank and
  // brandes_betweenness_centrality; edges taken as undirected for betweenness).
  std::vector<RankedVertex> Rank(const RankOptions& options) const;
  // Weakly connected components, largest first.
  std::vector<Component> Components() const;

 private:
  class Impl;
  explicit Graph(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace govkg
