// cli/app.cc: what the programs behind the `govkg` launcher share: the
// command line with its global options, dispatch to one subcommand, and its
// Status turned into an exit code.
#include "cli/app.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/programs.h"

namespace govkg::cli {

void AddFormatOption(CLI::App* sub, std::string* format, std::vector<std::string> choices) {
  sub->add_option("--format", *format, "Output format")
      ->check(CLI::IsMember(choices))
      ->capture_default_str();
}

namespace {

int ExitCodeFor(const Status& status) {
  if (status.ok()) return 0;
  return status.IsInvalidArgument() ? 2 : 1;
}

// The subcommand argv names when only --db and --quiet come before it and
// the program holds it; "" otherwise (help, a misspelt command …), when
// every subcommand must be declared to be listed or to parse the rest.
std::string_view PlainlyChosen(int argc, char** argv, std::span<const CommandEntry> commands) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--db") {
      ++i;
      continue;
    }
    if (arg.starts_with("--db=") || arg == "-q" || arg == "--quiet") continue;
    for (const CommandEntry& c : commands) {
      if (c.name == arg) return arg;
    }
    return {};
  }
  return {};
}

int Run(int argc, char** argv, std::span<const CommandEntry> commands) {
  CLI::App app{
      "govkg: a knowledge graph of agencies, the programs they run and the metrics they\n"
      "report, built from Chinese government press texts.\n\n"
      "Typical session:\n"
      "  govkg extract --format json samples/*.txt     # what one text yields\n"
      "  govkg ingest samples/                         # store it (./govkg.db)\n"
      "  govkg stats\n"
      "  govkg neighbors 公安厅 --depth 2\n"
      "  govkg diagram 内蒙古自治区公安厅 -o out/org.svg\n"
      "  govkg export --format jsonld -o out/graph.jsonld\n",
      "govkg"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(kVersion));

  CliContext ctx;
  if (const char* env = std::getenv("GOVKG_DB"); env != nullptr && *env != '\0') ctx.db = env;
  app.add_option("--db", ctx.db, "Store folder (default ./govkg.db, or $GOVKG_DB)")
      ->capture_default_str();
  app.add_flag("-q,--quiet", ctx.quiet, "No progress line and no summary");

  // Declaring a subcommand builds its CLI11 options; declaring all of them
  // cost a short query more than the rest of its parsing, so a command named
  // plainly is declared alone.
  Runner run;
  const std::string_view chosen = PlainlyChosen(argc, argv, commands);
  for (const CommandEntry& c : commands) {
    if (chosen.empty() || c.name == chosen) c.add(app, &ctx, &run);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "govkg: %s\n", e.what());
    std::fprintf(stderr, "Run with --help for usage.\n");
    return 2;
  }
  if (!run) {
    std::fprintf(stderr, "govkg: no command given; run govkg --help\n");
    return 2;
  }
  const Status status = run();
  std::fflush(stdout);
  if (!status.ok()) {
    std::fprintf(stderr, "govkg: %s\n", status.message().c_str());
    return ExitCodeFor(status);
  }
  return ctx.partial ? 3 : 0;
}

}  // namespace

int RunApp(int argc, char** argv, std::span<const CommandEntry> commands) {
  std::ios::sync_with_stdio(false);
  try {
    return Run(argc, argv, commands);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "govkg: out of memory\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "govkg: internal error: %s\n", e.what());
  }
  return 1;
}

}  // namespace govkg::cli
