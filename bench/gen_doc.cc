// bench/gen_doc.cc: composes one press-conference document (speaker turns,
// enumerations 一是…二是…, metrics) and records every planted fact as gold.
#include "bench/gen_doc_internal.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "bench/gen_metric_internal.h"
#include "bench/gen_rng_internal.h"

namespace govkg::gen {
namespace {

const char* const kOrdinals[] = {"一是", "二是", "三是", "四是", "五是"};
const char* const kCount[] = {"", "一", "两", "三", "四", "五"};
const char* const kVerbs[] = {"精心组织开展", "深入推进", "全面实施", "持续开展", "扎实推进"};
const char* const kCoopVerbs[] = {"会同", "联合"};

struct Agency {
  int entity = -1;
  std::string full;   // 岚河市公安局
  std::string alias;  // 市公安局
  const AgencyKind* kind = nullptr;
  std::string cluster;  // truth cluster in a document about a real city, else empty
};

class DocBuilder {
 public:
  // `real`: the city the document is about, or nullptr for invented places;
  // `campaign`: that city's campaign (夏季道路交通安全整治行动, “夏季行动”).
  DocBuilder(const Vocabulary& vocab, Rng& rng, const RealRegion* real,
             std::pair<std::string, std::string> campaign, GeneratedDoc* doc)
      : vocab_(vocab), rng_(rng), real_(real), campaign_(std::move(campaign)), doc_(doc) {}

  void Build() {
    if (real_ != nullptr) {
      // Only provincial and city bodies: the city stays the document's region.
      province_ = real_->province;
      city_ = real_->city;
      county_ = real_->city;
      doc_->traditional = rng_.Chance(0.15);
      // The city's campaign: its full name, the full name and later its
      // quoted short name (the document gives the alias), or the short name only.
      campaign_form_ = rng_.Chance(0.7) ? static_cast<int>(rng_.Int(0, 2)) : -1;
    } else {
      province_ = PlaceName("省");
      city_ = PlaceName("市");
      county_ = PlaceName("县");
    }
    domain_ = rng_.Pick(vocab_.domains);
    const int speakers = static_cast<int>(rng_.Int(2, 4));
    for (int i = 0; i < speakers; ++i) agencies_.push_back(NewAgency());

    // Title and opening paragraph.
    Mention(Entity("Place", city_, {}), city_);
    Add("召开" + domain_ + "工作新闻发布会\n");
    Add(std::to_string(rng_.Int(1, 12)) + "月" + std::to_string(rng_.Int(1, 28)) + "日，");
    const int office = Entity("Agency", city_ + "人民政府新闻办公室", {});
    if (real_ != nullptr) Truth(office, "Agency/" + real_->city_code + "/人民政府新闻办公室");
    Mention(office, city_ + "人民政府新闻办公室");
    Add("召开新闻发布会，邀请");
    for (size_t i = 0; i < agencies_.size(); ++i) {
      if (i > 0) Add("、");
      Mention(agencies_[i].entity, agencies_[i].full);
    }
    Add("相关负责同志，就" + domain_ + "工作情况回答记者提问。\n");
    Add(rng_.Pick(vocab_.filler) + rng_.Pick(vocab_.filler) + "\n");
    if (real_ != nullptr && rng_.Chance(0.8)) GenericBody();
    for (size_t i = 0; i < agencies_.size(); ++i) Turn(agencies_[i]);
  }

