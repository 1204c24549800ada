// DOT: the whole graph for GraphViz tools. Streamed text, not a cgraph graph,
// so memory stays bounded; names go into escString attributes escaped the
// way Graphviz's own scanner reads them (escape_internal.h AppendDotString),
// node ids are the percent-encoded, stable entity keys.
#include "export/escape_internal.h"
#include "export/exporter_internal.h"
#include "export/property_graph_internal.h"

namespace govkg::internal {
namespace {

std::string_view Shape(EntityType type) {
  switch (type) {
    case EntityType::kAgency: return "box";
    case EntityType::kProgram: return "ellipse";
    case EntityType::kMetric: return "note";
    case EntityType::kPerson: return "house";
    case EntityType::kDocument: return "tab";
    case EntityType::kPlace: return "hexagon";
  }
  return "ellipse";
}

void AppendNodeId(const EntityRecord& e, std::string* out) {
  out->push_back('"');
  AppendEntityPath(e.type, e.scope, e.name, out);
  out->push_back('"');
}

class DotExporter final : public Exporter {
 public:
  std::string_view Name() const override { return "dot"; }
  bool WritesFolder() const override { return false; }
  Status Write(const GraphSource& source, const ExportOptions&,
               OutputFactory* outputs) const override {
    Result<std::unique_ptr<OutputSink>> sink = outputs->Open("");
    if (!sink.ok()) return sink.status();
    BufferedWriter out(sink->get());
    out.Append(
        "digraph govkg {\n"
        "  graph [charset=\"UTF-8\", rankdir=LR, fontname=\"Noto Sans CJK SC\"];\n"
        "  node [fontname=\"Noto Sans CJK SC\"];\n"
        "  edge [fontname=\"Noto Sans CJK SC\", fontsize=10];\n");
    PropertyGraphVisitor visitor;
    visitor.entity = [&](const EntityRecord& e) {
      std::string* b = out.buffer();
      b->append("  ");
      AppendNodeId(e, b);
      b->append(" [label=");
      AppendDotString(e.name, b);
      b->append(", type=\"");
      b->append(EntityTypeName(e.type));
      b->append("\", shape=");
      b->append(Shape(e.type));
      if (e.metric.has_value()) {
        b->append(", value=\"");
        AppendDouble(e.metric->value, b);
        b->append("\", unit=");
        AppendDotString(e.metric->unit, b);
      }
      b->append("];\n");
      out.MaybeFlush();
      return out.status();
    };
    visitor.edge = [&](const TripleRecord& t, const EntityRecord& s, const EntityRecord& o) {
      std::string* b = out.buffer();
      b->append("  ");
      AppendNodeId(s, b);
      b->append(" -> ");
      AppendNodeId(o, b);
      b->append(" [label=");
      std::string label(PredicateLabel(t.predicate));
      if (!t.title.empty()) label += ":" + t.title;
      AppendDotString(label, b);
      b->append(", predicate=\"");
      b->append(PredicateName(t.predicate));
      b->append("\", support=");
      AppendUint(t.support, b);
      b->append("];\n");
      out.MaybeFlush();
      return out.status();
    };
    const Status status = VisitPropertyGraph(source, visitor);
    out.Append("}\n");
    const Status finished = out.Finish();
    return status.ok() ? finished : status;
  }
};

}  // namespace

std::unique_ptr<Exporter> NewDotExporter() { return std::make_unique<DotExporter>(); }

}  // namespace govkg::internal
