// bench/gen_doc_internal.h: one generated press-conference document and the
// gold annotations of everything planted in it (graph-model.md shape).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bench/gen_vocab_internal.h"

namespace govkg::gen {

using Span = std::pair<size_t, size_t>;  // [start, end) in code points

struct GoldEntity {
  std::string id;
  std::string type;  // Agency, Program, Metric, Person, Document, Place
  std::string name;
  std::vector<std::string> aliases;
  std::vector<Span> mentions;
  // Metric only.
  double value = 0;
  std::string unit;
  std::optional<std::string> qualifier;
  std::optional<std::string> period;
};

struct GoldRelation {
  std::string s, p, o;
  std::optional<std::string> title;  // holdsPost
  Span evidence;
};

// One gold entity of a document that is one real-world body with entities of
// other documents: those of one `cluster` are one body (the truth file).
struct TruthMember {
  std::string cluster;  // Agency/440700/公安局, Agency/440700/generic/公安机关
  size_t entity = 0;    // index into GeneratedDoc::entities
};

struct GeneratedDoc {
  std::string name;  // gen_000001.txt
  std::string text;  // UTF-8, simplified script, half-width
  std::vector<GoldEntity> entities;
  std::vector<GoldRelation> relations;
  // Documents about a real city (RealRegion) plant cross-document identities:
  // its bodies under several forms (江门市公安局, 广东省江门市公安局, 江门公安局,
  // 江门市市场监管局) and generic names (全市公安机关). Empty otherwise.
  std::vector<TruthMember> truth;
  bool traditional = false;  // the form planted is the traditional script: write it so
};

// Which documents are about real cities: a share of them, each about one of
// a few cities drawn for the seed, so that several documents meet in each.
struct WorldOptions {
  double regional_share = 0.25;
  size_t cities = 6;
};

// Document `index` of the corpus of `seed`; depends on nothing else. A
// document not about a real city is the same whatever `world` says.
GeneratedDoc GenerateDocument(const Vocabulary& vocab, uint64_t seed, uint64_t index,
                              const WorldOptions& world = {});

// One member of a cluster in the truth file: {"doc", "type", "name", "mentions"}.
std::string TruthMemberJson(const GeneratedDoc& doc, const TruthMember& member);

// The gold file's JSON (one object, one line).
std::string GoldJson(const GeneratedDoc& doc);

}  // namespace govkg::gen
