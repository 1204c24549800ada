// The node layer (store/nodes_internal.h): which stored forms are one node,
// one test for each rule that joins and for each that keeps names apart, in
// both orders of ingest, and the users' decisions that win over the rules.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/store/store_test_util.h"

namespace govkg::testing {
namespace {

// One document naming one agency form (with `scope`) that conducts 夏季行动.
DocumentGraph AgencyDoc(const std::string& path, const std::string& name, const std::string& scope = "",
                        std::vector<std::string> aliases = {}) {
  DocumentGraph g;
  g.doc = path;
  Entity agency = MakeEntity("a1", EntityType::kAgency, name, std::move(aliases));
  agency.scope = scope;
  Entity program = MakeEntity("p1", EntityType::kProgram, "夏季行动");
  program.scope = "doc";  // one per document: only the agency may join
  g.entities = {agency, program, MakeMetric("m1", "破获案件", 10, "起")};
  g.relations.push_back(MakeRelation("a1", Predicate::kConducts, "p1"));
  g.relations.push_back(MakeRelation("a1", Predicate::kReports, "m1"));
  return g;
}

using Docs = std::vector<std::pair<std::string, DocumentGraph>>;

void PutAll(Store& store, const Docs& docs, bool reverse) {
  for (size_t i = 0; i < docs.size(); ++i) {
    const auto& [path, g] = docs[reverse ? docs.size() - 1 - i : i];
    REQUIRE_OK(store.PutDocument(MakeInfo(path, "h" + path), g).status());
  }
}

// The forms of the node of form (Agency, name, scope), by name.
std::set<std::string> NodeOf(const Store& store, const std::string& name, const std::string& scope = "") {
  Result<std::vector<EntityRecord>> forms = store.FindForms(name);
  REQUIRE_OK(forms.status());
  for (const EntityRecord& f : *forms) {
    if (f.type != EntityType::kAgency || f.scope != scope) continue;
    Result<std::vector<EntityId>> node = store.SameNode(f.id);
    REQUIRE_OK(node.status());
    std::set<std::string> names;
    for (const EntityId m : *node) names.insert((*store.GetForm(m))->name);
    return names;
  }
  FAIL("no form " << name << " in scope " << scope);
  return {};
}

// Every node as "Type name [aliases] docs=N", sorted: what an export sees.
std::vector<std::string> Nodes(const Store& store) {
  std::vector<std::string> out;
  REQUIRE_OK(store.ScanEntities([&](const EntityRecord& e) {
    std::string line = std::string(EntityTypeName(e.type)) + " " + e.name + " " + e.scope + " [";
    for (const std::string& a : e.aliases) line += a + ",";
    out.push_back(line + "] docs=" + std::to_string(e.document_count));
    return true;
  }));
  std::sort(out.begin(), out.end());
  return out;
}

uint64_t StatAgencies(const Store& store) {
  Result<StoreStats> st = store.Stats();
  REQUIRE_OK(st.status());
  return st->entities_by_type[static_cast<size_t>(EntityType::kAgency)];
}

uint64_t ScannedAgencies(const Store& store) {
  uint64_t n = 0;
  REQUIRE_OK(store.ScanEntities([&](const EntityRecord& e) { return n += e.type == EntityType::kAgency, true; }));
  return n;
}

const Docs kInnerMongolia = {
    {"full.txt", AgencyDoc("full.txt", "内蒙古自治区公安厅")},
    {"short.txt", AgencyDoc("short.txt", "内蒙古公安厅")},
    {"level.txt", AgencyDoc("level.txt", "自治区公安厅", "150000")},
};
const std::set<std::string> kOneBody = {"内蒙古自治区公安厅", "内蒙古公安厅", "自治区公安厅"};

TEST_CASE("Nodes: a region's full name, short form and bare level word are one agency, in any order") {
  std::vector<std::string> seen[2];
  for (const bool reverse : {false, true}) {
    TempDir dir;
    auto store = OpenStore(dir / "db");
    PutAll(*store, kInnerMongolia, reverse);
    CHECK(NodeOf(*store, "内蒙古公安厅") == kOneBody);
    CHECK(NodeOf(*store, "自治区公安厅", "150000") == kOneBody);
    // One node, named by its most complete form, with all its edges.
    const EntityId node = IdOf(*store, EntityType::kAgency, "自治区公安厅");
    Result<std::optional<EntityRecord>> rec = store->GetEntity(node);
    REQUIRE_OK(rec.status());
    CHECK((*rec)->name == "内蒙古自治区公安厅");
    CHECK((*rec)->document_count == 3);
    CHECK(AllTriples(*store, TriplePattern{node, Predicate::kConducts, std::nullopt}).size() == 3);
    CHECK(AllTriples(*store, TriplePattern{node, Predicate::kReports, std::nullopt}).size() == 3);
    CHECK(StatAgencies(*store) == 1);
    CHECK(ScannedAgencies(*store) == 1);
    RequireConsistent(*store);
    seen[reverse] = Nodes(*store);
  }
  CHECK(seen[0] == seen[1]);
}

TEST_CASE("Nodes: a generic name scoped to a region is the region's body of that name, and no other region's") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  PutAll(*store,
         {{"named.txt", AgencyDoc("named.txt", "广西壮族自治区公安机关")},
          {"scoped.txt", AgencyDoc("scoped.txt", "公安机关", "450000")},
          {"other.txt", AgencyDoc("other.txt", "公安机关", "150000")},
          {"other-named.txt", AgencyDoc("other-named.txt", "内蒙古自治区公安机关")}},
         false);
  CHECK(NodeOf(*store, "公安机关", "450000") == std::set<std::string>{"广西壮族自治区公安机关", "公安机关"});
  CHECK(NodeOf(*store, "公安机关", "150000") == std::set<std::string>{"内蒙古自治区公安机关", "公安机关"});
  CHECK(StatAgencies(*store) == 2);
  RequireConsistent(*store);
}

TEST_CASE("Nodes: an edge stated by two forms of one node is one edge, supported by both documents") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  DocumentGraph a = AgencyDoc("a.txt", "内蒙古自治区公安厅"), b = AgencyDoc("b.txt", "内蒙古公安厅");
  for (DocumentGraph* g : {&a, &b}) g->entities[1].scope = "";  // one 夏季行动 for both
  REQUIRE_OK(store->PutDocument(MakeInfo("a.txt", "ha"), a).status());
  REQUIRE_OK(store->PutDocument(MakeInfo("b.txt", "hb"), b).status());
  const std::vector<TripleRecord> conducts = AllTriples(*store, TriplePattern{std::nullopt, Predicate::kConducts, std::nullopt});
  REQUIRE(conducts.size() == 1);
  CHECK(conducts[0].support == 2);
  size_t rows = 0;
  REQUIRE_OK(store->ScanProvenance(conducts[0], [&](const ProvenanceRecord&) { return ++rows, true; }));
  CHECK(rows == 2);
  Result<StoreStats> st = store->Stats();
  REQUIRE_OK(st.status());
  CHECK(st->triples_by_predicate[static_cast<size_t>(Predicate::kConducts)] == 1);
  CHECK(st->entities == Nodes(*store).size());
}

