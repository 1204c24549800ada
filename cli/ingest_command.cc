// `govkg ingest`: placeholder until its stage lands.
#include "cli/command.h"

namespace govkg::cli {

void AddIngestCommand(CLI::App& app, CliContext* /*ctx*/, Runner* run) {
  CLI::App* sub = app.add_subcommand("ingest", "(not built yet)");
  sub->callback([run] { *run = [] { return Status::NotSupported("ingest", "not built yet"); }; });
}

}  // namespace govkg::cli
