// `govkg tree`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddTreeCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("tree", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("tree", "not built yet"); }; });
}

}  // namespace govkg::cli
