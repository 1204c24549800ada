// Export(): picks the exporter of a format and runs it over the store.
#include "export/exporter.h"

#include "export/escape_internal.h"
#include "export/exporter_internal.h"
#include "store/identity.h"

namespace govkg {
namespace {

struct FormatName {
  ExportFormat format;
  std::string_view name;
};
constexpr FormatName kFormats[] = {
    {ExportFormat::kDot, "dot"},         {ExportFormat::kJsonLd, "jsonld"},
    {ExportFormat::kNTriples, "nt"},     {ExportFormat::kTurtle, "ttl"},
    {ExportFormat::kGraphMl, "graphml"}, {ExportFormat::kNeo4j, "neo4j"},
    {ExportFormat::kNebula, "nebula"},   {ExportFormat::kCsv, "csv"},
    {ExportFormat::kHtml, "html"}};

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  for (const FormatName& f : kFormats) {
    if (f.name == name) return f.format;
  }
  return std::nullopt;
}

std::string_view ExportFormatName(ExportFormat format) {
  for (const FormatName& f : kFormats) {
    if (f.format == format) return f.name;
  }
  return "unknown";
}

bool ExportWritesFolder(ExportFormat format) {
  return format == ExportFormat::kNeo4j || format == ExportFormat::kNebula ||
         format == ExportFormat::kCsv;
}

Status Export(const Store& store, const ExportOptions& options) {
  const std::unique_ptr<internal::GraphSource> source = internal::NewStoreSource(store);
  const std::unique_ptr<internal::OutputFactory> outputs =
      internal::NewFileOutputFactory(options.output, ExportWritesFolder(options.format));
  return internal::ExportFrom(*source, options, outputs.get());
}

namespace internal {

std::unique_ptr<Exporter> NewExporter(ExportFormat format) {
  switch (format) {
    case ExportFormat::kDot: return NewDotExporter();
    case ExportFormat::kJsonLd: return NewJsonLdExporter();
    case ExportFormat::kNTriples: return NewNTriplesExporter();
    case ExportFormat::kTurtle: return NewTurtleExporter();
    case ExportFormat::kGraphMl: return NewGraphMlExporter();
    case ExportFormat::kNeo4j: return NewNeo4jExporter();
    case ExportFormat::kNebula: return NewNebulaExporter();
    case ExportFormat::kCsv: return NewCsvExporter();
    case ExportFormat::kHtml: return NewHtmlExporter();
  }
  return nullptr;
}

Status ExportFrom(const GraphSource& source, const ExportOptions& options,
                  OutputFactory* outputs) {
  ExportOptions o = options;
  if (o.base_iri.empty()) return Status::InvalidArgument("export", "--base must not be empty");
  if (o.base_iri.back() != '/' && o.base_iri.back() != '#') o.base_iri.push_back('/');
  if (o.base_iri.find_first_of(" <>\"{}|^`\\") != std::string::npos) {
    return Status::InvalidArgument("export", "--base " + o.base_iri + " is not a valid IRI");
  }
  if (o.depth < 0) return Status::InvalidArgument("export", "--depth must be 0 or more");
  const std::unique_ptr<Exporter> exporter = NewExporter(o.format);
  if (!o.root.has_value()) return exporter->Write(source, o, outputs);
  Result<std::unique_ptr<GraphSource>> part = NewNeighbourhoodSource(source, *o.root, o.depth);
  if (!part.ok()) return part.status();
  return exporter->Write(**part, o, outputs);
}

std::string_view TypeSlug(EntityType type) {
  switch (type) {
    case EntityType::kAgency: return "agency";
    case EntityType::kProgram: return "program";
    case EntityType::kMetric: return "metric";
    case EntityType::kPerson: return "person";
    case EntityType::kDocument: return "document";
    case EntityType::kPlace: return "place";
  }
  return "entity";
}

std::string EntityKey(const EntityRecord& entity) { return NodeKey(entity.type, entity.scope, entity.name); }

void AppendEntityPath(EntityType type, std::string_view scope, std::string_view name, std::string* out) {
  out->append(TypeSlug(type));
  out->push_back('/');
  if (!scope.empty()) {
    // "doc-…/12-19": a slash of the scope stays a path separator.
    for (size_t from = 0;;) {
      const size_t slash = scope.find('/', from);
      AppendIriSegment(scope.substr(from, slash - from), out);
      out->push_back('/');
      if (slash == std::string_view::npos) break;
      from = slash + 1;
    }
  }
  AppendIriSegment(name, out);
}

}  // namespace internal
}  // namespace govkg
