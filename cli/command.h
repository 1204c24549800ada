// cli/command.h: how each subcommand plugs into `govkg`.
//
// Every subcommand lives in its own cli/<name>_command.cc and only wires the
// stages: it declares its flags on a CLI11 subcommand and, when chosen, runs
// as a function returning Status. main.cc maps that Status to an exit code:
// 0 ok, 1 failure, 2 usage error (InvalidArgument), 3 done but some inputs
// were skipped (CliContext::partial).
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "model/status.h"

namespace govkg::cli {

// State shared by all subcommands of one invocation.
struct CliContext {
  std::string db = "govkg.db";  // --db, or $GOVKG_DB
  bool quiet = false;           // --quiet: no progress, no summaries
  bool partial = false;         // set by a command that skipped some inputs
};

using Runner = std::function<Status()>;

// Each adds one subcommand to `app`; when it is chosen, `*run` holds its body.
void AddExtractCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddIngestCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddRemoveCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddCompactCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddStatsCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddCheckCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddEntitiesCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddShowCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddNeighborsCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddPathCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddTreeCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddQueryCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddMetricsCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddRankCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddComponentsCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddExportCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddDiagramCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddViewCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddSameCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddDistinctCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddDecisionsCommand(CLI::App& app, CliContext* ctx, Runner* run);
void AddSuspectsCommand(CLI::App& app, CliContext* ctx, Runner* run);

// Adds `--format text|json` (or the given choices) to a subcommand.
void AddFormatOption(CLI::App* sub, std::string* format,
                     std::vector<std::string> choices = {"text", "json"});

}  // namespace govkg::cli
