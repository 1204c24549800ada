// Metric series: concepts, periods as date ranges, regions, and the grouping
// of observations into points.
#include "graph/series.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "graph/edges_internal.h"
#include "model/utf8.h"

namespace govkg {
namespace internal {
// extract/lexicon/series_rules.txt, compiled in (graph/CMakeLists.txt).
extern const char* const kSeriesRulesText[];
}  // namespace internal

using internal::ForEachEdge;
using internal::GetExisting;

namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
    s->replace(at, from.size(), to);
  }
}

// "2021-2025" → {2021, 2025}; false when it is not two numbers.
bool ParseRange(std::string_view text, int* first, int* last) {
  return std::sscanf(std::string(text).c_str(), "%d-%d", first, last) == 2;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int LastDay(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) return (year == 0 || IsLeap(year)) ? 29 : 28;
  return kDays[(month - 1) % 12];
}

// Year 0 is the unknown year, written XXXX.
std::string FormatDate(int year, int month, int day) {
  char buf[32];
  if (year == 0) {
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", month, day);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

// "2023-03-01" → 2023 (0 for XXXX or a malformed date).
int YearOf(std::string_view date) {
  int y = 0;
  if (date.size() < 10 || std::sscanf(std::string(date.substr(0, 4)).c_str(), "%d", &y) != 1) {
    return 0;
  }
  return y;
}

// The same date a year earlier (29 February becomes the 28th).
std::string YearBefore(const std::string& date) {
  if (date.size() != 10 || date == "..") return date;
  const int y = YearOf(date);
  if (y == 0) return date;
  int m = 0, d = 0;
  std::sscanf(date.c_str() + 5, "%d-%d", &m, &d);
  if (m == 2 && d == 29 && !IsLeap(y - 1)) d = 28;
  return FormatDate(y - 1, m, d);
}

// One date of a period phrase while it is read.
struct DatePart {
  bool has_year = false;
  int year = 0;  // 0: unknown (a relative year without a reference year)
  int month_first = 0, month_last = 0;
  int day = 0;
  bool any() const { return has_year || month_first != 0 || day != 0; }
};

constexpr std::string_view kConnectors[] = {"至", "到", "-", "—", "~", "－", "–"};

}  // namespace

std::optional<SeriesBy> ParseSeriesBy(std::string_view text) {
  if (text == "period") return SeriesBy::kPeriod;
  if (text == "region") return SeriesBy::kRegion;
  return std::nullopt;
}

std::string PeriodRange::Label() const {
  if (start.empty()) return "";
  const bool month_start = start.size() == 10 && start.substr(8) == "01";
  bool month_end = false;
  if (end.size() == 10) {
    const int y = YearOf(end);
    int m = 0, d = 0;
    std::sscanf(end.c_str() + 5, "%d-%d", &m, &d);
    month_end = m >= 1 && m <= 12 && d == LastDay(y, m);
  }
  if (end == "..") return (month_start ? start.substr(0, 7) : start) + "..";
  if (!month_start || !month_end) return start + ".." + end;
  const bool whole_years = start.substr(5, 2) == "01" && end.substr(5, 2) == "12";
  if (whole_years) {
    return start.substr(0, 4) == end.substr(0, 4) ? start.substr(0, 4)
                                                  : start.substr(0, 4) + ".." + end.substr(0, 4);
  }
  if (start.substr(0, 7) == end.substr(0, 7)) return start.substr(0, 7);
  return start.substr(0, 7) + ".." + end.substr(0, 7);
}

Result<SeriesRules> SeriesRules::Parse(std::string_view text) {
  static const std::set<std::string> kRoles = {"lead",  "drop",   "same",  "change",      "year",
                                               "years", "months", "since", "region-level"};
  SeriesRules rules;
  size_t line_no = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    Rule rule;
    const size_t t1 = line.find('\t');
    rule.term = std::string(line.substr(0, t1));
    if (t1 != std::string_view::npos) {
      std::string_view rest = line.substr(t1 + 1);
      const size_t t2 = rest.find('\t');
      rule.role = std::string(rest.substr(0, t2));
      if (t2 != std::string_view::npos) rule.field = std::string(rest.substr(t2 + 1));
    }
    int a = 0, b = 0;
    const bool needs_range = rule.role == "years" || rule.role == "months";
    if (rule.term.empty() || kRoles.count(rule.role) == 0 ||
        (needs_range && !ParseRange(rule.field, &a, &b)) ||
        (rule.role == "year" && std::sscanf(rule.field.c_str(), "%d", &a) != 1) ||
        ((rule.role == "same" || rule.role == "change") && rule.field.empty())) {
      return Status::InvalidArgument("series rules", "line " + std::to_string(line_no) +
                                                         ": bad rule '" + std::string(line) + "'");
    }
    rules.rules_.push_back(std::move(rule));
  }
  // Longest terms first, so that 比上年同期 wins over 比上年.
  std::stable_sort(rules.rules_.begin(), rules.rules_.end(),
                   [](const Rule& x, const Rule& y) { return x.term.size() > y.term.size(); });
  return rules;
}