 private:
  // --- text and gold bookkeeping ---------------------------------------
  void Add(std::string_view s) {
    doc_->text += s;
    for (const unsigned char c : s) pos_ += (c & 0xC0) != 0x80;
  }
  void BeginSentence() { sentence_start_ = pos_; }
  // Ends the sentence with `mark` and gives its span to the pending relations.
  void EndSentence(std::string_view mark) {
    Add(mark);
    for (auto& r : pending_) {
      r.evidence = {sentence_start_, pos_};
      doc_->relations.push_back(std::move(r));
    }
    pending_.clear();
    sentence_start_ = pos_;
  }
  int Entity(const std::string& type, const std::string& name, std::vector<std::string> aliases) {
    const std::string key = type + "\t" + name;
    if (auto it = by_name_.find(key); it != by_name_.end()) return it->second;
    GoldEntity e;
    const char prefix = type == "Agency" ? 'a' : type == "Program" ? 'p' : type == "Metric" ? 'm'
                      : type == "Person" ? 'x' : type == "Document" ? 'd' : 'l';
    e.id = prefix + std::to_string(doc_->entities.size() + 1);
    e.type = type;
    e.name = name;
    e.aliases = std::move(aliases);
    doc_->entities.push_back(std::move(e));
    const int index = static_cast<int>(doc_->entities.size()) - 1;
    if (type != "Metric") by_name_[key] = index;
    return index;
  }
  void Mention(int entity, std::string_view surface) {
    const size_t start = pos_;
    Add(surface);
    doc_->entities[static_cast<size_t>(entity)].mentions.emplace_back(start, pos_);
  }
  // Entity `entity` is a member of truth cluster `cluster` (once).
  void Truth(int entity, const std::string& cluster) {
    if (truth_entities_.insert(entity).second) doc_->truth.push_back({cluster, static_cast<size_t>(entity)});
  }
  void Relate(int s, const char* p, int o, std::optional<std::string> title = std::nullopt) {
    const std::string key = std::to_string(s) + p + std::to_string(o);
    if (!related_.insert(key).second) return;  // one edge per pair and predicate
    pending_.push_back({doc_->entities[static_cast<size_t>(s)].id, p,
                        doc_->entities[static_cast<size_t>(o)].id, std::move(title), {}});
  }

  // --- invented names ---------------------------------------------------
  std::string PlaceName(const char* level) {
    const std::string& a = rng_.Pick(vocab_.place_chars);
    std::string b = rng_.Pick(vocab_.place_chars);
    while (b == a) b = rng_.Pick(vocab_.place_chars);
    return a + b + level;
  }
  std::string PersonName() {
    std::string name = rng_.Pick(vocab_.surnames) + rng_.Pick(vocab_.given_chars);
    if (rng_.Chance(0.6)) name += rng_.Pick(vocab_.given_chars);
    return name;
  }
  const std::string& Region(const std::string& level) {
    return level == "省" ? province_ : level == "市" ? city_ : county_;
  }
  // A new agency of a random level and kind not used yet in this document.
  Agency NewAgency() {
    for (int attempt = 0;; ++attempt) {
      const AgencyKind& kind = rng_.Pick(vocab_.agencies);
      if (real_ != nullptr && kind.level == "县") continue;
      const std::string full = real_ != nullptr ? RealForm(kind) : Region(kind.level) + kind.kind;
      if (used_agencies_.count(full) && attempt < 50) continue;
      used_agencies_.insert(full);
      Agency a;
      a.full = full;
      a.alias = real_ != nullptr ? RealAlias(kind) : kind.alias;
      a.kind = &kind;
      a.entity = Entity("Agency", full, {a.alias});
      if (real_ != nullptr) {
        a.cluster = "Agency/" + (kind.level == "省" ? real_->province_code : real_->city_code) + "/" + kind.kind;
        Truth(a.entity, a.cluster);
      }
      return a;
    }
  }
  // How this document writes a body of the real city or its province, one
  // form per body and document: the full name (江门市公安局), the short form
  // of the division (江门公安局), for a city's body its province before it
  // (广东省江门市公安局), and the kind's abbreviation (江门市市场监管局).
  const std::string& RealForm(const AgencyKind& kind) {
    if (const auto it = forms_.find(&kind); it != forms_.end()) return it->second;
    const bool province = kind.level == "省";
    const std::string& region = province ? real_->province : real_->city;
    std::vector<std::string> forms = {region + kind.kind};
    // Not 景德镇 + 市场监督管理局: it reads as 景德镇市 + 场监督管理局.
    if (!kind.kind.starts_with(kind.level)) {
      forms.push_back((province ? real_->province_short : real_->city_short) + kind.kind);
    }
    if (!province) forms.push_back(real_->province + region + kind.kind);
    // The alias is the level word and the kind, abbreviated or not (省市场监管局).
    if (kind.alias.starts_with(kind.level)) {
      const std::string abbreviated = kind.alias.substr(kind.level.size());
      if (abbreviated != kind.kind && abbreviated.size() >= 6) forms.push_back(region + abbreviated);
    }
    const size_t pick = rng_.Chance(0.4) ? 0 : static_cast<size_t>(rng_.Int(1, static_cast<int64_t>(forms.size()) - 1));
    return forms_.emplace(&kind, forms[pick]).first->second;
  }
  // The short alias in the level word of the real division: 自治区公安厅 in a
  // text about 内蒙古自治区, not 省公安厅.
  std::string RealAlias(const AgencyKind& kind) const {
    if (kind.level != "省" || !kind.alias.starts_with(kind.level)) return kind.alias;
    const std::string level = real_->province.ends_with("自治区") ? "自治区" : "省";
    return level + kind.alias.substr(kind.level.size());
  }
  // The city's campaign in this document's form (the first item of the first turn).
  int CampaignMention() {
    campaign_done_ = true;
    const bool full = campaign_form_ != 2;
    const std::string& name = full ? campaign_.first : campaign_.second;
    const int e = Entity("Program", name, campaign_form_ == 1 ? std::vector<std::string>{campaign_.second}
                                                              : std::vector<std::string>{});
    Truth(e, "Program/" + real_->city_code + "/campaign");
    Mention(e, full ? name : "“" + name + "”");
    return e;
  }
  // "今年以来，全市公安机关…": a generic name that means the city's body.
  void GenericBody() {
    Add(Period() + "，全市");
    const std::string& name = rng_.Pick(vocab_.generic_bodies);
    const int e = Entity("Agency", name, {});
    Truth(e, "Agency/" + real_->city_code + "/generic/" + name);
    Mention(e, name);
    Add("坚持打防并举，持续加强" + domain_ + "工作。\n");
  }
  // A program mention, quoted or not; returns the entity.
  int ProgramMention() {
    const std::string& kind = rng_.Pick(vocab_.program_kinds);
    const double form = rng_.Unit();
    std::string stem;
    bool quoted = true;
    if (form < 0.5) {
      const std::string& w1 = rng_.Pick(vocab_.program_words);
      std::string w2 = rng_.Pick(vocab_.program_words);
      while (w2 == w1) w2 = rng_.Pick(vocab_.program_words);
      stem = w1 + w2;
    } else if (form < 0.7) {
      stem = rng_.Pick(vocab_.program_words) + std::to_string(rng_.Int(2018, 2025));
    } else {
      stem = rng_.Pick(vocab_.domains);
      quoted = false;
    }
    const int e = Entity("Program", stem + kind, quoted ? std::vector<std::string>{stem}
                                                          : std::vector<std::string>{});
    Mention(e, quoted ? "“" + stem + "”" + kind : stem + kind);
    return e;
  }
  std::string Period() {
    switch (rng_.Int(0, 5)) {
      case 0: return "今年以来";
      case 1: return "今年1至" + std::to_string(rng_.Int(3, 11)) + "月";
      case 2: return std::to_string(rng_.Int(2019, 2025)) + "年";
      case 3: return "“十四五”以来";
      case 4: return "上半年";
      default: return "行动开展以来";
    }
  }

