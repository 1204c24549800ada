// `govkg metrics`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddMetricsCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("metrics", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("metrics", "not built yet"); }; });
}

}  // namespace govkg::cli
