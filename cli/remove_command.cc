// `govkg remove`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddRemoveCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("remove", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("remove", "not built yet"); }; });
}

}  // namespace govkg::cli
