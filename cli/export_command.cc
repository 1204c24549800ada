// `govkg export`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddExportCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("export", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("export", "not built yet"); }; });
}

}  // namespace govkg::cli
