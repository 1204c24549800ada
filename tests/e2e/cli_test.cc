// End-to-end: the built govkg binary on the samples.
#include <catch2/catch.hpp>

#include "model/json_io.h"
#include "tests/test_util.h"

namespace govkg {
namespace {

using testing::RunGovkg;
using testing::SamplePath;

TEST_CASE("govkg --help lists every subcommand", "[e2e]") {
  const auto r = RunGovkg("--help");
  CHECK(r.exit_code == 0);
  for (const char* cmd : {"extract", "ingest", "stats", "entities", "show", "neighbors",
                          "export", "diagram"}) {
    INFO(cmd);
    CHECK(r.out.find(cmd) != std::string::npos);
  }
}

TEST_CASE("govkg with an unknown subcommand is a usage error", "[e2e]") {
  const auto r = RunGovkg("frobnicate");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("govkg:") == 0);
}

TEST_CASE("govkg extract prints one contract object per file", "[e2e]") {
  const auto r = RunGovkg("extract --format json '" + SamplePath("002_17e5499aa74a8c9c.txt") +
                          "' '" + SamplePath("004_e63576df4a57bece.txt") + "'");
  REQUIRE(r.exit_code == 0);
  size_t lines = 0, start = 0;
  while (start < r.out.size()) {
    const size_t end = r.out.find('\n', start);
    const Result<DocumentGraph> g = DocumentGraphFromJson(r.out.substr(start, end - start), "out");
    REQUIRE(g.ok());
    CHECK_FALSE(g->entities.empty());
    ++lines;
    start = end + 1;
  }
  CHECK(lines == 2);
}

TEST_CASE("govkg extract names a missing file and exits non-zero", "[e2e]") {
  const auto r = RunGovkg("extract /nonexistent.txt");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("/nonexistent.txt") != std::string::npos);
}

}  // namespace
}  // namespace govkg
