// The launcher (cli/launcher_main.cc) and the two programs behind it: each
// subcommand reaches the program that holds it, global options before the
// subcommand pass through, and govkg-query holds exactly the read-only set.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/programs.h"
#include "cli/query_commands.h"
#include "tests/test_util.h"

namespace govkg {
namespace {

using testing::RunGovkg;
using testing::RunShell;

TEST_CASE("govkg-query holds exactly the commands the launcher sends it", "[e2e][launcher]") {
  REQUIRE(cli::kQueryCommandAdders.size() == cli::kQueryCommands.size());
  for (size_t i = 0; i < cli::kQueryCommands.size(); ++i) {
    const cli::CommandEntry& entry = cli::kQueryCommandAdders[i];
    CHECK(entry.name == cli::kQueryCommands[i]);
    // The name an entry gives is the one its function declares: RunApp
    // declares only the entry whose name argv gives.
    CLI::App app{"test"};
    cli::CliContext ctx;
    cli::Runner run;
    entry.add(app, &ctx, &run);
    const std::vector<CLI::App*> subs = app.get_subcommands({});
    REQUIRE(subs.size() == 1);
    CHECK(subs[0]->get_name() == entry.name);
  }
}

TEST_CASE("--help lists every command, also with global options first", "[e2e][launcher]") {
  for (const char* args : {"--help", "--db /nonexistent -q --help"}) {
    INFO(args);
    const auto r = RunGovkg(args);
    CHECK(r.exit_code == 0);
    for (const char* command : {"extract", "ingest", "neighbors", "show", "export", "suspects"}) {
      CHECK(r.out.find(std::string(command) + " ") != std::string::npos);
    }
  }
  // A misspelt command is named among the choices, not taken for another.
  const auto r = RunGovkg("--db /nonexistent neighbours x");
  CHECK(r.exit_code == 2);
}

TEST_CASE("govkg --version answers without starting a program", "[e2e][launcher]") {
  const auto r = RunGovkg("--version");
  CHECK(r.exit_code == 0);
  CHECK(r.out == std::string(cli::kVersion) + "\n");
}

TEST_CASE("a read-only command runs in govkg-query, others in govkg-full", "[e2e][launcher]") {
  // The usage line names the program's subcommand; --help of a command the
  // query program lacks would be an error there, so both answering proves
  // the dispatch.
  const auto query = RunGovkg("--db /nonexistent -q neighbors --help");
  CHECK(query.exit_code == 0);
  CHECK(query.out.find("neighbors") != std::string::npos);
  const auto full = RunGovkg("-q --db=/nonexistent extract --help");
  CHECK(full.exit_code == 0);
  CHECK(full.out.find("extract") != std::string::npos);
  // Straight to govkg-query, a pipeline command is unknown: it is not linked in.
  const std::string bin = GOVKG_BIN;
  const auto direct = RunShell("'" + bin.substr(0, bin.rfind('/')) + "/govkg-query' extract x.txt");
  CHECK(direct.exit_code == 2);
}

TEST_CASE("global options before the command reach the program", "[e2e][launcher]") {
  const auto r = RunGovkg("--db /nonexistent/store stats");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("/nonexistent/store") != std::string::npos);
}

}  // namespace
}  // namespace govkg
