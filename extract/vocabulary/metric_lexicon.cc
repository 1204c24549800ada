// extract/metric_lexicon.cc: loading the metric word lists, and the period
// grammar over them.
#include <cstdlib>

#include "extract/vocabulary/lexicon_internal.h"
#include "extract/recognize/metric_internal.h"
#include "extract/vocabulary/metric_lexicon_internal.h"

namespace govkg::internal {
namespace {

Status BadField(const std::string& path, const LexiconLine& line, const std::string& why) {
  return Status::InvalidArgument("extract: lexicon " + path + ":" + std::to_string(line.line), why);
}

const std::string* Field(const LexiconLine& line, size_t i) {
  return i < line.fields.size() && !line.fields[i].empty() ? &line.fields[i] : nullptr;
}

// Reads one metric_*.txt file and hands each line to `add`, which returns
// an error message for a malformed line (empty = fine).
template <typename AddFn>
Status LoadInto(const std::string& dir, const std::string& file, AddFn add) {
  const std::string path = dir + "/" + file;
  Result<std::vector<LexiconLine>> lines = LoadLexiconFile(path);
  if (!lines.ok()) return lines.status();
  for (const LexiconLine& line : *lines) {
    const std::u32string term = MetricDecodeUtf8(line.term);
    const std::string error = add(term, line);
    if (!error.empty()) return BadField(path, line, error);
  }
  return Status::OK();
}

}  // namespace

std::u32string MetricDecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string MetricEncodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (const char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

Result<MetricLexicon> MetricLexicon::Load(const std::string& dir) {
  MetricLexicon lex;
  GOVKG_RETURN_IF_ERROR(LoadInto(dir, "metric_units.txt",
      [&](const std::u32string& term, const LexiconLine& line) -> std::string {
        const std::string* base = Field(line, 0);
        if (base == nullptr) return "a unit needs its base unit (or -)";
        UnitEntry e;
        if (*base != "-") e.base = *base;
        if (const std::string* scale = Field(line, 1)) {
          char* end = nullptr;
          e.scale = std::strtod(scale->c_str(), &end);
          if (end == scale->c_str() || *end != '\0' || !(e.scale > 0)) return "bad scale " + *scale;
        }
        lex.units.Insert(term, std::move(e));
        return "";
      }));
  GOVKG_RETURN_IF_ERROR(LoadInto(dir, "metric_verbs.txt",
      [&](const std::u32string& term, const LexiconLine& line) -> std::string {
        const std::string* kind = Field(line, 0);
        if (kind != nullptr && *kind != "none" && *kind != "partner" && *kind != "event") {
          return "kind must be empty, none, partner or event";
        }
        if (kind != nullptr && *kind == "event") lex.event_verbs.insert(term);
        lex.verbs.Insert(term, kind == nullptr || *kind == "event" ? VerbKind::kVerb
                               : *kind == "none"                   ? VerbKind::kNotVerb
                                                                   : VerbKind::kPartner);
        return "";
      }));
  GOVKG_RETURN_IF_ERROR(LoadInto(dir, "metric_qualifiers.txt",
      [&](const std::u32string& term, const LexiconLine& line) -> std::string {
        const std::string* where = Field(line, 0);
        const std::string* canonical = Field(line, 1);
        if (where == nullptr || (*where != "pre" && *where != "post" && *where != "word") ||
            canonical == nullptr) {
          return "expected pre|post|word and a canonical qualifier (or -)";
        }
        lex.qualifiers.Insert(term, QualifierEntry{*where != "post", *canonical == "-" ? "" : *canonical,
                                                   *where == "word"});
        return "";
      }));
  GOVKG_RETURN_IF_ERROR(LoadInto(dir, "metric_changes.txt",
      [&](const std::u32string& term, const LexiconLine& line) -> std::string {
        const std::string* kind = Field(line, 0);
        if (kind == nullptr) return "expected up, down, cue or month";
        if (*kind == "up") {
          lex.changes.Insert(term, ChangeKind::kUp);
        } else if (*kind == "down") {
          lex.changes.Insert(term, ChangeKind::kDown);
        } else if (*kind == "cue") {
          lex.changes.Insert(term, ChangeKind::kCue);
        } else if (*kind == "month") {
          lex.changes.Insert(term, ChangeKind::kMonthCue);
        } else {
          return "expected up, down, cue or month, not " + *kind;
        }
        return "";
      }));
  GOVKG_RETURN_IF_ERROR(LoadInto(dir, "metric_periods.txt",
      [&](const std::u32string& term, const LexiconLine& line) -> std::string {
        const std::string* kind = Field(line, 0);
        static const std::pair<const char*, PeriodKind> kKinds[] = {
            {"word", PeriodKind::kWord},           {"both", PeriodKind::kBoth},
            {"prefix", PeriodKind::kPrefix},       {"suffix", PeriodKind::kSuffix},
            {"connector", PeriodKind::kConnector}, {"timeunit", PeriodKind::kTimeUnit}};
        for (const auto& [name, value] : kKinds) {
          if (kind != nullptr && *kind == name) {
            lex.periods.Insert(term, value);
            return "";
          }
        }
        return "expected word, both, prefix, suffix, connector or timeunit";
      }));
  GOVKG_RETURN_IF_ERROR(LoadInto(dir, "metric_period_clauses.txt",
      [&](const std::u32string& term, const LexiconLine& line) -> std::string {
        if (Field(line, 0) != nullptr) return "expected the word alone";
        lex.period_clause_ends.Insert(term, 1);
        return "";
      }));
  GOVKG_RETURN_IF_ERROR(LoadInto(dir, "metric_name_trim.txt",
      [&](const std::u32string& term, const LexiconLine& line) -> std::string {
        const std::string* kind = Field(line, 0);
        if (kind != nullptr && *kind == "lead") {
          lex.lead_trims.Insert(term, 1);
        } else if (kind != nullptr && *kind == "trail") {
          lex.trail_trims.Insert(term, 1);
        } else if (kind != nullptr && *kind == "distribute") {
          lex.distribute_cues.Insert(term, 1);
        } else if (kind != nullptr && *kind == "average") {
          lex.distribute_cues.Insert(term, 0);  // not the cue 均 it ends with
          lex.averages.insert(term);
        } else if (kind != nullptr && *kind == "total") {
          lex.totals.insert(term);
        } else if (kind != nullptr && *kind == "setting") {
          lex.settings.Insert(term, 1);
        } else if (kind != nullptr && *kind == "bound") {
          lex.trail_trims.Insert(term, 1);
          lex.bounds.insert(term);
        } else {
          return "expected lead, trail, distribute, average, total, setting or bound";
        }
        return "";
      }));
  // One-character level words (市, 县, 旗): a list of names ending in one
  // is a list of places, the subjects of a figure, not things counted.
  GOVKG_RETURN_IF_ERROR(LoadInto(dir, "region_levels.txt",
      [&](const std::u32string& term, const LexiconLine& line) -> std::string {
        const std::string* kind = Field(line, 0);
        if (term.size() == 1 && (kind == nullptr || *kind != "generic")) lex.level_chars += term;
        return "";
      }));
  GOVKG_RETURN_IF_ERROR(LoadInto(dir, "metric_implied_units.txt",
      [&](const std::u32string& term, const LexiconLine& line) -> std::string {
        const std::string* unit = Field(line, 0);
        if (unit == nullptr) return "expected the implied unit";
        lex.implied_units.Insert(term, *unit);
        return "";
      }));
  GOVKG_RETURN_IF_ERROR(LoadInto(dir, "metric_target_cues.txt",
      [&](const std::u32string& term, const LexiconLine& line) -> std::string {
        const std::string* kind = Field(line, 0);
        if (kind != nullptr && *kind != "verb") return "kind must be empty or verb";
        lex.targets.Insert(term, kind == nullptr ? 0 : 1);
        return "";
      }));
  return lex;
}

size_t MetricLexicon::MatchPeriodAt(std::u32string_view text, size_t pos) const {
  size_t p = pos;
  size_t good = pos;    // end of the longest complete period so far
  bool complete = false;  // a date or period word has been read
  while (p < text.size()) {
    const Trie<PeriodKind>::Match m = periods.LongestAt(text, p);
    const PeriodKind kind = m.length > 0 ? *m.payload : PeriodKind::kTimeUnit;
    if (m.length > 0 && (kind == PeriodKind::kWord || kind == PeriodKind::kBoth)) {
      p += m.length;
      complete = true;
      good = p;
      continue;
    }
    if (m.length > 0 && kind == PeriodKind::kPrefix) {
      p += m.length;
      continue;
    }
    if (m.length > 0 && kind == PeriodKind::kSuffix && complete) {
      p += m.length;
      good = p;
      continue;
    }
    if (m.length > 0 && kind == PeriodKind::kConnector && complete) {
      p += m.length;  // needs a date after it to count
      continue;
    }
    // number + time unit, or number + connector + number + time unit (1至8月)
    const ParsedNumber n = ParseNumberAt(text, p);
    if (n.length == 0 || n.is_percent) break;
    size_t q = p + n.length;
    Trie<PeriodKind>::Match unit = periods.LongestAt(text, q);
    if (unit.length > 0 && *unit.payload == PeriodKind::kConnector) {
      const ParsedNumber n2 = ParseNumberAt(text, q + unit.length);
      if (n2.length == 0) break;
      q += unit.length + n2.length;
      unit = periods.LongestAt(text, q);
    }
    if (unit.length == 0 || *unit.payload != PeriodKind::kTimeUnit) break;
    p = q + unit.length;
    complete = true;
    good = p;
  }
  return complete ? good - pos : 0;
}

}  // namespace govkg::internal
