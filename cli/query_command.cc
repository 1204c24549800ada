// `govkg query`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddQueryCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("query", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("query", "not built yet"); }; });
}

}  // namespace govkg::cli
