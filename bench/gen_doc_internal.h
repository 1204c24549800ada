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

struct GeneratedDoc {
  std::string name;  // gen_000001.txt
  std::string text;  // UTF-8, simplified script, half-width
  std::vector<GoldEntity> entities;
  std::vector<GoldRelation> relations;
};

// Document `index` of the corpus of `seed`; depends on nothing else.
GeneratedDoc GenerateDocument(const Vocabulary& vocab, uint64_t seed, uint64_t index);

// The gold file's JSON (one object, one line).
std::string GoldJson(const GeneratedDoc& doc);

}  // namespace govkg::gen
