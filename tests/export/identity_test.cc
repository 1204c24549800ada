// Identity across documents, seen from the far side of every export: the
// samples plus invented documents with region scopes are ingested, every
// format is exported and parsed back, and each format's nodes per type must
// equal `govkg stats`, with no id given twice and no statement written twice
// (store/identity.h, export/import_check.h).
#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "export/import_check.h"
#include "store/store.h"
#include "tests/test_util.h"

namespace govkg::testing {
namespace {

using Counts = std::map<std::string, uint64_t>;

// Two documents from two provinces (the second also names seed 002's
// 内蒙古自治区公安厅 by its short form and by its bare level word, which the
// store joins to it): the same generic body (公安机关) and the
// same short campaign name (夏季行动) in each, a body whose region the text
// leaves open (市公安局, scope "doc"), a national body (公安部), and figures
// that share a name, or a name and a value, but are different observations.
const char* const kInvented = R"({"doc":"invented/jiangmen.txt","region":"440700","entities":[{"id":"a1","type":"Agency","name":"公安机关","scope":"440700","aliases":[],"mentions":[[0,4]]},{"id":"a2","type":"Agency","name":"江门市公安局","aliases":["市公安局"],"mentions":[[10,16]]},{"id":"a3","type":"Agency","name":"市公安局","scope":"doc","aliases":[],"mentions":[[20,24]]},{"id":"a4","type":"Agency","name":"公安部","aliases":[],"mentions":[[30,33]]},{"id":"p1","type":"Program","name":"夏季行动","scope":"440700","aliases":[],"mentions":[[40,44]]},{"id":"m1","type":"Metric","name":"抓获犯罪嫌疑人","value":3531,"unit":"名","qualifier":null,"period":null,"mentions":[[50,60]]},{"id":"m2","type":"Metric","name":"抓获犯罪嫌疑人","value":3531,"unit":"名","qualifier":null,"period":null,"mentions":[[90,100]]},{"id":"x1","type":"Person","name":"李明","aliases":[],"mentions":[[110,112]]}],"relations":[{"s":"a1","p":"conducts","o":"p1","evidence":[0,44]},{"s":"p1","p":"reports","o":"m1","evidence":[40,60]},{"s":"a2","p":"reports","o":"m2","evidence":[80,100]},{"s":"a2","p":"cooperatesWith","o":"a3","evidence":[10,24]},{"s":"a2","p":"subOrganizationOf","o":"a4","evidence":[10,33]},{"s":"x1","p":"holdsPost","o":"a2","title":"局长","evidence":[105,112]},{"s":"x1","p":"holdsPost","o":"a2","title":"党委书记","evidence":[105,112]}]}
{"doc":"invented/hohhot.txt","region":"150000","entities":[{"id":"a1","type":"Agency","name":"公安机关","scope":"150000","aliases":[],"mentions":[[0,4]]},{"id":"a3","type":"Agency","name":"市公安局","scope":"doc","aliases":[],"mentions":[[20,24]]},{"id":"a4","type":"Agency","name":"公安部","aliases":[],"mentions":[[30,33]]},{"id":"p1","type":"Program","name":"夏季行动","scope":"150000","aliases":[],"mentions":[[40,44]]},{"id":"m1","type":"Metric","name":"抓获犯罪嫌疑人","value":58401,"unit":"名","qualifier":null,"period":null,"mentions":[[50,60]]},{"id":"a5","type":"Agency","name":"内蒙古公安厅","aliases":[],"mentions":[[70,76]]},{"id":"a6","type":"Agency","name":"自治区公安厅","scope":"150000","aliases":[],"mentions":[[80,86]]}],"relations":[{"s":"a1","p":"conducts","o":"p1","evidence":[0,44]},{"s":"p1","p":"reports","o":"m1","evidence":[40,60]},{"s":"a3","p":"subOrganizationOf","o":"a4","evidence":[20,33]},{"s":"a5","p":"conducts","o":"p1","evidence":[40,76]},{"s":"a6","p":"subOrganizationOf","o":"a4","evidence":[30,86]}]}
)";

const std::vector<std::string> kTypes = {"Agency", "Program", "Metric", "Person", "Document", "Place"};

std::string Quote(const std::string& s) { return "'" + s + "'"; }

class Store {
 public:
  // Ingests the samples and the invented documents, in that order or the reverse.
  explicit Store(bool invented_first) {
    WriteFile(dir_ / "invented.jsonl", kInvented);
    const std::string samples = "ingest " + Quote(SamplesDir());
    const std::string invented = "ingest --extracted " + Quote(dir_ / "invented.jsonl");
    Ingest(invented_first ? std::vector{invented, samples} : std::vector{samples, invented});
  }
  // Runs these ingest commands, in order.
  explicit Store(const std::vector<std::string>& steps) { Ingest(steps); }
  void Ingest(const std::vector<std::string>& steps) const {
    for (const std::string& step : steps) {
      const CommandResult r = Govkg(step);
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
    }
  }
  std::string db() const { return dir_ / "db"; }
  CommandResult Govkg(const std::string& args) const {
    return RunGovkg("--quiet --db " + Quote(dir_ / "db") + " " + args);
  }
  std::string Export(const std::string& format) const {
    const std::string path = dir_ / ("out." + format);
    const CommandResult r = Govkg("export --format " + format + " -o " + Quote(path));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return path;
  }
  Counts Stats() const {
    const CommandResult r = Govkg("stats --format json");
    REQUIRE(r.exit_code == 0);
    Counts counts;
    INFO(r.out);
    const nlohmann::json by_type = nlohmann::json::parse(r.out).at("entities_by_type");
    for (auto it = by_type.begin(); it != by_type.end(); ++it) counts[it.key()] = it.value().get<uint64_t>();
    REQUIRE(!counts.empty());
    return counts;
  }

