#include "model/json_io.h"

#include <catch2/catch.hpp>

namespace govkg {
namespace {

DocumentGraph SampleGraph() {
  DocumentGraph g;
  g.doc = "samples/002.txt";
  g.region = "150000";
  Entity agency{"a1", EntityType::kAgency, "内蒙古自治区公安厅", {"自治区公安厅", "公安厅"},
                {{120, 125}}, std::nullopt, ""};
  Entity program{"p1", EntityType::kProgram, "夏季行动", {}, {{3010, 3014}}, std::nullopt, "150000"};
  Entity metric{"m1", EntityType::kMetric, "破获案件", {}, {{3102, 3111}},
                MetricValue{5748, "起", "", "行动以来"}, ""};
  g.entities = {agency, program, metric};
  g.relations.push_back({"a1", Predicate::kConducts, "p1", "", {2990, 3030}, "开展夏季行动"});
  g.relations.push_back({"p1", Predicate::kReports, "m1", "", {3090, 3111}, ""});
  return g;
}

TEST_CASE("DocumentGraph JSON follows the contract and round-trips", "[model]") {
  const DocumentGraph g = SampleGraph();
  const std::string json = DocumentGraphToJson(g);
  CHECK(json.find('\n') == std::string::npos);
  CHECK(json.find(R"("type":"Agency")") != std::string::npos);
  CHECK(json.find(R"("qualifier":null)") != std::string::npos);
  CHECK(json.find(R"("period":"行动以来")") != std::string::npos);
  CHECK(json.find(R"("p":"conducts")") != std::string::npos);

  const Result<DocumentGraph> back = DocumentGraphFromJson(json, "test");
  REQUIRE(back.ok());
  REQUIRE(back->entities.size() == 3);
  CHECK(back->entities[0].aliases == std::vector<std::string>{"自治区公安厅", "公安厅"});
  REQUIRE(back->entities[2].metric.has_value());
  CHECK(*back->entities[2].metric == *g.entities[2].metric);
  REQUIRE(back->relations.size() == 2);
  CHECK(back->relations[0].quote == "开展夏季行动");
  CHECK(back->region == "150000");
  CHECK(back->entities[0].scope.empty());
  CHECK(back->entities[1].scope == "150000");
  CHECK(back->relations[0].evidence == Span{2990, 3030});
  CHECK(DocumentGraphToJson(*back) == json);
}

TEST_CASE("Malformed contract JSON becomes a clear error", "[model]") {
  struct Case {
    const char* json;
    const char* message;
  };
  const Case cases[] = {
      {"{", "in.jsonl:3: not valid JSON"},
      {"[]", "in.jsonl:3: expected a JSON object"},
      {R"({"entities":[]})", "in.jsonl:3: missing \"doc\""},
      {R"({"doc":"d","entities":[{"id":"a","type":"Org","name":"x"}]})",
       "in.jsonl:3: entity a has unknown type 'Org'"},
      {R"({"doc":"d","entities":[{"id":"m","type":"Metric","name":"x"}]})",
       "in.jsonl:3: metric m has no numeric value"},
      {R"({"doc":"d","relations":[{"s":"a","p":"likes","o":"b"}]})",
       "in.jsonl:3: relation needs s, a known p, and o"},
  };
  for (const Case& c : cases) {
    const Result<DocumentGraph> r = DocumentGraphFromJson(c.json, "in.jsonl:3");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().IsInvalidArgument());
    CHECK(r.status().message() == c.message);
  }
}

}  // namespace
}  // namespace govkg
