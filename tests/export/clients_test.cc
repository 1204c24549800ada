// The export and diagram commands on a hand-built store, read back by real
// clients: rdflib (JSON-LD, N-Triples), rapper (Turtle), networkx (GraphML),
// graphviz (DOT, diagram), Python's csv (Neo4j/NebulaGraph files) and Apache
// Jena TDB2 (loads the N-Triples, answers SPARQL).
#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/export/export_fixture.h"

namespace govkg::testing {
namespace {

const std::string kPython = "/usr/bin/python3";

std::string Here(const std::string& file) {
  return std::string(GOVKG_SOURCE_DIR) + "/tests/export/" + file;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// A store with the fixture and the CLI pointed at it.
class Fixture {
 public:
  Fixture() { BuildFixtureStore(dir_ / "db"); }
  CommandResult Govkg(const std::string& args) const {
    return RunGovkg("--quiet --db " + Quote(dir_ / "db") + " " + args);
  }
  std::string Export(const std::string& format, const std::string& name) const {
    const std::string path = dir_ / name;
    const CommandResult r = Govkg("export --format " + format + " -o " + Quote(path));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return path;
  }
  std::string operator/(const std::string& name) const { return dir_ / name; }

 private:
  TempDir dir_;
};

nlohmann::json RunJson(const std::string& command) {
  const CommandResult r = RunShell(command);
  INFO(command << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

TEST_CASE("rdflib reads the JSON-LD and the N-Triples to the same triples", "[export][clients]") {
  Fixture f;
  const std::string jsonld = f.Export("jsonld", "g.jsonld");
  const std::string nt = f.Export("nt", "g.nt");
  const nlohmann::json report =
      RunJson(kPython + " " + Here("rdf_check.py") + " " + Quote(jsonld) + " " + Quote(nt));
  INFO(report.dump());
  CHECK(report["same"] == true);
  CHECK(report["jsonld_triples"] == report["nt_triples"]);
  // One rdf:Statement per stored triple: the count govkg stats reports.
  const nlohmann::json stats = nlohmann::json::parse(f.Govkg("stats --format json").out);
  CHECK(report["statements"] == stats["triples"]);
  CHECK(stats["triples"] == kFixtureTriples);
  CHECK(report["names"].size() == kFixtureEntities);
  const std::vector<std::string> names = report["names"];
  CHECK(std::count(names.begin(), names.end(), kNastyAgency) == 1);
  CHECK(std::count(names.begin(), names.end(), kNewlineAgency) == 1);
  const std::vector<std::string> quotes = report["quotes"];
  CHECK(std::count(quotes.begin(), quotes.end(), kNastyQuote) == 1);
  CHECK(report["agencies"] == 5);
  CHECK(report["observations"] == 2);
  CHECK(report["values"] == nlohmann::json::array({-19.27, 5748.0}));
}

TEST_CASE("rapper reads the Turtle to the triples of the N-Triples", "[export][clients]") {
  Fixture f;
  const std::string ttl = f.Export("ttl", "g.ttl");
  const std::string nt = f.Export("nt", "g.nt");
  const CommandResult turtle = RunShell("(rapper -q -i turtle -o ntriples " + Quote(ttl) + " | sort -u | wc -l)");
  const CommandResult ntriples = RunShell("(rapper -q -i ntriples -o ntriples " + Quote(nt) + " | sort -u | wc -l)");
  INFO(turtle.err << ntriples.err);
  REQUIRE(turtle.exit_code == 0);
  REQUIRE(ntriples.exit_code == 0);
  CHECK(std::stoi(turtle.out) > 100);
  CHECK(turtle.out == ntriples.out);
  // Same triples, not only as many: rapper writes both the same way. (The
  // pipelines run in a subshell: RunShell's </dev/null would feed the last
  // command of a bare pipeline.)
  const CommandResult same = RunShell(
      "bash -c \"diff <(rapper -q -i turtle -o ntriples " + ttl + " | sort -u) <(rapper -q -i ntriples -o ntriples " + nt +
      " | sort -u)\"");
  INFO(same.out << same.err);
  CHECK(same.exit_code == 0);
}

TEST_CASE("networkx reads the GraphML with typed attributes", "[export][clients]") {
  Fixture f;
  const std::string graphml = f.Export("graphml", "g.graphml");
  const nlohmann::json report =
      RunJson(kPython + " " + Here("graphml_check.py") + " " + Quote(graphml));
  INFO(report.dump());
  CHECK(report["nodes"] == kFixtureEntities);
  CHECK(report["edges"] == kFixtureTriples);
  CHECK(report["support_types"] == nlohmann::json::array({"int"}));
  CHECK(report["document_count_types"] == nlohmann::json::array({"int"}));
  CHECK(report["values"] == nlohmann::json::array({-19.27, 5748.0}));
  const std::vector<std::string> names = report["names"];
  CHECK(std::count(names.begin(), names.end(), kNastyAgency) == 1);
  CHECK(std::count(names.begin(), names.end(), kNewlineAgency) == 1);
}

TEST_CASE("graphviz renders the DOT export with every name", "[export][clients]") {
  Fixture f;
  const std::string dot = f.Export("dot", "g.dot");
  const CommandResult svg = RunShell("dot -Tsvg " + Quote(dot));
  INFO(svg.err);
  REQUIRE(svg.exit_code == 0);
  CHECK(svg.err.empty());
  CHECK(svg.out.find("&gt;公安&quot;厅\\局&lt;A&amp;B&gt;,分局;\xF0\x9D\x84\x9E&lt;") == std::string::npos);
  CHECK(svg.out.find(">公安&quot;厅\\局&lt;A&amp;B&gt;,分局;\xF0\x9D\x84\x9E</text>") != std::string::npos);
  // The newline is a line break: two text lines, the backslash kept.
  CHECK(svg.out.find(">第一</text>") != std::string::npos);
  CHECK(svg.out.find(">支队\\</text>") != std::string::npos);
}

TEST_CASE("diagram renders an organisation chart in SVG, PNG and DOT", "[export][clients][diagram]") {
  Fixture f;
  const CommandResult r =
      f.Govkg("diagram 内蒙古自治区公安厅 --with programs,metrics -o " + Quote(f / "org.svg"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string svg = ReadFile(f / "org.svg");
  CHECK(svg.find(">内蒙古自治区公安厅</text>") != std::string::npos);
  CHECK(svg.find(">夏季行动</text>") != std::string::npos);
  CHECK(svg.find(">破获案件</text>") != std::string::npos);
  CHECK(svg.find("Noto Sans CJK SC") != std::string::npos);
  CHECK(svg.find("class=\"cluster\"") != std::string::npos);
  CHECK(svg.find("图例 Legend") != std::string::npos);
  // Without metrics, no metric.
  REQUIRE(f.Govkg("diagram 公安厅 --with programs -o " + Quote(f / "org.dot")).exit_code == 0);
  const std::string dot = ReadFile(f / "org.dot");
  CHECK(dot.find("夏季行动") != std::string::npos);
  CHECK(dot.find("破获案件") == std::string::npos);
  REQUIRE(f.Govkg("diagram 公安厅 -o " + Quote(f / "org.png")).exit_code == 0);
  CHECK(ReadFile(f / "org.png").substr(1, 3) == "PNG");
  const CommandResult bad = f.Govkg("diagram 公安厅 -o " + Quote(f / "org.gif"));
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "govkg: diagram: " + (f / "org.gif") +
                       ": unknown extension (use .svg, .png, .pdf or .dot)\n");
}

TEST_CASE("Neo4j, NebulaGraph and CSV files read back with Python's csv", "[export][clients]") {
  Fixture f;
  const std::string neo4j = f.Export("neo4j", "neo4j");
  const std::string nebula = f.Export("nebula", "nebula");
  const std::string csv = f.Export("csv", "csv");
  const std::string script =
      "import csv,json,sys\n"
      "def col(path, i):\n"
      "    with open(path, newline='', encoding='utf-8') as fh:\n"
      "        return sorted(r[i] for r in list(csv.reader(fh))[1:])\n"
      "print(json.dumps({'neo4j': col(sys.argv[1] + '/nodes_Agency.csv', 1),\n"
      "  'nebula': col(sys.argv[2] + '/vertices_Agency.csv', 1),\n"
      "  'csv': [n for n in col(sys.argv[3] + '/nodes.csv', 2)],\n"
      "  'edges': len(col(sys.argv[3] + '/edges.csv', 0))}, ensure_ascii=False))\n";
  WriteFile(f / "read.py", script);
  const nlohmann::json report = RunJson(kPython + " " + Quote(f / "read.py") + " " + Quote(neo4j) +
                                        " " + Quote(nebula) + " " + Quote(csv));
  INFO(report.dump());
  const std::vector<std::string> agencies = report["neo4j"];
  CHECK(agencies.size() == 5);
  CHECK(std::count(agencies.begin(), agencies.end(), kNastyAgency) == 1);
  CHECK(std::count(agencies.begin(), agencies.end(), kNewlineAgency) == 1);
  CHECK(report["nebula"] == report["neo4j"]);
  CHECK(report["csv"].size() == kFixtureEntities);
  CHECK(report["edges"] == kFixtureTriples);
}

// Jena's TSV: "text"@zh with \" \\ \n escapes → text.
std::string JenaLiteral(const std::string& cell) {
  const size_t end = cell.rfind('"');
  std::string out;
  for (size_t i = 1; i < end; ++i) {
    if (cell[i] == '\\' && i + 1 < end) {
      const char c = cell[++i];
      out.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c);
    } else {
      out.push_back(cell[i]);
    }
  }
  return out;
}

TEST_CASE("Jena TDB2 loads the N-Triples and answers SPARQL like the store", "[export][clients][jena]") {
  Fixture f;
  const std::string nt = f.Export("nt", "g.nt");
  WriteFile(f / "q.rq",
            "PREFIX govkg: <https://govkg.example.org/vocab#>\n"
            "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
            "PREFIX schema: <https://schema.org/>\n"
            "SELECT ?s ?p ?o WHERE {\n"
            "  ?st a rdf:Statement ; govkg:relation ?p ; rdf:subject ?a ; rdf:object ?b .\n"
            "  ?a schema:name ?s . ?b schema:name ?o .\n"
            "}\n");
  const CommandResult r = RunShell(Here("jena_sparql.sh") + " " + Quote(f / "jena") + " " +
                                   Quote(nt) + " " + Quote(f / "q.rq"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::multiset<std::string> sparql;
  std::istringstream lines(r.out);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::istringstream cols(line);
    std::string cell;
    while (std::getline(cols, cell, '\t')) cells.push_back(JenaLiteral(cell));
    REQUIRE(cells.size() == 3);
    sparql.insert(cells[0] + " " + cells[1] + " " + cells[2]);
  }
  // The same rows straight from the store (the graph layer's `query` command
  // is not built yet).
  std::unique_ptr<Store> store;
  REQUIRE_OK(Store::Open(StoreOptions::ForReading(), f / "db", &store));
  std::multiset<std::string> direct;
  REQUIRE_OK(store->ScanTriples({}, [&](const TripleRecord& t) {
    const auto s = store->GetEntity(t.subject);
    const auto o = store->GetEntity(t.object);
    direct.insert((*s)->name + " " + std::string(PredicateName(t.predicate)) + " " + (*o)->name);
    return true;
  }));
  CHECK(direct.size() == kFixtureTriples);
  CHECK(sparql == direct);
}

TEST_CASE("export names its errors", "[export][clients]") {
  Fixture f;
  const CommandResult folder = f.Govkg("export --format neo4j");
  CHECK(folder.exit_code == 2);
  CHECK(folder.err == "govkg: export: --format neo4j writes a folder of files: give -o DIR\n");
  const CommandResult missing = f.Govkg("export --format nt --root 不存在的机构");
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("不存在的机构") != std::string::npos);
  const CommandResult root = f.Govkg("export --format nt --root 夏季行动 --depth 1");
  REQUIRE(root.exit_code == 0);
  CHECK(root.out.find("%E5%A4%8F%E5%AD%A3%E8%A1%8C%E5%8A%A8") != std::string::npos);  // 夏季行动
  CHECK(root.out.find("%E6%9D%A8%E4%B9%89") == std::string::npos);                    // 杨义
}

}  // namespace
}  // namespace govkg::testing