 private:
  TempDir dir_;
};

// Distinct subjects typed govkg:<Type>; fails on a line written twice.
Counts NTriplesNodes(const std::string& text) {
  Counts counts;
  std::set<std::string> lines;
  std::istringstream in(text);
  const std::string type = " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://govkg.example.org/vocab#";
  std::map<std::string, std::set<std::string>> subjects;
  for (std::string line; std::getline(in, line);) {
    INFO(line);
    CHECK(lines.insert(line).second);
    const size_t at = line.find(type);
    if (at == std::string::npos) continue;
    const std::string rest = line.substr(at + type.size());
    subjects[rest.substr(0, rest.find('>'))].insert(line.substr(0, at));
  }
  for (const std::string& t : kTypes) counts[t] = subjects[t].size();
  return counts;
}

Counts JsonLdNodes(const std::string& text) {
  std::map<std::string, std::set<std::string>> ids;
  const nlohmann::json doc = nlohmann::json::parse(text);
  for (const nlohmann::json& node : doc.at("@graph")) {
    if (!node.contains("@type")) continue;
    const nlohmann::json types = node["@type"].is_array() ? node["@type"] : nlohmann::json::array({node["@type"]});
    for (const std::string t : types) {
      if (t.starts_with("govkg:")) ids[t.substr(6)].insert(node["@id"].get<std::string>());
    }
  }
  Counts counts;
  for (const std::string& t : kTypes) counts[t] = ids[t].size();
  return counts;
}

// Node elements (GraphML) or node statements (DOT) by their type attribute;
// an id given twice fails.
Counts TypedIds(const std::string& text, const std::regex& node) {
  std::map<std::string, std::set<std::string>> ids;
  std::set<std::string> all;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), node); it != std::sregex_iterator(); ++it) {
    INFO((*it)[1].str());
    CHECK(all.insert((*it)[1].str()).second);
    ids[(*it)[2].str()].insert((*it)[1].str());
  }
  Counts counts;
  for (const std::string& t : kTypes) counts[t] = ids[t].size();
  return counts;
}

Counts CsvNodes(const std::string& path) {
  Result<std::vector<CsvRecord>> rows = ParseCsv(path, ReadFile(path));
  REQUIRE(rows.ok());
  Counts counts;
  std::set<std::string> ids;
  for (const std::string& t : kTypes) counts[t] = 0;
  for (size_t i = 1; i < rows->size(); ++i) {
    INFO((*rows)[i].fields[0]);
    CHECK(ids.insert((*rows)[i].fields[0]).second);
    ++counts[(*rows)[i].fields[1]];
  }
  return counts;
}

std::string Show(const Counts& c) {
  std::string out;
  for (const auto& [type, n] : c) out += type + "=" + std::to_string(n) + " ";
  return out;
}

Counts Complete(Counts c) {
  for (const std::string& t : kTypes) c[t] += 0;
  return c;
}

