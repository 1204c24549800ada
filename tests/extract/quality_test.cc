// End-to-end quality gate: extracts the samples with the built binary, scores
// them against the dev gold with the shared scorer, and fails below the
// thresholds of the extraction issue.
#include <cstdlib>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace govkg {
namespace {

std::string SharedDir() {
  if (const char* env = std::getenv("GOVKG_SHARED_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return GOVKG_SHARED_DIR;
}

TEST_CASE("Extraction of the samples meets the quality thresholds", "[extract][quality]") {
  const std::string shared = SharedDir();
  const std::string scorer = shared + "/eval/score.py";
  INFO("scorer: " << scorer << " (set GOVKG_SHARED_DIR to the shared folder)");
  REQUIRE(std::filesystem::exists(scorer));
  testing::TempDir tmp;
  const std::string pred = tmp / "pred.jsonl";
  const std::string samples = std::string(GOVKG_SOURCE_DIR) + "/samples";
  testing::CommandResult run =
      testing::RunShell(std::string(GOVKG_BIN) + " extract --format json " + samples + "/*.txt");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  testing::WriteFile(pred, run.out);
  // Debian's python3 (the scorer needs only the standard library).
  testing::CommandResult score =
      testing::RunShell("/usr/bin/python3 " + scorer + " " + shared + "/eval/dev " + pred + " --json");
  INFO(score.err);
  REQUIRE(score.exit_code == 0);
  const nlohmann::json result = nlohmann::json::parse(score.out);
  INFO(score.out);
  CHECK(result["predicted_documents"].get<int>() == result["documents"].get<int>());
  CHECK(result["total"]["f1"].get<double>() >= 0.85);
  for (const auto& row : result["rows"]) {
    const std::string kind = row["kind"];
    const double f1 = row["f1"];
    INFO(kind << " F1 " << f1);
    if (kind == "Agency" || kind == "Program" || kind == "Metric") CHECK(f1 >= 0.85);
    if (kind == "conducts" || kind == "reports") CHECK(f1 >= 0.75);
  }
}

}  // namespace
}  // namespace govkg
