// tests/graph/graph_test.cc: every relationship query against a small
// hand-built store with known answers.
//
//   内蒙古自治区公安厅 (alias 公安厅)
//     ├─ 治安管理总队 ──conducts──▶ 夏季行动 ──reports──▶ 破获案件 5748 起
//     │      ▲ holdsPost 总队长                └─partOf◀── 护校安园专项行动 ──reports──▶ 抓获 353 名
//     │     杨义
//     └─ 刑事侦查总队 ──cooperatesWith──▶ 治安管理总队
//   巴彦淖尔市公安局 (on its own: a second component)
#include <algorithm>

#include <catch2/catch.hpp>

#include "graph/graph.h"
#include "graph/query.h"
#include "tests/store/store_test_util.h"

namespace govkg {
namespace {

using testing::MakeEntity;
using testing::MakeInfo;
using testing::MakeMetric;
using testing::MakeRelation;
using testing::OpenStore;
using testing::TempDir;

DocumentGraph HandBuilt() {
  DocumentGraph g;
  g.doc = "doc.txt";
  g.entities = {
      MakeEntity("a1", EntityType::kAgency, "内蒙古自治区公安厅", {"公安厅"}),
      MakeEntity("a2", EntityType::kAgency, "内蒙古自治区公安厅治安管理总队", {"治安管理总队"}),
      MakeEntity("a3", EntityType::kAgency, "内蒙古自治区公安厅刑事侦查总队", {"刑事侦查总队"}),
      MakeEntity("a4", EntityType::kAgency, "巴彦淖尔市公安局"),
      MakeEntity("x1", EntityType::kPerson, "杨义"),
      MakeEntity("p1", EntityType::kProgram, "夏季行动"),
      MakeEntity("p2", EntityType::kProgram, "护校安园专项行动", {"护校安园"}),
      MakeMetric("m1", "破获案件", 5748, "起", "行动以来"),
      MakeMetric("m2", "抓获犯罪嫌疑人", 353, "名"),
  };
  g.relations = {
      MakeRelation("a2", Predicate::kSubOrganizationOf, "a1"),
      MakeRelation("a3", Predicate::kSubOrganizationOf, "a1"),
      MakeRelation("a2", Predicate::kConducts, "p1"),
      MakeRelation("p1", Predicate::kReports, "m1"),
      MakeRelation("p2", Predicate::kPartOf, "p1"),
      MakeRelation("p2", Predicate::kReports, "m2"),
      MakeRelation("a3", Predicate::kCooperatesWith, "a2"),
  };
  Relation post = MakeRelation("x1", Predicate::kHoldsPost, "a2");
  post.title = "总队长";
  g.relations.push_back(post);
  return g;
}

struct Fixture {
  TempDir dir;
  std::unique_ptr<Store> store;
  Fixture() {
    store = OpenStore(dir / "db");
    REQUIRE_OK(store->PutDocument(MakeInfo("doc.txt", "h"), HandBuilt()).status());
  }
  EntityId Id(const std::string& name) {
    Result<EntityId> id = ResolveName(*store, name);
    INFO(name << ": " << id.status().ToString());
    REQUIRE(id.ok());
    return *id;
  }
  std::string Name(EntityId id) { return store->GetEntity(id).value()->name; }
};

TEST_CASE("Names resolve by canonical name, alias, traditional spelling and substring", "[graph]") {
  Fixture f;
  const EntityId hall = f.Id("内蒙古自治区公安厅");
  CHECK(f.Id("公安厅") == hall);
  CHECK(f.Id("內蒙古自治區公安廳") == hall);  // traditional
  CHECK(f.Name(f.Id("巴彦淖尔")) == "巴彦淖尔市公安局");
  const Result<EntityId> ambiguous = ResolveName(*f.store, "总队");
  CHECK(ambiguous.status().IsInvalidArgument());
  CHECK(ambiguous.status().message().find("2 candidates") != std::string::npos);
  CHECK(ResolveName(*f.store, "总队", EntityType::kProgram).status().IsNotFound());
  CHECK(ResolveName(*f.store, "海关").status().IsNotFound());
}

TEST_CASE("Neighbors follow depth, direction, predicates and types", "[graph]") {
  Fixture f;
  const EntityId unit = f.Id("治安管理总队");
  NeighborOptions one;
  Result<std::vector<NeighborHit>> hits = Neighbors(*f.store, unit, one);
  REQUIRE(hits.ok());
  std::vector<std::string> names;
  for (const NeighborHit& h : *hits) names.push_back(h.name);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"内蒙古自治区公安厅", "内蒙古自治区公安厅刑事侦查总队",
                                          "夏季行动", "杨义"});
  NeighborOptions out_metrics;
  out_metrics.depth = 3;
  out_metrics.direction = Direction::kOut;
  out_metrics.types = {EntityType::kMetric};
  hits = Neighbors(*f.store, unit, out_metrics);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);  // 抓获 hangs off 护校安园, reached only against partOf
  CHECK((*hits)[0].name == "破获案件");
  CHECK((*hits)[0].depth == 2);
  NeighborOptions both = out_metrics;
  both.direction = Direction::kBoth;
  hits = Neighbors(*f.store, unit, both);
  REQUIRE(hits.ok());
  CHECK(hits->size() == 2);
  NeighborOptions posts;
  posts.predicates = {Predicate::kHoldsPost};
  hits = Neighbors(*f.store, unit, posts);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK((*hits)[0].name == "杨义");
  CHECK_FALSE((*hits)[0].outgoing);
}

