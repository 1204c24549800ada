#include "model/json_io.h"

#include <nlohmann/json.hpp>

namespace govkg {
namespace {

using nlohmann::json;

json SpanToJson(const Span& span) { return json::array({span.start, span.end}); }

bool SpanFromJson(const json& j, Span* span) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number_unsigned() ||
      !j[1].is_number_unsigned()) {
    return false;
  }
  span->start = j[0].get<uint32_t>();
  span->end = j[1].get<uint32_t>();
  return span->start <= span->end;
}

json EntityToJson(const Entity& e) {
  json j = {{"id", e.id}, {"type", EntityTypeName(e.type)}, {"name", e.name},
            {"aliases", e.aliases}};
  if (!e.scope.empty()) j["scope"] = e.scope;
  if (e.metric) {
    j["value"] = e.metric->value;
    j["unit"] = e.metric->unit;
    j["qualifier"] = e.metric->qualifier.empty() ? json(nullptr) : json(e.metric->qualifier);
    j["period"] = e.metric->period.empty() ? json(nullptr) : json(e.metric->period);
  }
  json mentions = json::array();
  for (const Span& s : e.mentions) mentions.push_back(SpanToJson(s));
  j["mentions"] = std::move(mentions);
  return j;
}

json RelationToJson(const Relation& r) {
  json j = {{"s", r.subject}, {"p", PredicateName(r.predicate)}, {"o", r.object}};
  if (!r.title.empty()) j["title"] = r.title;
  j["evidence"] = SpanToJson(r.evidence);
  if (!r.quote.empty()) j["quote"] = r.quote;
  return j;
}

std::string OptionalString(const json& obj, const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

Status ParseEntity(const json& j, const std::string& where, Entity* e) {
  if (!j.is_object()) return Status::InvalidArgument(where, "entity is not an object");
  e->id = OptionalString(j, "id");
  e->name = OptionalString(j, "name");
  if (e->id.empty() || e->name.empty()) {
    return Status::InvalidArgument(where, "entity without id or name");
  }
  const auto type = ParseEntityType(OptionalString(j, "type"));
  if (!type) {
    return Status::InvalidArgument(where, "entity " + e->id + " has unknown type '" +
                                              OptionalString(j, "type") + "'");
  }
  e->type = *type;
  e->scope = OptionalString(j, "scope");
  if (const auto it = j.find("aliases"); it != j.end() && it->is_array()) {
    for (const json& a : *it) {
      if (a.is_string()) e->aliases.push_back(a.get<std::string>());
    }
  }
  if (const auto it = j.find("mentions"); it != j.end() && it->is_array()) {
    for (const json& m : *it) {
      Span span;
      if (!SpanFromJson(m, &span)) {
        return Status::InvalidArgument(where, "entity " + e->id + " has a malformed mention");
      }
      e->mentions.push_back(span);
    }
  }
  if (e->type == EntityType::kMetric) {
    const auto v = j.find("value");
    if (v == j.end() || !v->is_number()) {
      return Status::InvalidArgument(where, "metric " + e->id + " has no numeric value");
    }
    MetricValue m;
    m.value = v->get<double>();
    m.unit = OptionalString(j, "unit");
    m.qualifier = OptionalString(j, "qualifier");
    m.period = OptionalString(j, "period");
    e->metric = std::move(m);
  }
  return Status::OK();
}

Status ParseRelation(const json& j, const std::string& where, Relation* r) {
  if (!j.is_object()) return Status::InvalidArgument(where, "relation is not an object");
  r->subject = OptionalString(j, "s");
  r->object = OptionalString(j, "o");
  const auto p = ParsePredicate(OptionalString(j, "p"));
  if (r->subject.empty() || r->object.empty() || !p) {
    return Status::InvalidArgument(where, "relation needs s, a known p, and o");
  }
  r->predicate = *p;
  r->title = OptionalString(j, "title");
  r->quote = OptionalString(j, "quote");
  if (const auto it = j.find("evidence"); it != j.end() && !SpanFromJson(*it, &r->evidence)) {
    return Status::InvalidArgument(where, "relation has a malformed evidence span");
  }
  return Status::OK();
}

}  // namespace

std::string DocumentGraphToJson(const DocumentGraph& graph) {
  json entities = json::array();
  for (const Entity& e : graph.entities) entities.push_back(EntityToJson(e));
  json relations = json::array();
  for (const Relation& r : graph.relations) relations.push_back(RelationToJson(r));
  json j = {{"doc", graph.doc}, {"entities", std::move(entities)},
            {"relations", std::move(relations)}};
  if (!graph.region.empty()) j["region"] = graph.region;
  // Replace rather than throw: a path given on the command line may not be UTF-8.
  return j.dump(-1, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

Result<DocumentGraph> DocumentGraphFromJson(std::string_view text, std::string_view where) {
  const std::string at(where);
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument(at, "not valid JSON");
  if (!j.is_object()) return Status::InvalidArgument(at, "expected a JSON object");
  DocumentGraph graph;
  graph.doc = OptionalString(j, "doc");
  if (graph.doc.empty()) return Status::InvalidArgument(at, "missing \"doc\"");
  graph.region = OptionalString(j, "region");
  if (const auto it = j.find("entities"); it != j.end() && it->is_array()) {
    for (const json& e : *it) {
      Entity entity;
      GOVKG_RETURN_IF_ERROR(ParseEntity(e, at, &entity));
      graph.entities.push_back(std::move(entity));
    }
  }
  if (const auto it = j.find("relations"); it != j.end() && it->is_array()) {
    for (const json& r : *it) {
      Relation relation;
      GOVKG_RETURN_IF_ERROR(ParseRelation(r, at, &relation));
      graph.relations.push_back(std::move(relation));
    }
  }
  return graph;
}

}  // namespace govkg
