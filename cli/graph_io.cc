// Shared pieces of the query commands (see graph_io.h).
#include "cli/graph_io.h"

#include <cstdio>

namespace govkg::cli {

Status OpenForReading(const CliContext& ctx, std::unique_ptr<Store>* store) {
  return Store::Open(StoreOptions::ForReading(), ctx.db, store);
}

Result<std::optional<EntityType>> ParseOptionalType(const std::string& name) {
  if (name.empty()) return std::optional<EntityType>();
  if (const auto t = ParseEntityType(name)) return std::optional<EntityType>(*t);
  std::string choices;
  for (const EntityType t : kAllEntityTypes) {
    choices += (choices.empty() ? "" : ", ") + std::string(EntityTypeName(t));
  }
  return Status::InvalidArgument("--type " + name, "unknown entity type (one of " + choices + ")");
}

Result<std::vector<EntityType>> ParseTypes(const std::vector<std::string>& names) {
  std::vector<EntityType> out;
  for (const std::string& n : names) {
    Result<std::optional<EntityType>> t = ParseOptionalType(n);
    if (!t.ok()) return t.status();
    if (t->has_value()) out.push_back(**t);
  }
  return out;
}

Result<std::vector<Predicate>> ParsePredicates(const std::vector<std::string>& names) {
  std::vector<Predicate> out;
  for (const std::string& n : names) {
    const std::optional<Predicate> p = ParsePredicate(n);
    if (!p) {
      std::string choices;
      for (const Predicate q : kAllPredicates) {
        choices += (choices.empty() ? "" : ", ") + std::string(PredicateName(q));
      }
      return Status::InvalidArgument("--predicate " + n, "unknown predicate (one of " + choices + ")");
    }
    out.push_back(*p);
  }
  return out;
}

std::string MetricText(const MetricValue& m) {
  char number[64];
  std::snprintf(number, sizeof number, "%.15g", m.value);
  std::string out = number;
  if (!m.unit.empty()) out += " " + m.unit;
  if (!m.qualifier.empty()) out += " (" + m.qualifier + ")";
  if (!m.period.empty()) out += " [" + m.period + "]";
  return out;
}

nlohmann::json MetricJson(const MetricValue& m) {
  return {{"value", m.value},
          {"unit", m.unit},
          {"qualifier", m.qualifier.empty() ? nlohmann::json() : nlohmann::json(m.qualifier)},
          {"period", m.period.empty() ? nlohmann::json() : nlohmann::json(m.period)}};
}

nlohmann::json ProvenanceJson(const ProvenanceRecord& p) {
  return {{"doc", p.doc}, {"evidence", {p.evidence.start, p.evidence.end}}, {"quote", p.quote}};
}

nlohmann::json CandidateJson(const NameCandidate& c) {
  return {{"id", c.id}, {"type", EntityTypeName(c.type)}, {"name", c.name}};
}

void PrintTruncated(size_t shown, size_t limit) {
  if (limit != 0 && shown >= limit) std::printf("… (stopped at --limit %zu)\n", limit);
}

void AppendJsonString(std::string* out, std::string_view s) {
  // A json string value, not an object: cheap, and escaped exactly as every
  // other --format json output (bad UTF-8 becomes U+FFFD instead of throwing).
  out->append(nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace govkg::cli
