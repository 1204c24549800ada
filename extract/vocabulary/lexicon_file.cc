#include <fstream>

#include "extract/text/decode_internal.h"
#include "extract/vocabulary/lexicon_internal.h"
#include "model/tsv.h"

namespace govkg::internal {

Result<std::vector<LexiconLine>> LoadLexiconFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("extract: lexicon " + path, "cannot open");
  std::vector<LexiconLine> lines;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.empty() || line[0] == '#') continue;
    if (const size_t bad = FirstInvalidUtf8(line); bad != std::string::npos) {
      return Status::InvalidArgument("extract: lexicon " + path + ":" + std::to_string(number),
                                     "not valid UTF-8 at byte " + std::to_string(bad + 1) +
                                         " of the line");
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
