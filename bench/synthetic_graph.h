// bench/synthetic_graph.h: deterministic synthetic DocumentGraphs for the
// store benchmark and the store's crash and concurrency tests.
//
// Document i names entities drawn from shared pools (so that entities merge
// across documents and triples gain support from several documents, as in a
// real corpus) plus metric observations of its own.
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "model/document_graph.h"

namespace govkg::bench {

struct SyntheticOptions {
  uint32_t relations_per_doc = 50;
  uint32_t agency_pool = 20000;
  uint32_t program_pool = 50000;
  uint32_t person_pool = 30000;
};

inline DocumentGraph SyntheticGraph(uint64_t doc_index, const SyntheticOptions& o = {}) {
  std::mt19937_64 rng(doc_index * 0x9E3779B97F4A7C15ULL + 1);
  DocumentGraph g;
  g.doc = "synthetic/doc" + std::to_string(doc_index) + ".txt";
  auto add = [&](EntityType type, std::string name) -> std::string {
    for (const Entity& e : g.entities) {
      if (e.type == type && e.name == name) return e.id;
    }
    Entity e;
    e.id = "e" + std::to_string(g.entities.size());
    e.type = type;
    e.name = std::move(name);
    e.mentions.push_back(Span{static_cast<uint32_t>(rng() % 5000), 0});
    e.mentions.back().end = e.mentions.back().start + 6;
    if (rng() % 4 == 0) e.aliases.push_back(e.name.substr(0, e.name.size() / 2 + 1) + "简称");
    g.entities.push_back(std::move(e));
    return g.entities.back().id;
  };
  auto pick = [&](uint32_t pool) { return std::to_string(rng() % pool); };
  const std::string home = add(EntityType::kAgency, "机构" + pick(o.agency_pool));
  for (uint32_t i = 0; i < o.relations_per_doc; ++i) {
    Relation r;
    r.evidence = Span{i * 40, i * 40 + 30};
    r.quote = "证据" + std::to_string(i);
    switch (rng() % 5) {
      case 0:
        r.subject = add(EntityType::kAgency, "机构" + pick(o.agency_pool));
        r.predicate = Predicate::kSubOrganizationOf;
        r.object = home;
        break;
      case 1:
        r.subject = home;
        r.predicate = Predicate::kConducts;
        r.object = add(EntityType::kProgram, "行动" + pick(o.program_pool));
        break;
      case 2: {
        r.subject = add(EntityType::kProgram, "行动" + pick(o.program_pool));
        r.predicate = Predicate::kReports;
        Entity m;
        m.id = "m" + std::to_string(i);
        m.type = EntityType::kMetric;
        m.name = "破获案件";
        m.metric = MetricValue{static_cast<double>(rng() % 100000), "起", "", "行动以来"};
        m.mentions.push_back(Span{i, i + 3});
        g.entities.push_back(std::move(m));
        r.object = g.entities.back().id;
        break;
      }
      case 3:
        r.subject = add(EntityType::kPerson, "人员" + pick(o.person_pool));
        r.predicate = Predicate::kHoldsPost;
        r.object = home;
        r.title = "局长";
        break;
      default:
        r.subject = home;
        r.predicate = Predicate::kCooperatesWith;
        r.object = add(EntityType::kAgency, "机构" + pick(o.agency_pool));
        break;
    }
    g.relations.push_back(std::move(r));
  }
  return g;
}

}  // namespace govkg::bench
