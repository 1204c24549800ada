// extract/vocabulary/lexicon_internal.h (private to extract/): reading lexicon data files.
//
// Format of every file in extract/lexicon/ and of a user's --lexicon file:
// UTF-8, one entry per line, fields separated by a TAB; the first field is the
// term; '#' starts a comment line; blank lines are ignored. What the other
// fields mean is up to each file (documented in its header comment).
#pragma once

#include <string>
#include <vector>

#include "model/status.h"

namespace govkg::internal {

struct LexiconLine {
  std::string term;
  std::vector<std::string> fields;  // after the term
  int line = 0;                     // 1-based, for messages
};

// Reads one lexicon file. IOError when unreadable; InvalidArgument naming
// "file:line" when a line is not valid UTF-8.
[[nodiscard]] Result<std::vector<LexiconLine>> LoadLexiconFile(const std::string& path);

}  // namespace govkg::internal
