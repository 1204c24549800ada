#include "model/document_graph.h"

#include <algorithm>
#include <cctype>

namespace govkg {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kAgency: return "Agency";
    case EntityType::kProgram: return "Program";
    case EntityType::kMetric: return "Metric";
    case EntityType::kPerson: return "Person";
    case EntityType::kDocument: return "Document";
    case EntityType::kPlace: return "Place";
  }
  return "Unknown";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (const EntityType type : kAllEntityTypes) {
    if (EqualsIgnoreCase(name, EntityTypeName(type))) return type;
  }
  return std::nullopt;
}

std::string_view PredicateName(Predicate predicate) {
  switch (predicate) {
    case Predicate::kSubOrganizationOf: return "subOrganizationOf";
    case Predicate::kConducts: return "conducts";
    case Predicate::kPartOf: return "partOf";
    case Predicate::kReports: return "reports";
    case Predicate::kCooperatesWith: return "cooperatesWith";
    case Predicate::kHoldsPost: return "holdsPost";
    case Predicate::kIssues: return "issues";
    case Predicate::kLocatedIn: return "locatedIn";
  }
  return "unknown";
}

std::string_view PredicateLabel(Predicate predicate) {
  switch (predicate) {
    case Predicate::kSubOrganizationOf: return "隶属";
    case Predicate::kConducts: return "开展";
    case Predicate::kPartOf: return "属于";
    case Predicate::kReports: return "指标";
    case Predicate::kCooperatesWith: return "会同";
    case Predicate::kHoldsPost: return "任职";
    case Predicate::kIssues: return "出台";
    case Predicate::kLocatedIn: return "位于";
  }
  return "?";
}

std::optional<Predicate> ParsePredicate(std::string_view name) {
  for (const Predicate p : kAllPredicates) {
    if (EqualsIgnoreCase(name, PredicateName(p)) || name == PredicateLabel(p)) return p;
  }
  return std::nullopt;
}

}  // namespace govkg