TEST_CASE("Neighbors of a hub list the same entities in the same order however the level is read", "[graph]") {
  // A hub conducting 400 programs, each reporting two metrics and shared
  // with a second agency: the depth-2 frontier is big enough to be read in
  // two halves at once (limit 0), which must list exactly what one ordered
  // scan lists (a limit forces that).
  TempDir dir;
  std::unique_ptr<Store> store = testing::OpenStore(dir / "db");
  DocumentGraph g;
  g.doc = "hub.txt";
  g.entities.push_back(MakeEntity("hub", EntityType::kAgency, "梧渠省应急管理厅"));
  g.entities.push_back(MakeEntity("peer", EntityType::kAgency, "梧渠省公安厅"));
  for (int i = 0; i < 400; ++i) {
    const std::string p = "p" + std::to_string(i);
    g.entities.push_back(MakeEntity(p, EntityType::kProgram, "第" + std::to_string(i) + "号专项行动"));
    g.relations.push_back(MakeRelation("hub", Predicate::kConducts, p));
    if (i % 3 == 0) g.relations.push_back(MakeRelation("peer", Predicate::kConducts, p));
    for (int k = 0; k < 2; ++k) {
      const std::string m = "m" + std::to_string(i) + "_" + std::to_string(k);
      g.entities.push_back(MakeMetric(m, "检查企业", 100 * i + k, "家"));
      g.relations.push_back(MakeRelation(p, Predicate::kReports, m));
    }
  }
  REQUIRE_OK(store->PutDocument(MakeInfo("hub.txt", "h"), g).status());
  const EntityId hub = ResolveName(*store, "梧渠省应急管理厅").value();
  NeighborOptions all;
  all.depth = 2;
  Result<std::vector<NeighborHit>> read_at_once = Neighbors(*store, hub, all);
  NeighborOptions ordered = all;
  ordered.limit = 1'000'000;
  Result<std::vector<NeighborHit>> read_in_order = Neighbors(*store, hub, ordered);
  REQUIRE(read_at_once.ok());
  REQUIRE(read_in_order.ok());
  REQUIRE(read_at_once->size() == 400 + 1 + 800);
  REQUIRE(read_at_once->size() == read_in_order->size());
  for (size_t i = 0; i < read_at_once->size(); ++i) {
    const NeighborHit& a = (*read_at_once)[i];
    const NeighborHit& b = (*read_in_order)[i];
    INFO(i);
    CHECK(a.id == b.id);
    CHECK(a.name == b.name);
    CHECK(a.via == b.via);
    CHECK(a.depth == b.depth);
    CHECK(a.predicate == b.predicate);
    CHECK(a.outgoing == b.outgoing);
  }
}

TEST_CASE("The shortest path names each hop's predicate and direction", "[graph]") {
  Fixture f;
  Result<PathResult> path = ShortestPath(*f.store, f.Id("杨义"), f.Id("抓获犯罪嫌疑人"), PathOptions{});
  REQUIRE(path.ok());
  std::vector<std::string> nodes;
  for (const NameCandidate& n : path->nodes) nodes.push_back(n.name);
  CHECK(nodes == std::vector<std::string>{"杨义", "内蒙古自治区公安厅治安管理总队", "夏季行动",
                                          "护校安园专项行动", "抓获犯罪嫌疑人"});
  REQUIRE(path->hops.size() == 4);
  CHECK(path->hops[0].predicate == Predicate::kHoldsPost);
  CHECK(path->hops[0].forward);
  CHECK(path->hops[2].predicate == Predicate::kPartOf);
  CHECK_FALSE(path->hops[2].forward);
  PathOptions short_reach;
  short_reach.max_depth = 2;
  CHECK(ShortestPath(*f.store, f.Id("杨义"), f.Id("抓获犯罪嫌疑人"), short_reach).status().IsNotFound());
  CHECK(ShortestPath(*f.store, f.Id("杨义"), f.Id("巴彦淖尔市公安局"), PathOptions{}).status().IsNotFound());
}

