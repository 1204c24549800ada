// govkg-query: the read-only subcommands (cli/programs.h says why they run
// in a program of their own). Started by the `govkg` launcher.
#include "cli/query_commands.h"

int main(int argc, char** argv) {
  return govkg::cli::RunApp(argc, argv, govkg::cli::kQueryCommandAdders);
}
