// export/import_check.cc: see import_check.h.
#include "export/import_check.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

namespace govkg {
namespace {

namespace fs = std::filesystem;

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path.string(), "cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The files of `folder` whose names start with `prefix` and end in .csv, sorted.
Result<std::vector<fs::path>> CsvFiles(const std::string& folder, std::string_view prefix) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(prefix) && name.ends_with(".csv")) files.push_back(it->path());
  }
  if (ec) return Status::IOError(folder, ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

// "nodes_Agency.csv", "nodes_" → "Agency".
std::string Stem(const fs::path& file, std::string_view prefix) {
  const std::string name = file.filename().string();
  return name.substr(prefix.size(), name.size() - prefix.size() - 4);
}

// ":ID(Entity)" → "Entity"; ":ID" → "".
std::string IdSpace(std::string_view column, std::string_view tag) {
  const size_t at = column.find(tag);
  std::string_view rest = column.substr(at + tag.size());
  if (rest.starts_with('(') && rest.ends_with(')')) return std::string(rest.substr(1, rest.size() - 2));
  return "";
}

int FindColumn(const std::vector<std::string>& header, std::string_view tag) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i].find(tag) != std::string::npos) return static_cast<int>(i);
  }
  return -1;
}

std::string Where(const fs::path& file, uint64_t line) {
  return file.filename().string() + ":" + std::to_string(line);
}

}  // namespace

Result<std::vector<CsvRecord>> ParseCsv(const std::string& name, const std::string& text) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  uint64_t line = 1, quote_line = 0;
  bool quoted = false, started = false;
  const auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!started) {
      record.line = line;
      started = true;
    }
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
      quote_line = line;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_field();
      records.push_back(std::move(record));
      record = CsvRecord{};
      started = false;
      ++line;
    } else {
      field.push_back(c);
    }
  }
  if (quoted) return Status::InvalidArgument(name + ":" + std::to_string(quote_line), "quoted field never closed");
  if (started) {
    end_field();
    records.push_back(std::move(record));
  }
  return records;
}

namespace {

// The records of one CSV file, errors naming the file.
Result<std::vector<CsvRecord>> ReadCsv(const fs::path& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseCsv(path.filename().string(), *text);
}

}  // namespace

Result<ImportCheck> CheckNeo4jImport(const std::string& folder) {
  ImportCheck check;
  std::map<std::string, std::map<std::string, std::string>> ids;  // id space → id → where defined
  Result<std::vector<fs::path>> node_files = CsvFiles(folder, "nodes_");
  if (!node_files.ok()) return node_files.status();
  for (const fs::path& file : *node_files) {
    Result<std::vector<CsvRecord>> rows = ReadCsv(file);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) {
      check.problems.push_back(Where(file, 1) + ": no header");
      continue;
    }
    const std::vector<std::string>& header = rows->front().fields;
    const int id_col = FindColumn(header, ":ID");
    if (id_col < 0) {
      check.problems.push_back(Where(file, 1) + ": header has no :ID column");
      continue;
    }
    const std::string space = IdSpace(header[id_col], ":ID");
    uint64_t& count = check.nodes[Stem(file, "nodes_")];
    for (size_t r = 1; r < rows->size(); ++r) {
      const CsvRecord& row = (*rows)[r];
      if (row.fields.size() != header.size()) {
        check.problems.push_back(Where(file, row.line) + ": " + std::to_string(row.fields.size()) +
                                 " fields, the header has " + std::to_string(header.size()));
        continue;
      }
      ++count;
      const std::string& id = row.fields[id_col];
      const auto [it, added] = ids[space].emplace(id, Where(file, row.line));
      if (!added) {
        check.problems.push_back(Where(file, row.line) + ": :ID \"" + id + "\" in id space \"" + space +
                                 "\" already defined at " + it->second);
      }
    }
  }
  const fs::path rel_file = fs::path(folder) / "relationships.csv";
  Result<std::vector<CsvRecord>> rows = ReadCsv(rel_file);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return check;
  const std::vector<std::string>& header = rows->front().fields;
  const int start = FindColumn(header, ":START_ID"), end = FindColumn(header, ":END_ID");
  if (start < 0 || end < 0) {
    check.problems.push_back("relationships.csv:1: header lacks :START_ID or :END_ID");
    return check;
  }
  const std::string start_space = IdSpace(header[start], ":START_ID");
  const std::string end_space = IdSpace(header[end], ":END_ID");
  std::map<std::vector<std::string>, uint64_t> seen;  // whole row → line
  for (size_t r = 1; r < rows->size(); ++r) {
    const CsvRecord& row = (*rows)[r];
    if (row.fields.size() != header.size()) {
      check.problems.push_back(Where(rel_file, row.line) + ": " + std::to_string(row.fields.size()) +
                               " fields, the header has " + std::to_string(header.size()));
      continue;
    }
    ++check.relationships;
    if (!ids[start_space].contains(row.fields[start])) {
      check.problems.push_back(Where(rel_file, row.line) + ": :START_ID \"" + row.fields[start] + "\" not defined");
    }
    if (!ids[end_space].contains(row.fields[end])) {
      check.problems.push_back(Where(rel_file, row.line) + ": :END_ID \"" + row.fields[end] + "\" not defined");
    }
    const auto [it, added] = seen.emplace(row.fields, row.line);
    if (!added) {
      check.problems.push_back(Where(rel_file, row.line) + ": same row as line " + std::to_string(it->second));
    }
  }
  return check;
}

