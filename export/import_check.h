// export/import_check.h: checks the folders that `govkg export --format neo4j`
// and `--format nebula` write, the way the importers would see them, without
// the databases: neo4j-admin refuses a duplicate :ID within an id space and a
// relationship whose :START_ID/:END_ID is not defined; NebulaGraph keeps only
// the last vertex with a given VID in a tag and the last edge with a given
// (src, dst, rank) in an edge type. Used by the tests and by
// `govkg export --verify`.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/status.h"

namespace govkg {

struct ImportCheck {
  std::vector<std::string> problems;            // "relationships.csv:12: :END_ID … not defined"
  std::map<std::string, uint64_t> nodes;        // per node file type ("Agency" → 120)
  uint64_t relationships = 0;                   // edge rows
};

// Every nodes_<Type>.csv (with an :ID column) and relationships.csv of `folder`.
[[nodiscard]] Result<ImportCheck> CheckNeo4jImport(const std::string& folder);
// Every vertices_<Tag>.csv and edges_<type>.csv of `folder`.
[[nodiscard]] Result<ImportCheck> CheckNebulaImport(const std::string& folder);

// RFC 4180 records of `text` (quoted fields may hold commas, quotes written
// "" and line breaks). Each record with the line it starts on (from 1).
// InvalidArgument for an unterminated quote, naming `name` and the line.
struct CsvRecord {
  uint64_t line = 0;
  std::vector<std::string> fields;
};
[[nodiscard]] Result<std::vector<CsvRecord>> ParseCsv(const std::string& name, const std::string& text);

}  // namespace govkg
