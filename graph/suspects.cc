// graph/suspects.cc: see suspects.h.
#include "graph/suspects.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "model/utf8.h"
#include "store/identity.h"

namespace govkg {

namespace {

// A character pair occurring in more names of a group than this says
// nothing (公安, 管理): it is not used to find candidate pairs.
constexpr size_t kMaxPairPostings = 200;
// Neighbours listed as evidence.
constexpr size_t kListedNeighbours = 4;


std::set<std::string> Pairs(std::string_view name) {
  const std::vector<std::string> c = Utf8Chars(name);
  std::set<std::string> out;
  for (size_t i = 0; i + 1 < c.size(); ++i) out.insert(c[i] + c[i + 1]);
  return out;
}

double Dice(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (const std::string& x : a) common += b.contains(x);
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

std::string Fixed(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

struct Node {
  EntityRecord record;
  std::set<std::string> pairs;
};

class Finder {
 public:
  Finder(const Store& store, const SuspectOptions& options) : store_(store), options_(options) {}

  Result<std::vector<Suspect>> Run() {
    GOVKG_RETURN_IF_ERROR(store_.ScanEntities([&](const EntityRecord& e) {
      if (e.type == EntityType::kMetric || e.type == EntityType::kDocument) return true;
      groups_[{e.type, e.scope}].push_back(Node{e, Pairs(e.name)});
      return true;
    }));
    for (auto& [key, nodes] : groups_) GOVKG_RETURN_IF_ERROR(Duplicates(nodes));
    GOVKG_RETURN_IF_ERROR(Collisions());
    std::sort(out_.begin(), out_.end(), [](const Suspect& a, const Suspect& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.nodes[0].name < b.nodes[0].name;
    });
    if (options_.limit != 0 && out_.size() > options_.limit) out_.resize(options_.limit);
    return std::move(out_);
  }

 private:
  Result<const std::set<EntityId>*> Neighbours(EntityId id) {
    auto it = neighbours_.find(id);
    if (it != neighbours_.end()) return &it->second;
    std::set<EntityId> n;
    GOVKG_RETURN_IF_ERROR(store_.ScanTriples(TriplePattern{id, std::nullopt, std::nullopt},
                                             [&](const TripleRecord& t) { return n.insert(t.object), true; }));
    GOVKG_RETURN_IF_ERROR(store_.ScanTriples(TriplePattern{std::nullopt, std::nullopt, id},
                                             [&](const TripleRecord& t) { return n.insert(t.subject), true; }));
    return &neighbours_.emplace(id, std::move(n)).first->second;
  }

  Result<std::string> NameOf(EntityId id) {
    Result<std::optional<EntityRecord>> r = store_.GetEntityBasics(id);
    if (!r.ok()) return r.status();
    return r->has_value() ? (*r)->name : std::to_string(id);
  }

  static NameCandidate Candidate(const EntityRecord& r) {
    return NameCandidate{r.id, r.type, r.name, 0, r.scope};
  }

  Status Duplicates(const std::vector<Node>& nodes) {
    std::map<std::string, std::vector<size_t>> postings;
    for (size_t i = 0; i < nodes.size(); ++i) {
      for (const std::string& p : nodes[i].pairs) postings[p].push_back(i);
    }
    std::set<std::pair<size_t, size_t>> pairs;
    for (const auto& [p, list] : postings) {
      if (list.size() > kMaxPairPostings) continue;
      for (size_t x = 0; x < list.size(); ++x) {
        for (size_t y = x + 1; y < list.size(); ++y) pairs.emplace(list[x], list[y]);
      }
    }
    for (const auto& [i, j] : pairs) GOVKG_RETURN_IF_ERROR(Compare(nodes[i], nodes[j]));
    return Status::OK();
  }

  Status Compare(const Node& a, const Node& b) {
    const std::string &na = a.record.name, &nb = b.record.name;
    const bool inside = na.find(nb) != std::string::npos || nb.find(na) != std::string::npos;
    const double dice = Dice(a.pairs, b.pairs);
    if (!inside && dice < 0.5) return Status::OK();
    Result<const std::set<EntityId>*> xa = Neighbours(a.record.id);
    if (!xa.ok()) return xa.status();
    Result<const std::set<EntityId>*> xb = Neighbours(b.record.id);
    if (!xb.ok()) return xb.status();
    std::vector<EntityId> shared;
    std::set_intersection((*xa)->begin(), (*xa)->end(), (*xb)->begin(), (*xb)->end(), std::back_inserter(shared));
    const size_t all = (*xa)->size() + (*xb)->size() - shared.size();
    const double jaccard = all == 0 ? 0 : static_cast<double>(shared.size()) / static_cast<double>(all);
    const double score = 0.5 * std::max(dice, inside ? 0.8 : 0.0) + 0.5 * jaccard;
    if (score < options_.min_score) return Status::OK();
    Suspect s;
    s.kind = Suspect::Kind::kDuplicate;
    s.score = score;
    const bool a_first = PreferredName(a.record.scope, na, b.record.scope, nb);
    s.nodes = {Candidate(a_first ? a.record : b.record), Candidate(a_first ? b.record : a.record)};
    const std::string &longer = s.nodes[0].name, &shorter = s.nodes[1].name;
    if (inside) s.evidence.push_back("name " + shorter + " inside " + longer);
    s.evidence.push_back("character pairs in common: " + Fixed(dice));
    s.evidence.push_back(std::string(EntityTypeName(a.record.type)) + ", same scope " +
                         (a.record.scope.empty() ? std::string("(none)") : a.record.scope));
    std::string listed;
    for (size_t k = 0; k < shared.size() && k < kListedNeighbours; ++k) {
      Result<std::string> name = NameOf(shared[k]);
      if (!name.ok()) return name.status();
      listed += (k ? ", " : "") + *name;
    }
    s.evidence.push_back("shared neighbours: " + std::to_string(shared.size()) + " of " + std::to_string(all) +
                         (shared.empty() ? "" : " (" + listed + (shared.size() > kListedNeighbours ? ", …)" : ")")));
    out_.push_back(std::move(s));
    return Status::OK();
  }

  // The provinces a document is about: those of the region scopes of the
  // nodes it mentions.
  Status Collisions() {
    std::unordered_map<std::string, std::set<std::string>> doc_provinces;
    for (const auto& [key, nodes] : groups_) {
      const std::string& scope = key.second;
      if (!ValidScope(scope) || scope.empty() || scope.size() < 2) continue;
      const std::string province = scope.substr(0, 2) + "0000";
      for (const Node& n : nodes) {
        GOVKG_RETURN_IF_ERROR(store_.ScanMentions(n.record.id, [&](std::string_view doc, const std::vector<Span>&) {
          return doc_provinces[std::string(doc)].insert(province), true;
        }));
      }
    }
    for (const auto& [key, nodes] : groups_) {
      if (!key.second.empty() || (key.first != EntityType::kAgency && key.first != EntityType::kProgram)) continue;
      for (const Node& n : nodes) {
        std::map<std::string, std::vector<std::string>> docs_by_province;
        GOVKG_RETURN_IF_ERROR(store_.ScanMentions(n.record.id, [&](std::string_view doc, const std::vector<Span>&) {
          const auto it = doc_provinces.find(std::string(doc));
          if (it != doc_provinces.end() && it->second.size() == 1) {
            docs_by_province[*it->second.begin()].emplace_back(doc);
          }
          return true;
        }));
        if (docs_by_province.size() < 2) continue;
        Suspect s;
        s.kind = Suspect::Kind::kCollision;
        // More provinces, more suspect; never above a sure duplicate.
        s.score = 0.9 * (1.0 - 1.0 / static_cast<double>(docs_by_province.size()));
        s.nodes = {Candidate(n.record)};
        s.evidence.push_back("no region scope, mentioned by documents about " +
                             std::to_string(docs_by_province.size()) + " provinces");
        for (const auto& [province, docs] : docs_by_province) {
          s.evidence.push_back(province + ": " + docs.front() +
                               (docs.size() > 1 ? " and " + std::to_string(docs.size() - 1) + " more" : ""));
        }
        s.evidence.push_back("right for a national body; else govkg distinct splits the forms a merge joined");
        out_.push_back(std::move(s));
      }
    }
    return Status::OK();
  }

  const Store& store_;
  const SuspectOptions& options_;
  std::map<std::pair<EntityType, std::string>, std::vector<Node>> groups_;
  std::unordered_map<EntityId, std::set<EntityId>> neighbours_;
  std::vector<Suspect> out_;
};

}  // namespace

Result<std::vector<Suspect>> FindSuspects(const Store& store, const SuspectOptions& options) {
  return Finder(store, options).Run();
}

}  // namespace govkg
