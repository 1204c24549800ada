// cli/query_commands.h: the read-only subcommands, the set govkg-query holds
// (its names are cli/programs.h's kQueryCommands, in the same order).
#pragma once

#include <array>

#include "cli/app.h"

namespace govkg::cli {

inline constexpr std::array<CommandEntry, 10> kQueryCommandAdders = {{
    {"stats", AddStatsCommand},
    {"check", AddCheckCommand},
    {"entities", AddEntitiesCommand},
    {"show", AddShowCommand},
    {"neighbors", AddNeighborsCommand},
    {"path", AddPathCommand},
    {"tree", AddTreeCommand},
    {"query", AddQueryCommand},
    {"rank", AddRankCommand},
    {"components", AddComponentsCommand},
}};

}  // namespace govkg::cli
