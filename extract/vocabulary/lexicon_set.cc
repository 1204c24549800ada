// Loading the lexicon folder into one trie (see lexicon_set_internal.h).
#include <map>
#include <utility>

#include "extract/text/decode_internal.h"
#include "extract/vocabulary/lexicon_internal.h"
#include "extract/vocabulary/lexicon_set_internal.h"

namespace govkg::internal {
namespace {

// Merges one term's role into the map being built (terms may repeat across
// files, each adding a role).
void AddRole(std::map<std::u32string, LexEntry>* entries, const std::u32string& term,
             uint32_t role, const std::vector<std::string>& fields) {
  LexEntry& e = (*entries)[term];
  e.roles |= role;
  const std::string f1 = fields.empty() ? "" : fields[0];
  switch (role) {
    case kAgencyKind:
      e.single_char_kind |= f1 == "single";
      e.alone |= f1 == "alone";
      e.host |= f1 == "host";
      for (const std::string& f : fields) e.collective |= f == "collective";
      // "=市场监督管理局": the full form of an abbreviated kind word.
      // "=高级人民法院@省": the full form after that level word only.
      for (const std::string& f : fields) {
        if (f.size() <= 1 || f[0] != '=') continue;
        const size_t at = f.find('@');
        if (at == std::string::npos) {
          e.canonical_kind = FromUtf8(f.substr(1));
        } else {
          e.canonical_kind_after.emplace_back(FromUtf8(f.substr(at + 1)), FromUtf8(f.substr(1, at - 1)));
        }
      }
      break;
    case kProgramKind:
      e.weak_kind |= f1 == "weak";
      e.venue |= f1 == "venue";
      e.object_kind |= f1 == "object";
      e.short_name |= f1 == "short";
      e.quoted_only |= f1 == "quoted";
      for (const std::string& f : fields) e.site |= f == "site";
      break;
    case kRegionLevel:
      e.generic_level |= f1 == "generic";
      e.province |= f1 == "province";
      e.town_level |= f1 == "town";
      e.prefecture_level |= f1 == "prefecture";
      e.national_level |= f1 == "national";
      break;
    case kRegionName:
      if (!f1.empty()) e.full_name = FromUtf8(f1);
      e.province |= fields.size() > 1 && fields[1] == "province";
      break;
    case kAgencyName:
      if (!f1.empty()) e.full_name = FromUtf8(f1);
      break;
    case kConductVerb:
      e.ongoing |= f1 == "ongoing";
      break;
    case kBuildVerb:
      e.nominal |= f1 == "noun";
      break;
    case kProgramBrand:
      e.nation |= f1 == "nation";
      break;
    case kPlaceSuffix:
      e.list_only_place |= f1 == "list";
      e.numbered_place |= f1 == "numbered";
      break;
    case kPlaceName:
      e.basin |= f1 == "basin";
      break;
    case kGenericModifier:
      e.counting |= f1 == "count";
      break;
    case kPersonCue:
      e.speech |= f1 == "speech";
      break;
    default:
      break;
  }
}

uint32_t VerbRole(const std::string& kind) {
  if (kind == "conducts") return kConductVerb;
  if (kind == "cooperates") return kCoopVerb;
  if (kind == "issues") return kIssueVerb;
  if (kind == "build") return kBuildVerb;
  if (kind == "reference") return kReferenceVerb;
  if (kind == "blocker") return kBlocker;
  if (kind == "visit") return kVisitVerb;
  if (kind == "parts") return kPartsVerb | kConductVerb;
  return 0;
}

// Roles a user's --lexicon line may name in its second field.
uint32_t UserRole(const std::string& role) {
  static const std::map<std::string, uint32_t> kRoles = {
      {"agency", kAgencyName},         {"agency-kind", kAgencyKind},
      {"program-kind", kProgramKind},  {"region", kRegionName},
      {"region-level", kRegionLevel},  {"scope", kScopeWord},
      {"title", kTitle},               {"place", kPlaceName},
      {"place-suffix", kPlaceSuffix},  {"surname", kSurname},
      {"document-kind", kDocumentKind}, {"stop", kStopWord},
      {"generic", kGenericModifier},   {"not-kind", kNotKind},
      {"region-fact", kRegionFact},    {"work-done", kWorkDone},
      {"person-cue", kPersonCue},      {"program-brand", kProgramBrand},
  };
  const auto it = kRoles.find(role);
  if (it != kRoles.end()) return it->second;
  if (role.rfind("verb-", 0) == 0) return VerbRole(role.substr(5));
  return 0;
}

// The divisions' names into the trie. Full names, the short forms of
// provinces and the longer ones of prefectures (呼伦贝尔) are regions
// (kRegionName); a county's short form, a prefecture's of two characters
// (大连) and a name listed in region_ambiguous.txt (a common word too) are
// places only in context (kRegionShort).
void AddDivisions(const Divisions& divisions, const std::vector<LexiconLine>& ambiguous,
                  std::map<std::u32string, LexEntry>* entries) {
  std::map<std::u32string, bool> unsure;
  for (const LexiconLine& line : ambiguous) unsure[FromUtf8(line.term)] = true;
  // Fewer levels first: a term's first division is its commonest reading.
  for (int level = 1; level <= 3; ++level) {
    for (size_t i = 0; i < divisions.all().size(); ++i) {
      const Division& d = divisions.all()[i];
      if (d.level != level) continue;
      for (const std::u32string* term : {&d.name, &d.short_form}) {
        if (term->empty()) continue;
        const bool is_short = term == &d.short_form;
        LexEntry& e = (*entries)[*term];
        // Two-character short forms of prefectures hide in words (推广安全,
        // 集中卫生, 创新乡村): context decides for them too.
        const bool weak = unsure.count(*term) != 0 || d.name.size() <= 2 ||
                          (is_short && (level == 3 || (level == 2 && term->size() == 2)));
        if (!weak) {
          // region_names.txt may already say (内蒙古 → 内蒙古自治区).
          if ((e.roles & kRegionName) == 0 || e.full_name.empty()) e.full_name = d.name;
          e.roles |= kRegionName;
          e.province |= level == 1;
        } else {
          e.roles |= kRegionShort;
          e.prefecture_short |= is_short && level == 2;
        }
        e.divisions.push_back(static_cast<int>(i));
      }
    }
  }
  // region_names.txt's abbreviations (呼市 → 呼和浩特市) name that division.
  std::map<std::u32string, int> by_name;
  for (size_t i = 0; i < divisions.all().size(); ++i) {
    by_name.try_emplace(divisions.all()[i].name, static_cast<int>(i));
  }
  for (auto& [term, e] : *entries) {
    if ((e.roles & kRegionName) == 0 || !e.divisions.empty() || e.full_name.empty()) continue;
    if (const auto it = by_name.find(e.full_name); it != by_name.end()) e.divisions.push_back(it->second);
  }
}

}  // namespace

Result<std::unique_ptr<LexiconSet>> LexiconSet::Load(const std::string& dir,
                                                     const std::vector<std::string>& extra_files) {
  static const std::pair<const char*, uint32_t> kFiles[] = {
      {"agency_suffixes.txt", kAgencyKind},  {"agency_names.txt", kAgencyName},
      {"region_names.txt", kRegionName},     {"region_levels.txt", kRegionLevel},
      {"scope_words.txt", kScopeWord},       {"program_kinds.txt", kProgramKind},
      {"titles.txt", kTitle},                {"verbs.txt", 0},
      {"stop_words.txt", kStopWord},         {"place_names.txt", kPlaceName},
      {"place_suffixes.txt", kPlaceSuffix},  {"surnames.txt", kSurname},
      {"document_kinds.txt", kDocumentKind}, {"generic_modifiers.txt", kGenericModifier},
      {"not_kinds.txt", kNotKind},      {"name_words.txt", kNameWord},
      {"region_facts.txt", kRegionFact}, {"work_done.txt", kWorkDone},
      {"person_cues.txt", kPersonCue},  {"program_brands.txt", kProgramBrand},
  };
  std::map<std::u32string, LexEntry> entries;
  for (const auto& [file, role] : kFiles) {
    Result<std::vector<LexiconLine>> lines = LoadLexiconFile(dir + "/" + file);
    if (!lines.ok()) return lines.status();
    for (const LexiconLine& line : *lines) {
      const uint32_t r = role != 0 ? role : VerbRole(line.fields.empty() ? "" : line.fields[0]);
      if (r == 0) {
        return Status::InvalidArgument("extract: lexicon " + dir + "/" + file + ":" +
                                           std::to_string(line.line),
                                       "unknown verb kind");
      }
      std::vector<std::string> fields = line.fields;
      if (role == 0 && !fields.empty()) fields.erase(fields.begin());
      AddRole(&entries, FromUtf8(line.term), r, fields);
    }
  }
  Result<Divisions> divisions = Divisions::Load(dir + "/admin_divisions.txt");
  if (!divisions.ok()) return divisions.status();
  Result<std::vector<LexiconLine>> ambiguous = LoadLexiconFile(dir + "/region_ambiguous.txt");
  if (!ambiguous.ok()) return ambiguous.status();
  AddDivisions(*divisions, *ambiguous, &entries);
  // A user's file: TERM<TAB>ROLE[<TAB>field…]. Without a role the term is an
  // agency name, the commonest addition.
  for (const std::string& path : extra_files) {
    Result<std::vector<LexiconLine>> lines = LoadLexiconFile(path);
    if (!lines.ok()) return lines.status();
    for (const LexiconLine& line : *lines) {
      const std::string role_name = line.fields.empty() ? "agency" : line.fields[0];
      const uint32_t r = UserRole(role_name);
      if (r == 0) {
        return Status::InvalidArgument(
            "extract: lexicon " + path + ":" + std::to_string(line.line),
            "unknown role '" + role_name + "'");
      }
      std::vector<std::string> fields(line.fields.size() > 1 ? line.fields.begin() + 1
                                                             : line.fields.end(),
                                      line.fields.end());
      AddRole(&entries, FromUtf8(line.term), r, fields);
    }
  }
  auto set = std::unique_ptr<LexiconSet>(new LexiconSet());
  set->divisions_ = std::move(*divisions);
  // Plain word lists, read as they are.
  for (const auto& [file, words] : {std::pair{"chrome_words.txt", &set->chrome_words_},
                                    std::pair{"institution_words.txt", &set->institution_words_}}) {
    Result<std::vector<LexiconLine>> lines = LoadLexiconFile(dir + "/" + file);
    if (!lines.ok()) return lines.status();
    for (const LexiconLine& line : *lines) words->push_back(FromUtf8(line.term));
  }
  for (auto& [term, entry] : entries) {
    const char32_t c = term[0];
    if (c < 0x10000) set->first_chars_[c >> 3] |= static_cast<uint8_t>(1u << (c & 7));
    set->trie_.Insert(term, std::move(entry));
  }
  return set;
}

}  // namespace govkg::internal
