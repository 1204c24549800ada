// `govkg diagram`: an agency's organisation chart rendered by GraphViz.
#include <cstdio>
#include <memory>
#include <sstream>

#include "cli/graph_io.h"
#include "export/exporter.h"
#include "graph/graph.h"
#include "store/store.h"

namespace govkg::cli {
namespace {

struct DiagramArgs {
  std::string root;
  int depth = 3;
  std::string with = "programs";
  std::string output;
};

Status RunDiagram(const DiagramArgs& args, CliContext* ctx) {
  DiagramOptions options;
  options.depth = args.depth;
  options.output = args.output;
  options.with_programs = false;
  options.with_metrics = false;
  std::stringstream with(args.with);
  std::string item;
  while (std::getline(with, item, ',')) {
    if (item == "programs") {
      options.with_programs = true;
    } else if (item == "metrics") {
      options.with_metrics = true;
    } else if (item != "none" && !item.empty()) {
      return Status::InvalidArgument("diagram", "--with takes programs, metrics or none, not " + item);
    }
  }
  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenForReading(*ctx, &store));
  Result<EntityId> root = ResolveName(*store, args.root, EntityType::kAgency);
  if (!root.ok()) return root.status();
  options.root = *root;
  GOVKG_RETURN_IF_ERROR(RenderDiagram(*store, options));
  if (!ctx->quiet) std::fprintf(stderr, "diagram: wrote %s\n", args.output.c_str());
  return Status::OK();
}

}  // namespace

void AddDiagramCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<DiagramArgs>();
  CLI::App* sub = app.add_subcommand(
      "diagram",
      "Draw an agency's organisation chart with GraphViz (dot layout): its sub-agencies\n"
      "as boxes, one cluster per direct sub-agency, the programs they run and the\n"
      "metrics reported hung from them, a legend. The extension of -o picks the format.\n"
      "Examples:\n"
      "  govkg diagram 内蒙古自治区公安厅 -o out/org.svg\n"
      "  govkg diagram 公安厅 --depth 2 --with programs,metrics -o org.png");
  sub->add_option("root", args->root, "The agency at the top (name or alias)")->required();
  sub->add_option("--depth", args->depth, "Levels of sub-agencies to draw")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->add_option("--with", args->with, "What to hang from agencies: programs,metrics or none")
      ->capture_default_str();
  sub->add_option("-o,--output", args->output, "Output file: .svg, .png, .pdf or .dot")
      ->required();
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunDiagram(*args, ctx); }; });
}

}  // namespace govkg::cli
