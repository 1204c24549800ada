// Index-backed traversals: neighbours (BFS), shortest path (bidirectional
// BFS) and the organisation tree. Each step is one prefix scan of SPO or OSP.
#include <algorithm>
#include <deque>
#include <functional>
#include <future>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "graph/edges_internal.h"
#include "graph/graph.h"

namespace govkg {
namespace internal {

Status ForEachEdge(const Store& store, EntityId id, Direction direction,
                   const std::vector<Predicate>& predicates,
                   const std::function<bool(const TripleRecord&, bool, EntityId)>& visit) {
  bool stop = false;
  const auto scan = [&](bool outgoing, std::optional<Predicate> p) -> Status {
    if (stop) return Status::OK();
    TriplePattern pattern;
    pattern.predicate = p;
    (outgoing ? pattern.subject : pattern.object) = id;
    return store.ScanTriples(pattern, [&](const TripleRecord& t) {
      if (!visit(t, outgoing, outgoing ? t.object : t.subject)) stop = true;
      return !stop;
    });
  };
  for (const bool outgoing : {true, false}) {
    if (direction == (outgoing ? Direction::kIn : Direction::kOut)) continue;
    if (predicates.empty()) {
      GOVKG_RETURN_IF_ERROR(scan(outgoing, std::nullopt));
    } else {
      for (Predicate p : predicates) GOVKG_RETURN_IF_ERROR(scan(outgoing, p));
    }
  }
  return Status::OK();
}

// Basics only (type, name, metric): traversals list many entities.
Result<EntityRecord> GetExisting(const Store& store, EntityId id) {
  Result<std::optional<EntityRecord>> rec = store.GetEntityBasics(id);
  if (!rec.ok()) return rec.status();
  if (!rec->has_value()) return Status::NotFound("graph", "no entity with id " + std::to_string(id));
  return std::move(**rec);
}

}  // namespace internal

using internal::ForEachEdge;
using internal::GetExisting;

namespace {

// One edge out of a frontier entity, in the order the index scans give it.
struct Step {
  EntityId from = 0;
  EntityId other = 0;
  Predicate predicate = Predicate::kConducts;
  bool outgoing = true;
};

// The edges of frontier[begin, end), in frontier order.
Status CollectSteps(const Store& store, const std::vector<EntityId>& frontier, size_t begin, size_t end,
                    const NeighborOptions& options, std::vector<Step>* steps) {
  for (size_t k = begin; k < end; ++k) {
    const EntityId from = frontier[k];
    GOVKG_RETURN_IF_ERROR(ForEachEdge(store, from, options.direction, options.predicates,
                                      [&](const TripleRecord& t, bool outgoing, EntityId other) {
                                        steps->push_back({from, other, t.predicate, outgoing});
                                        return true;
                                      }));
  }
  return Status::OK();
}

// All edges of a big frontier (no limit to stop at), scanned in two halves
// at once; the caller walks them in the same order as a single scan.
Result<std::vector<Step>> CollectStepsInParallel(const Store& store, const std::vector<EntityId>& frontier,
                                                 const NeighborOptions& options) {
  const size_t half = frontier.size() / 2;
  std::vector<Step> first, second;
  std::future<Status> first_done = std::async(std::launch::async, [&] {
    return CollectSteps(store, frontier, 0, half, options, &first);
  });
  const Status second_status = CollectSteps(store, frontier, half, frontier.size(), options, &second);
  const Status first_status = first_done.get();
  GOVKG_RETURN_IF_ERROR(first_status);
  GOVKG_RETURN_IF_ERROR(second_status);
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

constexpr size_t kParallelFrontier = 256;

}  // namespace

Result<std::vector<NeighborHit>> Neighbors(const Store& store, EntityId root,
                                           const NeighborOptions& options) {
  GOVKG_RETURN_IF_ERROR(GetExisting(store, root).status());
  std::vector<NeighborHit> out;
  std::unordered_set<EntityId> seen{root};
  std::vector<EntityId> frontier{root};
  auto full = [&] { return options.limit != 0 && out.size() >= options.limit; };
  const bool any_type = options.types.empty();
  const bool parallel = options.limit == 0 && std::thread::hardware_concurrency() > 1;
  for (int depth = 1; depth <= options.depth && !frontier.empty() && !full(); ++depth) {
    // One level's new entities first, then their records in one batched read.
    std::vector<NeighborHit> level;
    std::vector<EntityId> next;
    const auto take = [&](EntityId from, EntityId other, Predicate predicate, bool outgoing) {
      if (!seen.insert(other).second) return true;
      next.push_back(other);
      level.push_back(NeighborHit{other, EntityType::kAgency, "", depth, from, predicate, outgoing});
      // Without a type filter every one is listed: stop at the limit.
      return !(any_type && options.limit != 0 && out.size() + level.size() >= options.limit);
    };
    if (parallel && frontier.size() >= kParallelFrontier) {
      Result<std::vector<Step>> steps = CollectStepsInParallel(store, frontier, options);
      if (!steps.ok()) return steps.status();
      for (const Step& st : *steps) take(st.from, st.other, st.predicate, st.outgoing);
    } else {
      for (EntityId from : frontier) {
        GOVKG_RETURN_IF_ERROR(ForEachEdge(store, from, options.direction, options.predicates,
                                          [&](const TripleRecord& t, bool outgoing, EntityId other) {
                                            return take(from, other, t.predicate, outgoing);
                                          }));
        if (any_type && options.limit != 0 && out.size() + level.size() >= options.limit) break;
      }
    }
    Result<std::vector<std::optional<EntityRecord>>> records = store.GetEntitiesBasics(next);
    if (!records.ok()) return records.status();
    for (size_t i = 0; i < level.size() && !full(); ++i) {
      std::optional<EntityRecord>& rec = (*records)[i];
      if (!rec) return Status::NotFound("graph", "no entity with id " + std::to_string(level[i].id));
      if (!any_type && std::find(options.types.begin(), options.types.end(), rec->type) == options.types.end()) {
        continue;
      }
      level[i].type = rec->type;
      level[i].name = std::move(rec->name);
      out.push_back(std::move(level[i]));
    }
    frontier = std::move(next);
  }
  return out;
}

namespace {

struct Parent {
  EntityId prev = 0;
  Predicate predicate = Predicate::kConducts;
  bool outgoing = true;  // prev --predicate--> this
  int depth = 0;         // hops from this side's start
};

using ParentMap = std::unordered_map<EntityId, Parent>;

// Expands one whole BFS level of one side; returns the meeting entity closest
// to the other side's start, if any (so the path found is a shortest one).
Result<std::optional<EntityId>> ExpandLevel(const Store& store, const PathOptions& options,
                                            std::vector<EntityId>* frontier, ParentMap* mine,
                                            const ParentMap& other_side) {
  std::vector<EntityId> next;
  std::optional<EntityId> meet;
  for (EntityId from : *frontier) {
    GOVKG_RETURN_IF_ERROR(ForEachEdge(
        store, from, Direction::kBoth, options.predicates,
        [&](const TripleRecord& t, bool outgoing, EntityId to) {
          if (mine->count(to)) return true;
          mine->emplace(to, Parent{from, t.predicate, outgoing, mine->at(from).depth + 1});
          next.push_back(to);
          const auto it = other_side.find(to);
          if (it != other_side.end() && (!meet || it->second.depth < other_side.at(*meet).depth)) {
            meet = to;
          }
          return true;
        }));
  }
  *frontier = std::move(next);
  return meet;
}

}  // namespace

Result<PathResult> ShortestPath(const Store& store, EntityId from, EntityId to,
                                const PathOptions& options) {
  GOVKG_RETURN_IF_ERROR(GetExisting(store, from).status());
  GOVKG_RETURN_IF_ERROR(GetExisting(store, to).status());
  ParentMap forward{{from, Parent{from, Predicate::kConducts, true, 0}}};
  ParentMap backward{{to, Parent{to, Predicate::kConducts, true, 0}}};
  std::vector<EntityId> front_a{from}, front_b{to};
  std::optional<EntityId> meet;
  if (from == to) meet = from;
  for (int hops = 0; !meet && hops < options.max_depth; ++hops) {
    if (front_a.empty() || front_b.empty()) break;
    // Grow the smaller side: hubs on one end then cost less.
    const bool grow_a = front_a.size() <= front_b.size();
    Result<std::optional<EntityId>> m =
        grow_a ? ExpandLevel(store, options, &front_a, &forward, backward)
               : ExpandLevel(store, options, &front_b, &backward, forward);
    if (!m.ok()) return m.status();
    meet = *m;
  }
  if (!meet) {
    return Status::NotFound("graph: path",
                            "no connection within " + std::to_string(options.max_depth) + " hops");
  }
  // Walk back to `from`, then forward to `to`.
  std::vector<EntityId> ids;
  std::vector<PathHop> hops;
  for (EntityId cur = *meet; cur != from;) {
    const Parent& p = forward.at(cur);
    hops.push_back(PathHop{p.prev, cur, p.predicate, p.outgoing});
    ids.push_back(cur);
    cur = p.prev;
  }
  ids.push_back(from);
  std::reverse(ids.begin(), ids.end());
  std::reverse(hops.begin(), hops.end());
  for (EntityId cur = *meet; cur != to;) {
    const Parent& p = backward.at(cur);
    // The backward search went p.prev → cur; the path goes cur → p.prev.
    hops.push_back(PathHop{cur, p.prev, p.predicate, !p.outgoing});
    ids.push_back(p.prev);
    cur = p.prev;
  }
  PathResult result;
  for (EntityId id : ids) {
    Result<EntityRecord> rec = GetExisting(store, id);
    if (!rec.ok()) return rec.status();
    result.nodes.push_back(NameCandidate{id, rec->type, rec->name, 0, rec->scope});
  }
  result.hops = std::move(hops);
  return result;
}

namespace {

Status GrowTree(const Store& store, TreeNode* node, int depth_left, std::set<EntityId>* seen) {
  if (depth_left <= 0) return Status::OK();
  std::vector<EntityId> units;
  GOVKG_RETURN_IF_ERROR(ForEachEdge(store, node->id, Direction::kIn,
                                    {Predicate::kSubOrganizationOf},
                                    [&](const TripleRecord&, bool, EntityId unit) {
                                      if (seen->insert(unit).second) units.push_back(unit);
                                      return true;
                                    }));
  for (EntityId unit : units) {
    Result<EntityRecord> rec = GetExisting(store, unit);
    if (!rec.ok()) return rec.status();
    node->children.push_back(TreeNode{unit, rec->name, {}});
  }
  std::sort(node->children.begin(), node->children.end(),
            [](const TreeNode& a, const TreeNode& b) { return a.name < b.name; });
  for (TreeNode& child : node->children) {
    GOVKG_RETURN_IF_ERROR(GrowTree(store, &child, depth_left - 1, seen));
  }
  return Status::OK();
}

}  // namespace

Result<OrgTree> BuildOrgTree(const Store& store, EntityId agency, int max_depth) {
  Result<EntityRecord> root = GetExisting(store, agency);
  if (!root.ok()) return root.status();
  OrgTree tree;
  tree.root = TreeNode{agency, root->name, {}};
  std::set<EntityId> seen{agency};
  // Up: follow the first parent of each level (by name, for stable output).
  EntityId cur = agency;
  for (int level = 0; level < max_depth; ++level) {
    std::vector<NameCandidate> parents;
    Status error;
    GOVKG_RETURN_IF_ERROR(ForEachEdge(store, cur, Direction::kOut,
                                      {Predicate::kSubOrganizationOf},
                                      [&](const TripleRecord&, bool, EntityId parent) {
                                        Result<EntityRecord> rec = GetExisting(store, parent);
                                        if (!rec.ok()) {
                                          error = rec.status();
                                          return false;
                                        }
                                        parents.push_back(NameCandidate{parent, rec->type, rec->name, 0, rec->scope});
                                        return true;
                                      }));
    GOVKG_RETURN_IF_ERROR(error);
    std::sort(parents.begin(), parents.end(),
              [](const NameCandidate& a, const NameCandidate& b) { return a.name < b.name; });
    auto fresh = std::find_if(parents.begin(), parents.end(),
                              [&](const NameCandidate& p) { return !seen.count(p.id); });
    if (fresh == parents.end()) break;
    seen.insert(fresh->id);
    tree.ancestors.push_back(*fresh);
    cur = fresh->id;
  }
  std::set<EntityId> down_seen{agency};
  GOVKG_RETURN_IF_ERROR(GrowTree(store, &tree.root, max_depth, &down_seen));
  return tree;
}

}  // namespace govkg
