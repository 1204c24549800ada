// cli/programs.h: which program runs which subcommand.
//
// `govkg` is the query program: the read-only commands below, with the store
// and the graph layer only — no extraction lexicons, ICU, OpenCC data tables,
// GraphViz or tcmalloc (whose arena set-up alone costs a query more than the
// answer does). Before its static initializers run, cli/dispatch.cc answers
// `govkg --version` and replaces the process (execv) with the program beside
// it that holds every other command:
//   govkg-full   every command, linked with all of it. It also answers
//                `govkg --help` and anything not recognised as a query.
//   govkg-query  the query program without that dispatch (tests, and a
//                name for the read-only set).
// tests/e2e/launcher_test.cc checks that the query program registers exactly
// these.
#pragma once

#include <array>
#include <string_view>

namespace govkg::cli {

inline constexpr std::string_view kVersion = "govkg 0.1.0";

inline constexpr std::array<std::string_view, 10> kQueryCommands = {
    "stats", "check", "entities", "show", "neighbors",
    "path",  "tree",  "query",    "rank", "components"};

inline constexpr std::string_view kFullProgram = "govkg-full";

}  // namespace govkg::cli