TEST_CASE("Nodes: removing a form's document leaves the others joined by the region rule") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  PutAll(*store, kInnerMongolia, false);
  REQUIRE_OK(store->RemoveDocument("short.txt"));
  CHECK(NodeOf(*store, "自治区公安厅", "150000") == std::set<std::string>{"内蒙古自治区公安厅", "自治区公安厅"});
  CHECK(StatAgencies(*store) == 1);
  RequireConsistent(*store);
}

TEST_CASE("Nodes: names of two regions, an unknown region and an ambiguous short form stay apart") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  PutAll(*store,
         {{"nm.txt", AgencyDoc("nm.txt", "内蒙古自治区公安厅")},
          {"gx.txt", AgencyDoc("gx.txt", "自治区公安厅", "450000")},     // 广西: another region
          {"doc.txt", AgencyDoc("doc.txt", "自治区公安厅", "doc")},      // region unclear
          {"bare.txt", AgencyDoc("bare.txt", "公安厅", "150000")},       // 150000's: joins the first
          {"jl1.txt", AgencyDoc("jl1.txt", "吉林省公安厅")},
          {"jl2.txt", AgencyDoc("jl2.txt", "吉林公安厅")},              // 吉林: a province and a city
          {"gen.txt", AgencyDoc("gen.txt", "公安机关", "150000")}},
         false);
  CHECK(NodeOf(*store, "内蒙古自治区公安厅") == std::set<std::string>{"内蒙古自治区公安厅", "公安厅"});
  CHECK(NodeOf(*store, "自治区公安厅", "450000") == std::set<std::string>{"自治区公安厅"});
  CHECK(NodeOf(*store, "吉林公安厅") == std::set<std::string>{"吉林公安厅"});
  CHECK(NodeOf(*store, "公安机关", "150000") == std::set<std::string>{"公安机关"});
  CHECK(StatAgencies(*store) == 6);
  CHECK(ScannedAgencies(*store) == 6);
  // Metrics are observations: never joined, one per document.
  Result<StoreStats> st = store->Stats();
  REQUIRE_OK(st.status());
  CHECK(st->entities_by_type[static_cast<size_t>(EntityType::kMetric)] == 7);
  RequireConsistent(*store);
}

