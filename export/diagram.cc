// Organization diagrams through cgraph + gvc (dot layout). Diagrams are
// small by purpose (one root's tree), so the cgraph graph is built in memory.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

#include "export/diagram_internal.h"
#include "export/escape_internal.h"

namespace govkg {
namespace internal {
namespace {

constexpr char kFont[] = "Noto Sans CJK SC";

struct GvcDeleter {
  void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};
struct GraphDeleter {
  void operator()(Agraph_t* g) const { agclose(g); }
};

// cgraph takes char*, never writes through it.
char* C(const char* s) { return const_cast<char*>(s); }

void Set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, C(name), C(value.c_str()), C(""));
}

class Builder {
 public:
  Builder(const GraphSource& source, const DiagramOptions& options, Agraph_t* g)
      : source_(source), options_(options), g_(g) {}

  Status Build() {
    Result<std::optional<EntityRecord>> root = source_.GetEntity(options_.root);
    if (!root.ok()) return root.status();
    if (!root->has_value()) {
      return Status::NotFound("diagram", "no entity with id " + std::to_string(options_.root));
    }
    Agnode_t* root_node = Node(**root, g_);
    Set(root_node, "penwidth", "2");
    Set(root_node, "fillcolor", "#c6dbef");
    GOVKG_RETURN_IF_ERROR(Hang(**root, g_));
    // Children of root: each a cluster with its own subtree.
    std::vector<EntityRecord> children;
    GOVKG_RETURN_IF_ERROR(Children(options_.root, &children));
    int cluster = 0;
    for (const EntityRecord& child : children) {
      Agraph_t* sub = g_;
      if (options_.depth >= 1) {
        const std::string name = "cluster_" + std::to_string(cluster++);
        sub = agsubg(g_, C(name.c_str()), 1);
        Set(sub, "label", DiagramLabel(child.name));
        Set(sub, "style", "rounded,filled");
        Set(sub, "fillcolor", "#f7f7f7");
        Set(sub, "color", "#9ecae1");
      }
      GOVKG_RETURN_IF_ERROR(Subtree(child, options_.root, 1, sub));
    }
    Legend();
    return Status::OK();
  }

 private:
  Status Children(EntityId parent, std::vector<EntityRecord>* out) {
    TriplePattern p;
    p.predicate = Predicate::kSubOrganizationOf;
    p.object = parent;
    std::vector<EntityId> ids;
    GOVKG_RETURN_IF_ERROR(source_.ScanMatching(p, [&](const TripleRecord& t) {
      ids.push_back(t.subject);
      return true;
    }));
    for (const EntityId id : ids) {
      if (nodes_.count(id) != 0) continue;  // a cycle or a second parent already drawn
      Result<std::optional<EntityRecord>> e = source_.GetEntity(id);
      if (!e.ok()) return e.status();
      if (e->has_value()) out->push_back(std::move(**e));
    }
    return Status::OK();
  }

  Status Subtree(const EntityRecord& agency, EntityId parent, int level, Agraph_t* sub) {
    if (level > options_.depth || nodes_.count(agency.id) != 0) return Status::OK();
    Node(agency, sub);
    // Drawn parent → child so that dot ranks the tree from the root; the
    // arrowhead sits at the parent (the edge means "隶属").
    Edge(nodes_[parent], nodes_[agency.id], "", "back");
    GOVKG_RETURN_IF_ERROR(Hang(agency, sub));
    std::vector<EntityRecord> children;
    GOVKG_RETURN_IF_ERROR(Children(agency.id, &children));
    for (const EntityRecord& child : children) {
      GOVKG_RETURN_IF_ERROR(Subtree(child, agency.id, level + 1, sub));
    }
    return Status::OK();
  }

  // Programs the agency conducts (and their sub-programs), metrics that it or
  // they report.
  Status Hang(const EntityRecord& owner, Agraph_t* sub) {
    std::vector<std::pair<Predicate, EntityId>> targets;
    TriplePattern p;
    p.subject = owner.id;
    GOVKG_RETURN_IF_ERROR(source_.ScanMatching(p, [&](const TripleRecord& t) {
      if ((t.predicate == Predicate::kConducts && options_.with_programs) ||
          (t.predicate == Predicate::kReports && options_.with_metrics)) {
        targets.emplace_back(t.predicate, t.object);
      }
      return true;
    }));
    if (owner.type == EntityType::kProgram && options_.with_programs) {
      TriplePattern parts;
      parts.predicate = Predicate::kPartOf;
      parts.object = owner.id;
      GOVKG_RETURN_IF_ERROR(source_.ScanMatching(parts, [&](const TripleRecord& t) {
        targets.emplace_back(Predicate::kPartOf, t.subject);
        return true;
      }));
    }
    for (const auto& [predicate, id] : targets) {
      if (nodes_.count(id) != 0) continue;
      Result<std::optional<EntityRecord>> e = source_.GetEntity(id);
      if (!e.ok()) return e.status();
      if (!e->has_value()) continue;
      Agnode_t* n = Node(**e, sub);
      if (predicate == Predicate::kPartOf) {
        Edge(nodes_[owner.id], n, "dotted", "back");
      } else {
        Edge(nodes_[owner.id], n, predicate == Predicate::kConducts ? "solid" : "dashed", "");
      }
      if ((*e)->type == EntityType::kProgram) GOVKG_RETURN_IF_ERROR(Hang(**e, sub));
    }
    return Status::OK();
  }