// Every format's nodes per type equal `govkg stats`, no id given twice, and
// the import checkers find nothing.
void CheckExportsAgreeWithStats(const Store& store) {
  const Counts stats = Complete(store.Stats());
  INFO("stats Agency " << stats.at("Agency") << ", Metric " << stats.at("Metric"));

  CHECK(NTriplesNodes(ReadFile(store.Export("nt"))) == stats);
  const CommandResult ttl = RunShell("rapper -q -i turtle -o ntriples " + Quote(store.Export("ttl")));
  REQUIRE(ttl.exit_code == 0);
  CHECK(NTriplesNodes(ttl.out) == stats);
  const Counts jsonld = JsonLdNodes(ReadFile(store.Export("jsonld")));
  INFO("JSON-LD " << Show(jsonld) << "; stats " << Show(stats));
  CHECK(jsonld == stats);
  CHECK(TypedIds(ReadFile(store.Export("graphml")),
                 std::regex(R"re(<node id="([^"]+)"><data key="type">(\w+)</data>)re")) == stats);
  CHECK(TypedIds(ReadFile(store.Export("dot")), std::regex(R"re(\n  "([^"]+)" \[label=.*?type="(\w+)")re")) == stats);
  CHECK(CsvNodes(store.Export("csv") + "/nodes.csv") == stats);

  Result<ImportCheck> neo4j = CheckNeo4jImport(store.Export("neo4j"));
  REQUIRE(neo4j.ok());
  CHECK(neo4j->problems == std::vector<std::string>{});
  CHECK(Complete(neo4j->nodes) == stats);
  Result<ImportCheck> nebula = CheckNebulaImport(store.Export("nebula"));
  REQUIRE(nebula.ok());
  CHECK(nebula->problems == std::vector<std::string>{});
  CHECK(Complete(nebula->nodes) == stats);
  CHECK(neo4j->relationships == nebula->relationships);
}

TEST_CASE("Every export holds each stored entity once, with the counts of govkg stats", "[export][identity]") {
  CheckExportsAgreeWithStats(Store(false));
}

std::string SharedDir() {
  if (const char* env = std::getenv("GOVKG_SHARED_DIR"); env != nullptr && *env != '\0') return env;
  return GOVKG_SHARED_DIR;
}

// The samples and the real texts of several provinces (the dev set), as a
// user with a year of press releases would ingest them.
std::vector<std::string> DevTexts() {
  std::vector<std::string> texts;
  const std::string dir = SharedDir() + "/eval/dev/texts";
  const CommandResult ls = RunShell("ls " + Quote(dir));
  std::istringstream in(ls.out);
  for (std::string name; std::getline(in, name);) {
    if (name.ends_with(".txt")) texts.push_back(dir + "/" + name);
  }
  return texts;
}

TEST_CASE("Samples and real texts of several provinces: one node per body, in every export", "[export][identity]") {
  const std::vector<std::string> texts = DevTexts();
  INFO("dev texts under " << SharedDir() << " (set GOVKG_SHARED_DIR to the shared folder)");
  REQUIRE(texts.size() >= 6);
  std::string all;
  for (const std::string& t : texts) all += " " + Quote(t);
  const Store store(std::vector<std::string>{"ingest " + Quote(SamplesDir()), "ingest" + all});
  CheckExportsAgreeWithStats(store);

  // Seed 000's 夏季行动 and seed 002's 夏季治安打击整治行动 (alias 夏季行动):
  // one node, both texts, and the agencies that conduct it.
  const CommandResult show = store.Govkg("show 夏季行动 --type Program --format json");
  INFO(show.err);
  REQUIRE(show.exit_code == 0);
  const nlohmann::json card = nlohmann::json::parse(show.out);
  std::set<std::string> docs;
  for (const std::string d : card.at("documents")) docs.insert(d.substr(d.rfind('/') + 1));
  CHECK(docs.contains("000_a07d5b62baa24def.txt"));
  CHECK(docs.contains("002_17e5499aa74a8c9c.txt"));
  CHECK(card.at("members").size() >= 2);
  size_t conductors = 0;
  for (const nlohmann::json& e : card.at("edges")) {
    conductors += e.at("predicate") == "conducts" && e.at("direction") == "in" && e.at("other").at("type") == "Agency";
  }
  CHECK(conductors >= 1);

  // No agency node joins documents of two provinces unless it is a body
  // without a region scope whose names start with no level word (a national
  // body such as 公安部, not a generic 市公安局). The province of a text is
  // the region extraction gives it.
  const CommandResult extracted = RunGovkg("-q extract --format json" + all);
  REQUIRE(extracted.exit_code == 0);
  std::map<std::string, std::string> province;  // file name → 2-digit province code
  std::istringstream lines(extracted.out);
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json g = nlohmann::json::parse(line);
    const std::string region = g.value("region", "");
    const std::string doc = g.at("doc");
    if (region.size() >= 2) province[doc.substr(doc.rfind('/') + 1)] = region.substr(0, 2);
  }
  REQUIRE(province.size() >= 4);
  std::set<std::string> provinces;
  for (const auto& [doc, p] : province) provinces.insert(p);
  CHECK(provinces.size() >= 3);
  std::unique_ptr<govkg::Store> db;
  REQUIRE(govkg::Store::Open(StoreOptions::ForReading(), store.db(), &db).ok());
  size_t spanning = 0;
  const Status scanned = db->ScanEntities([&](const EntityRecord& e) {
    if (e.type != EntityType::kAgency) return true;
    std::set<std::string> where;
    const Status s = db->ScanMentions(e.id, [&](std::string_view d, const std::vector<Span>&) {
      const auto it = province.find(std::string(d.substr(d.rfind('/') + 1)));
      if (it != province.end()) where.insert(it->second);
      return true;
    });
    REQUIRE(s.ok());
    if (where.size() < 2) return true;
    ++spanning;
    INFO(e.name << " (scope " << e.scope << ") in " << where.size() << " provinces");
    CHECK(e.scope.empty());
    for (const std::string level : {"省", "市", "县", "区", "自治区", "盟", "旗"}) CHECK_FALSE(e.name.starts_with(level));
    return true;
  });
  REQUIRE(scanned.ok());
  WARN(spanning << " agency nodes span texts of several provinces");
}

TEST_CASE("Scopes keep generic names of two regions and figures of one name apart", "[export][identity]") {
  const Store store(false);
  const std::string csv = ReadFile(store.Export("csv") + "/nodes.csv");
  const auto has = [&](const std::string& key) { return csv.find("\n" + key + ",") != std::string::npos; };
  CHECK(has("Agency/440700/公安机关"));
  // 150000's 公安机关 is the body seed 002 names 内蒙古自治区公安机关: one node
  // under the complete name, never joined with 440700's.
  CHECK(has("Agency/内蒙古自治区公安机关"));
  CHECK_FALSE(has("Agency/150000/公安机关"));
  CHECK(has("Program/440700/夏季行动"));
  // In 150000, seed 002 gives 夏季行动 as the alias of 夏季治安打击整治行动: one
  // node, under its most complete form.
  CHECK(has("Program/150000/夏季治安打击整治行动"));
  CHECK_FALSE(has("Program/150000/夏季行动"));
  CHECK(has("Agency/公安部"));  // national: one node for both documents
  // 内蒙古公安厅 and 自治区公安厅 (in 150000) are seed 002's 内蒙古自治区公安厅.
  CHECK(has("Agency/内蒙古自治区公安厅"));
  CHECK_FALSE(has("Agency/内蒙古公安厅"));
  CHECK_FALSE(has("Agency/150000/自治区公安厅"));
  // A name of several stored forms: a decision about it lists them with their scopes.
  const CommandResult ambiguous = store.Govkg("same 公安机关 公安部");
  CHECK(ambiguous.exit_code == 2);
  CHECK(ambiguous.err.find("scope 440700") != std::string::npos);
  CHECK(ambiguous.err.find("scope 150000") != std::string::npos);
  // A reader names one of them by the key the export printed, which
  // `entities` lists beside each name.
  const CommandResult which = store.Govkg("entities --name 公安机关 --format json");
  REQUIRE(which.exit_code == 0);
  std::set<std::string> keys;
  for (const auto& e : nlohmann::json::parse(which.out)) keys.insert(e["key"].get<std::string>());
  CHECK(keys.contains("Agency/440700/公安机关"));
  CHECK(keys.contains("Agency/内蒙古自治区公安机关"));
  // Both nodes have a form a document named 公安机关: the name is ambiguous,
  // and the message lists their keys.
  const CommandResult bare = store.Govkg("show 公安机关");
  CHECK(bare.exit_code == 2);
  for (const char* key : {"Agency/440700/公安机关", "Agency/内蒙古自治区公安机关"}) {
    INFO(key);
    CHECK(bare.err.find(key) != std::string::npos);
  }
  const CommandResult one = store.Govkg("show Agency/440700/公安机关 --format json");
  REQUIRE(one.exit_code == 0);
  const nlohmann::json card = nlohmann::json::parse(one.out);
  CHECK(card["key"] == "Agency/440700/公安机关");
  CHECK(card["scope"] == "440700");
  CHECK(store.Govkg("show Agency/110000/公安机关").exit_code != 0);
  // 市公安局 of each document stays in it: two nodes under doc-… scopes.
  // (Counted line by line: a regex spanning lines recurses once per line in
  // libstdc++ and overflows the stack of a sanitizer build.)
  const std::regex doc_scoped_bureau(R"re(^Agency/doc-[0-9a-f]{16}/市公安局,)re");
  size_t bureaus = 0;
  for (size_t start = 0; start < csv.size();) {
    size_t end = csv.find('\n', start);
    if (end == std::string::npos) end = csv.size();
    if (std::regex_search(csv.substr(start, end - start), doc_scoped_bureau)) ++bureaus;
    start = end + 1;
  }
  CHECK(bureaus == 2);
  // Three observations of 抓获犯罪嫌疑人: 3531 twice (two spans), 58401 once.
  size_t figures = 0;
  for (size_t at = csv.find("/抓获犯罪嫌疑人,"); at != std::string::npos; at = csv.find("/抓获犯罪嫌疑人,", at + 1)) {
    const std::string line = csv.substr(at, csv.find('\n', at) - at);
    if (line.find(",3531,") != std::string::npos || line.find(",58401,") != std::string::npos) ++figures;
  }
  CHECK(figures == 3);
  // Two posts of one person in one body are two Nebula edges.
  Result<ImportCheck> nebula = CheckNebulaImport(store.Export("nebula"));
  REQUIRE(nebula.ok());
  CHECK(nebula->problems.empty());
}

TEST_CASE("Ingest order changes no byte of any export", "[export][identity]") {
  const Store forward(false), backward(true);
  for (const std::string format : {"nt", "ttl", "jsonld", "graphml", "dot"}) {
    INFO(format);
    CHECK(ReadFile(forward.Export(format)) == ReadFile(backward.Export(format)));
  }
  for (const std::string format : {"neo4j", "nebula", "csv"}) {
    const std::string a = forward.Export(format), b = backward.Export(format);
    const CommandResult diff = RunShell("diff -r " + Quote(a) + " " + Quote(b));
    INFO(format << "\n" << diff.out);
    CHECK(diff.exit_code == 0);
  }
}

TEST_CASE("The import checkers name duplicate ids, undefined ends and repeated edges", "[export][identity]") {
  TempDir dir;
  const std::string neo = dir / "neo";
  RunShell("mkdir -p " + Quote(neo));
  WriteFile(neo + "/nodes_Agency.csv", "id:ID(Entity),name,:LABEL\nA/x,x,Agency\nA/x,x,Agency\n");
  WriteFile(neo + "/relationships.csv", ":START_ID(Entity),:END_ID(Entity),:TYPE\nA/x,A/y,R\nA/x,A/x,R\nA/x,A/x,R\n");
  Result<ImportCheck> n = CheckNeo4jImport(neo);
  REQUIRE(n.ok());
  REQUIRE(n->problems.size() == 3);
  CHECK(n->problems[0] == "nodes_Agency.csv:3: :ID \"A/x\" in id space \"Entity\" already defined at nodes_Agency.csv:2");
  CHECK(n->problems[1] == "relationships.csv:2: :END_ID \"A/y\" not defined");
  CHECK(n->problems[2] == "relationships.csv:4: same row as line 3");

  const std::string neb = dir / "neb";
  RunShell("mkdir -p " + Quote(neb));
  WriteFile(neb + "/vertices_Agency.csv", "vid,name\n\"A/x\",\"x,\ny\"\nA/x,x\n");
  WriteFile(neb + "/edges_r.csv", "src,dst,rank,title\nA/x,A/x,1,t\nA/x,A/x,1,u\nA/x,B,0,\n");
  Result<ImportCheck> g = CheckNebulaImport(neb);
  REQUIRE(g.ok());
  REQUIRE(g->problems.size() == 3);
  CHECK(g->problems[0] == "vertices_Agency.csv:4: VID \"A/x\" of tag Agency already at line 2");
  CHECK(g->problems[1].starts_with("edges_r.csv:3: edge (src, dst, rank) already at line 2"));
  CHECK(g->problems[2] == "edges_r.csv:4: dst \"B\" is no vertex");

  WriteFile(neb + "/vertices_Agency.csv", "vid,name\n\"A/x,x\n");
  const Result<ImportCheck> bad = CheckNebulaImport(neb);
  CHECK(bad.status().ToString() == "Invalid argument: vertices_Agency.csv:2: quoted field never closed");
}

}  // namespace
}  // namespace govkg::testing
