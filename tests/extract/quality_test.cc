// End-to-end quality gate: extracts every dev text that has gold (the seed
// texts and ../shared/eval/dev/texts) with the built binary, scores them with
// the shared scorer and fails when any figure falls under its floor in
// quality_ratchet.json. The floors only rise (scripts/ratchet raises them).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace govkg {
namespace {

namespace fs = std::filesystem;

std::string SharedDir() {
  if (const char* env = std::getenv("GOVKG_SHARED_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return GOVKG_SHARED_DIR;
}

// The text of each gold file: a seed text or a web text of dev/texts.
std::vector<std::string> DevTexts(const std::string& shared) {
  std::vector<std::string> texts;
  for (const auto& entry : fs::directory_iterator(shared + "/eval/dev")) {
    const std::string file = entry.path().filename().string();
    const std::string suffix = ".gold.json";
    if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    const std::string name = file.substr(0, file.size() - suffix.size());
    for (const std::string& dir : {shared + "/seeds/", shared + "/eval/dev/texts/"}) {
      if (fs::exists(dir + name)) texts.push_back(dir + name);
    }
  }
  std::sort(texts.begin(), texts.end());
  return texts;
}

std::string Quoted(const std::string& path) { return "'" + path + "'"; }

TEST_CASE("Extraction of every dev text stays above the ratchet's floors", "[extract][quality]") {
  const std::string shared = SharedDir();
  const std::string scorer = shared + "/eval/score.py";
  INFO("scorer: " << scorer << " (set GOVKG_SHARED_DIR to the shared folder)");
  REQUIRE(fs::exists(scorer));
  const std::vector<std::string> texts = DevTexts(shared);
  REQUIRE(texts.size() >= 14);

  testing::TempDir tmp;
  const std::string pred = tmp / "pred.jsonl";
  std::string command = std::string(GOVKG_BIN) + " -q extract --format json";
  for (const std::string& text : texts) command += " " + Quoted(text);
  const testing::CommandResult run = testing::RunShell(command);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  testing::WriteFile(pred, run.out);
  // Debian's python3 (the scorer needs only the standard library).
  const testing::CommandResult score = testing::RunShell(
      "/usr/bin/python3 " + scorer + " " + shared + "/eval/dev " + pred + " --json --per-doc");
  INFO(score.err);
  REQUIRE(score.exit_code == 0);
  const nlohmann::json result = nlohmann::json::parse(score.out);
  const nlohmann::json floors = nlohmann::json::parse(
      testing::ReadFile(std::string(GOVKG_SOURCE_DIR) + "/tests/extract/quality_ratchet.json"));

  CHECK(result["predicted_documents"].get<int>() == result["documents"].get<int>());
  CHECK(result["documents"].get<size_t>() == texts.size());
  CHECK(result["total"]["f1"].get<double>() >= floors["total_f1"].get<double>());
  for (const auto& row : result["rows"]) {
    const std::string kind = row["kind"];
    INFO(kind << " F1 " << row["f1"].get<double>());
    CHECK(row["f1"].get<double>() >= floors["kinds"].value(kind, 0.0));
  }
  double worst = 1.0;
  for (const auto& [document, figures] : result["per_doc"].items()) {
    const double f1 = figures["f1"];
    worst = std::min(worst, f1);
    INFO(document << " F1 " << f1);
    CHECK(f1 >= floors["documents"].value(document, 0.0));
  }
  CHECK(worst >= floors["worst_document_f1"].get<double>());
}

}  // namespace
}  // namespace govkg
