// `govkg neighbors`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddNeighborsCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("neighbors", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("neighbors", "not built yet"); }; });
}

}  // namespace govkg::cli
