// Table tests of the relation rules and coreference: each row is a snippet
// and the triples (by name) that must or must not be extracted from it.
#include <algorithm>
#include <string>
#include <compare>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/extract/extract_test_util.h"

namespace govkg {
namespace {

struct Triple {
  std::string subject;
  Predicate predicate;
  std::string object;
  bool present = true;
};

struct Row {
  std::string text;
  std::vector<Triple> triples;
};

void CheckRows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    const DocumentGraph g = testing::ExtractText(row.text);
    for (const Triple& t : row.triples) {
      INFO(row.text << "\n  " << t.subject << " -" << PredicateName(t.predicate) << "-> "
                    << t.object);
      CHECK((testing::FindRelation(g, t.subject, t.predicate, t.object) != nullptr) == t.present);
    }
  }
}

TEST_CASE("Sentence patterns give structural relations", "[extract][relation]") {
  CheckRows({
      {"省公安厅刑事侦查总队总队长李明：今年以来，破获案件12起。",
       {{"李明", Predicate::kHoldsPost, "省公安厅刑事侦查总队"},
        {"省公安厅刑事侦查总队", Predicate::kSubOrganizationOf, "省公安厅"}}},
      // a press office hosts the conference about a program; it runs none
      {"省政府新闻办召开“清河专项行动”新闻发布会，省水利厅组织开展“清河专项行动”。",
       {{"省政府新闻办", Predicate::kConducts, "清河专项行动", false},
        {"省水利厅", Predicate::kConducts, "清河专项行动"}}},
      {"全省公安机关会同教育部门开展校园安全专项整治。",
       {{"公安机关", Predicate::kCooperatesWith, "教育部门"},
        {"公安机关", Predicate::kConducts, "校园安全专项整治"},
        {"教育部门", Predicate::kConducts, "校园安全专项整治", false}}},
      {"沿黄9省区公安机关共同签署《黄河流域警务合作协议》。",
       {{"沿黄9省区公安机关", Predicate::kIssues, "黄河流域警务合作协议"}}},
      {"在太湖、巢湖等重点水域设置公安机关水上派出所。",
       {{"公安机关水上派出所", Predicate::kLocatedIn, "太湖"},
        {"公安机关水上派出所", Predicate::kLocatedIn, "巢湖"}}},
      {"全省公安机关深入开展长江禁渔执法行动。",
       {{"长江禁渔执法行动", Predicate::kLocatedIn, "长江"}}},
      {"为贯彻公安部关于开展冬季治安整治行动的部署，全省公安机关组织开展冬季交通整治行动。",
       {{"公安部", Predicate::kConducts, "冬季治安整治行动"},
        {"公安机关", Predicate::kConducts, "冬季交通整治行动"}}},
  });
}

TEST_CASE("Regions listed before 分别 with changes report the thing changed before", "[extract][relation]") {
  const DocumentGraph g = testing::ExtractText(
      "湖北省统计局发布数据。分地区看，武汉市规模以上工业增加值增长8.3%，襄阳市、宜昌市分别增长8.9%和7.6%。");
  CHECK(testing::FindRelation(g, "襄阳市", Predicate::kReports, "规模以上工业增加值同比") != nullptr);
  CHECK(testing::FindRelation(g, "宜昌市", Predicate::kReports, "规模以上工业增加值同比") != nullptr);
  int regional = 0;
  for (const Entity& e : g.entities) regional += e.type == EntityType::kMetric && e.name == "规模以上工业增加值同比";
  CHECK(regional == 2);
}

TEST_CASE("Scope and collective level words between a cooperation verb and its partner are skipped",
          "[extract][relation]") {
  CheckRows({
      {"省公安厅联合各市公安局开展“净网”行动。", {{"省公安厅", Predicate::kCooperatesWith, "市公安局"}}},
      {"自治区畜牧兽医局联合各地市农业农村局开展“春秋两季集中免疫”行动。",
       {{"自治区畜牧兽医局", Predicate::kCooperatesWith, "农业农村局"}}},
      {"公安部刑事侦查局将会同各地公安机关，深入推进“净网2023”专项行动。",
       {{"公安部刑事侦查局", Predicate::kCooperatesWith, "公安机关"}}},
  });
}

TEST_CASE("A bare kind word in a list of partners is the body of that kind", "[extract][relation]") {
  const DocumentGraph g = testing::ExtractText("全省公安机关会同边防、海关等部门设置查缉点146个。");
  CHECK(testing::FindRelation(g, "公安机关", Predicate::kCooperatesWith, "海关") != nullptr);
  CHECK(testing::FindRelation(g, "公安机关", Predicate::kCooperatesWith, "边防部门") != nullptr);
  CHECK(testing::FindEntity(g, EntityType::kAgency, "海关部门") == nullptr);
}

TEST_CASE("Enumerated items named whole under a counted program are its parts", "[extract][relation]") {
  const DocumentGraph g = testing::ExtractText(
      "省农业农村厅组织实施“三大工程”：一是“梨树模式”推广工程，实施面积3750万亩；二是高标准农田建设工程，"
      "新建农田380万亩；三是黑土地保护性耕作示范区建设工程，建设示范区52个。");
  CHECK(testing::FindRelation(g, "高标准农田建设工程", Predicate::kPartOf, "三大工程") != nullptr);
  CHECK(testing::FindRelation(g, "黑土地保护性耕作示范区建设工程", Predicate::kPartOf, "三大工程") != nullptr);
  CHECK(testing::FindRelation(g, "省农业农村厅", Predicate::kConducts, "高标准农田建设工程") != nullptr);
  // an item that goes on past its kind word names no program of its own
  const DocumentGraph h = testing::ExtractText("一是专项行动取得明显成效，破获案件3起。");
  CHECK(testing::FindEntity(h, EntityType::kProgram, "专项行动") == nullptr);
}

TEST_CASE("A unit's shortened name is an alias of the unit named in full", "[extract][relation]") {
  const DocumentGraph g = testing::ExtractText(
      "省公安厅刑事侦查总队总队长王强出席。刑侦总队开展“断卡”行动，破获案件3起。");
  const Entity* unit = testing::FindEntity(g, EntityType::kAgency, "省公安厅刑事侦查总队");
  REQUIRE(unit != nullptr);
  CHECK(testing::Named(unit, "刑侦总队"));
  CHECK(testing::FindRelation(g, "省公安厅刑事侦查总队", Predicate::kConducts, "断卡行动") != nullptr);
  int agencies = 0;
  for (const Entity& e : g.entities) agencies += e.type == EntityType::kAgency;
  CHECK(agencies == 2);  // 省公安厅 and its unit, 刑侦总队 no third body
}

TEST_CASE("A body after 接入 is what was connected, not the turn's collective actor",
          "[extract][relation][discourse]") {
  const DocumentGraph g = testing::ExtractText(
      "主持人：请介绍情况。\n\n王明：今年以来，省大数据局实施“东数”工程，“云上”平台累计接入各级政务部门应用2860个。"
      "\n\n我们还组织开展了“万企融合”大行动，带动企业3200户。\n");
  CHECK(testing::FindRelation(g, "省大数据局", Predicate::kConducts, "东数工程") != nullptr);
  CHECK(testing::FindRelation(g, "政务部门", Predicate::kConducts, "万企融合大行动") == nullptr);
}

TEST_CASE("Discourse: the speaker's unit, enumeration headings, paragraph programs",
          "[extract][relation][discourse]") {
  const std::string text =
      "省公安厅治安管理总队总队长李明：全省公安机关治安部门组织开展了“两大行动”。\n"
      "一是精心组织开展“平安校园”专项行动。全省公安机关治安部门深入推进校园周边整治活动，"
      "设立警务室300余个，开展安全检查1190余次。\n"
      "二是精心组织开展“净网”专项行动。全省公安机关治安部门打掉窝点31处。\n";
  CheckRows({{text,
              {{"公安机关治安部门", Predicate::kConducts, "两大行动"},
               {"公安机关治安部门", Predicate::kConducts, "平安校园专项行动"},
               {"省公安厅治安管理总队", Predicate::kConducts, "平安校园专项行动"},
               {"平安校园专项行动", Predicate::kPartOf, "两大行动"},
               {"校园周边整治活动", Predicate::kPartOf, "平安校园专项行动"},
               {"净网专项行动", Predicate::kPartOf, "两大行动"},
               {"净网专项行动", Predicate::kPartOf, "平安校园专项行动", false}}}});
  const DocumentGraph g = testing::ExtractText(text);
  // Metrics belong to the program the item is about.
  int reported_by_program = 0;
  for (const Relation& r : g.relations) {
    if (r.predicate != Predicate::kReports) continue;
    const Entity* s = testing::EntityById(g, r.subject);
    REQUIRE(s != nullptr);
    if (s->name == "平安校园专项行动" || s->name == "净网专项行动") ++reported_by_program;
  }
  CHECK(reported_by_program >= 2);
}

