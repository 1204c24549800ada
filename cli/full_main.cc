// govkg-full: every subcommand, in the order `govkg --help` lists them.
// Started by the `govkg` launcher for all but the read-only commands.
#include "cli/app.h"

int main(int argc, char** argv) {
  namespace cli = govkg::cli;
  static constexpr cli::AddCommandFn kAll[] = {
      cli::AddExtractCommand,   cli::AddIngestCommand,  cli::AddRemoveCommand,
      cli::AddCompactCommand,   cli::AddStatsCommand,   cli::AddCheckCommand,
      cli::AddEntitiesCommand,  cli::AddShowCommand,    cli::AddNeighborsCommand,
      cli::AddPathCommand,      cli::AddTreeCommand,    cli::AddQueryCommand,
      cli::AddMetricsCommand,   cli::AddRankCommand,    cli::AddComponentsCommand,
      cli::AddExportCommand,    cli::AddDiagramCommand, cli::AddViewCommand,
      cli::AddSameCommand,      cli::AddDistinctCommand, cli::AddDecisionsCommand,
      cli::AddSuspectsCommand};
  return cli::RunApp(argc, argv, kAll);
}
