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

std::vector<std::string> QuerySubcommandNames() {
  CLI::App app{"test"};
  cli::CliContext ctx;
  cli::Runner run;
  for (const cli::AddCommandFn add : cli::kQueryCommandAdders) add(app, &ctx, &run);
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

TEST_CASE("govkg-query holds exactly the commands the launcher sends it", "[e2e][launcher]") {
  const std::vector<std::string> names = QuerySubcommandNames();
  REQUIRE(names.size() == cli::kQueryCommands.size());
  for (size_t i = 0; i < names.size(); ++i) CHECK(names[i] == cli::kQueryCommands[i]);
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