TEST_CASE("Metrics of a region's facts belong to the region", "[extract][relation]") {
  const DocumentGraph g = testing::ExtractText("辽宁是沿海大省，海岸线长2110公里。");
  bool region = false;
  for (const Relation& r : g.relations) {
    region |= r.predicate == Predicate::kReports &&
              testing::Named(testing::EntityById(g, r.subject), "辽宁省");
  }
  CHECK(region);
}

// The name of the entity that reports the metric whose name is `metric`, or "".
std::string ReporterOf(const DocumentGraph& g, const std::string& metric) {
  for (const Relation& r : g.relations) {
    if (r.predicate != Predicate::kReports) continue;
    const Entity* o = testing::EntityById(g, r.object);
    const Entity* s = testing::EntityById(g, r.subject);
    if (o != nullptr && s != nullptr && o->name == metric) return s->name;
  }
  return "";
}

// Every reports edge as (reporter, metric name, value), sorted.
struct Figure {
  std::string reporter, metric;
  double value = 0;
  auto operator<=>(const Figure&) const = default;
};
std::vector<Figure> ReportedFigures(const DocumentGraph& g) {
  std::vector<Figure> out;
  for (const Relation& r : g.relations) {
    const Entity* metric = testing::EntityById(g, r.object);
    const Entity* reporter = testing::EntityById(g, r.subject);
    if (r.predicate != Predicate::kReports || metric == nullptr || !metric->metric || reporter == nullptr) {
      continue;
    }
    out.push_back({reporter->name, metric->name, metric->metric->value});
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("A county's text: figures nobody nearer owns are the county's", "[extract][relation]") {
  const DocumentGraph g = testing::ExtractText(
      "平江县农村公路建设稳步推进\n截至年底，全县农村公路通车里程达2150公里，"
      "等级公路铺装率达98.5%。");
  CHECK(ReporterOf(g, "农村公路通车里程") == "平江县");
  CHECK(ReporterOf(g, "等级公路铺装率") == "平江县");
}

TEST_CASE("A page of several articles: each article's figures are its own body's",
          "[extract][relation]") {
  const DocumentGraph g = testing::ExtractText(
      "## 防汛工作有序推进\n省水利厅介绍，省水利厅加强巡查。省水利厅组织演练，检查堤防320公里。"
      "省水利厅要求，省水利厅督促各地落实责任。省水利厅通报情况。\n"
      "## 就业形势总体稳定\n本报讯 省人力资源和社会保障厅加强服务，省人力资源和社会保障厅优化流程。\n"
      "王明 摄\n"
      "据了解，全年发放补贴资金2.3亿元。\n");
  CHECK(ReporterOf(g, "检查堤防") == "省水利厅");
  CHECK(ReporterOf(g, "发放补贴资金") == "省人力资源和社会保障厅");
}

TEST_CASE("Figures a press office announces are the region's, not the office's",
          "[extract][relation]") {
  const DocumentGraph g = testing::ExtractText(
      "记者从江西省政府新闻办召开的新闻发布会上了解到，今年江西粮食播种面积稳定在5600万亩。");
  CHECK(ReporterOf(g, "江西粮食播种面积") == "江西省");
}

TEST_CASE("Accidents that occurred are the region's, work done is the agency's",
          "[extract][relation]") {
  const DocumentGraph g = testing::ExtractText(
      "梧州市应急管理局通报安全生产形势。今年以来，广西共发生生产安全事故86起、死亡71人，"
      "同比分别下降12.5%、9.3%。梧州市应急管理局检查企业3200家，查处火灾隐患450处。");
  CHECK(ReporterOf(g, "发生生产安全事故") == "广西壮族自治区");
  CHECK(ReporterOf(g, "发生生产安全事故同比") == "广西壮族自治区");
  CHECK(ReporterOf(g, "检查企业") == "梧州市应急管理局");
  CHECK(ReporterOf(g, "查处火灾隐患") == "梧州市应急管理局");
}

TEST_CASE("Posts in one body joined by 、 are one title, a committee post is its own",
          "[extract][relation]") {
  const DocumentGraph g = testing::ExtractText(
      "省应急管理厅副厅长、新闻发言人张海涛表示，要做好防火工作。省林业局党组成员、副局长刘华介绍情况。");
  const Relation* post = testing::FindRelation(g, "张海涛", Predicate::kHoldsPost, "省应急管理厅");
  REQUIRE(post != nullptr);
  CHECK(post->title == "副厅长、新闻发言人");
  const Relation* deputy = testing::FindRelation(g, "刘华", Predicate::kHoldsPost, "省林业局");
  REQUIRE(deputy != nullptr);
  CHECK(deputy->title == "副局长");
}

TEST_CASE("Persons: ranked titles, 同志 after the name, chains of posts", "[extract][relation]") {
  CheckRows({
      // names that open with no common surname, right before a cue
      {"自治区农牧厅党组成员、副厅长次仁多吉介绍，牧业增产。",
       {{"次仁多吉", Predicate::kHoldsPost, "自治区农牧厅"}}},
      {"自治区公安厅副厅长买买提·吐尔逊表示，要加强工作。",
       {{"买买提·吐尔逊", Predicate::kHoldsPost, "自治区公安厅"}}},
      // an executive deputy's post (常务副主任) and a chief statistician's
      {"市禁毒委员会办公室常务副主任、市公安局副局长赵一鸣介绍情况。",
       {{"赵一鸣", Predicate::kHoldsPost, "市公安局"},
        {"赵一鸣", Predicate::kHoldsPost, "市禁毒委员会办公室"}}},
      {"省统计局新闻发言人、总统计师孙立新表示，经济运行平稳。",
       {{"孙立新", Predicate::kHoldsPost, "省统计局"}}},
      {"7月3日，江西省应急管理厅一级巡视员王大明在发布会上介绍说。",
       {{"王大明", Predicate::kHoldsPost, "江西省应急管理厅"}}},
      {"市交警支队副支队长王某某同志介绍了情况。",
       {{"王某某", Predicate::kHoldsPost, "市交警支队"}}},
      {"据江西省林业局党组成员、副局长刘华介绍，造林成效明显。",
       {{"刘华", Predicate::kHoldsPost, "江西省林业局"},
        {"刘华", Predicate::kHoldsPost, "江西省林业局党组"}}},
      {"江西省公安厅党委委员、副厅长张伟表示，今年以来成效明显。",
       {{"张伟", Predicate::kHoldsPost, "江西省公安厅"},
        {"张伟", Predicate::kHoldsPost, "江西省公安厅党委"}}},
      {"市禁毒办副主任、市公安局禁毒支队政委赵小华出席发布会。",
       {{"赵小华", Predicate::kHoldsPost, "市公安局禁毒支队"},
        {"赵小华", Predicate::kHoldsPost, "市禁毒办"}}},
  });
}

TEST_CASE("Documents: without 《》 after an issuing verb, lists sharing one verb",
          "[extract][relation][document]") {
  CheckRows({
      {"省政府办公厅印发了全省森林火灾应急预案，部署防火工作。",
       {{"省政府办公厅", Predicate::kIssues, "森林火灾应急预案"}}},
      {"市生态环境局出台城区扬尘治理实施方案和工地扬尘管理办法。",
       {{"市生态环境局", Predicate::kIssues, "城区扬尘治理实施方案"}}},
      {"市应急管理局修订各类应急预案。", {{"市应急管理局", Predicate::kIssues, "各类应急预案", false}}},
      // a document number after a title does not break the list
      {"市民政局印发了《低保审核办法》（临民〔2024〕12号）和《困难群众救助通知》（临民文〔2024〕35号）。",
       {{"市民政局", Predicate::kIssues, "低保审核办法"}, {"市民政局", Predicate::kIssues, "困难群众救助通知"}}},
      // …but other words in brackets do
      {"市民政局印发了《低保审核办法》（试行）和《困难群众救助通知》。",
       {{"市民政局", Predicate::kIssues, "困难群众救助通知", false}}},
      // the text's own title on its first line, issued by the byline under it
      {"2021年国民经济和社会发展统计公报[1]\n平江县统计局\n全年地区生产总值312.5亿元。",
       {{"平江县统计局", Predicate::kIssues, "2021年国民经济和社会发展统计公报"}}},
      {"市教育局积极履职，制定并下发了《关于开展校园安全大排查的通知》，部署排查。",
       {{"市教育局", Predicate::kIssues, "关于开展校园安全大排查的通知"}}},
      {"县委制定印发了《关于加强村级治理的工作方案》《村级治理重点任务清单》。",
       {{"县委", Predicate::kIssues, "关于加强村级治理的工作方案"},
        {"县委", Predicate::kIssues, "村级治理重点任务清单"}}},
      {"市水利局印发《河道防汛导则》和《堤防巡查导则》。",
       {{"市水利局", Predicate::kIssues, "河道防汛导则"},
        {"市水利局", Predicate::kIssues, "堤防巡查导则"}}},
      // a body moved to act by another (推动A出台) issues what it puts out
      {"市教育局推动市政府出台了《校园安全管理办法》。",
       {{"市政府", Predicate::kIssues, "校园安全管理办法"},
        {"市教育局", Predicate::kIssues, "校园安全管理办法", false}}},
      {"省水利厅推动省人大完成修正了《河道管理条例》。",
       {{"省人大", Predicate::kIssues, "河道管理条例"}}},
      // the last partner of a list is not the issuer alone
      {"省住建厅联合省民政厅、省财政厅印发《农房安全保障通知》。",
       {{"省住建厅", Predicate::kIssues, "农房安全保障通知"},
        {"省财政厅", Predicate::kIssues, "农房安全保障通知", false}}},
  });
}

TEST_CASE("An abbreviated sector kind (住建厅) is the body written in full", "[extract][coreference]") {
  const DocumentGraph g = testing::ExtractText(
      "浙江省住房和城乡建设厅召开会议。省住建厅副厅长陈某介绍了情况。");
  const Entity* full = testing::FindEntity(g, EntityType::kAgency, "浙江省住房和城乡建设厅");
  REQUIRE(full != nullptr);
  CHECK(testing::FindEntity(g, EntityType::kAgency, "省住建厅") == full);
}

TEST_CASE("A region's 警方 is its police (公安机关), and a time word before it is no part of it",
          "[extract][coreference]") {
  const DocumentGraph g = testing::ExtractText("一年来贵州警方开展“清源”行动，全省公安机关破获案件30起。");
  const Entity* police = testing::FindEntity(g, EntityType::kAgency, "贵州省公安机关");
  REQUIRE(police != nullptr);
  CHECK(testing::FindEntity(g, EntityType::kAgency, "贵州警方") == police);
  CHECK(testing::FindEntity(g, EntityType::kAgency, "来贵州警方") == nullptr);
}

TEST_CASE("A region's program of a nationwide brand takes place in the region, run by no one named",
          "[extract][relation]") {
  CheckRows({{"四川省委扎实推进平安四川建设，全省治安持续向好。",
              {{"平安四川建设", Predicate::kLocatedIn, "四川省"},
               {"四川省委", Predicate::kConducts, "平安四川建设", false}}}});
}

TEST_CASE("A body another one moves to act (推动A出台) is not the actor of what follows",
          "[extract][relation]") {
  CheckRows({{"赵某介绍：“今年以来，省林业局推动省政府出台了《森林防火条例》。"
              "在森林防火方面，组织开展了林区野外火源治理、林区输电线路隐患整治。”",
              {{"省林业局", Predicate::kConducts, "林区野外火源治理"},
               {"省政府", Predicate::kConducts, "林区野外火源治理", false}}}});
}

TEST_CASE("Units listed with one shared kind word are units of the body before them",
          "[extract][relation][agency]") {
  CheckRows({
      {"全省公安机关组织治安、刑侦、网安等部门开展清查。",
       {{"治安部门", Predicate::kSubOrganizationOf, "公安机关"},
        {"刑侦部门", Predicate::kSubOrganizationOf, "公安机关"},
        {"网安部门", Predicate::kSubOrganizationOf, "公安机关"}}},
      {"县委调整平安建设工作领导小组，增设矛盾化解、社会治安等6个专项组。",
       {{"矛盾化解专项组", Predicate::kSubOrganizationOf, "平安建设工作领导小组"},
        {"社会治安专项组", Predicate::kSubOrganizationOf, "平安建设工作领导小组"}}},
      {"市公安局会同教育、卫健等部门开展检查。",
       {{"市公安局", Predicate::kCooperatesWith, "教育部门"},
        {"教育部门", Predicate::kSubOrganizationOf, "市公安局", false}}},
  });
}

TEST_CASE("Verbs and adverbs before an agency are not part of its name", "[extract][agency]") {
  const DocumentGraph g = testing::ExtractText(
      "县公安局一举侦破市局督办的特大诈骗案。县政府协调市市场监管局开展检查。");
  CHECK(testing::FindEntity(g, EntityType::kAgency, "县公安局") != nullptr);
  CHECK(testing::FindEntity(g, EntityType::kAgency, "市市场监督管理局") != nullptr);
  for (const Entity& e : g.entities) {
    CHECK(e.name.find("侦破") == std::string::npos);
    CHECK(e.name.find("协调") == std::string::npos);
  }
}

TEST_CASE("A program without a subject in its sentence is the paragraph actor's",
          "[extract][relation]") {
  CheckRows({{"今年以来，县市场监督管理局加大检查力度。同时，组织开展无证经营专项整治行动，立案16件。",
              {{"县市场监督管理局", Predicate::kConducts, "无证经营专项整治行动"}}}});
}

TEST_CASE("A lead-in paragraph's program holds the programs of the paragraphs after it",
          "[extract][relation]") {
  const std::string text =
      "# 筑牢安全底线\n"
      "基层安则天下安。去年以来，县委聚焦社会稳定，扎实做好矛盾化解基础性工程。\n"
      "积极推进信访积案化解专项行动，化解积案12件。\n"
      "深入开展平安村居创建活动。\n"
      "# 另一件事\n"
      "县公安局组织开展冬季清查专项行动。\n";
  CheckRows({{text,
              {{"信访积案化解专项行动", Predicate::kPartOf, "矛盾化解基础性工程"},
               {"平安村居创建活动", Predicate::kPartOf, "矛盾化解基础性工程"},
               {"冬季清查专项行动", Predicate::kPartOf, "矛盾化解基础性工程", false}}}});
}

TEST_CASE("Officials presenting a program speak for the bodies that run it, not the host",
          "[extract][relation]") {
  CheckRows({{"5月8日，湖南省政府新闻办召开新闻发布会，湖南省市场监督管理局副局长刘明，"
              "湖南省公安厅食品药品犯罪侦查总队副总队长陈亮，介绍了全省“护苗2025”专项行动的成果。",
              {{"湖南省市场监督管理局", Predicate::kConducts, "护苗2025专项行动"},
               {"湖南省公安厅食品药品犯罪侦查总队", Predicate::kConducts, "护苗2025专项行动"},
               {"湖南省政府新闻办", Predicate::kConducts, "护苗2025专项行动", false}}},
             // what is reported has its own subject: that body runs the program
             {"省教育厅副厅长李某介绍了全省教育部门持续推进校园食品安全守护行动的情况。",
              {{"教育部门", Predicate::kConducts, "校园食品安全守护行动"},
               {"省教育厅", Predicate::kConducts, "校园食品安全守护行动", false}}}});
}

TEST_CASE("Figures after a program the paragraph names are that program's",
          "[extract][relation]") {
  const DocumentGraph g = testing::ExtractText(
      "# 乡村建设\n深入实施“村村通”道路建设三年行动，打通农村“最后一公里”。"
      "三年来累计完成投资12亿元，新建道路860公里。\n");
  CHECK(ReporterOf(g, "完成投资") == "村村通道路建设三年行动");
  CHECK(ReporterOf(g, "新建道路") == "村村通道路建设三年行动");
}

TEST_CASE("The subject after a 在…中 frame runs the framed program", "[extract][relation]") {
  CheckRows({{"在打击盗伐林木、非法收购野生植物犯罪专项行动中，全省森林公安机关侦破案件12起。",
              {{"森林公安机关", Predicate::kConducts, "打击盗伐林木、非法收购野生植物犯罪专项行动"}}}});
}

TEST_CASE("A program named in the period clause owns the figures after it",
          "[extract][relation]") {
  const DocumentGraph g = testing::ExtractText(
      "江西省公安厅启动“清源”专项行动。\n"
      "今年“清源”行动开展以来，江西公安共抓获嫌疑人120名；捣毁窝点15个，打掉团伙8个。\n"
      "在“清源”行动中，全省公安机关侦破案件66起；追缴赃款300万元。\n");
  CHECK(ReporterOf(g, "抓获嫌疑人") == "清源专项行动");
  CHECK(ReporterOf(g, "打掉团伙") == "清源专项行动");
  CHECK(ReporterOf(g, "侦破案件") == "清源专项行动");
  CHECK(ReporterOf(g, "追缴赃款") == "清源专项行动");
}

TEST_CASE("Coreference joins the forms of one body or program", "[extract][coreference]") {
  const DocumentGraph g = testing::ExtractText(
      "辽宁省公安厅部署工作。省公安厅要求各地落实。公安厅还强调，全省公安机关刑侦部门"
      "组织开展夏季治安打击整治行动，公安刑侦部门扎实开展“夏季行动”。刑侦部门破获案件5起。");
  const Entity* bureau = testing::FindEntity(g, EntityType::kAgency, "辽宁省公安厅");
  REQUIRE(bureau != nullptr);
  CHECK(testing::Named(bureau, "省公安厅"));
  CHECK(testing::Named(bureau, "公安厅"));
  const Entity* cid = testing::FindEntity(g, EntityType::kAgency, "公安机关刑侦部门");
  REQUIRE(cid != nullptr);
  CHECK(testing::Named(cid, "刑侦部门"));
  CHECK(testing::Named(cid, "公安刑侦部门"));
  const Entity* summer = testing::FindEntity(g, EntityType::kProgram, "夏季治安打击整治行动");
  REQUIRE(summer != nullptr);
  CHECK(testing::Named(summer, "夏季行动"));
  int agencies = 0;
  for (const Entity& e : g.entities) agencies += e.type == EntityType::kAgency;
  CHECK(agencies == 3);  // 公安厅, 公安机关, 公安机关刑侦部门
  // A program named once without its kind word is the one named with it.
  const DocumentGraph county = testing::ExtractText(
      "## 通榆县应急管理局扎实开展安全生产大排查大整治\n\n今年以来，通榆县应急管理局深入开展安全生产大排查大整治行动，"
      "检查企业86家。");
  int programs = 0;
  for (const Entity& e : county.entities) programs += e.type == EntityType::kProgram;
  CHECK(programs == 1);
  const Entity* campaign = testing::FindEntity(county, EntityType::kProgram, "安全生产大排查大整治行动");
  REQUIRE(campaign != nullptr);
  CHECK(testing::Named(campaign, "安全生产大排查大整治"));
}

TEST_CASE("A bare level word takes the document's region", "[extract][coreference]") {
  const DocumentGraph g = testing::ExtractText(
      "内蒙古自治区召开会议。自治区公安厅治安管理总队总队长李明：内蒙古治安形势平稳。");
  const Entity* unit = testing::FindEntity(g, EntityType::kAgency, "内蒙古自治区公安厅治安管理总队");
  REQUIRE(unit != nullptr);
  CHECK(testing::Named(unit, "自治区公安厅治安管理总队"));
  CHECK(testing::FindRelation(g, "内蒙古自治区公安厅治安管理总队", Predicate::kSubOrganizationOf,
                              "内蒙古自治区公安厅") != nullptr);
}

TEST_CASE("Spans point into the original text", "[extract][spans]") {
  const std::string text = "全区公安机关组织开展“护网”专项行动。";
  const DocumentGraph g = testing::ExtractText(text);
  const Entity* p = testing::FindEntity(g, EntityType::kProgram, "护网专项行动");
  REQUIRE(p != nullptr);
  REQUIRE(!p->mentions.empty());
  // 全区公安机关组织开展“ = 11 code points before the name.
  CHECK(p->mentions.front().start == 10);
  CHECK(p->mentions.front().end == 18);
  for (const Relation& r : g.relations) {
    CHECK(r.evidence.end > r.evidence.start);
    CHECK(!r.quote.empty());
  }
}

}  // namespace
}  // namespace govkg

