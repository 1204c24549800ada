// `govkg check`: verifies that the store agrees with itself.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/graph_io.h"
#include "store/store.h"

namespace govkg::cli {
namespace {

Status RunCheck(const std::string& format, CliContext* ctx) {
  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenReadOnlyUntilExit(StoreOptions::ForReading(), ctx->db, &store));
  Result<std::vector<std::string>> problems = store->Check();
  if (!problems.ok()) return problems.status();
  if (format == "json") {
    std::cout << nlohmann::json({{"ok", problems->empty()}, {"problems", *problems}}).dump() << '\n';
  } else {
    for (const std::string& p : *problems) std::fprintf(stderr, "govkg: check: %s\n", p.c_str());
    if (problems->empty() && !ctx->quiet) std::printf("store %s is consistent\n", ctx->db.c_str());
  }
  if (!problems->empty()) {
    return Status::Corruption("check: " + ctx->db, std::to_string(problems->size()) +
                                                       " problem(s): " + problems->front());
  }
  return Status::OK();
}

}  // namespace

void AddCheckCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* sub = app.add_subcommand(
      "check",
      "Verify that the store's dictionary, indexes, support counts and provenance agree.\n"
      "Prints each problem and exits 1 when there is any.\n"
      "Example: govkg --db govkg.db check");
  AddFormatOption(sub, format.get());
  sub->callback([format, ctx, run] { *run = [format, ctx] { return RunCheck(*format, ctx); }; });
}

}  // namespace govkg::cli