// One document naming one program form of region `scope` with one alias.
DocumentGraph ProgramDoc(const std::string& path, const std::string& name, const std::string& scope,
                         const std::string& alias) {
  DocumentGraph g;
  g.doc = path;
  Entity program = MakeEntity("p1", EntityType::kProgram, name, {alias});
  program.scope = scope;
  g.entities = {program, MakeMetric("m1", "破获案件", 10, "起")};
  g.relations.push_back(MakeRelation("p1", Predicate::kReports, "m1"));
  return g;
}

// The names of every program node, each with its forms' names.
std::set<std::set<std::string>> ProgramNodes(const Store& store) {
  std::vector<EntityId> programs;
  REQUIRE_OK(store.ScanEntities([&](const EntityRecord& e) {
    if (e.type == EntityType::kProgram) programs.push_back(e.id);
    return true;
  }));
  std::set<std::set<std::string>> out;
  for (const EntityId id : programs) {
    Result<std::vector<EntityId>> node = store.SameNode(id);
    REQUIRE_OK(node.status());
    std::set<std::string> names;
    for (const EntityId m : *node) names.insert((*store.GetForm(m))->name);
    out.insert(names);
  }
  return out;
}

TEST_CASE("Nodes: one region's programs named by one brand and a kind are one campaign") {
  for (const bool reverse : {false, true}) {
    TempDir dir;
    auto store = OpenStore(dir / "db");
    PutAll(*store,
           {{"a.txt", ProgramDoc("a.txt", "净网2024专项行动", "370000", "净网2024")},
            {"b.txt", ProgramDoc("b.txt", "净网2024行动", "370000", "净网2024")},
            // another region's campaign of that brand stays its own
            {"c.txt", ProgramDoc("c.txt", "净网2024行动", "440000", "净网2024")},
            // a shared nickname that ends the names joins nothing
            {"d.txt", ProgramDoc("d.txt", "夏季治安打击整治百日行动", "370000", "百日行动")},
            {"e.txt", ProgramDoc("e.txt", "安全生产百日行动", "370000", "百日行动")},
            // one brand, two kinds of work neither of which ends the other
            {"f.txt", ProgramDoc("f.txt", "平安乡村行动", "370000", "平安")},
            {"g.txt", ProgramDoc("g.txt", "平安校园行动", "370000", "平安")}},
           reverse);
    CHECK(ProgramNodes(*store) == std::set<std::set<std::string>>{{"净网2024专项行动", "净网2024行动"},
                                                                   {"净网2024行动"},
                                                                   {"夏季治安打击整治百日行动"},
                                                                   {"安全生产百日行动"},
                                                                   {"平安乡村行动"},
                                                                   {"平安校园行动"}});
    RequireConsistent(*store);
  }
}