const SeriesRules& SeriesRules::Default() {
  static const SeriesRules* const rules = [] {
    std::string text;
    for (const char* const* p = internal::kSeriesRulesText; *p != nullptr; ++p) text += *p;
    Result<SeriesRules> parsed = Parse(text);
    return new SeriesRules(parsed.ok() ? std::move(*parsed) : SeriesRules());
  }();
  return *rules;
}

bool SeriesRules::IsChange(std::string_view name) const {
  for (const Rule& r : rules_) {
    if (r.role == "change" && EndsWith(name, r.term)) return true;
  }
  return false;
}

std::string SeriesRules::Concept(std::string_view metric_name) const {
  std::string name(metric_name);
  std::string change;
  for (const Rule& r : rules_) {
    if (r.role == "change" && EndsWith(name, r.term)) {
      name.resize(name.size() - r.term.size());
      change = r.field;
      break;
    }
  }
  for (const Rule& r : rules_) {
    if (r.role == "same") ReplaceAll(&name, r.term, r.field);
  }
  for (const Rule& r : rules_) {
    if (r.role == "drop") ReplaceAll(&name, r.term, "");
  }
  for (bool again = true; again;) {
    again = false;
    for (const Rule& r : rules_) {
      if (r.role == "lead" && StartsWith(name, r.term) && name.size() > r.term.size()) {
        name.erase(0, r.term.size());
        again = true;
      }
    }
  }
  return name + change;
}

