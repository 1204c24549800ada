// export/exporter.h: writes the stored graph for people and for other systems.
//
// Takes: an open Store (and, for diagrams and --root, the graph layer).
// Gives: DOT, JSON-LD, N-Triples, Turtle, GraphML, Neo4j and NebulaGraph import
// files, CSV, organization diagrams rendered by GraphViz (SVG/PNG/PDF), a
// self-contained HTML explorer, and SVG charts of metric series.
// Exporters stream: memory stays bounded whatever the size of the store.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "graph/series.h"
#include "model/status.h"
#include "store/store.h"

namespace govkg {

// Where exported bytes go: a file, stdout, or a test's string.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  [[nodiscard]] virtual Status Write(std::string_view bytes) = 0;
  [[nodiscard]] virtual Status Close() = 0;
};

[[nodiscard]] Result<std::unique_ptr<OutputSink>> NewFileSink(const std::string& path);
std::unique_ptr<OutputSink> NewStdoutSink();
std::unique_ptr<OutputSink> NewStringSink(std::string* out);

enum class ExportFormat { kDot, kJsonLd, kNTriples, kTurtle, kGraphMl, kNeo4j, kNebula, kCsv, kHtml };
// "dot", "jsonld", "nt", "ttl", "graphml", "neo4j", "nebula", "csv", "html".
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
std::string_view ExportFormatName(ExportFormat format);
// True for the formats that write a folder of files (neo4j, nebula, csv).
bool ExportWritesFolder(ExportFormat format);

struct ExportOptions {
  ExportFormat format = ExportFormat::kJsonLd;
  // Stable IRIs of entities are minted under this base: BASE + "agency/" +
  // the percent-encoded name. A "/" is added when it ends in neither / nor #.
  std::string base_iri = "https://govkg.example.org/";
  // Only the neighbourhood of this entity, `depth` hops out and in.
  std::optional<EntityId> root;
  int depth = 2;
  // html: at most this many nodes (≤ kMaxHtmlNodes); with a root the closest
  // are kept, without one the best connected. The page says what was left out.
  size_t limit = 5000;
  // Output file (single-file formats) or folder (neo4j, nebula, csv); "-" = stdout.
  std::string output = "-";
};

// Streams the store (or root's neighbourhood) in `options.format`.
// **Example** ExportOptions o; o.format = ExportFormat::kNTriples; o.output = "g.nt";
[[nodiscard]] Status Export(const Store& store, const ExportOptions& options);

// The most nodes an HTML page draws and stays responsive.
inline constexpr size_t kMaxHtmlNodes = 5000;

struct DiagramOptions {
  EntityId root = 0;
  // Levels of sub-organisations below root.
  int depth = 3;
  bool with_programs = true;
  bool with_metrics = false;
  // .svg, .png, .pdf or .dot; the extension picks the renderer.
  std::string output;
};

// Lays out root's organisation tree with GraphViz dot: agencies as boxes, a
// cluster per top-level sub-agency, programs and metrics hung from the agency
// or program that runs or reports them, a legend; CJK text in Noto Sans CJK.
[[nodiscard]] Status RenderDiagram(const Store& store, const DiagramOptions& options);

// A metric series as a plain SVG chart (no script, no external resource):
// points as a line by period, as bars by region, each labelled with its value.
std::string RenderSeriesSvg(const Series& series);

}  // namespace govkg
