// The Boost.Graph view (a bidirectional adjacency_list) and the algorithms
// that need the whole of it: centrality ranking and connected components.
// All Boost.Graph templates are instantiated in this one file.
#include <algorithm>
#include <numeric>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/pending/disjoint_sets.hpp>

#include "graph/graph.h"

namespace govkg {
namespace {

struct EdgeProps {
  Predicate predicate = Predicate::kConducts;
  std::string title;
  uint32_t support = 0;
};

// Edges in a vector (vecS edge list): no allocation per edge, and the view
// never removes one.
using BGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                     VertexInfo, EdgeProps, boost::no_property, boost::vecS>;
using UGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// Store id → vertex. Ids are hashes of the entities' identities (so that
// nothing depends on ingest order, store/FORMAT.md): only ids below
// kDenseLimit (stores written before) go to the vector, the rest to the map.
class VertexIndex {
 public:
  explicit VertexIndex(bool dense) : dense_(dense) {}
  void Add(EntityId id, size_t v) {
    if (!dense_ || id >= kDenseLimit) {
      sparse_.emplace(id, v);
      return;
    }
    if (id >= slots_.size()) slots_.resize(std::max<size_t>(id + 1, slots_.size() * 2), kNone);
    slots_[id] = v;
  }
  std::optional<size_t> Find(EntityId id) const {
    if (!dense_ || id >= kDenseLimit) {
      const auto it = sparse_.find(id);
      return it == sparse_.end() ? std::nullopt : std::optional<size_t>(it->second);
    }
    if (id >= slots_.size() || slots_[id] == kNone) return std::nullopt;
    return slots_[id];
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);
  static constexpr EntityId kDenseLimit = EntityId{1} << 24;
  bool dense_;
  std::vector<size_t> slots_;
  std::unordered_map<EntityId, size_t> sparse_;
};

bool Wanted(const std::vector<EntityType>& types, EntityType t) {
  return types.empty() || std::find(types.begin(), types.end(), t) != types.end();
}
bool Wanted(const std::vector<Predicate>& predicates, Predicate p) {
  return predicates.empty() || std::find(predicates.begin(), predicates.end(), p) != predicates.end();
}

}  // namespace

class Graph::Impl {
 public:
  explicit Impl(bool dense) : index(dense) {}
  BGraph g;
  VertexIndex index;