PeriodRange SeriesRules::Period(std::string_view text, bool change, int reference_year) const {
  DatePart parts[2];
  int part = 0;
  int plan_first = 0, plan_last = 0;
  bool since = false;
  int pending = -1;  // a number waiting for the unit of the next one (1至8月)
  size_t i = 0;
  while (i < text.size()) {
    DatePart& cur = parts[part];
    if (text[i] >= '0' && text[i] <= '9') {
      int n = 0;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') n = n * 10 + (text[i++] - '0');
      const std::string_view rest = text.substr(i);
      const bool months_ahead = StartsWith(rest, "个月");
      if (StartsWith(rest, "年") && n >= 1000) {
        cur.has_year = true;
        cur.year = n;
      } else if (months_ahead && i >= std::to_string(n).size() + 3 &&
                 text.substr(i - std::to_string(n).size() - 3, 3) == "前") {
        cur.month_first = 1;  // 前8个月
        cur.month_last = std::min(n, 12);
      } else if (StartsWith(rest, "月") && n >= 1 && n <= 12) {
        if (pending > 0 && part == 1) parts[0].month_first = pending;
        cur.month_first = n;
      } else if ((StartsWith(rest, "日") || StartsWith(rest, "号")) && n >= 1 && n <= 31) {
        if (pending > 0 && part == 1) parts[0].day = pending;
        cur.day = n;
      } else {
        pending = n;
        continue;
      }
      pending = -1;
      continue;
    }
    bool matched = false;
    for (std::string_view c : kConnectors) {
      if (StartsWith(text.substr(i), c) && (parts[0].any() || pending > 0)) {
        part = 1;
        i += c.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    for (const Rule& r : rules_) {
      if (!StartsWith(text.substr(i), r.term)) continue;
      int a = 0, b = 0;
      if (r.role == "year") {
        std::sscanf(r.field.c_str(), "%d", &a);
        cur.has_year = true;
        cur.year = reference_year == 0 ? 0 : reference_year + a;
      } else if (r.role == "years" && ParseRange(r.field, &a, &b)) {
        plan_first = a;
        plan_last = b;
      } else if (r.role == "months" && ParseRange(r.field, &a, &b)) {
        cur.month_first = a;
        cur.month_last = b;
      } else if (r.role == "since") {
        since = true;
      } else {
        continue;
      }
      i += r.term.size();
      matched = true;
      break;
    }
    if (matched) continue;
    // Any other character (时期, 期间, 份, quotes) says nothing about dates.
    i += Utf8Length(static_cast<unsigned char>(text[i]));
  }

  PeriodRange range;
  const DatePart& a = parts[0];
  const DatePart& b = parts[1];
  if (plan_first != 0) {
    range.start = FormatDate(plan_first, 1, 1);
    range.end = FormatDate(plan_last, 12, 31);
  } else if (a.any()) {
    const int year = a.year;
    const int m1 = a.month_first != 0 ? a.month_first : 1;
    range.start = FormatDate(year, m1, a.day != 0 ? a.day : 1);
    if (b.any()) {
      const int y2 = b.has_year ? b.year : year;
      const int m2 = b.month_last != 0 ? b.month_last : b.month_first != 0 ? b.month_first : m1;
      range.end = FormatDate(y2, m2, b.day != 0 ? b.day : LastDay(y2, m2));
    } else {
      const int m2 = a.month_last != 0 ? a.month_last : a.month_first != 0 ? a.month_first : 12;
      const int d2 = (a.day != 0 && a.month_last == 0) ? a.day : LastDay(year, m2);
      range.end = FormatDate(year, m2, d2);
    }
  } else {
    return range;  // nothing to place (行动以来, 近年来)
  }
  if (since) range.end = "..";
  if (change) {
    range.compare_start = YearBefore(range.start);
    range.compare_end = YearBefore(range.end);
  }
  return range;
}

std::string SeriesRules::Region(std::string_view name) const {
  // The earliest level word with at least two characters (6 bytes) before it,
  // the longest at that place; a word inside a longer one that starts too
  // early (区 of 自治区公安厅) does not count.
  size_t best_start = std::string_view::npos, best_end = 0;
  for (size_t at = 0; at < name.size() && best_start == std::string_view::npos; ++at) {
    for (const Rule& r : rules_) {
      if (r.role != "region-level" || !StartsWith(name.substr(at), r.term)) continue;
      if (at < 6) {
        at += r.term.size() - 1;  // skip the whole early word
      } else {
        best_start = at;
        best_end = at + r.term.size();
      }
      break;
    }
  }
  if (best_start == std::string_view::npos) return "";
  return std::string(name.substr(0, best_end));
}

namespace {

// The region of whoever reports a metric: the agency's or place's own name,
// or, for a program, that of an agency conducting it.
Result<std::string> ReporterRegion(const Store& store, const SeriesRules& rules,
                                   const NameCandidate& reporter) {
  if (reporter.type == EntityType::kPlace) {
    const std::string r = rules.Region(reporter.name);
    return r.empty() ? reporter.name : r;
  }
  std::string region = rules.Region(reporter.name);
  if (!region.empty() || reporter.type != EntityType::kProgram) return region;
  Status error;
  GOVKG_RETURN_IF_ERROR(ForEachEdge(store, reporter.id, Direction::kIn, {Predicate::kConducts},
                                    [&](const TripleRecord&, bool, EntityId agency) {
                                      Result<EntityRecord> a = GetExisting(store, agency);
                                      if (!a.ok()) {
                                        error = a.status();
                                        return false;
                                      }
                                      region = rules.Region(a->name);
                                      return region.empty();
                                    }));
  GOVKG_RETURN_IF_ERROR(error);
  return region;
}

Result<SeriesObservation> Observe(const Store& store, const SeriesRules& rules,
                                  const EntityRecord& metric, int reference_year) {
  SeriesObservation o;
  o.id = metric.id;
  o.name = metric.name;
  if (metric.metric) o.value = *metric.metric;
  o.period = rules.Period(o.value.period, rules.IsChange(metric.name), reference_year);
  Status error;
  GOVKG_RETURN_IF_ERROR(
      ForEachEdge(store, metric.id, Direction::kIn, {Predicate::kReports},
                  [&](const TripleRecord& t, bool, EntityId reporter) {
                    Result<EntityRecord> r = GetExisting(store, reporter);
                    if (!r.ok()) {
                      error = r.status();
                      return false;
                    }
                    o.reporters.push_back(NameCandidate{reporter, r->type, r->name, 0, r->scope});
                    error = store.ScanProvenance(t, [&](const ProvenanceRecord& p) {
                      o.sources.push_back(p);
                      return true;
                    });
                    return error.ok();
                  }));
  GOVKG_RETURN_IF_ERROR(error);
  for (const NameCandidate& r : o.reporters) {
    Result<std::string> region = ReporterRegion(store, rules, r);
    if (!region.ok()) return region.status();
    o.region = *region;
    if (!o.region.empty()) break;
  }
  return o;
}

}  // namespace

Series GroupSeries(std::string concept_name, SeriesBy by,
                   std::vector<SeriesObservation> observations) {
  Series series;
  series.concept_name = std::move(concept_name);
  series.by = by;
  std::map<std::string, size_t> units;
  for (const SeriesObservation& o : observations) ++units[o.value.unit];
  size_t best = 0;
  for (const auto& [unit, n] : units) {
    if (n > best) {
      best = n;
      series.unit = unit;
    }
  }
  // Key: (start, end) by period, the region by region.
  std::map<std::tuple<std::string, std::string>, SeriesPoint> points;
  for (SeriesObservation& o : observations) {
    const bool placeable = by == SeriesBy::kPeriod ? o.period.dated() : !o.region.empty();
    if (o.value.unit != series.unit || !placeable) {
      series.left_out.push_back(std::move(o));
      continue;
    }
    const auto key = by == SeriesBy::kPeriod ? std::tuple(o.period.start, o.period.end)
                                             : std::tuple(o.region, std::string());
    SeriesPoint& p = points[key];
    if (p.observations.empty()) {
      p.label = by == SeriesBy::kPeriod ? o.period.Label() : o.region;
      if (by == SeriesBy::kPeriod) {
        p.start = o.period.start;
        p.end = o.period.end;
      }
      p.value = o.value.value;
    }
    p.value = std::max(p.value, o.value.value);
    p.observations.push_back(std::move(o));
  }
  for (auto& [key, p] : points) series.points.push_back(std::move(p));
  return series;
}

Result<Series> BuildSeries(const Store& store, const SeriesOptions& options) {
  const SeriesRules& rules = options.rules != nullptr ? *options.rules : SeriesRules::Default();
  const std::string concept_name = rules.Concept(options.concept_name);
  if (concept_name.empty())
    return Status::InvalidArgument("metrics", "--concept must not be empty");
  std::vector<EntityRecord> metrics;
  GOVKG_RETURN_IF_ERROR(store.ScanEntities([&](const EntityRecord& e) {
    if (e.type == EntityType::kMetric && rules.Concept(e.name) == concept_name)
      metrics.push_back(e);
    return true;
  }));
  std::vector<SeriesObservation> observations;
  for (const EntityRecord& m : metrics) {
    Result<SeriesObservation> o = Observe(store, rules, m, options.reference_year);
    if (!o.ok()) return o.status();
    if (options.reporter) {
      const bool by_it =
          std::any_of(o->reporters.begin(), o->reporters.end(),
                      [&](const NameCandidate& c) { return c.id == *options.reporter; });
      if (!by_it) continue;
    }
    if (!options.region.empty() && o->region != options.region) continue;
    if (options.by == SeriesBy::kRegion && !options.period.empty() &&
        o->period.Label().find(options.period) == std::string::npos) {
      continue;
    }
    observations.push_back(std::move(*o));
  }
  return GroupSeries(concept_name, options.by, std::move(observations));
}

}  // namespace govkg
