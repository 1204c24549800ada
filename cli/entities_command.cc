// `govkg entities`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddEntitiesCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("entities", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("entities", "not built yet"); }; });
}

}  // namespace govkg::cli
