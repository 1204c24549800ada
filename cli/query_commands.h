// cli/query_commands.h: the read-only subcommands, the set govkg-query holds
// (its names are cli/programs.h's kQueryCommands, in the same order).
#pragma once

#include <array>

#include "cli/app.h"

namespace govkg::cli {

inline constexpr std::array<AddCommandFn, 10> kQueryCommandAdders = {
    AddStatsCommand, AddCheckCommand, AddEntitiesCommand, AddShowCommand,
    AddNeighborsCommand, AddPathCommand, AddTreeCommand, AddQueryCommand,
    AddRankCommand, AddComponentsCommand};

}  // namespace govkg::cli
