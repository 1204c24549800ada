// bench/gen_vocab_internal.h: the corpus generator's vocabulary.
//
// Loaded from bench/gen_data/*.txt (see its README.md); kept apart from the
// extractor's lexicons so that generated names are new to the extractor.
#pragma once

#include <string>
#include <vector>

#include "model/status.h"

namespace govkg::gen {

struct AgencyKind {
  std::string level;                    // 省, 市 or 县
  std::string kind;                     // 公安厅
  std::string alias;                    // 省公安厅
  std::vector<std::string> sub_units;   // 治安管理总队, ...
  std::vector<std::string> titles;      // 总队长, ...
};

enum class MetricKind { kCount, kBig, kMoney, kRate };

struct MetricSpec {
  std::string name;  // 破获刑事案件
  std::string unit;  // 起
  double min = 0;
  double max = 0;
  MetricKind kind = MetricKind::kCount;
};

// A real prefecture-level city and its province, from the table of
// administrative divisions (extract/lexicon/admin_divisions.txt), so that the
// extractor's region scopes apply to the documents written about it.
struct RealRegion {
  std::string province, province_short, province_code;  // 广东省, 广东, 440000
  std::string city, city_short, city_code;              // 江门市, 江门, 440700
};

struct Vocabulary {
  std::vector<std::string> place_chars;
  std::vector<std::string> surnames;
  std::vector<std::string> given_chars;
  std::vector<AgencyKind> agencies;
  std::vector<std::string> program_words;
  std::vector<std::string> program_kinds;
  std::vector<std::string> domains;
  std::vector<MetricSpec> metrics;
  std::vector<std::string> filler;
  std::vector<std::string> sites;
  std::vector<std::string> media;
  std::vector<std::string> generic_bodies;  // 公安机关, 禁毒部门: named by a region's documents
  std::vector<std::string> campaign_openings;  // 夏季: a city's campaign 夏季…整治行动, “夏季行动”
  std::vector<RealRegion> regions;          // every usable city of the table of divisions
};

// Reads every list of `dir` and the usable cities of the table of divisions
// `divisions`; a missing file or a malformed line is an error naming the file
// and line.
Result<Vocabulary> LoadVocabulary(const std::string& dir, const std::string& divisions);

}  // namespace govkg::gen
