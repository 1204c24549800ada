// Neo4j: CSV files for `neo4j-admin database import full` and a Cypher script
// of MERGE statements for small graphs.
//
//   nodes_<Type>.csv   id:ID(Entity),name,aliases:string[],documentCount:int,
//                      [value:double,unit,qualifier,period,]:LABEL
//   relationships.csv  :START_ID(Entity),:END_ID(Entity),:TYPE,title,
//                      support:int,sources:string[]
//   import.cypher      the same graph as MERGE statements
// Arrays are split on ';' (the importer's default), so a ';' inside one
// alias or path would split it: such a ';' is written as the full-width '；'.
#include <map>

#include "export/escape_internal.h"
#include "export/exporter_internal.h"
#include "export/property_graph_internal.h"

namespace govkg::internal {
namespace {

std::string ArrayField(const std::vector<std::string>& values) {
  std::vector<std::string> cleaned;
  for (const std::string& v : values) {
    std::string c;
    for (const char ch : v) {
      if (ch == ';') {
        c.append("\xEF\xBC\x9B");  // ；
      } else {
        c.push_back(ch);
      }
    }
    cleaned.push_back(std::move(c));
  }
  return Join(cleaned, ";");
}

void AppendCypherList(const std::vector<std::string>& values, std::string* b) {
  b->push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) b->append(", ");
    AppendCypherString(values[i], b);
  }
  b->push_back(']');
}

class Neo4jExporter final : public Exporter {
 public:
  std::string_view Name() const override { return "neo4j"; }
  bool WritesFolder() const override { return true; }
  Status Write(const GraphSource& source, const ExportOptions&,
               OutputFactory* outputs) const override {
    std::map<EntityType, std::unique_ptr<OutputSink>> node_sinks;
    std::map<EntityType, std::unique_ptr<BufferedWriter>> nodes;
    for (const EntityType type : kAllEntityTypes) {
      Result<std::unique_ptr<OutputSink>> s =
          outputs->Open("nodes_" + std::string(EntityTypeName(type)) + ".csv");
      if (!s.ok()) return s.status();
      node_sinks[type] = std::move(*s);
      auto w = std::make_unique<BufferedWriter>(node_sinks[type].get());
      w->Append("id:ID(Entity),name,aliases:string[],documentCount:int,");
      if (type == EntityType::kMetric) w->Append("value:double,unit,qualifier,period,");
      w->Append(":LABEL\n");
      nodes[type] = std::move(w);
    }
    Result<std::unique_ptr<OutputSink>> rel_sink = outputs->Open("relationships.csv");
    if (!rel_sink.ok()) return rel_sink.status();
    Result<std::unique_ptr<OutputSink>> cypher_sink = outputs->Open("import.cypher");
    if (!cypher_sink.ok()) return cypher_sink.status();
    BufferedWriter rels(rel_sink->get());
    BufferedWriter cypher(cypher_sink->get());
    rels.Append(":START_ID(Entity),:END_ID(Entity),:TYPE,title,support:int,sources:string[]\n");
    cypher.Append(
        "// govkg graph as Cypher MERGE statements (for small graphs; use the CSV\n"
        "// files with neo4j-admin for large ones).\n"
        "CREATE CONSTRAINT govkg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n");

    PropertyGraphVisitor visitor;
    visitor.entity = [&](const EntityRecord& e) {
      BufferedWriter& w = *nodes[e.type];
      std::string* b = w.buffer();
      const std::string key = EntityKey(e);
      AppendCsvField(key, b);
      b->push_back(',');
      AppendCsvField(e.name, b);
      b->push_back(',');
      AppendCsvField(ArrayField(e.aliases), b);
      b->push_back(',');
      AppendUint(e.document_count, b);
      b->push_back(',');
      if (e.type == EntityType::kMetric) {
        const MetricValue m = e.metric.value_or(MetricValue{});
        AppendDouble(m.value, b);
        b->push_back(',');
        AppendCsvField(m.unit, b);
        b->push_back(',');
        AppendCsvField(m.qualifier, b);
        b->push_back(',');
        AppendCsvField(m.period, b);
        b->push_back(',');
      }
      b->append("Entity;");
      b->append(EntityTypeName(e.type));
      b->push_back('\n');
      w.MaybeFlush();

      std::string* c = cypher.buffer();
      c->append("MERGE (n:Entity {id: ");
      AppendCypherString(key, c);
      c->append("}) SET n:");
      c->append(EntityTypeName(e.type));
      c->append(", n.name = ");
      AppendCypherString(e.name, c);
      c->append(", n.aliases = ");
      AppendCypherList(e.aliases, c);
      c->append(", n.documentCount = ");
      AppendUint(e.document_count, c);
      if (e.metric.has_value()) {
        c->append(", n.value = ");
        std::string v;
        AppendDouble(e.metric->value, &v);
        // Cypher spells the non-finite doubles as expressions.
        if (v == "NaN") v = "0.0/0.0";
        if (v == "INF") v = "1.0/0.0";
        if (v == "-INF") v = "-1.0/0.0";
        if (v.find_first_of(".e/") == std::string::npos) v += ".0";
        c->append(v);
        c->append(", n.unit = ");
        AppendCypherString(e.metric->unit, c);
        c->append(", n.qualifier = ");
        AppendCypherString(e.metric->qualifier, c);
        c->append(", n.period = ");
        AppendCypherString(e.metric->period, c);
      }
      c->append(";\n");
      cypher.MaybeFlush();
      return w.ok() ? cypher.status() : w.status();
    };
    visitor.edge = [&](const TripleRecord& t, const EntityRecord& s, const EntityRecord& o) {
      Result<std::vector<std::string>> docs = SourceDocuments(source, t);
      if (!docs.ok()) return docs.status();
      const std::string type = UpperSnake(PredicateName(t.predicate));
      std::string* b = rels.buffer();
      AppendCsvField(EntityKey(s), b);
      b->push_back(',');
      AppendCsvField(EntityKey(o), b);
      b->push_back(',');
      b->append(type);
      b->push_back(',');
      AppendCsvField(t.title, b);
      b->push_back(',');
      AppendUint(t.support, b);
      b->push_back(',');
      AppendCsvField(ArrayField(*docs), b);
      b->push_back('\n');
      rels.MaybeFlush();

      std::string* c = cypher.buffer();
      c->append("MATCH (a:Entity {id: ");
      AppendCypherString(EntityKey(s), c);
      c->append("}), (b:Entity {id: ");
      AppendCypherString(EntityKey(o), c);
      c->append("}) MERGE (a)-[r:");
      c->append(type);
      c->append("]->(b) SET r.support = ");
      AppendUint(t.support, c);
      c->append(", r.title = ");
      AppendCypherString(t.title, c);
      c->append(", r.sources = ");
      AppendCypherList(*docs, c);
      c->append(";\n");
      cypher.MaybeFlush();
      return rels.ok() ? cypher.status() : rels.status();
    };
    Status status = VisitPropertyGraph(source, visitor);
    for (auto& [type, w] : nodes) {
      const Status s = w->Finish();
      if (status.ok()) status = s;
    }
    const Status r = rels.Finish();
    const Status c = cypher.Finish();
    if (!status.ok()) return status;
    return r.ok() ? c : r;
  }
};

}  // namespace

std::unique_ptr<Exporter> NewNeo4jExporter() { return std::make_unique<Neo4jExporter>(); }

}  // namespace govkg::internal