  size_t AddVertex(VertexInfo info) {
    const EntityId id = info.id;
    const size_t v = boost::add_vertex(std::move(info), g);
    index.Add(id, v);
    return v;
  }
};

Graph::Graph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Graph::~Graph() = default;

Result<std::unique_ptr<Graph>> Graph::Build(const Store& store, const GraphOptions& options) {
  auto impl = std::make_unique<Impl>(/*dense=*/!options.root);
  if (options.root) {
    // The neighbourhood: BFS over the indexes, then the edges among its members.
    Result<std::optional<EntityRecord>> root = store.GetEntity(*options.root);
    if (!root.ok()) return root.status();
    if (!root->has_value()) return Status::NotFound("graph", "no entity with id " + std::to_string(*options.root));
    NeighborOptions n;
    n.depth = options.depth;
    n.direction = options.direction;
    n.predicates = options.predicates;
    Result<std::vector<NeighborHit>> hits = Neighbors(store, *options.root, n);
    if (!hits.ok()) return hits.status();
    impl->AddVertex(VertexInfo{(*root)->id, (*root)->type, (*root)->name, (*root)->metric});
    for (const NeighborHit& h : *hits) {
      if (!Wanted(options.types, h.type)) continue;
      Result<std::optional<EntityRecord>> rec = store.GetEntityBasics(h.id);
      if (!rec.ok()) return rec.status();
      std::optional<MetricValue> metric = rec->has_value() ? (*rec)->metric : std::nullopt;
      impl->AddVertex(VertexInfo{h.id, h.type, h.name, std::move(metric)});
    }
    for (size_t v = 0; v < boost::num_vertices(impl->g); ++v) {
      GOVKG_RETURN_IF_ERROR(store.ScanTriples(
          TriplePattern{impl->g[v].id, std::nullopt, std::nullopt}, [&](const TripleRecord& t) {
            const std::optional<size_t> o = impl->index.Find(t.object);
            if (o && Wanted(options.predicates, t.predicate)) {
              boost::add_edge(v, *o, EdgeProps{t.predicate, t.title, t.support}, impl->g);
            }
            return true;
          }));
    }
  } else {
    // The triples are read on a second thread while the entities become
    // vertices: the two scans are most of the build.
    std::vector<TripleRecord> triples;
    Status triples_read;
    std::thread reader([&] {
      triples_read = store.ScanTriples(TriplePattern{}, [&](const TripleRecord& t) {
        if (Wanted(options.predicates, t.predicate)) triples.push_back(t);
        return true;
      });
    });
    const Status entities_read = store.ScanEntities([&](const EntityRecord& e) {
      if (Wanted(options.types, e.type)) impl->AddVertex(VertexInfo{e.id, e.type, e.name, e.metric});
      return true;
    });
    reader.join();
    GOVKG_RETURN_IF_ERROR(entities_read);
    GOVKG_RETURN_IF_ERROR(triples_read);
    for (const TripleRecord& t : triples) {
      const std::optional<size_t> s = impl->index.Find(t.subject), o = impl->index.Find(t.object);
      if (s && o) boost::add_edge(*s, *o, EdgeProps{t.predicate, t.title, t.support}, impl->g);
    }
  }
  return std::unique_ptr<Graph>(new Graph(std::move(impl)));
}

size_t Graph::num_vertices() const { return boost::num_vertices(impl_->g); }
size_t Graph::num_edges() const { return boost::num_edges(impl_->g); }

std::vector<EntityId> Graph::entity_ids() const {
  std::vector<EntityId> out;
  out.reserve(num_vertices());
  for (size_t v = 0; v < num_vertices(); ++v) out.push_back(impl_->g[v].id);
  return out;
}

const VertexInfo& Graph::vertex(size_t v) const { return impl_->g[v]; }

std::optional<size_t> Graph::find_vertex(EntityId id) const {
  return impl_->index.Find(id);
}

std::vector<EdgeInfo> Graph::edges() const {
  std::vector<EdgeInfo> out;
  out.reserve(num_edges());
  for (auto [it, end] = boost::edges(impl_->g); it != end; ++it) {
    const EdgeProps& p = impl_->g[*it];
    out.push_back(EdgeInfo{boost::source(*it, impl_->g), boost::target(*it, impl_->g), p.predicate,
                           p.title, p.support});
  }
  return out;
}

size_t Graph::degree(size_t v) const {
  return boost::in_degree(v, impl_->g) + boost::out_degree(v, impl_->g);
}

std::optional<Centrality> ParseCentrality(std::string_view text) {
  if (text == "degree") return Centrality::kDegree;
  if (text == "pagerank") return Centrality::kPageRank;
  if (text == "betweenness") return Centrality::kBetweenness;
  return std::nullopt;
}

std::vector<RankedVertex> Graph::Rank(const RankOptions& options) const {
  const BGraph& g = impl_->g;
  const size_t n = num_vertices();
  std::vector<double> score(n, 0.0);
  if (options.by == Centrality::kDegree) {
    for (size_t v = 0; v < n; ++v) score[v] = static_cast<double>(degree(v));
  } else if (options.by == Centrality::kPageRank) {
    if (n > 0) {
      boost::graph::page_rank(g, boost::make_iterator_property_map(score.begin(),
                                                            boost::get(boost::vertex_index, g)),
                       boost::graph::n_iterations(50));
    }
  } else {
    // Relationships count both ways for brokerage: betweenness on the undirected graph.
    UGraph u(n);
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
      boost::add_edge(boost::source(*it, g), boost::target(*it, g), u);
    }
    boost::brandes_betweenness_centrality(
        u, boost::make_iterator_property_map(score.begin(), boost::get(boost::vertex_index, u)));
  }
  std::vector<RankedVertex> out;
  for (size_t v = 0; v < n; ++v) {
    if (Wanted(options.types, g[v].type)) out.push_back(RankedVertex{v, score[v]});
  }
  std::sort(out.begin(), out.end(), [&](const RankedVertex& a, const RankedVertex& b) {
    if (a.score != b.score) return a.score > b.score;
    return g[a.vertex].name < g[b.vertex].name;
  });
  if (options.limit != 0 && out.size() > options.limit) out.resize(options.limit);
  return out;
}

std::vector<Component> Graph::Components() const {
  const BGraph& g = impl_->g;
  const size_t n = num_vertices();
  std::vector<size_t> rank(n), parent(n);
  boost::disjoint_sets<size_t*, size_t*> sets(rank.data(), parent.data());
  for (size_t v = 0; v < n; ++v) sets.make_set(v);
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    sets.union_set(boost::source(*it, g), boost::target(*it, g));
  }
  std::unordered_map<size_t, size_t> slot;
  std::vector<Component> out;
  for (size_t v = 0; v < n; ++v) {
    const size_t r = sets.find_set(v);
    auto [it, fresh] = slot.emplace(r, out.size());
    if (fresh) out.emplace_back();
    out[it->second].vertices.push_back(v);
  }
  std::vector<size_t> degrees(n);
  for (size_t v = 0; v < n; ++v) degrees[v] = degree(v);
  for (Component& c : out) {
    // Ties in vertex order (the store's, first ingested first): comparing
    // names instead costs a third of the time of `components` on 1M triples.
    std::sort(c.vertices.begin(), c.vertices.end(), [&](size_t a, size_t b) {
      if (degrees[a] != degrees[b]) return degrees[a] > degrees[b];
      return a < b;
    });
  }
  std::stable_sort(out.begin(), out.end(), [](const Component& a, const Component& b) {
    return a.vertices.size() > b.vertices.size();
  });
  return out;
}

}  // namespace govkg
