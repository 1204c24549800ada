#include <fstream>

#include "extract/vocabulary/lexicon_internal.h"
#include "model/tsv.h"

namespace govkg::internal {
namespace {

bool IsValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    }
    i += n;
  }
  return true;
}

}  // namespace

Result<std::vector<LexiconLine>> LoadLexiconFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("extract: lexicon " + path, "cannot open");
  std::vector<LexiconLine> lines;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.empty() || line[0] == '#') continue;
    if (!IsValidUtf8(line)) {
      return Status::InvalidArgument(
          "extract: lexicon " + path + ":" + std::to_string(number), "not valid UTF-8");
    }
    std::vector<std::string> parts = SplitTabs(line);
    LexiconLine entry;
    entry.term = std::move(parts[0]);
    entry.fields.assign(parts.begin() + 1, parts.end());
    entry.line = number;
    if (!entry.term.empty()) lines.push_back(std::move(entry));
  }
  if (in.bad()) return Status::IOError("extract: lexicon " + path, "read failed");
  return lines;
}

}  // namespace govkg::internal
