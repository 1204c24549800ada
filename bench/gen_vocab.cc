// bench/gen_vocab.cc: reads the generator's word lists (gen_data/*.txt).
#include "bench/gen_vocab_internal.h"

#include <cstdlib>
#include <fstream>
#include <map>
#include <string_view>

namespace govkg::gen {
namespace {

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t end = s.find(sep, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

// Non-empty, non-comment lines of dir/name with their 1-based line numbers.
Result<std::vector<std::pair<int, std::string>>> ReadLines(const std::string& dir,
                                                            const std::string& name) {
  const std::string path = dir + "/" + name;
  std::ifstream in(path);
  if (!in) return Status::IOError("gen: " + path, "cannot open");
  std::vector<std::pair<int, std::string>> lines;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    lines.emplace_back(number, line);
  }
  if (lines.empty()) return Status::InvalidArgument("gen: " + path, "no entries");
  return lines;
}

Status ReadList(const std::string& dir, const std::string& name, std::vector<std::string>* out) {
  auto lines = ReadLines(dir, name);
  if (!lines.ok()) return lines.status();
  for (auto& [number, line] : *lines) out->push_back(std::move(line));
  return Status::OK();
}

Status ReadAgencies(const std::string& dir, std::vector<AgencyKind>* out) {
  auto lines = ReadLines(dir, "agencies.txt");
  if (!lines.ok()) return lines.status();
  for (const auto& [number, line] : *lines) {
    const auto fields = Split(line, '\t');
    if (fields.size() != 5) {
      return Status::InvalidArgument("gen: " + dir + "/agencies.txt:" + std::to_string(number),
                                     "expected 5 tab-separated fields");
    }
    out->push_back({fields[0], fields[1], fields[2], Split(fields[3], ','), Split(fields[4], ',')});
  }
  return Status::OK();
}

Status ReadMetrics(const std::string& dir, std::vector<MetricSpec>* out) {
  auto lines = ReadLines(dir, "metrics.txt");
  if (!lines.ok()) return lines.status();
  for (const auto& [number, line] : *lines) {
    const auto fields = Split(line, '\t');
    const std::string where = "gen: " + dir + "/metrics.txt:" + std::to_string(number);
    if (fields.size() != 5) return Status::InvalidArgument(where, "expected 5 tab-separated fields");
    MetricSpec spec{fields[0], fields[1], std::atof(fields[2].c_str()), std::atof(fields[3].c_str()),
                    MetricKind::kCount};
    if (fields[4] == "count") {
      spec.kind = MetricKind::kCount;
    } else if (fields[4] == "big") {
      spec.kind = MetricKind::kBig;
    } else if (fields[4] == "money") {
      spec.kind = MetricKind::kMoney;
    } else if (fields[4] == "rate") {
      spec.kind = MetricKind::kRate;
    } else {
      return Status::InvalidArgument(where, "unknown kind '" + fields[4] + "'");
    }
    if (!(spec.min > 0) || spec.max < spec.min) return Status::InvalidArgument(where, "bad range");
    out->push_back(std::move(spec));
  }
  return Status::OK();
}

// The cities of the table of divisions (name, code, level, parent, short form)
// that a document can be about without doubt: a prefecture-level 市 of a 省 or
// 自治区, whose name and short form (two characters or more) name no other
// division, and whose province has a short form.
Status ReadRegions(const std::string& path, std::vector<RealRegion>* out) {
  std::ifstream in(path);
  if (!in) return Status::IOError("gen: " + path, "cannot open");
  struct Row {
    std::string name, code, parent, short_form;
    int level = 0;
  };
  std::vector<Row> rows;
  std::map<std::string, int> uses;  // names and short forms → how many divisions spell them
  std::map<std::string, size_t> by_code;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const auto f = Split(line, '\t');
    if (f.size() < 4) continue;
    Row r{f[0], f[1], f[3], f.size() > 4 ? f[4] : "", std::atoi(f[2].c_str())};
    ++uses[r.name];
    if (!r.short_form.empty()) ++uses[r.short_form];
    by_code[r.code] = rows.size();
    rows.push_back(std::move(r));
  }
  for (const Row& c : rows) {
    if (c.level != 2 || !c.name.ends_with("市") || c.short_form.size() < 6) continue;
    if (uses[c.name] != 1 || uses[c.short_form] != 1) continue;
    const auto p = by_code.find(c.parent);
    if (p == by_code.end()) continue;
    const Row& prov = rows[p->second];
    if (prov.short_form.empty() || !(prov.name.ends_with("省") || prov.name.ends_with("自治区"))) continue;
    out->push_back({prov.name, prov.short_form, prov.code, c.name, c.short_form, c.code});
  }
  if (out->empty()) return Status::InvalidArgument("gen: " + path, "no usable city");
  return Status::OK();
}

}  // namespace

Result<Vocabulary> LoadVocabulary(const std::string& dir, const std::string& divisions) {
  Vocabulary v;
  GOVKG_RETURN_IF_ERROR(ReadList(dir, "place_chars.txt", &v.place_chars));
  GOVKG_RETURN_IF_ERROR(ReadList(dir, "surnames.txt", &v.surnames));
  GOVKG_RETURN_IF_ERROR(ReadList(dir, "given_chars.txt", &v.given_chars));
  GOVKG_RETURN_IF_ERROR(ReadAgencies(dir, &v.agencies));
  GOVKG_RETURN_IF_ERROR(ReadList(dir, "program_words.txt", &v.program_words));
  GOVKG_RETURN_IF_ERROR(ReadList(dir, "program_kinds.txt", &v.program_kinds));
  GOVKG_RETURN_IF_ERROR(ReadList(dir, "domains.txt", &v.domains));
  GOVKG_RETURN_IF_ERROR(ReadMetrics(dir, &v.metrics));
  GOVKG_RETURN_IF_ERROR(ReadList(dir, "filler.txt", &v.filler));
  GOVKG_RETURN_IF_ERROR(ReadList(dir, "sites.txt", &v.sites));
  GOVKG_RETURN_IF_ERROR(ReadList(dir, "media.txt", &v.media));
  GOVKG_RETURN_IF_ERROR(ReadList(dir, "generic_bodies.txt", &v.generic_bodies));
  GOVKG_RETURN_IF_ERROR(ReadList(dir, "campaign_openings.txt", &v.campaign_openings));
  GOVKG_RETURN_IF_ERROR(ReadRegions(divisions, &v.regions));
  for (const auto& level : {"省", "市", "县"}) {
    bool found = false;
    for (const auto& a : v.agencies) found = found || a.level == level;
    if (!found) return Status::InvalidArgument("gen: " + dir + "/agencies.txt", std::string("no agency of level ") + level);
  }
  return v;
}

}  // namespace govkg::gen
