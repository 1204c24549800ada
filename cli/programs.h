// cli/programs.h: which program runs which subcommand.
//
// `govkg` is a small launcher: it finds the subcommand in argv and replaces
// itself (execv) with the program that holds it, so a query does not pay for
// loading what only extraction needs. Two programs sit next to it:
//   govkg-query  the read-only commands below: the store and the graph layer,
//                no extraction lexicons, ICU, OpenCC data tables, GraphViz or
//                tcmalloc (whose arena set-up alone costs a query more than
//                the answer does);
//   govkg-full   every command, linked with all of it. It also answers
//                `govkg --help` and anything the launcher does not recognise.
// tests/cli/programs_test.cc checks that govkg-query registers exactly these.
#pragma once

#include <array>
#include <string_view>

namespace govkg::cli {

inline constexpr std::string_view kVersion = "govkg 0.1.0";

inline constexpr std::array<std::string_view, 10> kQueryCommands = {
    "stats", "check", "entities", "show", "neighbors",
    "path",  "tree",  "query",    "rank", "components"};

inline constexpr std::string_view kQueryProgram = "govkg-query";
inline constexpr std::string_view kFullProgram = "govkg-full";

}  // namespace govkg::cli
