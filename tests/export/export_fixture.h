// tests/export/export_fixture.h: a small hand-built graph, with names that
// break naive escaping, as a store on disk and as a MemorySource.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "export/source_internal.h"
#include "store/store.h"
#include "tests/test_util.h"

namespace govkg::testing {

// Quotes, backslash, <>, &, comma, semicolon and a character outside the BMP.
inline const std::string kNastyAgency = "公安\"厅\\局<A&B>,分局;\xF0\x9D\x84\x9E";
// A newline and a trailing backslash.
inline const std::string kNewlineAgency = "第一\n支队\\";
inline const std::string kNastyQuote = "他说\"你好\"\n\\ \xF0\x9D\x84\x9E";
inline const std::string kDocA = "docs/a,\"1\".txt";
inline const std::string kDocB = "docs/b.txt";

inline Entity FixtureEntity(std::string id, EntityType type, std::string name,
                            std::vector<std::string> aliases = {}) {
  Entity e;
  e.id = std::move(id);
  e.type = type;
  e.name = std::move(name);
  e.aliases = std::move(aliases);
  e.mentions.push_back({3, 9});
  return e;
}

inline Relation FixtureRelation(std::string s, Predicate p, std::string o,
                                std::string quote = "开展夏季行动", std::string title = "") {
  Relation r;
  r.subject = std::move(s);
  r.predicate = p;
  r.object = std::move(o);
  r.evidence = {10, 16};
  r.quote = std::move(quote);
  r.title = std::move(title);
  return r;
}

// Document A: the whole vocabulary. Document B: restates one triple.
inline std::vector<DocumentGraph> FixtureDocuments() {
  DocumentGraph a;
  a.doc = kDocA;
  a.entities = {
      FixtureEntity("a1", EntityType::kAgency, "内蒙古自治区公安厅", {"自治区公安厅", "公安厅"}),
      FixtureEntity("a2", EntityType::kAgency, "内蒙古自治区公安厅治安管理总队"),
      FixtureEntity("a3", EntityType::kAgency, kNastyAgency),
      FixtureEntity("a4", EntityType::kAgency, kNewlineAgency),
      FixtureEntity("a5", EntityType::kAgency, "自治区应急管理厅"),
      FixtureEntity("p1", EntityType::kProgram, "夏季行动"),
      FixtureEntity("p2", EntityType::kProgram, "护校安园专项行动", {"护校安园"}),
      FixtureEntity("m1", EntityType::kMetric, "破获案件"),
      FixtureEntity("m2", EntityType::kMetric, "刑事案件同比"),
      FixtureEntity("x1", EntityType::kPerson, "杨义"),
      FixtureEntity("d1", EntityType::kDocument, "自治区安全生产条例"),
      FixtureEntity("l1", EntityType::kPlace, "内蒙古自治区"),
  };
  a.entities[7].metric = MetricValue{5748, "起", "余", "行动以来"};
  a.entities[8].metric = MetricValue{-19.27, "%", "", "今年1至8月"};
  a.relations = {
      FixtureRelation("a2", Predicate::kSubOrganizationOf, "a1"),
      FixtureRelation("a3", Predicate::kSubOrganizationOf, "a1", kNastyQuote),
      FixtureRelation("a4", Predicate::kSubOrganizationOf, "a2"),
      FixtureRelation("a1", Predicate::kConducts, "p1"),
      FixtureRelation("a2", Predicate::kConducts, "p2"),
      FixtureRelation("p2", Predicate::kPartOf, "p1"),
      FixtureRelation("p1", Predicate::kReports, "m1"),
      FixtureRelation("a2", Predicate::kReports, "m2"),
      FixtureRelation("a1", Predicate::kCooperatesWith, "a5"),
      FixtureRelation("x1", Predicate::kHoldsPost, "a2", "总队长杨义", "总队长"),
      FixtureRelation("a1", Predicate::kIssues, "d1"),
      FixtureRelation("a1", Predicate::kLocatedIn, "l1"),
  };
  DocumentGraph b;
  b.doc = kDocB;
  b.entities = {FixtureEntity("a1", EntityType::kAgency, "内蒙古自治区公安厅"),
                FixtureEntity("p1", EntityType::kProgram, "夏季行动")};
  b.relations = {FixtureRelation("a1", Predicate::kConducts, "p1", "部署夏季行动")};
  return {a, b};
}

inline constexpr size_t kFixtureTriples = 12;
inline constexpr size_t kFixtureEntities = 12;

// Writes the fixture into a new store at `path`.
inline void BuildFixtureStore(const std::string& path) {
  std::unique_ptr<Store> store;
  REQUIRE_OK(Store::Open(StoreOptions{}, path, &store));
  int n = 0;
  for (const DocumentGraph& g : FixtureDocuments()) {
    DocumentRecord info;
    info.path = g.doc;
    info.content_hash = "hash" + std::to_string(++n);
    info.size = 100;
    info.extractor = "fixture/1";
    Result<PutOutcome> put = store->PutDocument(info, g);
    REQUIRE_OK(put.status());
  }
}

// The same graph as a MemorySource (for tests that need no store).
inline std::unique_ptr<internal::MemorySource> FixtureMemorySource() {
  auto source = std::make_unique<internal::MemorySource>();
  std::map<std::pair<EntityType, std::string>, EntityId> ids;
  std::map<std::tuple<EntityId, Predicate, EntityId>, std::pair<TripleRecord,
                                                                std::vector<ProvenanceRecord>>>
      triples;
  std::vector<std::tuple<EntityId, Predicate, EntityId>> order;
  for (const DocumentGraph& g : FixtureDocuments()) {
    std::map<std::string, EntityId> local;
    for (const Entity& e : g.entities) {
      auto [it, added] = ids.try_emplace({e.type, e.name}, 0);
      if (added) {
        EntityRecord r;
        r.type = e.type;
        r.name = e.name;
        r.aliases = e.aliases;
        r.metric = e.metric;
        r.document_count = 1;
        it->second = source->AddEntity(r);
      }
      local[e.id] = it->second;
      for (const Span& s : e.mentions) source->AddMention(it->second, g.doc, s);
    }
    for (const Relation& r : g.relations) {
      const auto key = std::make_tuple(local[r.subject], r.predicate, local[r.object]);
      auto [it, added] = triples.try_emplace(key);
      if (added) {
        order.push_back(key);
        it->second.first = TripleRecord{local[r.subject], r.predicate, local[r.object], r.title, 0};
      }
      it->second.second.push_back(ProvenanceRecord{g.doc, r.evidence, r.quote});
    }
  }
  for (const auto& key : order) source->AddTriple(triples[key].first, triples[key].second);
  return source;
}

}  // namespace govkg::testing
