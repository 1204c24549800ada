// govkg: builds a knowledge graph of agencies, programs and metrics from
// Chinese government press texts. This file only parses the command line,
// dispatches to one subcommand and turns its Status into an exit code.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/command.h"

namespace govkg::cli {

void AddFormatOption(CLI::App* sub, std::string* format, std::vector<std::string> choices) {
  sub->add_option("--format", *format, "Output format")
      ->check(CLI::IsMember(choices))
      ->capture_default_str();
}

namespace {

int ExitCodeFor(const Status& status) {
  if (status.ok()) return 0;
  return status.IsInvalidArgument() ? 2 : 1;
}

int Run(int argc, char** argv) {
  CLI::App app{
      "govkg: a knowledge graph of agencies, the programs they run and the metrics they\n"
      "report, built from Chinese government press texts.\n\n"
      "Typical session:\n"
      "  govkg extract --format json samples/*.txt     # what one text yields\n"
      "  govkg ingest samples/                         # store it (./govkg.db)\n"
      "  govkg stats\n"
      "  govkg neighbors 公安厅 --depth 2\n"
      "  govkg diagram 内蒙古自治区公安厅 -o out/org.svg\n"
      "  govkg export --format jsonld -o out/graph.jsonld\n",
      "govkg"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "govkg 0.1.0");

  CliContext ctx;
  if (const char* env = std::getenv("GOVKG_DB"); env != nullptr && *env != '\0') ctx.db = env;
  app.add_option("--db", ctx.db, "Store folder (default ./govkg.db, or $GOVKG_DB)")
      ->capture_default_str();
  app.add_flag("-q,--quiet", ctx.quiet, "No progress line and no summary");

  Runner run;
  AddExtractCommand(app, &ctx, &run);
  AddIngestCommand(app, &ctx, &run);
  AddRemoveCommand(app, &ctx, &run);
  AddCompactCommand(app, &ctx, &run);
  AddStatsCommand(app, &ctx, &run);
  AddCheckCommand(app, &ctx, &run);
  AddEntitiesCommand(app, &ctx, &run);
  AddShowCommand(app, &ctx, &run);
  AddNeighborsCommand(app, &ctx, &run);
  AddPathCommand(app, &ctx, &run);
  AddTreeCommand(app, &ctx, &run);
  AddQueryCommand(app, &ctx, &run);
  AddMetricsCommand(app, &ctx, &run);
  AddRankCommand(app, &ctx, &run);
  AddComponentsCommand(app, &ctx, &run);
  AddExportCommand(app, &ctx, &run);
  AddDiagramCommand(app, &ctx, &run);
  AddViewCommand(app, &ctx, &run);
  AddSameCommand(app, &ctx, &run);
  AddDistinctCommand(app, &ctx, &run);
  AddDecisionsCommand(app, &ctx, &run);
  AddSuspectsCommand(app, &ctx, &run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "govkg: %s\n", e.what());
    std::fprintf(stderr, "Run with --help for usage.\n");
    return 2;
  }
  if (!run) {
    std::fprintf(stderr, "govkg: no command given; run govkg --help\n");
    return 2;
  }
  const Status status = run();
  std::fflush(stdout);
  if (!status.ok()) {
    std::fprintf(stderr, "govkg: %s\n", status.message().c_str());
    return ExitCodeFor(status);
  }
  return ctx.partial ? 3 : 0;
}

}  // namespace
}  // namespace govkg::cli

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    return govkg::cli::Run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "govkg: out of memory\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "govkg: internal error: %s\n", e.what());
  }
  return 1;
}
