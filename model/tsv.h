// model/tsv.h: the fields of one line of a tab-separated data file (the
// lexicons, and the tables compiled into the store from them).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace govkg {

// The fields of `line` between tabs; an empty line is one empty field.
inline std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace govkg
