// `govkg view [ROOT]`: writes the HTML explorer of the store (or of ROOT's
// neighbourhood) and prints the file's path, to open in a browser.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/command.h"
#include "export/exporter.h"
#include "graph/graph.h"
#include "store/store.h"

namespace govkg::cli {
namespace {

struct ViewArgs {
  std::string root;
  int depth = 2;
  size_t limit = kMaxHtmlNodes;
  std::string output;
};

Status RunView(const ViewArgs& args, CliContext* ctx) {
  std::unique_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(Store::Open(StoreOptions::ForReading(), ctx->db, &store));
  ExportOptions options;
  options.format = ExportFormat::kHtml;
  options.depth = args.depth;
  options.limit = args.limit;
  options.output = args.output;
  if (options.output.empty()) {
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    if (ec)
      return Status::IOError("view", "no temporary folder: " + ec.message() + "; give -o FILE");
    options.output = (dir / ("govkg-view-" + std::to_string(::getpid()) + ".html")).string();
  }
  if (!args.root.empty()) {
    Result<EntityId> root = ResolveName(*store, args.root);
    if (!root.ok()) return root.status();
    options.root = *root;
  }
  GOVKG_RETURN_IF_ERROR(Export(*store, options));
  std::printf("%s\n", options.output.c_str());
  return Status::OK();
}

}  // namespace

void AddViewCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<ViewArgs>();
  CLI::App* sub = app.add_subcommand(
      "view",
      "Write the graph as one HTML page to explore in a browser (offline: search by any\n"
      "spelling, cards with the sentence of each fact, filters, organisation trees, the\n"
      "metrics table and series charts) and print its path. Same page as export --format html.\n"
      "Examples:\n"
      "  govkg view                                  # the whole store (at most 5,000 nodes)\n"
      "  govkg view 内蒙古自治区公安厅 --depth 2\n"
      "  xdg-open \"$(govkg view 公安厅)\"");
  sub->add_option("root", args->root, "Only this entity's neighbourhood (name or alias)");
  sub->add_option("--depth", args->depth, "Hops from ROOT, edges followed both ways")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->add_option("--limit", args->limit, "At most this many nodes (closest to ROOT first)")
      ->check(CLI::Range(size_t{1}, kMaxHtmlNodes))
      ->capture_default_str();
  sub->add_option("-o,--output", args->output,
                  "The page (default: a new file in the temporary folder)");
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunView(*args, ctx); }; });
}

}  // namespace govkg::cli
