// End-to-end: the relationship questions of the CLI on a store of the samples.
#include <algorithm>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace govkg {
namespace {

using testing::RunGovkg;
using testing::TempDir;

// One store of samples/ for every test of this file (ingest once).
const std::string& SamplesDb() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "db";
    const auto r = RunGovkg("--db '" + path + "' -q ingest '" + testing::SamplesDir() + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return path;
  }();
  return db;
}

testing::CommandResult Govkg(const std::string& args) {
  return RunGovkg("--db '" + SamplesDb() + "' " + args);
}

nlohmann::json Json(const std::string& args) {
  const auto r = Govkg(args + " --format json");
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

TEST_CASE("tree of 内蒙古自治区公安厅 holds its 总队 units", "[e2e][graph]") {
  const nlohmann::json tree = Json("tree 内蒙古自治区公安厅");
  std::vector<std::string> units;
  for (const auto& c : tree["root"]["children"]) units.push_back(c["name"]);
  for (const char* unit : {"内蒙古自治区公安厅治安管理总队", "内蒙古自治区公安厅刑事侦查总队",
                           "内蒙古自治区公安厅边境管理总队"}) {
    INFO(unit);
    CHECK(std::find(units.begin(), units.end(), unit) != units.end());
  }
  const auto text = Govkg("tree 治安管理总队");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("内蒙古自治区公安厅\n  内蒙古自治区公安厅治安管理总队\n") == 0);
}

TEST_CASE("a pattern query finds programs with metrics", "[e2e][graph]") {
  const nlohmann::json r = Json("query '?a conducts ?p . ?p reports ?m' --limit 0");
  CHECK(r["variables"] == nlohmann::json({"a", "p", "m"}));
  REQUIRE(r["rows"].size() > 20);
  bool summer = false;
  for (const auto& row : r["rows"]) {
    CHECK(row["p"]["type"] == "Program");
    CHECK(row["m"]["type"] == "Metric");
    summer |= row["p"]["name"] == "夏季治安打击整治行动" && row["m"]["name"] == "破获案件";
  }
  CHECK(summer);
  const auto bad = Govkg("query '?a conducts'");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("column") != std::string::npos);
}

TEST_CASE("an ambiguous name exits 2 listing the candidates", "[e2e][graph]") {
  for (const char* cmd : {"show 公安", "neighbors 总队", "path 公安 杨义"}) {
    INFO(cmd);
    const auto r = Govkg(cmd);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("ambiguous") != std::string::npos);
    CHECK(r.err.find("Agency/内蒙古自治区公安厅") != std::string::npos);
  }
  const auto none = Govkg("show 不存在的机构");
  CHECK(none.exit_code == 1);
  CHECK(none.err.find("no entity of that name") != std::string::npos);
}

TEST_CASE("show gives the card with edges and provenance", "[e2e][graph]") {
  const nlohmann::json card = Json("show 治安管理总队");
  CHECK(card["name"] == "内蒙古自治区公安厅治安管理总队");
  CHECK(card["type"] == "Agency");
  bool post = false;
  for (const auto& e : card["edges"]) {
    REQUIRE_FALSE(e["provenance"].empty());
    CHECK(e["provenance"][0]["doc"].get<std::string>().find("002_17e5499aa74a8c9c.txt") !=
          std::string::npos);
    if (e["predicate"] == "holdsPost") {
      post = e["other"]["name"] == "杨义" && e["title"] == "总队长" && e["direction"] == "in";
    }
  }
  CHECK(post);
  // Traditional spelling resolves too.
  CHECK(Json("show 治安管理總隊")["name"] == "内蒙古自治区公安厅治安管理总队");
}

TEST_CASE("neighbors, path, metrics, rank, components and entities answer", "[e2e][graph]") {
  const nlohmann::json n = Json("neighbors 内蒙古自治区公安厅 --depth 2 --type Metric");
  REQUIRE_FALSE(n["neighbors"].empty());
  for (const auto& h : n["neighbors"]) {
    CHECK(h["type"] == "Metric");
    CHECK_FALSE(h["via"]["name"].get<std::string>().empty());
  }
  const nlohmann::json p = Json("path 杨义 夏季治安打击整治行动");
  CHECK(p["length"] == 3);
  CHECK(p["nodes"].front()["name"] == "杨义");
  CHECK(p["nodes"].back()["name"] == "夏季治安打击整治行动");
  const nlohmann::json m = Json("metrics --program 夏季治安打击整治行动 --name 破获案件");
  REQUIRE(m.size() == 1);
  CHECK(m[0]["value"] == 5748);
  CHECK(m[0]["unit"] == "起");
  const nlohmann::json rank = Json("rank --type Agency --limit 3 --by pagerank");
  REQUIRE(rank["ranked"].size() == 3);
  CHECK(rank["ranked"][0]["score"] >= rank["ranked"][1]["score"]);
  const nlohmann::json comps = Json("components --limit 1");
  CHECK(comps["largest"][0]["size"] > 50);
  CHECK(comps["largest"][0]["members"].size() == 5);  // --members, default 5
  CHECK(Json("components --limit 1 --members 0")["largest"][0]["members"].size() ==
        comps["largest"][0]["size"]);
  const nlohmann::json people = Json("entities --type Person");
  bool yang = false;
  for (const auto& e : people) yang |= e["name"] == "杨义";
  CHECK(yang);
  CHECK(Govkg("neighbors 公安厅 --type Bogus").exit_code == 2);
  CHECK(Govkg("neighbors 公安厅 --depth 0").exit_code == 2);
}

TEST_CASE("neighbors --format json carries names with quotes, backslashes and controls", "[e2e][graph]") {
  TempDir dir;
  const std::string jsonl = dir / "odd.jsonl";
  // 总队"甲\乙 <newline> 丙<tab>丁<0x01> conducts a program; the program reports a metric.
  testing::WriteFile(jsonl,
                     R"({"doc":"odd.txt","entities":[)"
                     R"({"aliases":[],"id":"a1","mentions":[[0,3]],"name":"总队\"甲\\乙\n丙\t丁\u0001","type":"Agency"},)"
                     R"({"aliases":[],"id":"p1","mentions":[[4,8]],"name":"“护校”行动","type":"Program"},)"
                     R"({"aliases":[],"id":"m1","mentions":[[9,12]],"name":"破获案件","type":"Metric",)"
                     R"("value":3,"unit":"起","qualifier":"","period":""}],)"
                     R"("relations":[{"evidence":[0,8],"o":"p1","p":"conducts","quote":"q","s":"a1"},)"
                     R"({"evidence":[4,12],"o":"m1","p":"reports","quote":"q","s":"p1"}]})"
                     "\n");
  const std::string db = "--db '" + (dir / "db") + "' ";
  const auto ingest = RunGovkg(db + "-q ingest --extracted '" + jsonl + "'");
  INFO(ingest.err);
  REQUIRE(ingest.exit_code == 0);
  const auto r = RunGovkg(db + "neighbors 护校 --depth 2 --format json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["root"]["name"] == "“护校”行动");
  REQUIRE(j["neighbors"].size() == 2);
  std::vector<std::string> names;
  for (const auto& n : j["neighbors"]) names.push_back(n["name"]);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"总队\"甲\\乙\n丙\t丁\x01", "破获案件"});
}

}  // namespace
}  // namespace govkg
