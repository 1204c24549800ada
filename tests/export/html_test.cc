// The HTML explorer page over the in-memory fixture: one file, the data as
// JSON inside it, the node limit and what the page says was left out.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "export/exporter_internal.h"
#include "tests/export/export_fixture.h"

namespace govkg::testing {
namespace {

class PageOutputs final : public internal::OutputFactory {
 public:
  Result<std::unique_ptr<OutputSink>> Open(std::string_view) override {
    return NewStringSink(&page);
  }
  std::string page;
};

std::string Page(const internal::GraphSource& source, size_t limit = kMaxHtmlNodes,
                 std::optional<EntityId> root = std::nullopt) {
  PageOutputs outputs;
  ExportOptions options;
  options.format = ExportFormat::kHtml;
  options.limit = limit;
  options.root = root;
  REQUIRE_OK(internal::ExportFrom(source, options, &outputs));
  return outputs.page;
}

nlohmann::json PageData(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"govkg-data\">";
  const size_t at = page.find(open);
  REQUIRE(at != std::string::npos);
  const size_t end = page.find("</script>", at);
  REQUIRE(end != std::string::npos);
  return nlohmann::json::parse(page.substr(at + open.size(), end - at - open.size()));
}

EntityId IdOf(const internal::GraphSource& source, const std::string& name) {
  EntityId id = 0;
  REQUIRE_OK(source.ScanEntities([&](const EntityRecord& e) {
    if (e.name == name) id = e.id;
    return id == 0;
  }));
  REQUIRE(id != 0);
  return id;
}

TEST_CASE("the html page holds cytoscape and the whole graph as JSON", "[export][html]") {
  const auto source = FixtureMemorySource();
  const std::string page = Page(*source);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("The Cytoscape Consortium") != std::string::npos);
  CHECK(page.find("default-src 'none'") != std::string::npos);
  // Nothing is fetched: no external script, style or image.
  CHECK(page.find("src=\"http") == std::string::npos);
  CHECK(page.find("<link") == std::string::npos);
  // A name with "<" cannot close the data's <script> element early.
  CHECK(page.find("<A&B>") == std::string::npos);
  const nlohmann::json data = PageData(page);
  CHECK(data["nodes"].size() == kFixtureEntities);
  CHECK(data["edges"].size() == kFixtureTriples);
  CHECK(data["meta"]["total"] == kFixtureEntities);
  CHECK(data["meta"]["leftOut"].empty());
  bool nasty = false, provenance = false;
  for (const nlohmann::json& n : data["nodes"]) nasty = nasty || n["name"] == kNastyAgency;
  for (const nlohmann::json& e : data["edges"]) {
    for (const nlohmann::json& p : e["prov"]) provenance = provenance || p[1] == kNastyQuote;
  }
  CHECK(nasty);
  CHECK(provenance);
}

TEST_CASE("the html page carries search keys, concepts and periods", "[export][html]") {
  const auto source = FixtureMemorySource();
  const nlohmann::json data = PageData(Page(*source));
  for (const nlohmann::json& n : data["nodes"]) {
    if (n["name"] == "内蒙古自治区公安厅") {
      // The traditional spelling is a search key, and its characters fold back.
      CHECK(n["trad"].get<std::string>().find("內蒙古自治區公安廳") != std::string::npos);
      CHECK(data["fold"]["廳"] == "厅");
      CHECK(n["key"] == "Agency/内蒙古自治区公安厅");
    }
    if (n["name"] == "刑事案件同比") {
      CHECK(n["metric"]["concept"] == "刑事案件同比");
      CHECK(n["metric"]["start"] == "XXXX-01-01");
      CHECK(n["metric"]["end"] == "XXXX-08-31");
      CHECK(n["metric"]["compare"] == "XXXX-01-01..XXXX-08-31");
      CHECK(n["metric"]["region"] == "内蒙古自治区");  // its reporter's
    }
  }
}

TEST_CASE("the html page keeps the nodes nearest the root and says what it left out",
          "[export][html]") {
  const auto source = FixtureMemorySource();
  const EntityId root = IdOf(*source, "内蒙古自治区公安厅");
  const nlohmann::json data = PageData(Page(*source, 3, root));
  REQUIRE(data["nodes"].size() == 3);
  CHECK(data["nodes"][0]["name"] == "内蒙古自治区公安厅");
  CHECK(data["meta"]["root"] == 0);
  uint64_t left = 0;
  for (const auto& [type, n] : data["meta"]["leftOut"].items()) left += n.get<uint64_t>();
  // The fixture's root reaches 11 others within 2 hops; 9 of them are left out.
  CHECK(left + 3 == data["meta"]["total"].get<uint64_t>());
  for (const nlohmann::json& e : data["edges"]) {
    CHECK(e["s"].get<size_t>() < 3);
    CHECK(e["o"].get<size_t>() < 3);
  }
  // Without a root: the best connected.
  const nlohmann::json top = PageData(Page(*source, 1));
  CHECK(top["nodes"][0]["name"] == "内蒙古自治区公安厅");
}

TEST_CASE("the html page refuses a limit it cannot draw", "[export][html]") {
  const auto source = FixtureMemorySource();
  PageOutputs outputs;
  ExportOptions options;
  options.format = ExportFormat::kHtml;
  options.limit = kMaxHtmlNodes + 1;
  CHECK(internal::ExportFrom(*source, options, &outputs).IsInvalidArgument());
  CHECK(ParseExportFormat("html") == ExportFormat::kHtml);
}

TEST_CASE("a series draws as a plain SVG chart", "[export][series]") {
  Series s;
  s.concept_name = "破获刑事案件";
  s.unit = "起";
  for (const auto& [label, v] : {std::pair{"2021", 120.0}, {"2022", 250.0}, {"2023", 300.0}}) {
    SeriesPoint p;
    p.label = label;
    p.value = v;
    s.points.push_back(p);
  }
  const std::string svg = RenderSeriesSvg(s);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("破获刑事案件 (起)") != std::string::npos);
  size_t points = 0;
  for (size_t at = svg.find("class=\"point\""); at != std::string::npos;
       at = svg.find("class=\"point\"", at + 1)) {
    ++points;
  }
  CHECK(points == 3);
  CHECK(svg.find("<path d=\"M") != std::string::npos);
  CHECK(svg.find(">2022<") != std::string::npos);
}

}  // namespace
}  // namespace govkg::testing
