// tests/store/store_test_util.h: hand-built DocumentGraphs for the store tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/test_util.h"

namespace govkg::testing {

inline Entity MakeEntity(std::string id, EntityType type, std::string name,
                         std::vector<std::string> aliases = {}, Span mention = {0, 1}) {
  Entity e;
  e.id = std::move(id);
  e.type = type;
  e.name = std::move(name);
  e.aliases = std::move(aliases);
  e.mentions.push_back(mention);
  return e;
}

inline Entity MakeMetric(std::string id, std::string name, double value, std::string unit,
                         std::string period = "") {
  Entity e = MakeEntity(std::move(id), EntityType::kMetric, std::move(name));
  e.metric = MetricValue{value, std::move(unit), "", std::move(period)};
  return e;
}

inline Relation MakeRelation(std::string s, Predicate p, std::string o, Span evidence = {0, 4},
                             std::string quote = "quote") {
  Relation r;
  r.subject = std::move(s);
  r.predicate = p;
  r.object = std::move(o);
  r.evidence = evidence;
  r.quote = std::move(quote);
  return r;
}

inline DocumentRecord MakeInfo(const std::string& path, const std::string& hash) {
  DocumentRecord r;
  r.path = path;
  r.content_hash = hash;
  r.size = 100;
  r.extractor = "test/1";
  return r;
}

// Agency 公安厅 conducts program 夏季行动, which reports a metric.
inline DocumentGraph SampleGraph(const std::string& doc) {
  DocumentGraph g;
  g.doc = doc;
  g.entities.push_back(MakeEntity("a1", EntityType::kAgency, "内蒙古自治区公安厅", {"公安厅"}));
  g.entities.push_back(MakeEntity("p1", EntityType::kProgram, "夏季行动"));
  g.entities.push_back(MakeMetric("m1", "破获案件", 5748, "起", "行动以来"));
  g.relations.push_back(MakeRelation("a1", Predicate::kConducts, "p1"));
  g.relations.push_back(MakeRelation("p1", Predicate::kReports, "m1"));
  return g;
}

inline std::unique_ptr<Store> OpenStore(const std::string& path, StoreOptions options = {}) {
  std::unique_ptr<Store> store;
  const Status s = Store::Open(options, path, &store);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return store;
}

inline std::vector<TripleRecord> AllTriples(const Store& store, TriplePattern pattern = {}) {
  std::vector<TripleRecord> out;
  const Status s = store.ScanTriples(pattern, [&](const TripleRecord& t) {
    out.push_back(t);
    return true;
  });
  INFO(s.ToString());
  REQUIRE(s.ok());
  return out;
}

inline void RequireConsistent(const Store& store) {
  Result<std::vector<std::string>> problems = store.Check();
  REQUIRE_OK(problems.status());
  std::string all;
  for (const std::string& p : *problems) all += p + "\n";
  INFO(all);
  REQUIRE(problems->empty());
}

inline EntityId IdOf(const Store& store, EntityType type, const std::string& name) {
  Result<std::optional<EntityId>> id = store.FindEntity(type, name);
  REQUIRE_OK(id.status());
  REQUIRE(id->has_value());
  return **id;
}

}  // namespace govkg::testing