TEST_CASE("The organization tree goes down to units and up to parents", "[graph]") {
  Fixture f;
  Result<OrgTree> tree = BuildOrgTree(*f.store, f.Id("内蒙古自治区公安厅"));
  REQUIRE(tree.ok());
  CHECK(tree->ancestors.empty());
  std::vector<std::string> units;
  for (const TreeNode& c : tree->root.children) units.push_back(c.name);
  CHECK(units == std::vector<std::string>{"内蒙古自治区公安厅刑事侦查总队",
                                          "内蒙古自治区公安厅治安管理总队"});
  Result<OrgTree> up = BuildOrgTree(*f.store, f.Id("治安管理总队"));
  REQUIRE(up.ok());
  REQUIRE(up->ancestors.size() == 1);
  CHECK(up->ancestors[0].name == "内蒙古自治区公安厅");
  CHECK(up->root.children.empty());
}

TEST_CASE("Pattern queries join over the indexes", "[graph]") {
  Fixture f;
  Result<ParsedQuery> q = ParseQuery("?a conducts ?p . ?p reports ?m");
  REQUIRE(q.ok());
  Result<QueryResult> r = RunQuery(*f.store, *q, QueryOptions{});
  REQUIRE(r.ok());
  CHECK(r->variables == std::vector<std::string>{"a", "p", "m"});
  REQUIRE(r->rows.size() == 1);
  CHECK(r->rows[0][0].name == "内蒙古自治区公安厅治安管理总队");
  CHECK(r->rows[0][2].name == "破获案件");
  q = ParseQuery("?part 属于 夏季行动 . ?part reports ?m");  // a Chinese label, a constant
  REQUIRE(q.ok());
  r = RunQuery(*f.store, *q, QueryOptions{});
  REQUIRE(r.ok());
  REQUIRE(r->rows.size() == 1);
  CHECK(r->rows[0][1].name == "抓获犯罪嫌疑人");
  q = ParseQuery("?u subOrganizationOf 公安厅");
  REQUIRE(q.ok());
  QueryOptions one;
  one.limit = 1;
  r = RunQuery(*f.store, *q, one);
  REQUIRE(r.ok());
  CHECK(r->rows.size() == 1);
  CHECK(r->truncated);
  CHECK(ParseQuery("?a conducts").status().IsInvalidArgument());
  CHECK(ParseQuery("?a bogus ?b").status().message().find("column") != std::string::npos);
}

TEST_CASE("Metrics of an agency include its units' programs", "[graph]") {
  Fixture f;
  MetricOptions by_agency;
  by_agency.agency = f.Id("内蒙古自治区公安厅");
  Result<std::vector<MetricRow>> rows = ListMetrics(*f.store, by_agency);
  REQUIRE(rows.ok());
  std::vector<std::string> names;
  for (const MetricRow& r : *rows) names.push_back(r.name);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"抓获犯罪嫌疑人", "破获案件"});
  MetricOptions by_name;
  by_name.name_contains = "破获";
  rows = ListMetrics(*f.store, by_name);
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  CHECK((*rows)[0].value.value == 5748);
  CHECK((*rows)[0].value.unit == "起");
  CHECK((*rows)[0].value.period == "行动以来");
  REQUIRE((*rows)[0].reporters.size() == 1);
  CHECK((*rows)[0].reporters[0].name == "夏季行动");
  REQUIRE_FALSE((*rows)[0].sources.empty());
  CHECK((*rows)[0].sources[0].doc == "doc.txt");
}

TEST_CASE("The Boost.Graph view ranks and splits into components", "[graph]") {
  Fixture f;
  Result<std::unique_ptr<Graph>> g = Graph::Build(*f.store, GraphOptions{});
  REQUIRE(g.ok());
  CHECK((*g)->num_vertices() == 9);
  CHECK((*g)->num_edges() == 8);
  RankOptions by_degree;
  by_degree.limit = 1;
  const std::vector<RankedVertex> top = (*g)->Rank(by_degree);
  REQUIRE(top.size() == 1);
  CHECK((*g)->vertex(top[0].vertex).name == "内蒙古自治区公安厅治安管理总队");  // degree 4
  CHECK(top[0].score == 4);
  RankOptions pagerank;
  pagerank.by = Centrality::kPageRank;
  pagerank.types = {EntityType::kMetric};
  for (const RankedVertex& r : (*g)->Rank(pagerank)) {
    CHECK((*g)->vertex(r.vertex).type == EntityType::kMetric);
    CHECK(r.score > 0);
  }
  const std::vector<Component> parts = (*g)->Components();
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].vertices.size() == 8);
  CHECK((*g)->vertex(parts[1].vertices[0]).name == "巴彦淖尔市公安局");
  GraphOptions around;
  around.root = f.Id("夏季行动");
  around.depth = 1;
  Result<std::unique_ptr<Graph>> part = Graph::Build(*f.store, around);
  REQUIRE(part.ok());
  CHECK((*part)->num_vertices() == 4);  // 夏季行动, its conductor, its metric, its part
}

}  // namespace
}  // namespace govkg
