// extract/vocabulary/divisions_internal.h (private to extract/): China's
// administrative divisions (extract/lexicon/admin_divisions.txt) as a tree.
//
// Province (1), prefecture (2) and county (3) level, each with its GB/T 2260
// code, parent and short form. LexiconSet loads it and puts the names into
// its trie (LexEntry::divisions points back here); the region module reads
// the tree to find a document's region, to complete 县公安局, and for
// locatedIn along the hierarchy. Read-only after Load().
#pragma once

#include <string>
#include <vector>

#include "model/status.h"

namespace govkg::internal {

struct Division {
  std::u32string name;        // 开原市
  std::u32string short_form;  // 开原, empty when the stem is one character
  std::string code;           // 211282
  int level = 0;              // 1 province, 2 prefecture, 3 county
  int parent = -1;            // index, -1 for a province
};

class Divisions {
 public:
  // Reads admin_divisions.txt (name, code, level, parent code, short form).
  [[nodiscard]] static Result<Divisions> Load(const std::string& path);

  const std::vector<Division>& all() const { return all_; }
  const Division& at(int i) const { return all_[static_cast<size_t>(i)]; }
  bool empty() const { return all_.empty(); }
  // Index of the division with this code, or -1.
  int ByCode(const std::string& code) const;
  // Whether `i` is `ancestor` or lies below it.
  bool Within(int i, int ancestor) const;
  // The ancestor of `i` at `level` (i itself when at that level), or -1.
  int AncestorAt(int i, int level) const;

 private:
  std::vector<Division> all_;  // in file order: parents before children
};

}  // namespace govkg::internal
