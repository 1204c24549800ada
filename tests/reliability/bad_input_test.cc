// The bad-input suite (issue 8): every kind of broken or hostile input runs
// through the real `govkg` binary. Each bad file is named with its position,
// the rest of the batch goes on, the exit code says whether anything was
// skipped (3), and nothing crashes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "model/json_io.h"
#include "tests/test_util.h"

namespace govkg {
namespace {

using testing::RunGovkg;
using testing::TempDir;
using testing::WriteFile;

const std::string kGoodText =
    "自治区公安厅治安管理总队总队长张三：今年以来，全区公安机关组织开展“护网”专项行动，"
    "破获刑事案件399起，抓获犯罪嫌疑人353名。\n";

// Splits JSON Lines output into parsed graphs; fails the test on a bad line.
std::vector<DocumentGraph> ParseLines(const std::string& out) {
  std::vector<DocumentGraph> graphs;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    const std::string line = out.substr(start, end - start);
    if (!line.empty()) {
      Result<DocumentGraph> g = DocumentGraphFromJson(line, "stdout");
      INFO(line.substr(0, 200));
      REQUIRE(g.ok());
      graphs.push_back(std::move(*g));
    }
    start = end + 1;
  }
  return graphs;
}

std::string Quote(const std::string& path) { return "'" + path + "'"; }

std::vector<std::string> Names(const DocumentGraph& g) {
  std::vector<std::string> names;
  for (const Entity& e : g.entities) names.push_back(e.name);
  return names;
}

TEST_CASE("Invalid UTF-8 is skipped with file and byte offset and the batch goes on",
          "[reliability]") {
  TempDir dir;
  const std::string bad = dir / "bad.txt", good = dir / "good.txt";
  WriteFile(bad, "公安厅\xFF开展");  // 0xFF at byte 9
  WriteFile(good, kGoodText);
  const auto r = RunGovkg("extract --format json " + Quote(bad) + " " + Quote(good));
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("bad.txt") != std::string::npos);
  CHECK(r.err.find("byte 9") != std::string::npos);
  const auto graphs = ParseLines(r.out);
  REQUIRE(graphs.size() == 1);
  CHECK(graphs[0].doc == good);
}

TEST_CASE("Bad bytes: the replace policy keeps the document, the fail policy stops",
          "[reliability]") {
  TempDir dir;
  const std::string bad = dir / "bad.txt", good = dir / "good.txt";
  WriteFile(bad, kGoodText + "\xC3\x28" + kGoodText);
  WriteFile(good, kGoodText);

  const auto replaced = RunGovkg("extract --on-bad-input=replace " + Quote(bad));
  CHECK(replaced.exit_code == 0);
  CHECK(replaced.err.find("bad.txt") != std::string::npos);
  REQUIRE(ParseLines(replaced.out).size() == 1);

  const auto failed = RunGovkg("extract --on-bad-input=fail " + Quote(bad) + " " + Quote(good));
  CHECK(failed.exit_code != 0);
  CHECK(failed.exit_code != 3);
  CHECK(failed.err.find("bad.txt") != std::string::npos);
  CHECK(ParseLines(failed.out).empty());
}

TEST_CASE("GBK, GB18030 and UTF-16 with BOM read like UTF-8", "[reliability]") {
  TempDir dir;
  const std::string utf8 = dir / "utf8.txt";
  WriteFile(utf8, kGoodText);
  // iconv writes the other encodings of the same text (with -o: RunShell owns stdout).
  const std::string conversions[][2] = {
      {"GBK", "gbk.txt"}, {"GB18030", "gb18030.txt"}, {"UTF-16", "utf16.txt"}};
  const auto reference = RunGovkg("extract " + Quote(utf8));
  REQUIRE(reference.exit_code == 0);
  const auto expected = ParseLines(reference.out);
  REQUIRE(expected.size() == 1);
  REQUIRE_FALSE(expected[0].entities.empty());
  for (const auto& [encoding, name] : conversions) {
    INFO(encoding);
    const std::string path = dir / name;
    REQUIRE(testing::RunShell("iconv -f UTF-8 -t " + encoding + " -o " + Quote(path) + " " +
                              Quote(utf8)).exit_code == 0);
    const auto r = RunGovkg("extract " + Quote(path));
    CHECK(r.exit_code == 0);
    const auto graphs = ParseLines(r.out);
    REQUIRE(graphs.size() == 1);
    CHECK(Names(graphs[0]) == Names(expected[0]));
  }
}

