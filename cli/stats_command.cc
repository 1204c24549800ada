// `govkg stats`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddStatsCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("stats", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("stats", "not built yet"); }; });
}

}  // namespace govkg::cli
