// The HTML explorer in a real browser: the samples' store exported with a
// root, loaded by headless Chromium (tests/export/browser_check.py), the DOM
// read after the page's scripts ran. Chromium comes from scripts/setup.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/test_util.h"

namespace govkg::testing {
namespace {

std::string Quote(const std::string& s) { return "'" + s + "'"; }

const std::string kRoot = "内蒙古自治区公安厅";
// The root's name in traditional script: the page folds it to simplified.
const std::string kTraditionalQuery = "內蒙古自治區公安廳";

TEST_CASE("chromium draws the root's whole neighbourhood, finds it and shows provenance",
          "[export][html][browser]") {
  TempDir dir;
  const std::string db = Quote(dir / "db");
  const CommandResult ingest = RunGovkg("--quiet --db " + db + " ingest " + Quote(SamplesDir()));
  INFO(ingest.err);
  REQUIRE((ingest.exit_code == 0 || ingest.exit_code == 3));
  const std::string page = dir / "graph.html";
  const CommandResult exported = RunGovkg("--quiet --db " + db + " export --format html --root " +
                                          kRoot + " --depth 2 -o " + Quote(page));
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  const CommandResult listed =
      RunGovkg("--quiet --db " + db + " neighbors " + kRoot + " --depth 2 --format json");
  REQUIRE(listed.exit_code == 0);
  const size_t neighbourhood = nlohmann::json::parse(listed.out)["neighbors"].size() + 1;
  REQUIRE(neighbourhood > 10);

  const std::string shot = std::string(GOVKG_BUILD_DIR) + "/browser-explorer.png";
  const CommandResult run =
      RunShell("/usr/bin/python3 " +
               Quote(std::string(GOVKG_SOURCE_DIR) + "/tests/export/browser_check.py") + " " +
               Quote(page) + " " + Quote(kTraditionalQuery) + " " + Quote(shot));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const nlohmann::json dom = nlohmann::json::parse(run.out);
  INFO(dom.dump(1));
  CHECK(dom["ready"] == true);
  // Every node of the neighbourhood is drawn.
  CHECK(dom["drawn"].get<size_t>() == neighbourhood);
  // The traditional spelling found the root, and its card is open.
  CHECK(dom["hits"].get<int>() >= 1);
  REQUIRE_FALSE(dom["results"].empty());
  CHECK(dom["results"][0].get<std::string>().find(kRoot) != std::string::npos);
  CHECK(dom["card"].get<std::string>().find(kRoot) != std::string::npos);
  // The card shows each fact's sentence and document.
  REQUIRE_FALSE(dom["provenance"].empty());
  CHECK(dom["provenance"][0].get<std::string>().size() > 6);
  REQUIRE_FALSE(dom["documents"].empty());
  CHECK(dom["documents"][0].get<std::string>().find("samples/") != std::string::npos);
  // No network request, and the page's policy forbids any.
  CHECK(dom["network"].empty());
  CHECK(dom["csp"].get<std::string>().find("default-src 'none'") != std::string::npos);
  CHECK(dom["screenshot_bytes"].get<int>() > 10000);
}

TEST_CASE("view prints the page it wrote, and metrics --concept plots the series",
          "[export][html][series]") {
  TempDir dir;
  const std::string db = Quote(dir / "db");
  const CommandResult ingest = RunGovkg("--quiet --db " + db + " ingest " + Quote(SamplesDir()));
  REQUIRE((ingest.exit_code == 0 || ingest.exit_code == 3));
  const std::string page = dir / "view.html";
  const CommandResult view =
      RunGovkg("--quiet --db " + db + " view " + kRoot + " --depth 1 -o " + Quote(page));
  INFO(view.err);
  REQUIRE(view.exit_code == 0);
  CHECK(view.out == page + "\n");
  CHECK(ReadFile(page).rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(RunGovkg("--quiet --db " + db + " view " + kRoot + " --limit 5001").exit_code == 2);

  const std::string svg = dir / "series.svg";
  const CommandResult series =
      RunGovkg("--quiet --db " + db +
               " metrics --concept 共破获刑事案件 --by period --format json"
               " --plot " +
               Quote(svg));
  INFO(series.err);
  REQUIRE(series.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(series.out);
  CHECK(j["concept"] == "破获刑事案件");
  REQUIRE_FALSE(j["points"].empty());
  CHECK(j["points"][0]["observations"][0]["sources"][0]["doc"].get<std::string>().find(
            "samples/") != std::string::npos);
  const std::string drawn = ReadFile(svg);
  CHECK(drawn.rfind("<svg", 0) == 0);
  CHECK(drawn.find("class=\"point\"") != std::string::npos);
  CHECK(RunGovkg("--quiet --db " + db + " metrics --plot " + Quote(svg)).exit_code == 2);
}

TEST_CASE("the network check sees a page's own requests", "[export][html][browser]") {
  // Without this, an empty "network" above could mean a blind check.
  TempDir dir;
  const std::string page = dir / "control.html";
  WriteFile(page,
            "<html><body><img src=\"http://127.0.0.1:9/probe.png\"><script>"
            "fetch('http://127.0.0.1:9/fetched').catch(() => {});</script></body></html>");
  const CommandResult run =
      RunShell("/usr/bin/python3 " +
               Quote(std::string(GOVKG_SOURCE_DIR) + "/tests/export/browser_check.py") +
               " --network-only " + Quote(page));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const nlohmann::json seen = nlohmann::json::parse(run.out)["network"];
  CHECK(seen ==
        nlohmann::json::array({"http://127.0.0.1:9/fetched", "http://127.0.0.1:9/probe.png"}));
}

}  // namespace
}  // namespace govkg::testing