  Agnode_t* Node(const EntityRecord& e, Agraph_t* sub) {
    const std::string id = "n" + std::to_string(e.id);
    Agnode_t* n = agnode(sub, C(id.c_str()), 1);
    nodes_[e.id] = n;
    std::string label = e.name;
    if (e.metric.has_value()) {
      label += "\n";
      AppendDouble(e.metric->value, &label);
      label += " " + e.metric->unit;
      if (!e.metric->period.empty()) label += " (" + e.metric->period + ")";
    }
    Set(n, "label", DiagramLabel(label));
    switch (e.type) {
      case EntityType::kAgency:
        Set(n, "shape", "box");
        Set(n, "fillcolor", "#deebf7");
        break;
      case EntityType::kProgram:
        Set(n, "shape", "ellipse");
        Set(n, "fillcolor", "#e5f5e0");
        break;
      case EntityType::kMetric:
        Set(n, "shape", "note");
        Set(n, "fillcolor", "#fee6ce");
        Set(n, "fontsize", "10");
        break;
      default:
        Set(n, "shape", "plain");
    }
    return n;
  }

  void Edge(Agnode_t* from, Agnode_t* to, const char* style, const char* dir) {
    Agedge_t* e = agedge(g_, from, to, nullptr, 1);
    if (*style != '\0') Set(e, "style", style);
    if (*dir != '\0') Set(e, "dir", dir);
  }

  void Legend() {
    Agraph_t* legend = agsubg(g_, C("cluster_legend"), 1);
    Set(legend, "label", "图例 Legend");
    Set(legend, "style", "rounded");
    Set(legend, "color", "#bdbdbd");
    const auto item = [&](const char* id, const char* label, const char* shape,
                          const char* fill) {
      Agnode_t* n = agnode(legend, C(id), 1);
      Set(n, "label", label);
      Set(n, "shape", shape);
      Set(n, "fillcolor", fill);
      return n;
    };
    Agnode_t* a = item("legend_agency", "机构 Agency", "box", "#deebf7");
    Agnode_t* p = item("legend_program", "项目 Program", "ellipse", "#e5f5e0");
    Agnode_t* m = item("legend_metric", "指标 Metric", "note", "#fee6ce");
    Agedge_t* e1 = agedge(g_, a, p, nullptr, 1);
    Set(e1, "label", "开展 conducts");
    Agedge_t* e2 = agedge(g_, p, m, nullptr, 1);
    Set(e2, "label", "指标 reports");
    Set(e2, "style", "dashed");
  }

  const GraphSource& source_;
  const DiagramOptions& options_;
  Agraph_t* const g_;
  std::unordered_map<EntityId, Agnode_t*> nodes_;
};

}  // namespace

std::string DiagramLabel(std::string_view text) {
  std::string valid;
  AppendValidUtf8(text, &valid);
  std::string out;
  for (const char c : valid) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out.push_back(c);
    }
  }
  return out;
}

Status RenderDiagramFrom(const GraphSource& source, const DiagramOptions& options) {
  const std::string ext = std::filesystem::path(options.output).extension().string();
  const std::string format = ext.empty() ? "" : ext.substr(1);
  if (format != "svg" && format != "png" && format != "pdf" && format != "dot") {
    return Status::InvalidArgument("diagram: " + options.output,
                                   "unknown extension (use .svg, .png, .pdf or .dot)");
  }
  if (options.depth < 0) return Status::InvalidArgument("diagram", "--depth must be 0 or more");
  const std::unique_ptr<GVC_t, GvcDeleter> gvc(gvContext());
  Agdesc_t desc = Agstrictdirected;
  const std::unique_ptr<Agraph_t, GraphDeleter> g(agopen(C("govkg"), desc, nullptr));
  Set(g.get(), "charset", "UTF-8");
  Set(g.get(), "rankdir", "LR");
  Set(g.get(), "ranksep", "0.5");
  Set(g.get(), "nodesep", "0.12");
  Set(g.get(), "newrank", "true");
  Set(g.get(), "fontname", kFont);
  Set(g.get(), "fontsize", "12");
  Set(g.get(), "labelloc", "t");
  agattr(g.get(), AGNODE, C("fontname"), C(kFont));
  agattr(g.get(), AGNODE, C("style"), C("filled"));
  agattr(g.get(), AGNODE, C("fontsize"), C("11"));
  agattr(g.get(), AGEDGE, C("fontname"), C(kFont));
  agattr(g.get(), AGEDGE, C("fontsize"), C("9"));
  agattr(g.get(), AGEDGE, C("color"), C("#636363"));
  agattr(g.get(), AGEDGE, C("arrowsize"), C("0.6"));
  Builder builder(source, options, g.get());
  GOVKG_RETURN_IF_ERROR(builder.Build());

  if (format == "dot") {
    FILE* f = std::fopen(options.output.c_str(), "wb");
    if (f == nullptr) return Status::IOError("diagram: " + options.output, std::strerror(errno));
    const int rc = agwrite(g.get(), f);
    if (std::fclose(f) != 0 || rc != 0) {
      return Status::IOError("diagram: " + options.output, "write failed");
    }
    return Status::OK();
  }
  if (gvLayout(gvc.get(), g.get(), "dot") != 0) {
    return Status::IOError("diagram", "GraphViz dot layout failed");
  }
  const int rc = gvRenderFilename(gvc.get(), g.get(), format.c_str(), options.output.c_str());
  gvFreeLayout(gvc.get(), g.get());
  if (rc != 0) return Status::IOError("diagram: " + options.output, "GraphViz could not render " + format);
  return Status::OK();
}

}  // namespace internal

Status RenderDiagram(const Store& store, const DiagramOptions& options) {
  const std::unique_ptr<internal::GraphSource> source = internal::NewStoreSource(store);
  return internal::RenderDiagramFrom(*source, options);
}

}  // namespace govkg
