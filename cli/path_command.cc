// `govkg path`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddPathCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("path", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("path", "not built yet"); }; });
}

}  // namespace govkg::cli
