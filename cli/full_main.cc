// govkg-full: every subcommand, in the order `govkg --help` lists them.
// Started by the `govkg` launcher for all but the read-only commands.
#include "cli/app.h"

int main(int argc, char** argv) {
  namespace cli = govkg::cli;
  static constexpr cli::CommandEntry kAll[] = {
      {"extract", cli::AddExtractCommand},
      {"ingest", cli::AddIngestCommand},
      {"remove", cli::AddRemoveCommand},
      {"compact", cli::AddCompactCommand},
      {"stats", cli::AddStatsCommand},
      {"check", cli::AddCheckCommand},
      {"entities", cli::AddEntitiesCommand},
      {"show", cli::AddShowCommand},
      {"neighbors", cli::AddNeighborsCommand},
      {"path", cli::AddPathCommand},
      {"tree", cli::AddTreeCommand},
      {"query", cli::AddQueryCommand},
      {"metrics", cli::AddMetricsCommand},
      {"rank", cli::AddRankCommand},
      {"components", cli::AddComponentsCommand},
      {"export", cli::AddExportCommand},
      {"diagram", cli::AddDiagramCommand},
      {"view", cli::AddViewCommand},
      {"same", cli::AddSameCommand},
      {"distinct", cli::AddDistinctCommand},
      {"decisions", cli::AddDecisionsCommand},
      {"suspects", cli::AddSuspectsCommand}};
  return cli::RunApp(argc, argv, kAll);
}