  // --- metrics ----------------------------------------------------------
  void PlantMetric(const WrittenMetric& w, int owner, const std::string& period) {
    const int m = Entity("Metric", w.name, {});
    auto& e = doc_->entities[static_cast<size_t>(m)];
    e.value = w.value;
    e.unit = w.unit;
    e.qualifier = w.qualifier;
    e.period = period;
    Mention(m, w.text);
    Relate(owner, "reports", m);
  }
  // "{period}，m1，m2同比上升3.5%；m3" (no final mark).
  void Metrics(int owner, int count, const std::string& period) {
    std::set<size_t> used;
    for (int i = 0; i < count; ++i) {
      size_t k = static_cast<size_t>(rng_.Int(0, static_cast<int64_t>(vocab_.metrics.size()) - 1));
      while (used.count(k)) k = (k + 1) % vocab_.metrics.size();
      used.insert(k);
      if (i > 0) Add(i % 3 == 0 ? "；" : "，");
      const MetricSpec& spec = vocab_.metrics[k];
      const WrittenMetric base = WriteMetric(spec, rng_);
      PlantMetric(base, owner, period);
      if (rng_.Chance(0.35)) {
        Add("，");
        PlantMetric(WriteChange(spec, base, rng_), owner, period);
      }
    }
  }

