// graph/series.h: metric series — the same figure followed across periods or
// regions.
//
// Takes: an open Store and a concept (破获刑事案件). Gives: every stored metric
// whose name normalises to that concept (共破获刑事案件, 破获各类刑事案件 …),
// with its period turned into a start and an end date and its reporter's
// region, grouped into points by period or by region.
// The rules (words dropped from names, synonyms, change markers, period words,
// region level words) are the data file extract/lexicon/series_rules.txt,
// compiled in; SeriesRules::Parse reads a user's file of the same format.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "model/status.h"
#include "store/store.h"

namespace govkg {

// A period as a closed range of dates, "YYYY-MM-DD". An unknown year is
// written XXXX (ISO 8601-2 / EDTF "unspecified digits": 今年上半年 without a
// reference year is XXXX-01-01 .. XXXX-06-30); an end that is "up to now"
// (以来) is "..". Empty start: the text names no period we can place
// (行动以来, 近年来).
struct PeriodRange {
  std::string start;
  std::string end;
  // For a change (同比, 较上年): the period it compares with, one year earlier.
  std::string compare_start;
  std::string compare_end;
  bool dated() const { return !start.empty(); }
  // "2023", "2023-01..2023-06", "XXXX-01-01..": what a series' axis shows.
  std::string Label() const;
  friend bool operator==(const PeriodRange&, const PeriodRange&) = default;
};

class SeriesRules {
 public:
  // The compiled-in rules of extract/lexicon/series_rules.txt.
  static const SeriesRules& Default();
  // Reads rules in the format of series_rules.txt; InvalidArgument names the line.
  [[nodiscard]] static Result<SeriesRules> Parse(std::string_view text);

  // 共破获刑事案件 → 破获刑事案件; 破获刑事案件较上年 → 破获刑事案件同比.
  std::string Concept(std::string_view metric_name) const;
  // True when the name ends in a change marker (同比, 较上年 …).
  bool IsChange(std::string_view metric_name) const;
  // `reference_year` resolves 今年/去年 (0: unknown, written XXXX).
  PeriodRange Period(std::string_view period, bool change, int reference_year = 0) const;
  // The region a reporter's name starts with: 内蒙古自治区公安厅 → 内蒙古自治区,
  // 岚河市公安局 → 岚河市; "" when it names none (公安部).
  std::string Region(std::string_view reporter_name) const;

  struct Rule {
    std::string term;
    std::string role;
    std::string field;
  };

 private:
  std::vector<Rule> rules_;
};

enum class SeriesBy { kPeriod, kRegion };
std::optional<SeriesBy> ParseSeriesBy(std::string_view text);

struct SeriesOptions {
  std::string concept_name;  // normalised with the rules before matching
  SeriesBy by = SeriesBy::kPeriod;
  int reference_year = 0;
  // --by region: only observations whose period label contains this ("2023").
  std::string period;
  // Only observations reported by this entity (or whose region is `region`).
  std::optional<EntityId> reporter;
  std::string region;
  const SeriesRules* rules = nullptr;  // null: SeriesRules::Default()
};

struct SeriesObservation {
  EntityId id = 0;
  std::string name;  // as stored
  MetricValue value;
  PeriodRange period;
  std::string region;
  std::vector<NameCandidate> reporters;
  std::vector<ProvenanceRecord> sources;
};

// One x of the series. Several observations may fall on one x (two reporters
// of the same year): the point's value is the largest, the figure of the
// widest scope, and all of them are listed.
struct SeriesPoint {
  std::string label;
  std::string start, end;  // the period (by period), empty by region
  double value = 0;
  std::vector<SeriesObservation> observations;
};

struct Series {
  std::string concept_name;
  std::string unit;  // the most common unit; observations in others are left out
  SeriesBy by = SeriesBy::kPeriod;
  std::vector<SeriesPoint> points;          // by start date, or by region
  std::vector<SeriesObservation> left_out;  // no placeable period (by period) or other unit
};

[[nodiscard]] Result<Series> BuildSeries(const Store& store, const SeriesOptions& options);

// Groups observations (already of one concept) into a series: the same logic
// as BuildSeries, for callers that hold observations.
Series GroupSeries(std::string concept_name, SeriesBy by,
                   std::vector<SeriesObservation> observations);

}  // namespace govkg
