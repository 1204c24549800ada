// `govkg check`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddCheckCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("check", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("check", "not built yet"); }; });
}

}  // namespace govkg::cli
