// CSV: nodes.csv and edges.csv, RFC 4180, one header line each.
#include "export/escape_internal.h"
#include "export/exporter_internal.h"
#include "export/property_graph_internal.h"

namespace govkg::internal {
namespace {

class CsvExporter final : public Exporter {
 public:
  std::string_view Name() const override { return "csv"; }
  bool WritesFolder() const override { return true; }
  Status Write(const GraphSource& source, const ExportOptions&,
               OutputFactory* outputs) const override {
    Result<std::unique_ptr<OutputSink>> node_sink = outputs->Open("nodes.csv");
    if (!node_sink.ok()) return node_sink.status();
    Result<std::unique_ptr<OutputSink>> edge_sink = outputs->Open("edges.csv");
    if (!edge_sink.ok()) return edge_sink.status();
    BufferedWriter nodes(node_sink->get());
    BufferedWriter edges(edge_sink->get());
    nodes.Append("id,type,name,aliases,document_count,value,unit,qualifier,period\n");
    edges.Append("source,target,predicate,title,support,sources\n");
    PropertyGraphVisitor visitor;
    visitor.entity = [&](const EntityRecord& e) {
      std::string* b = nodes.buffer();
      AppendCsvField(EntityKey(e), b);
      b->push_back(',');
      b->append(EntityTypeName(e.type));
      b->push_back(',');
      AppendCsvField(e.name, b);
      b->push_back(',');
      AppendCsvField(Join(e.aliases, ";"), b);
      b->push_back(',');
      AppendUint(e.document_count, b);
      b->push_back(',');
      if (e.metric.has_value()) {
        AppendDouble(e.metric->value, b);
        b->push_back(',');
        AppendCsvField(e.metric->unit, b);
        b->push_back(',');
        AppendCsvField(e.metric->qualifier, b);
        b->push_back(',');
        AppendCsvField(e.metric->period, b);
      } else {
        b->append(",,,");
      }
      b->push_back('\n');
      nodes.MaybeFlush();
      return nodes.status();
    };
    visitor.edge = [&](const TripleRecord& t, const EntityRecord& s, const EntityRecord& o) {
      Result<std::vector<std::string>> docs = SourceDocuments(source, t);
      if (!docs.ok()) return docs.status();
      std::string* b = edges.buffer();
      AppendCsvField(EntityKey(s), b);
      b->push_back(',');
      AppendCsvField(EntityKey(o), b);
      b->push_back(',');
      b->append(PredicateName(t.predicate));
      b->push_back(',');
      AppendCsvField(t.title, b);
      b->push_back(',');
      AppendUint(t.support, b);
      b->push_back(',');
      AppendCsvField(Join(*docs, ";"), b);
      b->push_back('\n');
      edges.MaybeFlush();
      return edges.status();
    };
    const Status status = VisitPropertyGraph(source, visitor);
    const Status n = nodes.Finish();
    const Status e = edges.Finish();
    if (!status.ok()) return status;
    return n.ok() ? e : n;
  }
};

}  // namespace

std::unique_ptr<Exporter> NewCsvExporter() { return std::make_unique<CsvExporter>(); }

}  // namespace govkg::internal
