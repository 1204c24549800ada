#include "model/json_io.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

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

// The contract's object as a tree of nlohmann values, dumped: what
// DocumentGraphToJson wrote before it streamed, byte for byte.
std::string TreeJson(const DocumentGraph& g) {
  using nlohmann::json;
  const auto span = [](const Span& s) { return json::array({s.start, s.end}); };
  json entities = json::array();
  for (const Entity& e : g.entities) {
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
    for (const Span& s : e.mentions) mentions.push_back(span(s));
    j["mentions"] = std::move(mentions);
    entities.push_back(std::move(j));
  }
  json relations = json::array();
  for (const Relation& r : g.relations) {
    json j = {{"s", r.subject}, {"p", PredicateName(r.predicate)}, {"o", r.object}};
    if (!r.title.empty()) j["title"] = r.title;
    j["evidence"] = span(r.evidence);
    if (!r.quote.empty()) j["quote"] = r.quote;
    relations.push_back(std::move(j));
  }
  json j = {{"doc", g.doc}, {"entities", std::move(entities)}, {"relations", std::move(relations)}};
  if (!g.region.empty()) j["region"] = g.region;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

TEST_CASE("DocumentGraph JSON is written as nlohmann dumps the contract's tree", "[model]") {
  DocumentGraph g = SampleGraph();
  CHECK(DocumentGraphToJson(g) == TreeJson(g));
  // Escapes, control characters, DEL, bad UTF-8 (overlong, surrogate, cut
  // short, stray continuation), doubles of every form, no region, no scope.
  g.doc = std::string("dir\\\"a\x01\x1f\x7f\b\f\n\r\t.txt", 17);
  g.region.clear();
  g.entities[0].name = "公安\xC0\xAF厅\xED\xA0\x80\xE4\xB8";
  g.entities[0].aliases = {"\x80x", "ok\xF4\x90\x80\x80", "\xF0\x9F\x98\x80", ""};
  g.entities[2].metric->value = 0.1;
  g.entities.push_back(g.entities[2]);
  g.entities.back().metric->value = -1e21;
  g.entities.back().metric->qualifier = "约";
  g.entities.push_back(g.entities[2]);
  g.entities.back().metric->value = 3;
  g.entities.back().mentions.clear();
  g.relations[0].title = "副\"厅长\"";
  g.relations[1].quote = "line\nbreak\xFF";
  CHECK(DocumentGraphToJson(g) == TreeJson(g));
  std::ostringstream streamed;
  WriteDocumentGraphJson(g, streamed);
  CHECK(streamed.str() == TreeJson(g));
  CHECK(DocumentGraphToJson(DocumentGraph{}) == TreeJson(DocumentGraph{}));
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
