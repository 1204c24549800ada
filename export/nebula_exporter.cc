// NebulaGraph: vertex and edge CSV files, the nGQL schema and a
// nebula-importer v4 YAML that maps their columns.
//
//   vertices_<Type>.csv   vid,name,aliases,document_count[,value,unit,qualifier,period]
//   edges_<predicate>.csv src,dst,rank,title,support,sources (rank: from the
//                         title, so that two posts in one body are two edges)
//   schema.ngql           CREATE SPACE … vid_type = FIXED_STRING(N), N = the
//                         longest vid in UTF-8 bytes; CREATE TAG / CREATE EDGE
//   importer.yaml         nebula-importer v4 configuration
// The vid is the node key of store/identity.h ("Agency/内蒙古自治区公安厅",
// "Agency/150000/公安机关"). Schema and YAML are
// written after the data, once N is known.
#include <algorithm>
#include <map>

#include "export/escape_internal.h"
#include "export/exporter_internal.h"
#include "export/property_graph_internal.h"

namespace govkg::internal {
namespace {

// NebulaGraph keeps one edge per (src, edge type, rank, dst): two posts of
// one person in one body (总队长, 政委) need two ranks. Stable: from the title.
uint64_t EdgeRank(std::string_view title) { return title.empty() ? 0 : StableHash(title) >> 1; }

struct Column {
  std::string_view name;
  std::string_view ngql_type;      // nGQL property type
  std::string_view importer_type;  // nebula-importer type
};

constexpr Column kVertexColumns[] = {{"name", "string", "STRING"},
                                     {"aliases", "string", "STRING"},
                                     {"document_count", "int64", "INT"}};
constexpr Column kMetricColumns[] = {{"value", "double", "DOUBLE"},
                                     {"unit", "string", "STRING"},
                                     {"qualifier", "string", "STRING"},
                                     {"period", "string", "STRING"}};
constexpr Column kEdgeColumns[] = {{"title", "string", "STRING"},
                                   {"support", "int64", "INT"},
                                   {"sources", "string", "STRING"}};

std::vector<Column> TagColumns(EntityType type) {
  std::vector<Column> cols(std::begin(kVertexColumns), std::end(kVertexColumns));
  if (type == EntityType::kMetric) cols.insert(cols.end(), std::begin(kMetricColumns), std::end(kMetricColumns));
  return cols;
}

std::string VertexFile(EntityType type) { return "vertices_" + std::string(EntityTypeName(type)) + ".csv"; }
std::string EdgeFile(Predicate p) { return "edges_" + std::string(PredicateName(p)) + ".csv"; }

std::string Schema(const std::string& space, size_t vid_bytes) {
  std::string s = "# govkg graph for NebulaGraph: run with nebula-console -f schema.ngql\n";
  s += "CREATE SPACE IF NOT EXISTS " + space + " (partition_num = 10, replica_factor = 1, " +
       "vid_type = FIXED_STRING(" + std::to_string(vid_bytes) + "));\n";
  s += "USE " + space + ";\n";
  for (const EntityType type : kAllEntityTypes) {
    s += "CREATE TAG IF NOT EXISTS " + std::string(EntityTypeName(type)) + " (";
    const std::vector<Column> cols = TagColumns(type);
    for (size_t i = 0; i < cols.size(); ++i) {
      if (i > 0) s += ", ";
      s += std::string(cols[i].name) + " " + std::string(cols[i].ngql_type);
    }
    s += ");\n";
  }
  for (const Predicate p : kAllPredicates) {
    s += "CREATE EDGE IF NOT EXISTS " + std::string(PredicateName(p)) + " (";
    for (size_t i = 0; i < std::size(kEdgeColumns); ++i) {
      if (i > 0) s += ", ";
      s += std::string(kEdgeColumns[i].name) + " " + std::string(kEdgeColumns[i].ngql_type);
    }
    s += ");\n";
  }
  return s;
}

std::string ImporterYaml(const std::string& space, const std::string& schema) {
  std::string y =
      "# nebula-importer v4: nebula-importer --config importer.yaml (run in this folder)\n"
      "client:\n"
      "  version: v3\n"
      "  address: \"127.0.0.1:9669\"\n"
      "  user: root\n"
      "  password: nebula\n"
      "  concurrencyPerAddress: 4\n"
      "  reconnectInitialInterval: 1s\n"
      "  retry: 3\n"
      "  retryInitialInterval: 1s\n"
      "manager:\n"
      "  spaceName: " + space + "\n"
      "  batch: 128\n"
      "  readerConcurrency: 4\n"
      "  importerConcurrency: 16\n"
      "  statsInterval: 10s\n"
      "  hooks:\n"
      "    before:\n"
      "      - statements:\n";
  size_t start = 0;
  while (start < schema.size()) {
    size_t end = schema.find('\n', start);
    if (end == std::string::npos) end = schema.size();
    const std::string line = schema.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    y += "          - '" + line + "'\n";
  }
  y +=
      "        wait: 10s\n"
      "log:\n"
      "  level: INFO\n"
      "  console: true\n"
      "sources:\n";
  for (const EntityType type : kAllEntityTypes) {
    y += "  - path: ./" + VertexFile(type) + "\n";
    y += "    csv:\n      delimiter: \",\"\n      withHeader: true\n";
    y += "    tags:\n      - name: " + std::string(EntityTypeName(type)) + "\n";
    y += "        id:\n          type: \"STRING\"\n          index: 0\n";
    y += "        props:\n";
    const std::vector<Column> cols = TagColumns(type);
    for (size_t i = 0; i < cols.size(); ++i) {
      y += "          - name: \"" + std::string(cols[i].name) + "\"\n";
      y += "            type: \"" + std::string(cols[i].importer_type) + "\"\n";
      y += "            index: " + std::to_string(i + 1) + "\n";
    }
  }
  for (const Predicate p : kAllPredicates) {
    y += "  - path: ./" + EdgeFile(p) + "\n";
    y += "    csv:\n      delimiter: \",\"\n      withHeader: true\n";
    y += "    edges:\n      - name: " + std::string(PredicateName(p)) + "\n";
    y += "        src:\n          id:\n            type: \"STRING\"\n            index: 0\n";
    y += "        dst:\n          id:\n            type: \"STRING\"\n            index: 1\n";
    y += "        rank:\n          index: 2\n";
    y += "        props:\n";
    for (size_t i = 0; i < std::size(kEdgeColumns); ++i) {
      y += "          - name: \"" + std::string(kEdgeColumns[i].name) + "\"\n";
      y += "            type: \"" + std::string(kEdgeColumns[i].importer_type) + "\"\n";
      y += "            index: " + std::to_string(i + 3) + "\n";
    }
  }
  return y;
}

class NebulaExporter final : public Exporter {
 public:
  std::string_view Name() const override { return "nebula"; }
  bool WritesFolder() const override { return true; }
  Status Write(const GraphSource& source, const ExportOptions&,
               OutputFactory* outputs) const override {
    std::vector<std::unique_ptr<OutputSink>> sinks;
    std::map<EntityType, std::unique_ptr<BufferedWriter>> vertices;
    std::map<Predicate, std::unique_ptr<BufferedWriter>> edges;
    const auto open = [&](const std::string& name, const std::string& header)
        -> Result<std::unique_ptr<BufferedWriter>> {
      Result<std::unique_ptr<OutputSink>> s = outputs->Open(name);
      if (!s.ok()) return s.status();
      sinks.push_back(std::move(*s));
      auto w = std::make_unique<BufferedWriter>(sinks.back().get());
      w->Append(header);
      return w;
    };
    for (const EntityType type : kAllEntityTypes) {
      std::string header = "vid";
      for (const Column& c : TagColumns(type)) header += "," + std::string(c.name);
      Result<std::unique_ptr<BufferedWriter>> w = open(VertexFile(type), header + "\n");
      if (!w.ok()) return w.status();
      vertices[type] = std::move(*w);
    }
    for (const Predicate p : kAllPredicates) {
      Result<std::unique_ptr<BufferedWriter>> w =
          open(EdgeFile(p), "src,dst,rank,title,support,sources\n");
      if (!w.ok()) return w.status();
      edges[p] = std::move(*w);
    }
    size_t vid_bytes = 1;
    PropertyGraphVisitor visitor;
    visitor.entity = [&](const EntityRecord& e) {
      BufferedWriter& w = *vertices[e.type];
      std::string* b = w.buffer();
      std::string key;
      AppendValidUtf8(EntityKey(e), &key);
      vid_bytes = std::max(vid_bytes, key.size());
      AppendCsvField(key, b);
      b->push_back(',');
      AppendCsvField(e.name, b);
      b->push_back(',');
      AppendCsvField(Join(e.aliases, ";"), b);
      b->push_back(',');
      AppendUint(e.document_count, b);
      if (e.type == EntityType::kMetric) {
        const MetricValue m = e.metric.value_or(MetricValue{});
        b->push_back(',');
        AppendDouble(m.value, b);
        b->push_back(',');
        AppendCsvField(m.unit, b);
        b->push_back(',');
        AppendCsvField(m.qualifier, b);
        b->push_back(',');
        AppendCsvField(m.period, b);
      }
      b->push_back('\n');
      w.MaybeFlush();
      return w.status();
    };
    visitor.edge = [&](const TripleRecord& t, const EntityRecord& s, const EntityRecord& o) {
      Result<std::vector<std::string>> docs = SourceDocuments(source, t);
      if (!docs.ok()) return docs.status();
      BufferedWriter& w = *edges[t.predicate];
      std::string* b = w.buffer();
      AppendCsvField(EntityKey(s), b);
      b->push_back(',');
      AppendCsvField(EntityKey(o), b);
      b->push_back(',');
      AppendUint(EdgeRank(t.title), b);
      b->push_back(',');
      AppendCsvField(t.title, b);
      b->push_back(',');
      AppendUint(t.support, b);
      b->push_back(',');
      AppendCsvField(Join(*docs, ";"), b);
      b->push_back('\n');
      w.MaybeFlush();
      return w.status();
    };
    Status status = VisitPropertyGraph(source, visitor);
    for (auto& [type, w] : vertices) {
      const Status s = w->Finish();
      if (status.ok()) status = s;
    }
    for (auto& [p, w] : edges) {
      const Status s = w->Finish();
      if (status.ok()) status = s;
    }
    GOVKG_RETURN_IF_ERROR(status);
    const std::string space = "govkg";
    const std::string schema = Schema(space, vid_bytes);
    for (const auto& [name, text] : {std::pair<std::string, std::string>{"schema.ngql", schema},
                                     {"importer.yaml", ImporterYaml(space, schema)}}) {
      Result<std::unique_ptr<OutputSink>> s = outputs->Open(name);
      if (!s.ok()) return s.status();
      GOVKG_RETURN_IF_ERROR((*s)->Write(text));
      GOVKG_RETURN_IF_ERROR((*s)->Close());
    }
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Exporter> NewNebulaExporter() { return std::make_unique<NebulaExporter>(); }

}  // namespace govkg::internal