namespace govkg {
namespace {

TEST_CASE("A numbered whole before an enumeration takes its items as parts",
          "[extract][relation][discourse]") {
  CheckRows({
      // The speaker speaks for his parent body, which does the whole.
      {"青川省应急管理厅安全生产执法监察总队处长王强：今年以来，省应急管理厅全力组织开展了“三大行动”。\n"
       "一是全面实施矿山安全百日行动。打掉犯罪团伙8个。\n"
       "二是深入开展“清源”专项整治行动。查处案件12起。\n",
       {{"矿山安全百日行动", Predicate::kPartOf, "三大行动"},
        {"清源专项整治行动", Predicate::kPartOf, "三大行动"},
        {"青川省应急管理厅", Predicate::kConducts, "矿山安全百日行动"},
        {"青川省应急管理厅安全生产执法监察总队", Predicate::kConducts, "矿山安全百日行动", false}}},
      // A whole named inside an earlier sibling item is not the list's head.
      {"市公安局交警支队支队长李明：（一）坚持宣传引领。一是开展集中预警，组织开展好“五大曝光”行动。"
       "二是紧盯自驾出行，开展文明交通集中倡导活动。\n",
       {{"文明交通集中倡导活动", Predicate::kPartOf, "五大曝光行动", false}}},
  });
}

TEST_CASE("A site list closed by 等 places the sentence's program or agency there",
          "[extract][relation][place]") {
  CheckRows({
      // One site alone before 等重点区域; no agency in the clause: the paragraph's program.
      {"澄岚市公安局：一是深入开展“净水”专项行动。行动期间，在栖恒湿地公园等重点区域设立执法检查点。\n"
       "二是开展“清源”行动。\n",
       {{"净水专项行动", Predicate::kLocatedIn, "栖恒湿地公园"}}},
      // Two sites; the agency named in the clause is the one located there.
      {"澄岚市公安局开展“净水”专项行动。在宏岑国家森林公园、峪宏水库等重点区域设置公安机关水上派出所。\n",
       {{"公安机关水上派出所", Predicate::kLocatedIn, "峪宏水库"},
        {"净水专项行动", Predicate::kLocatedIn, "宏岑国家森林公园", false}}},
      // A venue is not a site list: 在X市召开 places nothing.
      {"澄岚市公安局开展“净水”专项行动。在澄岚市召开推进会。\n",
       {{"净水专项行动", Predicate::kLocatedIn, "澄岚市", false}}},
  });
  const DocumentGraph g = testing::ExtractText("行动期间，在栖恒湿地公园等重点区域设立执法检查点；在栖恒湿地等单位开展检查。\n");
  CHECK(testing::FindEntity(g, EntityType::kPlace, "栖恒湿地公园") != nullptr);
  CHECK(testing::FindEntity(g, EntityType::kPlace, "栖恒湿地") == nullptr);  // no site kind, no area word
}

TEST_CASE("Agency names: kinds that begin inside a level word, service units, counted bodies",
          "[extract][agency]") {
  const auto has = [](const std::string& text, const std::string& name) {
    const DocumentGraph g = testing::ExtractText(text);
    return testing::FindEntity(g, EntityType::kAgency, name) != nullptr;
  };
  // 省 + 市场监管局, not the collective 省市 + 场监管局.
  CHECK(has("记者：请问省市场监管局采取了哪些措施？\n", "省市场监管局"));
  CHECK_FALSE(has("记者：请问省市场监管局采取了哪些措施？\n", "场监管局"));
  CHECK(has("澄嘉省市场监督管理局食品安全抽检监测处处长于睿博：今年以来。\n",
            "澄嘉省市场监督管理局食品安全抽检监测处"));
  // The collective level word still goes: 市县两级 is not part of the name.
  CHECK(has("调整充实市县两级平安建设工作领导小组。\n", "平安建设工作领导小组"));
  // Units named by their work keep words that otherwise end a name.
  CHECK(has("交通运输厅运输服务处处长陈雪伟：今年以来。\n", "交通运输厅运输服务处"));
  CHECK(has("岚源市应急管理局应急救援指挥中心主任田哲楠：今年以来。\n", "岚源市应急管理局应急救援指挥中心"));
  const DocumentGraph station = testing::ExtractText("湄璟市生态环境局环境监测站站长曹宇蕾：今年以来。\n");
  CHECK(testing::FindRelation(station, "曹宇蕾", Predicate::kHoldsPost, "湄璟市生态环境局环境监测站") != nullptr);
  // A counted set of bodies names a kind, not one body.
  CHECK_FALSE(has("设立7个边境管理政务服务中心，开通网上服务窗口。\n", "边境管理政务服务中心"));
  CHECK_FALSE(has("各地要做好服务中心工作。\n", "做好服务中心"));
}

TEST_CASE("Abbreviated kinds and bare levels resolve to the body the document names",
          "[extract][coreference]") {
  // 市场监管局 is an abbreviated kind: the same body as the full name.
  const DocumentGraph g = testing::ExtractText(
      "澄嘉省市场监督管理局食品安全抽检监测处处长于睿博：今年以来，省市场监管局会同澄嘉省生态环境厅开展“清源”专项行动。\n");
  const Entity* bureau = testing::FindEntity(g, EntityType::kAgency, "澄嘉省市场监督管理局");
  REQUIRE(bureau != nullptr);
  CHECK(std::find(bureau->aliases.begin(), bureau->aliases.end(), "省市场监管局") != bureau->aliases.end());
  for (const Entity& e : g.entities) CHECK(e.name != "省市场监督管理局");
  // A bare 县 takes the county named twice, though the document's city is another.
  const DocumentGraph court = testing::ExtractText(
      "隆景市人民政府新闻办公室召开新闻发布会，邀请梧湄县人民法院、隆景市市场监督管理局、隆景市公安局出席。\n"
      "梧湄县人民法院执行局局长吕智：今年以来，县人民法院联合隆景市公安局开展“护苗”专项行动。\n");
  CHECK(testing::NameOf(court, EntityType::kAgency, "县人民法院") == "梧湄县人民法院");
  CHECK(testing::FindRelation(court, "梧湄县人民法院", Predicate::kConducts, "护苗专项行动") != nullptr);
}

TEST_CASE("Regions the lexicon does not know are read off agency names",
          "[extract][coreference]") {
  const DocumentGraph g = testing::ExtractText(
      "澄岚市召开新闻发布会，邀请梧渠省应急管理厅、梧渠省生态环境厅相关负责同志回答记者提问。\n"
      "记者：请问省应急管理厅采取了哪些措施？\n"
      "澄岚市人民政府新闻办公室负责人：省应急管理厅会同梧渠省交通运输厅开展检查。\n");
  // 省应急管理厅 takes the province named in the other agencies' names.
  const Entity* hall = testing::FindEntity(g, EntityType::kAgency, "梧渠省应急管理厅");
  REQUIRE(hall != nullptr);
  CHECK(std::find(hall->aliases.begin(), hall->aliases.end(), "省应急管理厅") != hall->aliases.end());
  CHECK(testing::FindEntity(g, EntityType::kAgency, "问省应急管理厅") == nullptr);
  // The city named on its own is a place; inside an agency name it is not.
  const Entity* city = testing::FindEntity(g, EntityType::kPlace, "澄岚市");
  REQUIRE(city != nullptr);
  CHECK(city->mentions.size() == 1);
  CHECK(city->mentions[0].start == 0);
}

TEST_CASE("Relations read across sentences and paragraphs", "[extract][relation][discourse]") {
  CheckRows({
      // 印发的《…》: the body right before the verb issued it, not the subject.
      {"江西省卫生健康委召开全省医疗质量工作会议。会议传达了省政府近期印发的《关于推进公立医院高质量发展的实施意见》。",
       {{"省政府", Predicate::kIssues, "关于推进公立医院高质量发展的实施意见"},
        {"江西省卫生健康委", Predicate::kIssues, "关于推进公立医院高质量发展的实施意见", false}}},
      // No body in the sentence: the paragraph's subject issued it.
      {"市水务局高度重视防汛工作，将防汛纳入年度重点任务。制定印发了《城区防汛应急工作方案》，明确各单位责任。",
       {{"市水务局", Predicate::kIssues, "城区防汛应急工作方案"}}},
      // Two bodies joined as the subject of a cooperating verb work together.
      {"省教育厅与省公安厅持续深化协作联动，共同维护校园安全。",
       {{"省教育厅", Predicate::kCooperatesWith, "省公安厅"}}},
      // A short list of bodies right before 联合 is joined by it.
      {"四川省公安厅、重庆市公安局联合开展“清源”专项行动。",
       {{"四川省公安厅", Predicate::kCooperatesWith, "重庆市公安局"},
        {"重庆市公安局", Predicate::kConducts, "清源专项行动"}}},
      // Health and planning commissions are bodies; 共同 joins the pair's work.
      {"省卫生健康委和省医保局共同举办医保政策宣传月活动。",
       {{"省卫生健康委", Predicate::kCooperatesWith, "省医保局"},
        {"省卫生健康委", Predicate::kConducts, "医保政策宣传月活动"},
        {"省医保局", Predicate::kConducts, "医保政策宣传月活动"}}},
      {"市发展改革委会同市疾控中心开展“清源”专项行动。",
       {{"市发展改革委", Predicate::kCooperatesWith, "市疾控中心"},
        {"市发展改革委", Predicate::kConducts, "清源专项行动"}}},
      // The actor who launched a program reports its figures in the next sentence.
      {"全省生态环境部门组织开展“清废行动”，严厉打击非法倾倒固体废物行为。今年以来，全省生态环境部门累计查处固体废物案件326起。",
       {{"清废行动", Predicate::kReports, "查处固体废物案件"},
        {"生态环境部门", Predicate::kReports, "查处固体废物案件", false}}},
      // Work figures in a paragraph that names nobody continue the program
      // the paragraph before launched; a region's statistic does not.
      {"县住建局组织开展了城镇燃气安全专项整治行动。\n截至目前，全县各部门累计检查燃气经营企业36家，约谈企业5家。",
       {{"城镇燃气安全专项整治行动", Predicate::kReports, "检查燃气经营企业"},
        {"城镇燃气安全专项整治行动", Predicate::kReports, "约谈企业"}}},
      {"县交通运输局组织开展了农村公路提质改造专项行动。\n全县农村公路总里程达1520公里。",
       {{"农村公路提质改造专项行动", Predicate::kReports, "农村公路总里程", false}}},
  });
}

TEST_CASE("A region's facts are its own though only agency names name it",
          "[extract][relation][place]") {
  const std::string text =
      "四川省生态环境厅召开新闻发布会。今年1至9月，全省空气质量优良天数比例达89.6%，同比上升2.1个百分点。"
      "全省生态环境部门查处环境违法案件410起。\n";
  CheckRows({{text,
              {{"四川省", Predicate::kReports, "空气质量优良天数比例"},
               {"四川省", Predicate::kReports, "空气质量优良天数比例同比"},
               {"生态环境部门", Predicate::kReports, "查处环境违法案件"},
               {"四川省", Predicate::kReports, "查处环境违法案件", false}}}});
  // Without such a fact the region inside the names stays no place of its own.
  const DocumentGraph g = testing::ExtractText("四川省生态环境厅召开新闻发布会。全省生态环境部门查处环境违法案件410起。\n");
  CHECK(testing::FindEntity(g, EntityType::kPlace, "四川省") == nullptr);
}

TEST_CASE("Figures given for the whole region are the region's though only agency names name it",
          "[extract][relation][place]") {
  // 全省 before the figures (no body after it): the region the names hold
  // becomes a place that can report them, as when the text names it alone.
  const std::string text =
      "江西省应急管理厅部署防汛工作\n\n5月6日，江西省防汛指挥部召开会议。\n\n"
      "会议通报，去年全省共转移群众12.4万人，今年以来全省已排查隐患点1830处。\n";
  CheckRows({{text,
              {{"江西省", Predicate::kReports, "转移群众"},
               {"江西省", Predicate::kReports, "排查隐患点"}}}});
  // 全省 followed by a body is that body's figure, and 全国 is not the region.
  for (const char* other : {"湖北省应急管理厅召开会议。全省各级应急管理部门排查隐患点1830处。\n",
                            "湖北省应急管理厅召开会议。全国排查隐患点1830处。\n"}) {
    const DocumentGraph g = testing::ExtractText(other);
    CHECK(testing::FindEntity(g, EntityType::kPlace, "湖北省") == nullptr);
  }
}

TEST_CASE("A lead paragraph launching a program introduces its parts", "[extract][relation][discourse]") {
  // The lead may carry dates and end in clauses that name nothing.
  CheckRows({
      {"记者从浙江省教育厅获悉，2023年，浙江省教育厅全面启动“护苗成长”专项行动，坚持部门联动，不断提升工作成效。\n"
       "据介绍，2023年以来，浙江省教育厅深入开展校园欺凌专项治理，开展学生心理健康促进行动。\n",
       {{"校园欺凌专项治理", Predicate::kPartOf, "护苗成长专项行动"},
        {"学生心理健康促进行动", Predicate::kPartOf, "护苗成长专项行动"}}},
      // A lead with figures is a paragraph of work, not a lead-in.
      {"2023年，浙江省教育厅全面启动“护苗成长”专项行动，排查隐患120处。\n"
       "浙江省教育厅深入开展校园欺凌专项治理。\n",
       {{"校园欺凌专项治理", Predicate::kPartOf, "护苗成长专项行动", false}}},
  });
}

TEST_CASE("Programs listed after 包括 are parts of the program before", "[extract][relation]") {
  CheckRows({
      {"今年，省水利厅深入实施农村供水保障工程，包括水源保护工程、管网改造工程和水质提升工程。",
       {{"水源保护工程", Predicate::kPartOf, "农村供水保障工程"},
        {"管网改造工程", Predicate::kPartOf, "农村供水保障工程"},
        {"水质提升工程", Predicate::kPartOf, "农村供水保障工程"},
        {"省水利厅", Predicate::kConducts, "管网改造工程"}}},
      // The next paragraph's program is no part of it.
      {"今年，省水利厅深入实施农村供水保障工程，包括水源保护工程和管网改造工程。\n省住建厅启动城镇老旧小区改造工程。",
       {{"城镇老旧小区改造工程", Predicate::kPartOf, "农村供水保障工程", false}}},
  });
}

TEST_CASE("A plan an item implements in passing frames nothing", "[extract][relation][discourse]") {
  const std::string text =
      "省水利厅河湖管理处处长王平：今年以来，全省水利部门重点抓好两方面工作。\n"
      "一是扎实开展“清河护水”专项行动。全省水利部门作为主力军，会同生态环境等部门全面落实“河湖长制三年行动计划”，"
      "深入推进河道采砂专项整治。\n"
      "二是着力抓好常态化水土保持专项整治。按照水土流失综合治理专项行动工作要求，严厉查处违法违规行为。\n";
  CheckRows({{text,
              {{"河道采砂专项整治", Predicate::kPartOf, "清河护水专项行动"},
               {"河道采砂专项整治", Predicate::kPartOf, "河湖长制三年行动计划", false},
               {"河湖长制三年行动计划", Predicate::kPartOf, "清河护水专项行动", false},
               {"清河护水专项行动", Predicate::kPartOf, "河湖长制三年行动计划", false},
               // a frame that opens a sentence of the item holds the item's program
               {"常态化水土保持专项整治", Predicate::kPartOf, "水土流失综合治理专项行动"}}}});
}

TEST_CASE("Programs are located at their venue, base or named place",
          "[extract][relation][place]") {
  CheckRows({
      // The site after 在 is the venue; 的 after the organiser's verb is no part of the name.
      {"贵州省教育厅主办的贵州青少年科技创新主题活动在贵阳市图书馆开幕。",
       {{"贵州青少年科技创新主题活动", Predicate::kLocatedIn, "贵阳市图书馆"},
        {"贵州省教育厅", Predicate::kConducts, "贵州青少年科技创新主题活动"}}},
      // The province a campaign's name opens with is its scope, not a site.
      {"湖南省水利厅部署开展湖南省河湖清四乱专项行动。",
       {{"湖南省河湖清四乱专项行动", Predicate::kLocatedIn, "湖南省", false}}},
      // …but a river in the name is where the work is done.
      {"湖南省水利厅部署开展长江岸线清理整治专项行动。",
       {{"长江岸线清理整治专项行动", Predicate::kLocatedIn, "长江"}}},
      // A project named after a list of towns lies in each, and in their county;
      // it is a local part of the program of its kind the paragraph named.
      {"桃源县召开全县农村公路建设推进会。会后，县交通运输局组织专家查看了青林镇、漳江镇农村公路提质改造工程。",
       {{"农村公路提质改造工程", Predicate::kLocatedIn, "青林镇"},
        {"农村公路提质改造工程", Predicate::kLocatedIn, "漳江镇"},
        {"农村公路提质改造工程", Predicate::kLocatedIn, "桃源县"},
        {"漳江镇", Predicate::kLocatedIn, "桃源县"}}},
      {"省水利厅农村水利处一行来我县检查“农村饮水安全巩固提升工程”。检查组先后实地查看了青山镇、白沙乡、石门镇供水管网改造工程。",
       {{"供水管网改造工程", Predicate::kLocatedIn, "白沙乡"},
        {"供水管网改造工程", Predicate::kPartOf, "农村饮水安全巩固提升工程"},
        {"省水利厅农村水利处", Predicate::kConducts, "供水管网改造工程", false}}},
      // The site the members visit is where the article's activity goes; a city visited is not a site.
      {"## 县教育局开展“红色足迹”主题党日活动\n\n3月5日，县教育局机关党支部全体党员前往遵义市红军纪念馆，重温入党誓词。\n",
       {{"红色足迹主题党日活动", Predicate::kLocatedIn, "遵义市红军纪念馆"}}},
      {"## 县教育局开展“红色足迹”主题党日活动\n\n3月5日，县教育局机关党支部全体党员前往遵义市，参观学习。\n",
       {{"红色足迹主题党日活动", Predicate::kLocatedIn, "遵义市", false}}},
      // A city's site lies in the city; the program held there, at the site.
      {"沈阳市召开新闻发布会。沈阳市教育局在沈阳市图书馆举办“书香沈阳”主题活动。",
       {{"沈阳市图书馆", Predicate::kLocatedIn, "沈阳市"},
        {"书香沈阳主题活动", Predicate::kLocatedIn, "沈阳市图书馆"}}},
      // A base lies in the place its name opens with.
      {"省应急管理厅推动岳阳市防汛抢险实训基地建设。",
       {{"岳阳市防汛抢险实训基地", Predicate::kLocatedIn, "岳阳市"}}},
  });
}

TEST_CASE("Places listed before one shared figure each report their own", "[extract][relation][metric]") {
  // Invented: three prefectures of one province, one verb and one figure.
  const DocumentGraph g =
      testing::ExtractText("湖南省文化和旅游厅通报，国庆假期长沙市、株洲市、岳阳市接待游客均超过300万人次。");
  CHECK(ReportedFigures(g) == std::vector<Figure>{{"岳阳市", "接待游客", 3e6},
                                                 {"株洲市", "接待游客", 3e6},
                                                 {"长沙市", "接待游客", 3e6}});
  // …three figures, not one: each is its own observation.
  CHECK(std::count_if(g.entities.begin(), g.entities.end(), [](const Entity& e) {
          return e.type == EntityType::kMetric;
        }) == 3);
  // …and places paired with figures by 分别 each report theirs.
  {
    const DocumentGraph paired = testing::ExtractText(
        "吉林省农业农村厅介绍，长春市、四平市、松原市保护性耕作面积分别达到800万亩、600万亩和500万亩。");
    CHECK(ReportedFigures(paired) == std::vector<Figure>{{"四平市", "保护性耕作面积", 6e6},
                                                         {"松原市", "保护性耕作面积", 5e6},
                                                         {"长春市", "保护性耕作面积", 8e6}});
  }
  // …and a change they share: each place's own, whether 均 comes before the
  // change verb or after it.
  for (const char* text : {"四川省应急管理厅通报，今年以来成都市、绵阳市、宜宾市事故起数同比下降均超过20%。",
                           "四川省应急管理厅通报，今年以来成都市、绵阳市、宜宾市事故起数同比均下降20%。"}) {
    INFO(text);
    CHECK(ReportedFigures(testing::ExtractText(text)) ==
          std::vector<Figure>{{"宜宾市", "事故起数同比", -20}, {"成都市", "事故起数同比", -20}, {"绵阳市", "事故起数同比", -20}});
  }
  // A breakdown opened by 其中 in a paragraph naming nobody shares the owner of the figures before it.
  CHECK(ReportedFigures(testing::ExtractText(
            "江苏省市场监管局通报，全省共查办案件1.8万件，罚没款2.1亿元。\n其中，查办食品安全案件6200件；"
            "查办价格违法案件980件。")) ==
        std::vector<Figure>{{"江苏省市场监督管理局", "查办价格违法案件", 980},
                            {"江苏省市场监督管理局", "查办案件", 18000},
                            {"江苏省市场监督管理局", "查办食品安全案件", 6200},
                            {"江苏省市场监督管理局", "罚没款", 2.1e8}});
  // A figure going on the sentence of the one before, no body named between, has its owner.
  CHECK(ReportedFigures(testing::ExtractText(
            "江苏省市场监管局党组成员、副局长陈明通报，全省市场监管部门共查办案件1.8万件，罚没款2.1亿元。")) ==
        std::vector<Figure>{{"市场监管部门", "查办案件", 18000}, {"市场监管部门", "罚没款", 2.1e8}});
  // Towns opening the clauses of a breakdown each report theirs (and are places).
  CHECK(ReportedFigures(testing::ExtractText(
            "临泉县今年改造农村户厕1.2万户。其中，城关镇改造户厕1860户，杨桥镇改造户厕1420户。")) ==
        std::vector<Figure>{{"临泉县", "改造农村户厕", 12000}, {"城关镇", "改造户厕", 1860}, {"杨桥镇", "改造户厕", 1420}});
  // …so do cities; a body named after the place is still the subject.
  CHECK(ReportedFigures(testing::ExtractText(
            "吉林省今年改造农村户厕1.2万户。长春市改造户厕1860户，四平市改造户厕1420户。")) ==
        std::vector<Figure>{{"吉林省", "改造农村户厕", 12000}, {"四平市", "改造户厕", 1420}, {"长春市", "改造户厕", 1860}});
  CHECK(ReportedFigures(testing::ExtractText("去年6月至今，重庆全市公安机关共侦破破坏环境资源案600余起。")) ==
        std::vector<Figure>{{"公安机关", "侦破破坏环境资源案", 600}});
  // …also across a semicolon when the clause after it names nobody.
  CHECK(ReportedFigures(testing::ExtractText(
            "天津市召开会议。全市公安交管部门共查处酒驾醉驾违法行为1865起，其中醉驾312起；查处超速违法行为4.3万起。")) ==
        std::vector<Figure>{{"公安交管部门", "查处超速违法行为", 43000},
                            {"公安交管部门", "查处酒驾醉驾违法行为", 1865},
                            {"公安交管部门", "查处醉驾", 312}});
  // 该局, 该站: the body named before, whose figures they are.
  CHECK(ReportedFigures(testing::ExtractText(
            "广西壮族自治区召开会议。友谊关边检站召开发布会。今年以来，该站共查验出入境人员12万人次。")) ==
        std::vector<Figure>{{"友谊关边检站", "查验出入境人员", 120000}});
  CHECK(ReportedFigures(testing::ExtractText("广西壮族自治区召开会议。南宁市公安局召开发布会。该局今年破获案件120起。")) ==
        std::vector<Figure>{{"南宁市公安局", "破获案件", 120}});
  CHECK(ReportedFigures(testing::ExtractText("中国人民银行南宁中心支行召开发布会。该行动开展以来，广西壮族自治区破获案件120起。")) ==
        std::vector<Figure>{{"广西壮族自治区", "破获案件", 120}});
  // …also when a body is what the figure counts (移送公安机关…).
  CHECK(ReportedFigures(testing::ExtractText(
            "海南省市场监管局通报，全省市场监管部门共查办案件2156件，移送公安机关涉嫌犯罪案件41件。")) ==
        std::vector<Figure>{{"市场监管部门", "查办案件", 2156}, {"市场监管部门", "移送公安机关涉嫌犯罪案件", 41}});
  // …but a body named before the next figure has that one.
  CHECK(ReportedFigures(testing::ExtractText(
            "海南省市场监管局通报，海口市市场监管局查办案件628件，三亚市市场监管局查办案件413件。")) ==
        std::vector<Figure>{{"三亚市市场监督管理局", "查办案件", 413}, {"海口市市场监督管理局", "查办案件", 628}});
  // A region's schools and pupils are facts about it, not the speaker's body's work.
  CHECK(ReportedFigures(testing::ExtractText(
            "四川省教育厅召开新闻发布会。省教育厅党组成员、副厅长李明介绍，今年全省共有各级各类学校2.3万所。")) ==
        std::vector<Figure>{{"四川省", "共有各级各类学校", 23000}});
  // …and places followed by their count and level word (3市) too.
  CHECK(ReportedFigures(testing::ExtractText(
            "黑龙江省农业农村厅介绍，哈尔滨、齐齐哈尔、绥化3市粮食产量均超过150亿斤。")) ==
        std::vector<Figure>{{"哈尔滨市", "粮食产量", 1.5e10}, {"绥化市", "粮食产量", 1.5e10}, {"齐齐哈尔市", "粮食产量", 1.5e10}});
  // Bodies listed before 分别 and a verb each report their figure, in order.
  CHECK(ReportedFigures(testing::ExtractText(
            "湖北省税务局通报，武汉市税务局、宜昌市税务局分别办理出口退税86.3亿元和12.5亿元。")) ==
        std::vector<Figure>{{"宜昌市税务局", "办理出口退税", 1.25e9}, {"武汉市税务局", "办理出口退税", 8.63e9}});
  // …also when the shared words are a run of verbs (办理 + 退税) closing the clause.
  CHECK(ReportedFigures(testing::ExtractText(
            "宁夏税务局通报，银川市税务局、石嘴山市税务局、吴忠市税务局分别办理退税9.3亿元、1.8亿元和0.9亿元。")) ==
        std::vector<Figure>{{"吴忠市税务局", "办理退税", 9e7},
                            {"石嘴山市税务局", "办理退税", 1.8e8},
                            {"银川市税务局", "办理退税", 9.3e8}});
  // Items that are things measured, not subjects, stay one metric each.
  CheckRows({{"全市中小学封闭式管理、专职保安员配备率均达100%。",
              {{"封闭式管理", Predicate::kReports, "专职保安员配备率", false}}}});
}

TEST_CASE("A party body named by its body's one-character kind is that body's", "[extract][relation]") {
  // 厅党组 after 福建省交通运输厅: the 厅 named before; the secretary is 书记 of it.
  CheckRows({{"3月14日，福建省交通运输厅召开会议。厅党组书记、厅长陈建平出席会议并讲话，厅党组成员、副厅长林志伟主持会议。",
              {{"福建省交通运输厅党组", Predicate::kSubOrganizationOf, "福建省交通运输厅"},
               {"陈建平", Predicate::kHoldsPost, "福建省交通运输厅"},
               {"陈建平", Predicate::kHoldsPost, "福建省交通运输厅党组"},
               {"林志伟", Predicate::kHoldsPost, "福建省交通运输厅"},
               {"林志伟", Predicate::kHoldsPost, "福建省交通运输厅党组"}}},
             {"济南市公安局召开会议，局党委书记、局长王明出席。",
              {{"王明", Predicate::kHoldsPost, "济南市公安局"},
               {"王明", Predicate::kHoldsPost, "济南市公安局党委"}}}});
}

TEST_CASE("A quoted brand with its year after a conducting verb is a campaign", "[extract][relation]") {
  CheckRows({{"平岭省公安厅将持续推进“净网2024”，清理有害信息1200条。",
              {{"平岭省公安厅", Predicate::kConducts, "净网2024"}}},
             {"全省公安机关深入开展“清风2023”、“护苗2023”，查处案件120起。",
              {{"公安机关", Predicate::kConducts, "清风2023"}, {"公安机关", Predicate::kConducts, "护苗2023"}}}});
  // Without a year, or inside a longer name, it is left to the kind words.
  for (const char* text : {"市市场监管局开展“铁拳”，查办案件58件。", "省公安厅推进“放管服2024”改革。"}) {
    const DocumentGraph g = testing::ExtractText(text);
    for (const Entity& e : g.entities) CHECK(e.type != EntityType::kProgram);
  }
}

TEST_CASE("A headquarters' commander holds a post in it", "[extract][relation]") {
  CheckRows({{"副省长、省防汛抗旱指挥部指挥长陈飞出席并讲话。",
              {{"陈飞", Predicate::kHoldsPost, "省防汛抗旱指挥部"}}}});
}

TEST_CASE("A head of government named without a body holds the post in the government the text names",
          "[extract][relation]") {
  CheckRows({
      {"江西省人民政府召开防汛工作会议。副省长王立新出席并讲话。",
       {{"王立新", Predicate::kHoldsPost, "江西省人民政府"}}},
      // …also as the first post of a chain, and the government of its level only.
      {"江西省人民政府召开会议。副省长、省防汛抗旱指挥部指挥长王立新讲话，南昌市人民政府副市长李明出席。",
       {{"王立新", Predicate::kHoldsPost, "江西省人民政府"},
        {"王立新", Predicate::kHoldsPost, "江西省防汛抗旱指挥部"},
        {"李明", Predicate::kHoldsPost, "南昌市人民政府"},
        {"李明", Predicate::kHoldsPost, "江西省人民政府", false}}},
      {"南昌市人民政府召开会议。副省长王立新出席。",
       {{"王立新", Predicate::kHoldsPost, "南昌市人民政府", false}}},
      // 县委常委、副县长: the party committee before the chain holds 常委,
      // not the head of government's post.
      {"安远县人民政府召开会议。县委常委、副县长刘海出席。",
       {{"刘海", Predicate::kHoldsPost, "安远县人民政府"}, {"刘海", Predicate::kHoldsPost, "安远县委"}}},
  });
  {
    const DocumentGraph g = testing::ExtractText("安远县农业农村局召开会议。县委常委、副县长刘海出席。");
    const Relation* post = testing::FindRelation(g, "刘海", Predicate::kHoldsPost, "安远县委");
    REQUIRE(post != nullptr);
    CHECK(post->title == "常委");
  }
  // A government the text does not name is no body of the text.
  const DocumentGraph g = testing::ExtractText("江西省水利厅召开会议。副省长王立新出席。");
  CHECK(std::none_of(g.relations.begin(), g.relations.end(),
                     [](const Relation& r) { return r.predicate == Predicate::kHoldsPost; }));
}

TEST_CASE("A body introducing its official who speaks is not the actor of the work he reports",
          "[extract][relation][discourse]") {
  CheckRows({
      {"浙江省交通运输厅召开发布会。省交通运输厅党组成员、副厅长陈立介绍，今年以来，全省各级交通运输部门"
       "会同公安部门，深入开展货车非法改装专项整治行动。",
       {{"交通运输部门", Predicate::kConducts, "货车非法改装专项整治行动"},
        {"浙江省交通运输厅党组", Predicate::kConducts, "货车非法改装专项整治行动", false}}},
      // …but with no actor of its own, the report is the speaker's body's.
      {"浙江省交通运输厅召开发布会。省交通运输厅副厅长陈立介绍，今年以来，深入开展货车非法改装专项整治行动。",
       {{"浙江省交通运输厅", Predicate::kConducts, "货车非法改装专项整治行动"}}},
      // A guest named in a list (…陈立先生，) is no speech: the first body stays the actor.
      {"浙江省交通运输厅召开发布会。邀请省交通运输厅副厅长陈立先生，省公安厅交警总队副总队长王强先生，"
       "部署开展货车非法改装专项整治行动。",
       {{"浙江省交通运输厅", Predicate::kConducts, "货车非法改装专项整治行动"}}},
  });
}

TEST_CASE("A post at a body named by its abbreviated kind is at the body in full", "[extract][relation]") {
  // 交管局 is 交通管理局 named short: the bureau of the text, not a second body.
  CheckRows({{"天津市公安局交通管理局召开会议，市公安局党委委员、交管局局长刘振华讲话。",
              {{"刘振华", Predicate::kHoldsPost, "天津市公安局交通管理局"}}}});
  // 网安总队, 刑侦支队, 交警大队: the police units named by their usual short
  // kinds are one body with their full names.
  CheckRows({{"平岭省公安厅网络安全保卫总队召开会议，省公安厅网安总队总队长韩明讲话。",
              {{"韩明", Predicate::kHoldsPost, "平岭省公安厅网络安全保卫总队"}}},
             {"澄岚市公安局刑侦支队支队长罗青介绍，市公安局刑事侦查支队破获案件12起。",
              {{"罗青", Predicate::kHoldsPost, "澄岚市公安局刑事侦查支队"},
               {"澄岚市公安局刑事侦查支队", Predicate::kSubOrganizationOf, "澄岚市公安局"}}}});
}

TEST_CASE("A lead-in's program has no part that another body launches on its own",
          "[extract][relation][discourse]") {
  CheckRows({
      {"全省各级交通运输部门持续推进农村公路养护提升工程。\n浙江省公安厅开展打击非法营运专项行动，查处案件58起。\n",
       {{"打击非法营运专项行动", Predicate::kPartOf, "农村公路养护提升工程", false},
        {"浙江省公安厅", Predicate::kConducts, "打击非法营运专项行动"}}},
      // …while a part with no actor of its own still is one.
      {"全省各级交通运输部门持续推进农村公路养护提升工程。\n同时开展桥梁隐患排查专项行动，排查桥梁58座。\n",
       {{"桥梁隐患排查专项行动", Predicate::kPartOf, "农村公路养护提升工程"}}},
  });
}

TEST_CASE("Figures before a program launched in a later clause are not its own",
          "[extract][relation][metric]") {
  CheckRows({
      {"今年以来，江西省公安厅破获盗窃案件860起，并于9月启动“赣鄱护航”专项行动。",
       {{"江西省公安厅", Predicate::kReports, "破获盗窃案件"},
        {"赣鄱护航专项行动", Predicate::kReports, "破获盗窃案件", false}}},
      // …and figures after the launch are the program's.
      {"江西省公安厅启动“赣鄱护航”专项行动，破获盗窃案件860起。",
       {{"赣鄱护航专项行动", Predicate::kReports, "破获盗窃案件"}}},
  });
  {
    // A count in the launching clause describes the launch.
    const DocumentGraph g = testing::ExtractText("江西省公安厅会同省教育厅等6个部门开展“护苗成长”专项行动。");
    const std::vector<Figure> figures = ReportedFigures(g);
    CHECK(std::any_of(figures.begin(), figures.end(), [](const Figure& f) {
      return f.reporter == "护苗成长专项行动" && f.value == 6;
    }));
  }
  // 推动了 is a verb: its 了 is no part of the program after it.
  const DocumentGraph g = testing::ExtractText("全省查处案件56起，有力推动了农村饮水安全专项整治深入开展。");
  CHECK(testing::FindEntity(g, EntityType::kProgram, "农村饮水安全专项整治") != nullptr);
}

TEST_CASE("Officials listed after one body's official hold posts in that body",
          "[extract][relation][person]") {
  CheckRows({
      {"青海省生态环境厅副厅长马海明、总工程师冶永红出席发布会。",
       {{"马海明", Predicate::kHoldsPost, "青海省生态环境厅"},
        {"冶永红", Predicate::kHoldsPost, "青海省生态环境厅"}}},
      {"省药监局副局长吴卫东、药品安全总监钱立新介绍情况。",
       {{"钱立新", Predicate::kHoldsPost, "省药监局", true}}},
  });
}

TEST_CASE("Items after a program launched in their paragraph are its work",
          "[extract][relation][discourse]") {
  CheckRows({
      {"今年以来，全省公安机关深入开展“清源2026”专项行动，成效明显。一是严打盗窃犯罪。破获盗窃案件560起。"
       "二是深入推进“清库”行动。打掉犯罪团伙12个。三是整治治安乱点。整改隐患300处。",
       {{"清源2026专项行动", Predicate::kReports, "破获盗窃案件"},
        {"清源2026专项行动", Predicate::kReports, "整改隐患"},
        {"清库行动", Predicate::kReports, "打掉犯罪团伙"},
        {"清库行动", Predicate::kReports, "整改隐患", false},
        {"清库行动", Predicate::kPartOf, "清源2026专项行动"}}},
  });
}

TEST_CASE("A speaker labelled by name alone speaks for the body of the post given before",
          "[extract][relation][discourse]") {
  CheckRows({
      {"主持人:今天我们邀请到甘肃省水利厅副厅长孙立平同志介绍情况。\n"
       "孙立平:今年以来,我们深入实施“河湖清四乱”专项行动,共清理河道垃圾8600吨。\n",
       {{"甘肃省水利厅", Predicate::kConducts, "河湖清四乱专项行动"},
        {"河湖清四乱专项行动", Predicate::kReports, "清理河道垃圾"}}},
  });
}

}  // namespace
}  // namespace govkg
