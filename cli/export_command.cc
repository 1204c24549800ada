// `govkg export`: the stored graph (or one entity's neighbourhood) as RDF,
// DOT, GraphML, graph-database import files or CSV.
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "export/exporter.h"
#include "graph/graph.h"
#include "store/store.h"

namespace govkg::cli {
namespace {

struct ExportArgs {
  std::string format = "jsonld";
  std::string output = "-";
  std::string base = "https://govkg.example.org/";
  std::string root;
  int depth = 2;
  size_t limit = kMaxHtmlNodes;
};

Status RunExport(const ExportArgs& args, CliContext* ctx) {
  const std::optional<ExportFormat> format = ParseExportFormat(args.format);
  if (!format.has_value()) {
    return Status::InvalidArgument("export", "unknown format " + args.format);
  }
  if (ExportWritesFolder(*format) && args.output == "-") {
    return Status::InvalidArgument(
        "export", "--format " + args.format + " writes a folder of files: give -o DIR");
  }
  std::unique_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(Store::Open(StoreOptions::ForReading(), ctx->db, &store));
  ExportOptions options;
  options.format = *format;
  options.output = args.output;
  options.base_iri = args.base;
  options.depth = args.depth;
  options.limit = args.limit;
  if (!args.root.empty()) {
    Result<EntityId> root = ResolveName(*store, args.root);
    if (!root.ok()) return root.status();
    options.root = *root;
  }
  GOVKG_RETURN_IF_ERROR(Export(*store, options));
  if (!ctx->quiet && args.output != "-") {
    std::fprintf(stderr, "export: wrote %s (%s)\n", args.output.c_str(), args.format.c_str());
  }
  return Status::OK();
}

}  // namespace

void AddExportCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* sub = app.add_subcommand(
      "export",
      "Write the stored graph for other systems, streaming (bounded memory).\n"
      "  jsonld, nt, ttl  RDF: schema.org + the govkg vocabulary (export/context/govkg.jsonld),\n"
      "                   provenance as prov:wasDerivedFrom and Web Annotation selectors\n"
      "  dot, graphml     GraphViz and GraphML (typed attributes)\n"
      "  neo4j            CSV files for neo4j-admin import + import.cypher (folder)\n"
      "  nebula           CSV files, schema.ngql and importer.yaml (folder)\n"
      "  csv              nodes.csv and edges.csv (folder)\n"
      "  html             one page to explore in a browser, offline (cytoscape inlined):\n"
      "                   search, cards with provenance, filters, org trees, metrics, series\n"
      "Examples:\n"
      "  govkg export --format jsonld -o out/graph.jsonld\n"
      "  govkg export --format nt --root 内蒙古自治区公安厅 --depth 2 -o part.nt\n"
      "  govkg export --format neo4j -o out/neo4j/\n"
      "  govkg export --format html --root 内蒙古自治区公安厅 -o out/graph.html");
  sub->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember(
          {"dot", "jsonld", "nt", "ttl", "graphml", "neo4j", "nebula", "csv", "html"}))
      ->capture_default_str();
  sub->add_option("-o,--output", args->output,
                  "Output file, or folder for neo4j/nebula/csv; - = stdout")
      ->capture_default_str();
  sub->add_option("--base", args->base, "Base IRI of the entities' IRIs")->capture_default_str();
  sub->add_option("--root", args->root, "Only this entity's neighbourhood (name or alias)");
  sub->add_option("--depth", args->depth, "Hops from --root, edges followed both ways")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->add_option("--limit", args->limit, "html: at most this many nodes (closest to --root first)")
      ->check(CLI::Range(size_t{1}, kMaxHtmlNodes))
      ->capture_default_str();
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunExport(*args, ctx); }; });
}

}  // namespace govkg::cli
