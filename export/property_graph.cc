// Helpers of the property-graph exporters; see property_graph_internal.h.
#include <algorithm>
#include <cctype>

#include "export/exporter_internal.h"
#include "export/property_graph_internal.h"

namespace govkg::internal {

Result<const EntityRecord*> EntityCache::Get(EntityId id) {
  Slot& slot = slots_[id % slots_.size()];
  if (slot.used && slot.record.id == id) return &slot.record;
  Result<std::optional<EntityRecord>> e = source_.GetEntityBasics(id);
  if (!e.ok()) return e.status();
  if (!e->has_value()) {
    return Status::Corruption("export",
                              "triple names entity " + std::to_string(id) + " which is not stored");
  }
  slot.used = true;
  slot.record = std::move(**e);
  return &slot.record;
}

Result<std::vector<std::string>> SourceDocuments(const GraphSource& source,
                                                 const TripleRecord& triple) {
  std::vector<std::string> docs;
  const Status status = source.ScanProvenance(triple, [&](const ProvenanceRecord& p) {
    if (std::find(docs.begin(), docs.end(), p.doc) == docs.end()) docs.push_back(p.doc);
    return true;
  });
  if (!status.ok()) return status;
  return docs;
}

std::string UpperSnake(std::string_view camel) {
  std::string out;
  for (const char c : camel) {
    if (std::isupper(static_cast<unsigned char>(c)) && !out.empty()) out.push_back('_');
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

std::string Join(const std::vector<std::string>& values, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out.append(sep);
    out.append(values[i]);
  }
  return out;
}

Status VisitPropertyGraph(const GraphSource& source, const PropertyGraphVisitor& visitor) {
  Status inner;
  GOVKG_RETURN_IF_ERROR(source.ScanEntities([&](const EntityRecord& e) {
    inner = visitor.entity(e);
    return inner.ok();
  }));
  GOVKG_RETURN_IF_ERROR(inner);
  EntityCache cache(source);
  GOVKG_RETURN_IF_ERROR(source.ScanTriples([&](const TripleRecord& t) {
    Result<const EntityRecord*> s = cache.Get(t.subject);
    if (!s.ok()) {
      inner = s.status();
      return false;
    }
    const EntityRecord subject = **s;  // copy: the next Get may evict it
    Result<const EntityRecord*> o = cache.Get(t.object);
    if (!o.ok()) {
      inner = o.status();
      return false;
    }
    inner = visitor.edge(t, subject, **o);
    return inner.ok();
  }));
  return inner;
}

}  // namespace govkg::internal
