// `govkg show`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddShowCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("show", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("show", "not built yet"); }; });
}

}  // namespace govkg::cli