  // --- one speaker's turn -----------------------------------------------
  void Turn(const Agency& agency) {
    Add(PlaceName("市").substr(0, 6) + rng_.Pick(vocab_.media) + "记者：请问" + agency.alias + "在" +
        domain_ + "方面采取了哪些措施？取得了哪些成效？\n");
    // Speaker: 岚河市公安局治安管理支队支队长王建国：
    BeginSentence();
    const std::string& unit = rng_.Pick(agency.kind->sub_units);
    const int sub = Entity("Agency", agency.full + unit, {unit});
    if (!agency.cluster.empty()) Truth(sub, agency.cluster + "/" + unit);
    Mention(sub, agency.full + unit);
    const std::string& title = rng_.Pick(agency.kind->titles);
    Add(title);
    const int person = Entity("Person", PersonName(), {});
    Mention(person, doc_->entities[static_cast<size_t>(person)].name);
    Relate(sub, "subOrganizationOf", agency.entity);
    Relate(person, "holdsPost", sub, title);
    EndSentence("：");
    Add(rng_.Pick(vocab_.filler));
    sentence_start_ = pos_;

    // Agency-level figures, with a partner agency.
    const std::string period = Period();
    Add(period + "，");
    Mention(agency.entity, agency.alias);
    Add(kCoopVerbs[rng_.Int(0, 1)]);
    const Agency* partner = nullptr;
    for (const Agency& other : agencies_) {
      if (other.entity != agency.entity) partner = &other;
    }
    Agency fresh;
    if (partner == nullptr || rng_.Chance(0.5)) {
      fresh = NewAgency();
      partner = &fresh;
    }
    Mention(partner->entity, partner->full);
    Relate(agency.entity, "cooperatesWith", partner->entity);
    Add("持续加强" + domain_ + "工作，");
    Metrics(agency.entity, static_cast<int>(rng_.Int(2, 3)), period);
    EndSentence("。\n");

    // Enumeration under an umbrella program.
    const int n = static_cast<int>(rng_.Int(2, 4));
    Mention(agency.entity, agency.alias);
    Add("全力组织开展了");
    const std::string umbrella = std::string(kCount[n]) + "大行动";
    const int top = Entity("Program", umbrella, {});
    Mention(top, "“" + umbrella + "”");
    Relate(agency.entity, "conducts", top);
    EndSentence("，" + rng_.Pick(vocab_.filler) + "\n");
    for (int j = 0; j < n; ++j) Item(agency, top, j);
    if (rng_.Chance(0.5)) Add(rng_.Pick(vocab_.filler) + "\n");
  }

  void Item(const Agency& agency, int top, int j) {
    Add(kOrdinals[j]);
    Add(kVerbs[rng_.Int(0, 4)]);
    const bool campaign = campaign_form_ >= 0 && !campaign_done_;
    const int program = campaign ? CampaignMention() : ProgramMention();
    Relate(agency.entity, "conducts", program);
    Relate(program, "partOf", top);
    EndSentence("。");
    Add(rng_.Pick(vocab_.filler));
    if (rng_.Chance(0.6)) Add(rng_.Pick(vocab_.filler));
    sentence_start_ = pos_;
    if (rng_.Chance(0.3)) {
      Mention(agency.entity, agency.alias);
      Add("印发");
      const std::string title = Region(agency.kind->level) + rng_.Pick(vocab_.domains) +
                                (rng_.Chance(0.5) ? "工作实施方案" : "管理办法");
      const int doc = Entity("Document", title, {});
      Mention(doc, "《" + title + "》");
      Relate(agency.entity, "issues", doc);
      EndSentence("，明确了任务分工和完成时限。");
    }
    if (rng_.Chance(0.25)) {
      Add("行动期间，在");
      const std::string site = PlaceName("").append(rng_.Pick(vocab_.sites));
      const int place = Entity("Place", site, {});
      Mention(place, site);
      Relate(program, "locatedIn", place);
      EndSentence("等重点区域设立执法检查点。");
    }
    const std::string period = Period();
    Add(period + "，");
    Metrics(program, static_cast<int>(rng_.Int(2, 5)), period);
    if (campaign && campaign_form_ == 1) {
      Add("，“");
      Mention(program, campaign_.second);
      Add("”取得明显成效");
    }
    EndSentence("。\n");
  }

