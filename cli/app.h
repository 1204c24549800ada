// cli/app.h: the command line that govkg-full and govkg-query share. Each
// program's main passes the subcommands it holds; RunApp parses argv, runs the
// chosen one and returns the exit code (see command.h), never throwing.
#pragma once

#include <span>
#include <string_view>

#include "cli/command.h"

namespace govkg::cli {

using AddCommandFn = void (*)(CLI::App& app, CliContext* ctx, Runner* run);

// A subcommand: its name and the function that declares it.
struct CommandEntry {
  std::string_view name;
  AddCommandFn add;
};

int RunApp(int argc, char** argv, std::span<const CommandEntry> commands);

}  // namespace govkg::cli