TEST_CASE("Binary and empty files never crash", "[reliability]") {
  TempDir dir;
  const std::string binary = dir / "image.bin", empty = dir / "empty.txt";
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 7919) & 0xFF));
  WriteFile(binary, bytes);
  WriteFile(empty, "");

  const auto b = RunGovkg("extract " + Quote(binary));
  CHECK(b.exit_code == 3);
  CHECK(b.err.find("image.bin") != std::string::npos);

  const auto e = RunGovkg("extract " + Quote(empty));
  CHECK(e.exit_code == 0);
  const auto graphs = ParseLines(e.out);
  REQUIRE(graphs.size() == 1);
  CHECK(graphs[0].entities.empty());
}

TEST_CASE("A huge single line is extracted", "[reliability]") {
  TempDir dir;
  const std::string huge = dir / "huge.txt";
  std::string line = kGoodText;
  line.pop_back();  // no newline: one line
  std::string text;
  text.reserve(8u << 20);
  while (text.size() < (8u << 20)) text += line;
  WriteFile(huge, text);
  const auto r = RunGovkg("extract " + Quote(huge));
  CHECK(r.exit_code == 0);
  const auto graphs = ParseLines(r.out);
  REQUIRE(graphs.size() == 1);
  CHECK_FALSE(graphs[0].entities.empty());
}

TEST_CASE("A 100 MB single line is refused by name and the batch goes on", "[reliability]") {
  TempDir dir;
  const std::string in = dir / "in";
  std::filesystem::create_directories(in);
  const std::string huge = in + "/huge.txt", good = in + "/good.txt";
  {
    std::string line = kGoodText;
    line.pop_back();  // no newline anywhere: one line
    std::ofstream out(huge, std::ios::binary);
    for (size_t written = 0; written < (size_t{100} << 20); written += line.size()) out << line;
  }
  WriteFile(good, kGoodText);

  const auto extracted = RunGovkg("extract " + Quote(huge) + " " + Quote(good));
  CHECK(extracted.exit_code == 3);
  CHECK(extracted.err.find("huge.txt") != std::string::npos);
  CHECK(extracted.err.find("--max-doc-mb") != std::string::npos);
  const auto graphs = ParseLines(extracted.out);
  REQUIRE(graphs.size() == 1);
  CHECK(graphs[0].doc == good);

  const std::string db = "--db " + Quote(dir / "db") + " ";
  const auto ingested = RunGovkg(db + "ingest " + Quote(in));
  CHECK(ingested.exit_code == 3);
  CHECK(ingested.err.find("huge.txt") != std::string::npos);
  CHECK(RunGovkg(db + "check").exit_code == 0);
  CHECK(RunGovkg(db + "stats --format json").out.find("\"documents\":1") != std::string::npos);
}

TEST_CASE("Text with quotes, backslashes and control characters gives valid JSON",
          "[reliability]") {
  TempDir dir;
  const std::string odd = dir / "odd \"name\".txt";
  WriteFile(odd, "“公安厅\\\"\t\x01\x7f”开展“a\\b\"c”专项行动，破获案件3起。\r\n" + kGoodText);
  const auto r = RunGovkg("extract " + Quote(odd));
  CHECK(r.exit_code == 0);
  const auto graphs = ParseLines(r.out);
  REQUIRE(graphs.size() == 1);
  CHECK(graphs[0].doc == odd);
}

TEST_CASE("Documents over --max-doc-mb are refused with a clear message", "[reliability]") {
  TempDir dir;
  const std::string big = dir / "big.txt";
  std::string text;
  while (text.size() < (2u << 20)) text += kGoodText;
  WriteFile(big, text);
  const auto r = RunGovkg("--db " + Quote(dir / "db") + " ingest --max-doc-mb 1 " + Quote(big));
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("big.txt") != std::string::npos);
}

}  // namespace
}  // namespace govkg
