// extract/vocabulary/lexicon_set_internal.h (private to extract/): the recognisers' vocabulary.
//
// Loads every lexicon file of extract/lexicon/ (and a user's --lexicon
// additions) into ONE trie whose payload says which roles a term plays, so a
// single pass over the text finds all vocabulary at once. Read-only after
// Load(); safe to share across threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extract/vocabulary/divisions_internal.h"
#include "extract/vocabulary/trie_internal.h"
#include "model/status.h"

namespace govkg::internal {

// Roles of a term; a term may have several.
enum LexRole : uint32_t {
  kAgencyKind = 1u << 0,      // 总队, 公安厅, 部门 …
  kAgencyName = 1u << 1,      // 公安部, 党中央 …
  kRegionName = 1u << 2,      // 内蒙古, 辽宁 …
  kRegionLevel = 1u << 3,     // 自治区, 省, 市 …
  kScopeWord = 1u << 4,       // 全区, 各级 …
  kProgramKind = 1u << 5,     // 专项行动, 工程 …
  kTitle = 1u << 6,           // 总队长, 政委 …
  kConductVerb = 1u << 7,     // 开展, 组织 …
  kCoopVerb = 1u << 8,        // 会同, 联合 …
  kIssueVerb = 1u << 9,       // 出台, 印发 …
  kBuildVerb = 1u << 10,      // 建成, 开通 …
  kReferenceVerb = 1u << 11,  // 按照, 根据 …
  kStopWord = 1u << 12,       // boundaries of names
  kPlaceName = 1u << 13,      // 黄河 …
  kPlaceSuffix = 1u << 14,    // 湖, 自然保护区 …
  kSurname = 1u << 15,
  kDocumentKind = 1u << 16,   // 法, 条例 …
  kGenericModifier = 1u << 17,  // 相关, 有关 …
  kNotKind = 1u << 18,          // 格局, 处理 …
  kNameWord = 1u << 20,         // 学习贯彻: a boundary inside it is ignored
  kBlocker = 1u << 19,          // 在, 向, 受到 …: an agency after it is not the actor
  // A division's name that is a place only where the document's region holds
  // it: counties' short forms (开原, 乐亭) and names that are also common
  // words (region_ambiguous.txt: 城区, 日照).
  kRegionShort = 1u << 24,
  kRegionFact = 1u << 21,       // 发生, 事故, 人口 …: a metric about a region, reported by the place
  kPersonCue = 1u << 23,        // 介绍, 表示, 同志 …: a word right after a person's name
  kWorkDone = 1u << 22,         // 查处, 隐患, 检查 …: work done, reported by the agency or program
  kVisitVerb = 1u << 25,        // 参观, 前往 …: the place after it is where the undertaking goes
  kPartsVerb = 1u << 26,        // 包括 …: the programs after it are parts of the one before
  kProgramBrand = 1u << 27,     // 平安, 法治 …: 平安+region+建设 names a program
};

struct LexEntry {
  uint32_t roles = 0;
  // Flags from the files' extra fields.
  bool single_char_kind = false;  // agency kind of one character (厅, 局)
  bool alone = false;             // agency kind that is a name by itself (公安厅)
  bool host = false;              // agency kind of a press office (新闻办): hosts, runs nothing
  bool collective = false;        // agency kind naming a region's bodies of it after 全省 (法院)
  bool weak_kind = false;         // program kind needing a verb or quotes (平台)
  bool venue = false;             // program kind that is a meeting (论坛), not field work
  bool ongoing = false;           // conducting verb that carries on work (深化), launches none
  bool nominal = false;           // building verb that is a noun after a noun (力量建设三年行动)
  bool nation = false;            // program brand file: a country's name (中国), not a brand
  bool quoted_only = false;       // program kind naming only around a quoted name (“两区”划定工作)
  bool short_name = false;        // program kind whose 2-character names are names (强基工程)
  bool object_kind = false;       // work noun (治理, 试点) naming a program only as the
                                  // whole object of a conducting verb
  bool site = false;              // program kind that is a place of its own (基地)
  bool generic_level = false;     // 盟市, 旗县
  bool province = false;          // region of province level
  bool counting = false;          // 一系列, 一批: a generic modifier that counts what it precedes
  bool town_level = false;        // 乡, 镇: level word of a town
  bool prefecture_level = false;  // 市, 州, 盟: one tier, listed side by side
  bool prefecture_short = false;  // a prefecture's two-character short form (苏州, 无锡)
  bool national_level = false;    // 国家, 中央: a name opening with it is national
  bool list_only_place = false;   // place suffix valid only in a 在…list
  bool numbered_place = false;    // place suffix named by a number before it (331国道)
  bool basin = false;             // place also called NAME流域
  bool speech = false;            // person cue that introduces what an official says (介绍)
  std::u32string full_name;       // regions: 内蒙古 → 内蒙古自治区; abbreviations
  std::u32string canonical_kind;  // agency kinds: 市场监管局 → 市场监督管理局
  // Full forms that depend on the level word before the kind (省|法院 →
  // 高级人民法院, 市|法院 → 中级人民法院): (level, full form) pairs.
  std::vector<std::pair<std::u32string, std::u32string>> canonical_kind_after;
  // Regions: the divisions (indices into LexiconSet::divisions()) the term
  // names, fewest levels first (长沙 → 长沙市, 长沙县).
  std::vector<int> divisions;
};

class LexiconSet {
 public:
  // Reads the files of `dir` plus `extra_files` (format: TERM<TAB>ROLE, ROLE
  // one of agency, agency-kind, program-kind, region, place, title, person-stop,
  // stop, verb-conducts …; see Load's implementation comment).
  [[nodiscard]] static Result<std::unique_ptr<LexiconSet>> Load(
      const std::string& dir, const std::vector<std::string>& extra_files);

  const Trie<LexEntry>& trie() const { return trie_; }
  const Divisions& divisions() const { return divisions_; }
  // chrome_words.txt: a short line holding one is page furniture.
  const std::vector<std::u32string>& chrome_words() const { return chrome_words_; }
  // institution_words.txt: after a region's short form (北京|大学) they name
  // an institution called after the place, not a body of its government.
  const std::vector<std::u32string>& institution_words() const { return institution_words_; }
  // Whether some term starts with c: a cheap filter before the trie walk.
  bool MayStart(char32_t c) const {
    return c >= first_chars_.size() * 8 || (first_chars_[c >> 3] >> (c & 7)) & 1;
  }

 private:
  Trie<LexEntry> trie_;
  Divisions divisions_;
  std::vector<std::u32string> chrome_words_;
  std::vector<std::u32string> institution_words_;
  std::vector<uint8_t> first_chars_ = std::vector<uint8_t>(0x10000 / 8, 0);  // BMP bitmap
};

}  // namespace govkg::internal
