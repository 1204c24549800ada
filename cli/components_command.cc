// `govkg components`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddComponentsCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("components", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("components", "not built yet"); }; });
}

}  // namespace govkg::cli
