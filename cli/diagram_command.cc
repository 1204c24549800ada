// `govkg diagram`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddDiagramCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("diagram", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("diagram", "not built yet"); }; });
}

}  // namespace govkg::cli