Result<ImportCheck> CheckNebulaImport(const std::string& folder) {
  ImportCheck check;
  std::map<std::string, std::string> all_vids;  // vid → where first defined (any tag)
  Result<std::vector<fs::path>> vertex_files = CsvFiles(folder, "vertices_");
  if (!vertex_files.ok()) return vertex_files.status();
  for (const fs::path& file : *vertex_files) {
    Result<std::vector<CsvRecord>> rows = ReadCsv(file);
    if (!rows.ok()) return rows.status();
    const std::string tag = Stem(file, "vertices_");
    uint64_t& count = check.nodes[tag];
    std::map<std::string, uint64_t> vids;  // per tag
    for (size_t r = 1; r < rows->size(); ++r) {
      const CsvRecord& row = (*rows)[r];
      if (row.fields.size() != rows->front().fields.size()) {
        check.problems.push_back(Where(file, row.line) + ": field count differs from the header");
        continue;
      }
      ++count;
      const auto [it, added] = vids.emplace(row.fields[0], row.line);
      if (!added) {
        check.problems.push_back(Where(file, row.line) + ": VID \"" + row.fields[0] + "\" of tag " + tag +
                                 " already at line " + std::to_string(it->second));
      }
      all_vids.emplace(row.fields[0], Where(file, row.line));
    }
  }
  Result<std::vector<fs::path>> edge_files = CsvFiles(folder, "edges_");
  if (!edge_files.ok()) return edge_files.status();
  for (const fs::path& file : *edge_files) {
    Result<std::vector<CsvRecord>> rows = ReadCsv(file);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) continue;
    const int rank = FindColumn(rows->front().fields, "rank");
    std::map<std::tuple<std::string, std::string, std::string>, uint64_t> edges;  // (src, dst, rank)
    for (size_t r = 1; r < rows->size(); ++r) {
      const CsvRecord& row = (*rows)[r];
      if (row.fields.size() != rows->front().fields.size() || row.fields.size() < 2) {
        check.problems.push_back(Where(file, row.line) + ": field count differs from the header");
        continue;
      }
      ++check.relationships;
      for (const int end : {0, 1}) {
        if (!all_vids.contains(row.fields[end])) {
          check.problems.push_back(Where(file, row.line) + ": " + (end == 0 ? "src" : "dst") + " \"" +
                                   row.fields[end] + "\" is no vertex");
        }
      }
      const std::string rank_value = rank >= 0 ? row.fields[rank] : "0";
      const auto [it, added] = edges.emplace(std::make_tuple(row.fields[0], row.fields[1], rank_value), row.line);
      if (!added) {
        check.problems.push_back(Where(file, row.line) + ": edge (src, dst, rank) already at line " +
                                 std::to_string(it->second) + "; NebulaGraph would keep only one");
      }
    }
  }
  return check;
}

}  // namespace govkg
