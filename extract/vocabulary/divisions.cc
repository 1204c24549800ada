// Loading the table of administrative divisions (see divisions_internal.h).
#include <map>

#include "extract/text/decode_internal.h"
#include "extract/vocabulary/divisions_internal.h"
#include "extract/vocabulary/lexicon_internal.h"

namespace govkg::internal {

Result<Divisions> Divisions::Load(const std::string& path) {
  Result<std::vector<LexiconLine>> lines = LoadLexiconFile(path);
  if (!lines.ok()) return lines.status();
  Divisions d;
  std::map<std::string, int> by_code;
  for (const LexiconLine& line : *lines) {
    const auto bad = [&](const char* what) {
      return Status::InvalidArgument("extract: lexicon " + path + ":" + std::to_string(line.line),
                                     what);
    };
    if (line.fields.size() < 3 || line.fields[0].size() != 6) return bad("expected NAME CODE LEVEL PARENT [SHORT]");
    Division v;
    v.name = FromUtf8(line.term);
    v.code = line.fields[0];
    v.level = line.fields[1].empty() ? 0 : line.fields[1][0] - '0';
    if (v.level < 1 || v.level > 3) return bad("level must be 1, 2 or 3");
    const std::string& parent = line.fields[2];
    if (!parent.empty()) {
      const auto it = by_code.find(parent);
      if (it == by_code.end()) return bad("parent code not defined above");
      v.parent = it->second;
    }
    if (line.fields.size() > 3) v.short_form = FromUtf8(line.fields[3]);
    by_code[v.code] = static_cast<int>(d.all_.size());
    d.all_.push_back(std::move(v));
  }
  return d;
}

int Divisions::ByCode(const std::string& code) const {
  for (size_t i = 0; i < all_.size(); ++i) {
    if (all_[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

bool Divisions::Within(int i, int ancestor) const {
  for (; i >= 0; i = all_[static_cast<size_t>(i)].parent) {
    if (i == ancestor) return true;
  }
  return false;
}

int Divisions::AncestorAt(int i, int level) const {
  for (; i >= 0; i = all_[static_cast<size_t>(i)].parent) {
    if (all_[static_cast<size_t>(i)].level == level) return i;
  }
  return -1;
}

}  // namespace govkg::internal