TEST_CASE("Nodes: a user's decision wins over the rules, survives re-ingest and can be forgotten") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  PutAll(*store, kInnerMongolia, false);
  const FormRef full{EntityType::kAgency, "内蒙古自治区公安厅", ""};
  const FormRef level{EntityType::kAgency, "自治区公安厅", "150000"};
  REQUIRE_OK(store->PutDecision(DecisionRecord{false, full, level}));
  // Kept apart: 内蒙古公安厅 joins one of them (the first link in term order), never both.
  const std::set<std::string> with_full = NodeOf(*store, "内蒙古自治区公安厅");
  CHECK_FALSE(with_full.contains("自治区公安厅"));
  CHECK(StatAgencies(*store) == 2);
  RequireConsistent(*store);

  // Re-ingest: the decision is kept by the forms' identities.
  for (const auto& [path, g] : kInnerMongolia) REQUIRE_OK(store->RemoveDocument(path));
  CHECK(StatAgencies(*store) == 0);
  PutAll(*store, kInnerMongolia, true);
  CHECK(NodeOf(*store, "内蒙古自治区公安厅") == with_full);
  Result<std::vector<DecisionRecord>> decisions = store->Decisions();
  REQUIRE_OK(decisions.status());
  REQUIRE(decisions->size() == 1);
  CHECK_FALSE(decisions->front().same);

  REQUIRE_OK(store->DeleteDecision(level, full));
  CHECK(NodeOf(*store, "内蒙古自治区公安厅") == kOneBody);
  CHECK(store->DeleteDecision(level, full).IsNotFound());

  // `same` joins what no rule joins.
  PutAll(*store, {{"x.txt", AgencyDoc("x.txt", "区公安厅", "doc")}}, false);
  Result<std::vector<EntityRecord>> x = store->FindForms("区公安厅");
  REQUIRE_OK(x.status());
  REQUIRE(x->size() == 1);
  REQUIRE_OK(store->PutDecision(DecisionRecord{true, full, FormRef{EntityType::kAgency, "区公安厅", x->front().scope}}));
  std::set<std::string> four = kOneBody;
  four.insert("区公安厅");
  CHECK(NodeOf(*store, "区公安厅", x->front().scope) == four);
  CHECK(StatAgencies(*store) == 1);
  RequireConsistent(*store);
}

}  // namespace
}  // namespace govkg::testing

namespace govkg::testing {
namespace {

// The node map a writer saves when it closes (store/node_cache.cc) is what a
// later reader uses; a reader after another write must not use a stale one.
TEST_CASE("Nodes: a reader after each writer sees that writer's nodes (the saved map follows writes)") {
  TempDir dir;
  const std::string db = dir / "db";
  {
    auto store = OpenStore(db);
    PutAll(*store, kInnerMongolia, false);
  }  // closes: saves the map of one node
  {
    auto reader = OpenStore(db, StoreOptions::ForReading());
    CHECK(StatAgencies(*reader) == 1);
    CHECK(NodeOf(*reader, "内蒙古公安厅") == kOneBody);
  }
  {
    auto store = OpenStore(db);
    REQUIRE_OK(store->RemoveDocument("full.txt"));
    REQUIRE_OK(store->RemoveDocument("level.txt"));
  }
  {
    auto reader = OpenStore(db, StoreOptions::ForReading());
    CHECK(StatAgencies(*reader) == 1);
    CHECK(NodeOf(*reader, "内蒙古公安厅") == std::set<std::string>{"内蒙古公安厅"});
  }
  {
    auto store = OpenStore(db);
    PutAll(*store, {kInnerMongolia[0]}, false);
  }
  auto reader = OpenStore(db, StoreOptions::ForReading());
  CHECK(StatAgencies(*reader) == 1);
  CHECK(NodeOf(*reader, "内蒙古公安厅") == std::set<std::string>{"内蒙古自治区公安厅", "内蒙古公安厅"});
  RequireConsistent(*reader);
}

}  // namespace
}  // namespace govkg::testing
