// The entity card of `govkg show` and the metric listing of `govkg metrics`,
// both assembled from prefix scans around one entity.
#include <algorithm>
#include <set>
#include <tuple>

#include "graph/edges_internal.h"
#include "graph/graph.h"
#include "store/identity.h"

namespace govkg {

using internal::ForEachEdge;
using internal::GetExisting;

namespace {

Result<std::vector<ProvenanceRecord>> Provenance(const Store& store, const TripleRecord& t) {
  std::vector<ProvenanceRecord> out;
  GOVKG_RETURN_IF_ERROR(store.ScanProvenance(t, [&](const ProvenanceRecord& p) {
    out.push_back(p);
    return true;
  }));
  return out;
}

}  // namespace

Result<EntityCard> BuildEntityCard(const Store& store, EntityId id) {
  // The store answers in nodes (store/nodes_internal.h): the record is the
  // node's, named by its most complete form, with the other forms' names as
  // aliases; its edges and mentions are those of every form it joins.
  Result<std::optional<EntityRecord>> rec = store.GetEntity(id);
  if (!rec.ok()) return rec.status();
  if (!rec->has_value()) return Status::NotFound("graph", "no entity with id " + std::to_string(id));
  EntityCard card;
  card.entity = std::move(**rec);
  Result<std::vector<EntityId>> members = store.SameNode(card.entity.id);
  if (!members.ok()) return members.status();
  card.members.push_back(card.entity.id);
  for (const EntityId m : *members) {
    if (m != card.entity.id) card.members.push_back(m);
  }

  Status error;
  GOVKG_RETURN_IF_ERROR(ForEachEdge(
      store, card.entity.id, Direction::kBoth, {}, [&](const TripleRecord& t, bool outgoing, EntityId other) {
        Result<EntityRecord> o = GetExisting(store, other);
        Result<std::vector<ProvenanceRecord>> prov = Provenance(store, t);
        if (!o.ok() || !prov.ok()) {
          error = !o.ok() ? o.status() : prov.status();
          return false;
        }
        card.edges.push_back(CardEdge{t.predicate, outgoing, other, o->type, o->name, o->metric,
                                      t.title, t.support, std::move(*prov)});
        return true;
      }));
  GOVKG_RETURN_IF_ERROR(error);
  std::stable_sort(card.edges.begin(), card.edges.end(), [](const CardEdge& a, const CardEdge& b) {
    return std::tuple(static_cast<int>(a.predicate), !a.outgoing, a.other_name) <
           std::tuple(static_cast<int>(b.predicate), !b.outgoing, b.other_name);
  });
  std::set<std::string> documents;
  GOVKG_RETURN_IF_ERROR(store.ScanMentions(card.entity.id, [&](std::string_view doc, const std::vector<Span>&) {
    documents.emplace(doc);
    return true;
  }));
  card.documents.assign(documents.begin(), documents.end());
  card.entity.document_count = static_cast<uint32_t>(documents.size());
  return card;
}

namespace {

// Entities whose metrics count for `start`: itself, then (for an agency) its
// sub-units and the programs they conduct, (for a program) its parts.
Result<std::vector<EntityId>> Reporters(const Store& store, EntityId start) {
  std::vector<EntityId> out{start};
  std::set<EntityId> seen{start};
  for (size_t i = 0; i < out.size(); ++i) {
    GOVKG_RETURN_IF_ERROR(ForEachEdge(
        store, out[i], Direction::kBoth, {},
        [&](const TripleRecord& t, bool outgoing, EntityId other) {
          const bool down = (!outgoing && (t.predicate == Predicate::kSubOrganizationOf ||
                                           t.predicate == Predicate::kPartOf)) ||
                            (outgoing && t.predicate == Predicate::kConducts);
          if (down && seen.insert(other).second) out.push_back(other);
          return true;
        }));
  }
  return out;
}

Result<MetricRow> MakeRow(const Store& store, const EntityRecord& metric) {
  MetricRow row;
  row.id = metric.id;
  row.name = metric.name;
  if (metric.metric) row.value = *metric.metric;
  Status error;
  GOVKG_RETURN_IF_ERROR(ForEachEdge(
      store, metric.id, Direction::kIn, {Predicate::kReports},
      [&](const TripleRecord& t, bool, EntityId reporter) {
        Result<EntityRecord> r = GetExisting(store, reporter);
        Result<std::vector<ProvenanceRecord>> prov = Provenance(store, t);
        if (!r.ok() || !prov.ok()) {
          error = !r.ok() ? r.status() : prov.status();
          return false;
        }
        row.reporters.push_back(NameCandidate{reporter, r->type, r->name, 0, r->scope});
        for (ProvenanceRecord& p : *prov) row.sources.push_back(std::move(p));
        return true;
      }));
  GOVKG_RETURN_IF_ERROR(error);
  return row;
}

bool NameMatches(const EntityRecord& e, const std::string& needle, const std::string& simplified) {
  if (needle.empty()) return true;
  return e.name.find(needle) != std::string::npos || e.name.find(simplified) != std::string::npos;
}

}  // namespace

Result<std::vector<MetricRow>> ListMetrics(const Store& store, const MetricOptions& options) {
  const std::string simplified = ToSimplified(options.name_contains);
  std::vector<EntityRecord> metrics;
  if (options.agency || options.program) {
    std::set<EntityId> wanted;
    for (const std::optional<EntityId>& start : {options.agency, options.program}) {
      if (!start) continue;
      Result<std::vector<EntityId>> reporters = Reporters(store, *start);
      if (!reporters.ok()) return reporters.status();
      std::set<EntityId> here;
      for (EntityId r : *reporters) {
        GOVKG_RETURN_IF_ERROR(ForEachEdge(store, r, Direction::kOut, {Predicate::kReports},
                                          [&](const TripleRecord&, bool, EntityId m) {
                                            here.insert(m);
                                            return true;
                                          }));
      }
      // Both given: the metrics both reach.
      if (start == options.agency || !options.agency) {
        wanted = std::move(here);
      } else {
        std::set<EntityId> both;
        std::set_intersection(wanted.begin(), wanted.end(), here.begin(), here.end(),
                              std::inserter(both, both.end()));
        wanted = std::move(both);
      }
    }
    for (EntityId id : wanted) {
      Result<EntityRecord> rec = GetExisting(store, id);
      if (!rec.ok()) return rec.status();
      if (rec->type == EntityType::kMetric) metrics.push_back(std::move(*rec));
    }
  } else {
    GOVKG_RETURN_IF_ERROR(store.ScanEntities([&](const EntityRecord& e) {
      if (e.type == EntityType::kMetric) metrics.push_back(e);
      return true;
    }));
  }
  std::vector<MetricRow> out;
  for (const EntityRecord& m : metrics) {
    if (!NameMatches(m, options.name_contains, simplified)) continue;
    Result<MetricRow> row = MakeRow(store, m);
    if (!row.ok()) return row.status();
    out.push_back(std::move(*row));
    if (options.limit != 0 && out.size() >= options.limit) break;
  }
  return out;
}

}  // namespace govkg
