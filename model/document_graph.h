// model/document_graph.h: the plain structs that move between the stages.
//
// A DocumentGraph is what extraction finds in one document: entities with
// their mentions and relations with their evidence, every span counted in
// Unicode code points of the decoded input (see ../shared/spec/graph-model.md).
// The store keeps them, the graph layer traverses them, the exporters write
// them. Plain values: copyable, no behaviour beyond naming helpers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govkg {

enum class EntityType : uint8_t { kAgency, kProgram, kMetric, kPerson, kDocument, kPlace };
inline constexpr EntityType kAllEntityTypes[] = {
    EntityType::kAgency, EntityType::kProgram, EntityType::kMetric,
    EntityType::kPerson, EntityType::kDocument, EntityType::kPlace};

enum class Predicate : uint8_t {
  kSubOrganizationOf, kConducts, kPartOf, kReports,
  kCooperatesWith, kHoldsPost, kIssues, kLocatedIn,
};
inline constexpr Predicate kAllPredicates[] = {
    Predicate::kSubOrganizationOf, Predicate::kConducts, Predicate::kPartOf,
    Predicate::kReports, Predicate::kCooperatesWith, Predicate::kHoldsPost,
    Predicate::kIssues, Predicate::kLocatedIn};

// "Agency", "Program" …, exactly as in the JSON contract.
std::string_view EntityTypeName(EntityType type);
// Accepts the contract name, case-insensitively ("agency", "Agency").
std::optional<EntityType> ParseEntityType(std::string_view name);
// "subOrganizationOf", "conducts" …, exactly as in the JSON contract.
std::string_view PredicateName(Predicate predicate);
// The Chinese label of the spec (隶属, 开展 …).
std::string_view PredicateLabel(Predicate predicate);
std::optional<Predicate> ParsePredicate(std::string_view name);

// [start, end) in Unicode code points of the decoded input.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// The observation a Metric entity carries (graph-model.md, "Metric values").
struct MetricValue {
  double value = 0;         // in base units, signed for changes
  std::string unit;         // measure word as written, or % ; 万元 → 元
  std::string qualifier;    // 余 近 约 超过 以上 达 不足, or empty
  std::string period;       // time phrase as written, or empty
  friend bool operator==(const MetricValue&, const MetricValue&) = default;
};

struct Entity {
  std::string id;  // local to its document ("a1", "p3")
  EntityType type = EntityType::kAgency;
  std::string name;  // canonical, normalised (simplified, half-width)
  std::vector<std::string> aliases;
  std::vector<Span> mentions;
  std::optional<MetricValue> metric;  // set for kMetric only
  // Where the canonical name is unique (ARCHITECTURE.md, "Identity"); decided
  // by extraction, turned into a node identity by the store:
  //   ""        the name is unique on its own (a national body such as 公安部,
  //             a name that carries its full region such as 江门市公安局);
  //   "150000"  a GB/T 2260 code (extract/lexicon/admin_divisions.txt): the
  //             name is only unique inside that region (公安机关, 市公安局,
  //             夏季行动 in a text about 内蒙古);
  //   "doc"     the text does not make the region clear: the name stays
  //             inside its document and never merges with another's.
  // Metrics ignore it: a metric is one observation of one document.
  std::string scope;
};

inline constexpr std::string_view kDocumentScope = "doc";

struct Relation {
  std::string subject;  // Entity::id
  Predicate predicate = Predicate::kConducts;
  std::string object;   // Entity::id
  std::string title;    // holdsPost only: 总队长, 政委 …
  Span evidence;
  std::string quote;    // the evidence text as read (original script)
};

struct DocumentGraph {
  std::string doc;  // the document's path or name as given
  // GB/T 2260 code of the region the document is about ("440700"), or empty
  // when the text does not say; the scope of its generic names.
  std::string region;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
};

}  // namespace govkg
