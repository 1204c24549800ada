// `govkg rank`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddRankCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("rank", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("rank", "not built yet"); }; });
}

}  // namespace govkg::cli
