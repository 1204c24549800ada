// Exporters over an in-memory graph: golden JSON-LD, the context file,
// formats, sinks that fail, the neighbourhood filter, diagram labels.
#include <cstdlib>
#include <map>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "export/diagram_internal.h"
#include "export/exporter_internal.h"
#include "export/rdf_internal.h"
#include "tests/export/export_fixture.h"

namespace govkg::testing {
namespace {

// Collects every output in memory: name → bytes.
class MemoryOutputs final : public internal::OutputFactory {
 public:
  Result<std::unique_ptr<OutputSink>> Open(std::string_view name) override {
    return NewStringSink(&files[std::string(name)]);
  }
  std::map<std::string, std::string> files;
};

class FailingSink final : public OutputSink {
 public:
  Status Write(std::string_view) override { return Status::IOError("export: out.nt", "No space left on device"); }
  Status Close() override { return Status::OK(); }
};

class FailingOutputs final : public internal::OutputFactory {
 public:
  Result<std::unique_ptr<OutputSink>> Open(std::string_view) override {
    return std::unique_ptr<OutputSink>(std::make_unique<FailingSink>());
  }
};

std::string ExportToString(const internal::GraphSource& source, ExportFormat format,
                           std::optional<EntityId> root = std::nullopt, int depth = 1) {
  MemoryOutputs outputs;
  ExportOptions options;
  options.format = format;
  options.root = root;
  options.depth = depth;
  REQUIRE_OK(internal::ExportFrom(source, options, &outputs));
  return outputs.files[""];
}

TEST_CASE("JSON-LD export matches the golden file", "[export][golden]") {
  // GOVKG_UPDATE_GOLDEN=1 rewrites the golden file instead (run deliberately).
  const auto source = FixtureMemorySource();
  const std::string got = ExportToString(*source, ExportFormat::kJsonLd);
  const std::string path = std::string(GOVKG_SOURCE_DIR) + "/tests/export/golden/fixture.jsonld";
  if (const char* update = std::getenv("GOVKG_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
    WriteFile(path, got);
  }
  CHECK(got == ReadFile(path));
  // And it is JSON.
  CHECK_NOTHROW(nlohmann::json::parse(got));
}

TEST_CASE("The embedded context is export/context/govkg.jsonld", "[export]") {
  const std::string file =
      ReadFile(std::string(GOVKG_SOURCE_DIR) + "/export/context/govkg.jsonld");
  CHECK(nlohmann::json::parse(file) == nlohmann::json::parse(internal::kGovkgContextJson));
}

TEST_CASE("Export formats parse by name", "[export]") {
  for (const char* name : {"dot", "jsonld", "nt", "ttl", "graphml", "neo4j", "nebula", "csv"}) {
    const std::optional<ExportFormat> f = ParseExportFormat(name);
    REQUIRE(f.has_value());
    CHECK(ExportFormatName(*f) == name);
  }
  CHECK_FALSE(ParseExportFormat("xml").has_value());
}

TEST_CASE("A failing sink stops the export with its error", "[export]") {
  const auto source = FixtureMemorySource();
  for (const ExportFormat f : {ExportFormat::kNTriples, ExportFormat::kJsonLd,
                               ExportFormat::kGraphMl, ExportFormat::kCsv}) {
    FailingOutputs outputs;
    ExportOptions options;
    options.format = f;
    const Status s = internal::ExportFrom(*source, options, &outputs);
    CHECK(s.ToString() == "IO error: export: out.nt: No space left on device");
  }
}

TEST_CASE("N-Triples of a neighbourhood hold only its entities", "[export]") {
  const auto source = FixtureMemorySource();
  // Entity 6 is 夏季行动: one hop reaches 公安厅, 护校安园 and 破获案件.
  const std::string nt = ExportToString(*source, ExportFormat::kNTriples, 6, 1);
  const auto has = [&](std::string_view name) {
    return nt.find(internal::EntityIri("https://govkg.example.org/", EntityType::kAgency, name)) !=
           std::string::npos;
  };
  CHECK(has("内蒙古自治区公安厅"));
  CHECK(has("内蒙古自治区公安厅治安管理总队") == false);
  CHECK(nt.find("%E7%A0%B4%E8%8E%B7%E6%A1%88%E4%BB%B6") != std::string::npos);  // 破获案件
  CHECK(nt.find("%E6%9D%A8%E4%B9%89") == std::string::npos);                    // 杨义
}

TEST_CASE("Base IRIs are checked and completed", "[export]") {
  const auto source = FixtureMemorySource();
  MemoryOutputs outputs;
  ExportOptions options;
  options.format = ExportFormat::kNTriples;
  options.base_iri = "http://example.org/kg";
  REQUIRE_OK(internal::ExportFrom(*source, options, &outputs));
  CHECK(outputs.files[""].find("<http://example.org/kg/agency/") != std::string::npos);
  options.base_iri = "http://example.org/a b";
  CHECK(internal::ExportFrom(*source, options, &outputs).ToString() ==
        "Invalid argument: export: --base http://example.org/a b/ is not a valid IRI");
}

TEST_CASE("Diagram labels keep backslashes and newlines literal", "[export][diagram]") {
  CHECK(internal::DiagramLabel("a\\N\nb\r") == "a\\\\N\\nb");
}

TEST_CASE("Diagram rejects an unknown extension", "[export][diagram]") {
  const auto source = FixtureMemorySource();
  DiagramOptions options;
  options.root = 1;
  options.output = "org.gif";
  CHECK(internal::RenderDiagramFrom(*source, options).ToString() ==
        "Invalid argument: diagram: org.gif: unknown extension (use .svg, .png, .pdf or .dot)");
}

TEST_CASE("Nebula schema fits the longest vid in UTF-8 bytes", "[export]") {
  const auto source = FixtureMemorySource();
  MemoryOutputs outputs;
  ExportOptions options;
  options.format = ExportFormat::kNebula;
  REQUIRE_OK(internal::ExportFrom(*source, options, &outputs));
  size_t longest = 0;
  REQUIRE_OK(source->ScanEntities([&](const EntityRecord& e) {
    longest = std::max(longest, internal::EntityKey(e).size());
    return true;
  }));
  const std::string& schema = outputs.files["schema.ngql"];
  CHECK(schema.find("vid_type = FIXED_STRING(" + std::to_string(longest) + ")") !=
        std::string::npos);
  CHECK(schema.find("CREATE TAG IF NOT EXISTS Metric (name string, aliases string, "
                    "document_count int64, value double, unit string, qualifier string, "
                    "period string);") != std::string::npos);
  CHECK(outputs.files["importer.yaml"].find("path: ./edges_holdsPost.csv") != std::string::npos);
  CHECK(outputs.files["edges_holdsPost.csv"] ==
        "src,dst,rank,title,support,sources\n"
        "Person/杨义,Agency/内蒙古自治区公安厅治安管理总队,9007417900679678065,总队长,1,\"docs/a,\"\"1\"\".txt\"\n");
  // The rank comes from the title: two posts in one body are two edges.
  CHECK(outputs.files["importer.yaml"].find("rank:\n          index: 2\n") != std::string::npos);
}

TEST_CASE("Neo4j files carry typed headers and labels", "[export]") {
  const auto source = FixtureMemorySource();
  MemoryOutputs outputs;
  ExportOptions options;
  options.format = ExportFormat::kNeo4j;
  REQUIRE_OK(internal::ExportFrom(*source, options, &outputs));
  const std::string& metrics = outputs.files["nodes_Metric.csv"];
  CHECK(metrics.rfind("id:ID(Entity),name,aliases:string[],documentCount:int,value:double,unit,"
                      "qualifier,period,:LABEL\n", 0) == 0);
  CHECK(metrics.find("Metric/刑事案件同比,刑事案件同比,,1,-19.27,%,,今年1至8月,Entity;Metric\n") !=
        std::string::npos);
  CHECK(outputs.files["relationships.csv"].find(",SUB_ORGANIZATION_OF,") != std::string::npos);
  CHECK(outputs.files["import.cypher"].find(
            "MERGE (a)-[r:HOLDS_POST]->(b) SET r.support = 1, r.title = '总队长'") !=
        std::string::npos);
  // The ';' inside a name is no array delimiter: names are plain strings.
  CHECK(outputs.files["nodes_Agency.csv"].find(
            "\"Agency/公安\"\"厅\\局<A&B>,分局;\xF0\x9D\x84\x9E\"") != std::string::npos);
}

}  // namespace
}  // namespace govkg::testing
