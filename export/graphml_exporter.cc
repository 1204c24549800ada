// GraphML with typed attributes (<key attr.type="int|double|string">),
// streamed: the same document Boost.Graph's write_graphml produces, without
// holding the graph in memory.
#include "export/escape_internal.h"
#include "export/exporter_internal.h"
#include "export/property_graph_internal.h"

namespace govkg::internal {
namespace {

void AppendId(const EntityRecord& e, std::string* out) {
  AppendEntityPath(e.type, e.scope, e.name, out);
}

void Data(std::string_view key, std::string_view value, std::string* out) {
  out->append("<data key=\"");
  out->append(key);
  out->append("\">");
  AppendXmlText(value, out);
  out->append("</data>");
}

class GraphMlExporter final : public Exporter {
 public:
  std::string_view Name() const override { return "graphml"; }
  bool WritesFolder() const override { return false; }
  Status Write(const GraphSource& source, const ExportOptions&,
               OutputFactory* outputs) const override {
    Result<std::unique_ptr<OutputSink>> sink = outputs->Open("");
    if (!sink.ok()) return sink.status();
    BufferedWriter out(sink->get());
    out.Append(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
        "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
        "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
        "  <key id=\"document_count\" for=\"node\" attr.name=\"document_count\" "
        "attr.type=\"int\"/>\n"
        "  <key id=\"value\" for=\"node\" attr.name=\"value\" attr.type=\"double\"/>\n"
        "  <key id=\"unit\" for=\"node\" attr.name=\"unit\" attr.type=\"string\"/>\n"
        "  <key id=\"qualifier\" for=\"node\" attr.name=\"qualifier\" attr.type=\"string\"/>\n"
        "  <key id=\"period\" for=\"node\" attr.name=\"period\" attr.type=\"string\"/>\n"
        "  <key id=\"predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>\n"
        "  <key id=\"title\" for=\"edge\" attr.name=\"title\" attr.type=\"string\"/>\n"
        "  <key id=\"support\" for=\"edge\" attr.name=\"support\" attr.type=\"int\"/>\n"
        "  <key id=\"sources\" for=\"edge\" attr.name=\"sources\" attr.type=\"string\"/>\n"
        "  <graph id=\"govkg\" edgedefault=\"directed\">\n");
    PropertyGraphVisitor visitor;
    visitor.entity = [&](const EntityRecord& e) {
      std::string* b = out.buffer();
      b->append("    <node id=\"");
      AppendId(e, b);
      b->append("\">");
      Data("type", EntityTypeName(e.type), b);
      Data("name", e.name, b);
      // A ';' inside an alias stays; readers split on "; " only by convention.
      Data("aliases", Join(e.aliases, ";"), b);
      std::string n;
      AppendUint(e.document_count, &n);
      Data("document_count", n, b);
      if (e.metric.has_value()) {
        n.clear();
        AppendDouble(e.metric->value, &n);
        Data("value", n, b);
        Data("unit", e.metric->unit, b);
        Data("qualifier", e.metric->qualifier, b);
        Data("period", e.metric->period, b);
      }
      b->append("</node>\n");
      out.MaybeFlush();
      return out.status();
    };
    visitor.edge = [&](const TripleRecord& t, const EntityRecord& s, const EntityRecord& o) {
      Result<std::vector<std::string>> docs = SourceDocuments(source, t);
      if (!docs.ok()) return docs.status();
      std::string* b = out.buffer();
      b->append("    <edge source=\"");
      AppendId(s, b);
      b->append("\" target=\"");
      AppendId(o, b);
      b->append("\">");
      Data("predicate", PredicateName(t.predicate), b);
      if (!t.title.empty()) Data("title", t.title, b);
      std::string n;
      AppendUint(t.support, &n);
      Data("support", n, b);
      Data("sources", Join(*docs, ";"), b);
      b->append("</edge>\n");
      out.MaybeFlush();
      return out.status();
    };
    const Status status = VisitPropertyGraph(source, visitor);
    out.Append("  </graph>\n</graphml>\n");
    const Status finished = out.Finish();
    return status.ok() ? finished : status;
  }
};

}  // namespace

std::unique_ptr<Exporter> NewGraphMlExporter() { return std::make_unique<GraphMlExporter>(); }

}  // namespace govkg::internal