  const Vocabulary& vocab_;
  Rng& rng_;
  const RealRegion* real_;
  std::pair<std::string, std::string> campaign_;
  int campaign_form_ = -1;
  bool campaign_done_ = false;
  GeneratedDoc* doc_;
  size_t pos_ = 0;
  size_t sentence_start_ = 0;
  std::vector<GoldRelation> pending_;
  std::map<std::string, int> by_name_;
  std::set<std::string> related_;
  std::set<std::string> used_agencies_;
  std::map<const AgencyKind*, std::string> forms_;
  std::set<int> truth_entities_;
  std::vector<Agency> agencies_;
  std::string province_, city_, county_, domain_;
};

nlohmann::ordered_json Number(double v) {
  if (v == static_cast<double>(static_cast<int64_t>(v))) return static_cast<int64_t>(v);
  return v;
}

}  // namespace

GeneratedDoc GenerateDocument(const Vocabulary& vocab, uint64_t seed, uint64_t index,
                              const WorldOptions& world) {
  GeneratedDoc doc;
  char name[32];
  std::snprintf(name, sizeof name, "gen_%07llu.txt", static_cast<unsigned long long>(index));
  doc.name = name;
  // Whether the document is about a real city, and which, from streams of
  // their own: the other documents keep the text they had without cities.
  const RealRegion* real = nullptr;
  Rng choice(seed ^ 0x3A9E0C1DULL, index);
  if (!vocab.regions.empty() && world.cities > 0 && choice.Chance(world.regional_share)) {
    Rng cities(seed ^ 0xC171E5ULL, 0);
    std::vector<size_t> pool;
    while (pool.size() < std::min(world.cities, vocab.regions.size())) {
      const size_t c = static_cast<size_t>(cities.Int(0, static_cast<int64_t>(vocab.regions.size()) - 1));
      if (std::find(pool.begin(), pool.end(), c) == pool.end()) pool.push_back(c);
    }
    real = &vocab.regions[pool[static_cast<size_t>(choice.Int(0, static_cast<int64_t>(pool.size()) - 1))]];
  }
  // The city's campaign: one per city and seed, whatever the document.
  std::pair<std::string, std::string> campaign;
  if (real != nullptr) {
    Rng names(seed ^ 0xCA3E1A7ULL, static_cast<uint64_t>(real - vocab.regions.data()));
    const std::string& opening = names.Pick(vocab.campaign_openings);
    campaign = {opening + names.Pick(vocab.domains) + "整治行动", opening + "行动"};
  }
  Rng rng(seed, index);
  DocBuilder(vocab, rng, real, std::move(campaign), &doc).Build();
  return doc;
}

std::string TruthMemberJson(const GeneratedDoc& doc, const TruthMember& member) {
  const GoldEntity& e = doc.entities.at(member.entity);
  nlohmann::ordered_json mentions = nlohmann::ordered_json::array();
  for (const auto& [s, t] : e.mentions) mentions.push_back({s, t});
  return nlohmann::ordered_json{{"doc", doc.name}, {"type", e.type}, {"name", e.name}, {"mentions", std::move(mentions)}}
      .dump();
}

std::string GoldJson(const GeneratedDoc& doc) {
  nlohmann::ordered_json entities = nlohmann::ordered_json::array();
  for (const GoldEntity& e : doc.entities) {
    nlohmann::ordered_json j = {{"id", e.id}, {"type", e.type}, {"name", e.name}, {"aliases", e.aliases}};
    if (e.type == "Metric") {
      j["value"] = Number(e.value);
      j["unit"] = e.unit;
      j["qualifier"] = e.qualifier ? nlohmann::ordered_json(*e.qualifier) : nlohmann::ordered_json(nullptr);
      j["period"] = e.period ? nlohmann::ordered_json(*e.period) : nlohmann::ordered_json(nullptr);
    }
    nlohmann::ordered_json mentions = nlohmann::ordered_json::array();
    for (const auto& [s, t] : e.mentions) mentions.push_back({s, t});
    j["mentions"] = std::move(mentions);
    entities.push_back(std::move(j));
  }
  nlohmann::ordered_json relations = nlohmann::ordered_json::array();
  for (const GoldRelation& r : doc.relations) {
    nlohmann::ordered_json j = {{"s", r.s}, {"p", r.p}, {"o", r.o}};
    if (r.title) j["title"] = *r.title;
    j["evidence"] = {r.evidence.first, r.evidence.second};
    relations.push_back(std::move(j));
  }
  return nlohmann::ordered_json{{"doc", doc.name}, {"entities", std::move(entities)},
                        {"relations", std::move(relations)}}
      .dump();
}

}  // namespace govkg::gen
