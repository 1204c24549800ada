// Table tests of MetricRecognizer::Find over normalised sentences.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "extract/recognize/metric_internal.h"
#include "extract/vocabulary/metric_lexicon_internal.h"
#include "extract/recognize/metric_quantity_internal.h"

namespace govkg::internal {
namespace {

const MetricRecognizer& Recognizer() {
  static const std::unique_ptr<MetricRecognizer> recognizer = [] {
    MetricOptions options;
    options.lexicon_dir = std::string(GOVKG_SOURCE_DIR) + "/extract/lexicon";
    Result<std::unique_ptr<MetricRecognizer>> r = MetricRecognizer::Create(options);
    REQUIRE(r.ok());
    return std::move(*r);
  }();
  return *recognizer;
}

// One paragraph per line, sentences split on 。 (enough for these tests).
Segmentation SimpleSegmentation(const std::u32string& text) {
  Segmentation seg;
  uint32_t start = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == U'。' || text[i] == U'\n') {
      if (i > start) seg.sentences.push_back({{start, i}, 0});
      start = i + 1;
    }
  }
  seg.paragraphs.push_back({{0, static_cast<uint32_t>(text.size())}, -1, -1});
  return seg;
}

std::vector<MetricMention> FindIn(const std::string& utf8) {
  const std::u32string text = MetricDecodeUtf8(utf8);
  return Recognizer().Find(text, SimpleSegmentation(text));
}

// The names of the figures found, in order.
std::vector<std::string> Names(const std::vector<MetricMention>& found) {
  std::vector<std::string> names;
  for (const MetricMention& m : found) names.push_back(m.name);
  return names;
}

// Each figure found as (name, value, unit), in order.
using Figure = std::tuple<std::string, double, std::string>;
std::vector<Figure> Figures(const std::vector<MetricMention>& found) {
  std::vector<Figure> figures;
  for (const MetricMention& m : found) figures.push_back({m.name, m.value.value, m.value.unit});
  return figures;
}

struct Expected {
  std::string name;
  double value;
  std::string unit;
  std::string qualifier;
  std::string period;
};

struct MetricCase {
  std::string sentence;
  std::vector<Expected> metrics;
};

TEST_CASE("Find reads the metrics of press sentences", "[metric]") {
  const MetricCase cases[] = {
      {"今年以来，全区共破获刑事案件399起，抓获犯罪嫌疑人353名。",
       {{"破获刑事案件", 399, "起", "", "今年以来"}, {"抓获犯罪嫌疑人", 353, "名", "", "今年以来"}}},
      {"现有各类专兼职应急救援队伍3000余支、5.9万余人。",
       {{"现有各类专兼职应急救援队伍", 3000, "支", "余", ""},
        {"现有各类专兼职应急救援队伍", 59000, "人", "余", ""}}},
      // partners after 联合/会同 are no part of the thing counted
      // like nouns listed before one measure each have that measure
      {"肉制品、豆制品不合格率分别为2.1%和1.5%。",
       {{"肉制品不合格率", 2.1, "%", "", ""}, {"豆制品不合格率", 1.5, "%", "", ""}}},
      {"桃源县、慈利县粮食产量分别为50万吨和40万吨。",
       {{"粮食产量", 500000, "吨", "", ""}, {"粮食产量", 400000, "吨", "", ""}}},
      // a unit implied by the name may be written after the number
      {"全市空气质量优良天数为301天。", {{"空气质量优良天数", 301, "天", "", ""}}},
      // a list of subjects before the verb is no part of the name
      {"恩施州、湘西州、黔东南州共组织巡护人员2.1万人次。",
       {{"组织巡护人员", 21000, "人次", "", ""}}},
      {"市场监管局联合市教育局、市卫健委检查托育机构860家。",
       {{"检查托育机构", 860, "家", "", ""}}},
      {"收缴战争遗留物503枚、危险化学品近1900公斤。",
       {{"收缴战争遗留物", 503, "枚", "", ""}, {"收缴危险化学品", 1900, "公斤", "近", ""}}},
      {"2023年6月25日至8月31日，全区共发生一般交通事故2622起，比上年同期减少626起，同比下降19.27%；",
       {{"发生一般交通事故", 2622, "起", "", "2023年6月25日至8月31日"},
        {"发生一般交通事故较上年", -626, "起", "", "2023年6月25日至8月31日"},
        {"发生一般交通事故同比", -19.27, "%", "", "2023年6月25日至8月31日"}}},
      {"财产损失1095.1万元，比上年同期减少36.6万元，同比下降3.2%。",
       {{"财产损失", 10951000, "元", "", ""},
        {"财产损失较上年", -366000, "元", "", ""},
        {"财产损失同比", -3.2, "%", "", ""}}},
      {"全区共查处各类交通违法286.8万起，增加24.5万起，同比增加9.3%。",
       {{"查处各类交通违法", 2868000, "起", "", ""},
        {"查处各类交通违法较上年", 245000, "起", "", ""},
        {"查处各类交通违法同比", 9.3, "%", "", ""}}},
      {"今年1—8月份，全区共检查出入境人员192万人次，同比增加415%。",
       {{"检查出入境人员", 1920000, "人次", "", "今年1—8月份"},
        {"检查出入境人员同比", 415, "%", "", "今年1—8月份"}}},
      {"检查出入境交通运输工具94万辆(列、架)次。",
       {{"检查出入境交通运输工具", 940000, "辆(列、架)次", "", ""}}},
      {"1至8月，现行命案破案率100%，两抢案件破案率100%。",
       {{"现行命案破案率", 100, "%", "", "1至8月"}, {"两抢案件破案率", 100, "%", "", "1至8月"}}},
      {"在校园周边设立警务室或治安岗亭6100余个，校园周边日均巡逻达3万余人次。",
       {{"设立警务室或治安岗亭", 6100, "个", "余", ""}, {"校园周边日均巡逻", 30000, "人次", "余", ""}}},
      {"三年来，共破获刑事案件345起，收缴枪支62支、子弹5.2万发及一批危爆物品。",
       {{"破获刑事案件", 345, "起", "", "三年来"},
        {"收缴枪支", 62, "支", "", "三年来"},
        {"收缴子弹", 52000, "发", "", "三年来"}}},
      {"设立7个边境管理政务服务中心，带动2800余名边民群众加入护边员队伍。",
       {{"设立边境管理政务服务中心", 7, "个", "", ""},
        {"带动边民群众加入护边员队伍", 2800, "名", "余", ""}}},
      {"目前，全区办理刑事处罚97起，行政处罚282起。",
       {{"办理刑事处罚", 97, "起", "", "目前"}, {"办理行政处罚", 282, "起", "", "目前"}}},
      {"破获案件5748起(其中，命案现案23起、积隐案23起)，抓获犯罪嫌疑人5840名。",
       {{"破获案件", 5748, "起", "", ""},
        {"破获命案现案", 23, "起", "", ""},
        {"破获积隐案", 23, "起", "", ""},
        {"抓获犯罪嫌疑人", 5840, "名", "", ""}}},
      {"封闭式管理、专职保安员配备率均达100%。",
       {{"封闭式管理", 100, "%", "达", ""}, {"专职保安员配备率", 100, "%", "达", ""}}},
      {"全年刑事案件同比下降31.7%，侵财、盗窃案件同比分别下降26.5%和31.1%。",
       {{"刑事案件同比", -31.7, "%", "", "全年"},
        {"侵财同比", -26.5, "%", "", "全年"},
        {"盗窃案件同比", -31.1, "%", "", "全年"}}},
      {"“十四五”时期全区食品抽检合格率保持在96.8%以上。",
       {{"食品抽检合格率", 96.8, "%", "以上", "“十四五”时期"}}},
      {"在黄河沿线安装视频监控摄像头千余个。", {{"安装视频监控摄像头", 1000, "个", "余", ""}}},
      {"各地开展公众宣传教育活动，受众达千万人。", {{"受众", 10000000, "人", "达", ""}}},
      {"向全区下发宣传册和宣传标识等500余万册。", {{"下发宣传册和宣传标识", 5000000, "册", "余", ""}}},
      {"收回草原林地13.1万亩，签署协议投资约517亿元。",
       {{"收回草原林地", 131000, "亩", "", ""}, {"签署协议投资", 51700000000, "元", "约", ""}}},
      {"331国道4G信号覆盖率由47%提升至82%。",
       {{"331国道4G信号覆盖率", 47, "%", "", ""}, {"331国道4G信号覆盖率", 82, "%", "", ""}}},
      {"提供各类技术服务和咨询7065件(次)。", {{"提供各类技术服务和咨询", 7065, "件(次)", "", ""}}},
      {"边境线长4262公里，边境管理区面积36万平方公里。",
       {{"边境线长", 4262, "公里", "", ""}, {"边境管理区面积", 360000, "平方公里", "", ""}}},
      {"收缴毒品5千克。", {{"收缴毒品", 5, "千克", "", ""}}},
      {"成功侦破4起命案积案。", {{"侦破命案积案", 4, "起", "", ""}}},
      {"打掉涉黑团伙三个。", {{"打掉涉黑团伙", 3, "个", "", ""}}},
      {"排查隐患3至5处。", {{"排查隐患", 3, "处", "", ""}}},
      {"宣传片一经发布点击量突破百万；", {{"发布点击量", 1000000, "次", "超过", ""}}},
      {"全年共办理群众来信来访4200余件次，化解率达95%以上。",
       {{"办理群众来信来访", 4200, "件次", "余", "全年"}, {"化解率", 95, "%", "以上", "全年"}}},
      {"群众满意度达到96.5%，较2022年提高2.3个百分点。",
       {{"群众满意度", 96.5, "%", "", ""}, {"群众满意度同比", 2.3, "个百分点", "", ""}}},
      {"全省道路交通事故起数、死亡人数分别下降12.3%、8.7%。",
       {{"道路交通事故起数同比", -12.3, "%", "", ""}, {"死亡人数同比", -8.7, "%", "", ""}}},
      {"截至6月底，全省各级法院共受理案件15.6万件，审结14.2万件，结案率91%。",
       {{"受理案件", 156000, "件", "", "截至6月底"},
        {"审结案件", 142000, "件", "", "截至6月底"},
        {"结案率", 91, "%", "", "截至6月底"}}},
      {"全省森林覆盖率提高到23.5%。", {{"森林覆盖率", 23.5, "%", "", ""}}},
      {"城镇登记失业率控制在3.5%以内。", {{"城镇登记失业率", 3.5, "%", "不足", ""}}},
      // …but a bare bound after the figure is its limit, not a second figure
      {"城镇调查失业率5.1%，控制在5.5%以内。", {{"城镇调查失业率", 5.1, "%", "", ""}}},
      {"粮食产量1250亿斤，稳定在1200亿斤以上。", {{"粮食产量", 125000000000, "斤", "", ""}}},
      {"近三年来，全州共侦破电信网络诈骗案件2156起，止付冻结资金1.3亿元。",
       {{"侦破电信网络诈骗案件", 2156, "起", "", "近三年来"}, {"止付冻结资金", 130000000, "元", "", "近三年来"}}},
      {"全省已建成运行污水处理厂158座，日处理能力达到420万吨。",
       {{"建成运行污水处理厂", 158, "座", "", ""}, {"日处理能力", 4200000, "吨", "", ""}}},
      {"第三季度，全市接处警2.8万起，较去年同期下降12%。",
       {{"接处警", 28000, "起", "", "第三季度"}, {"接处警同比", -12, "%", "", "第三季度"}}},
      {"一年来，全县共调处矛盾纠纷1324件，调解成功率98.5%。",
       {{"调处矛盾纠纷", 1324, "件", "", "一年来"}, {"调解成功率", 98.5, "%", "", "一年来"}}},
      {"将全市19户重大危险源企业全部接入监测预警系统，查处违法企业36家。",
       {{"查处违法企业", 36, "家", "", ""}}},
      {"全年发生生产安全事故236起、死亡198人，同比分别下降15.2%和12.8%。",
       {{"发生生产安全事故", 236, "起", "", "全年"},
        {"死亡", 198, "人", "", "全年"},
        {"发生生产安全事故同比", -15.2, "%", "", "全年"},
        {"死亡同比", -12.8, "%", "", "全年"}}},
      {"新建5G基站3000个，累计建成1.2万个。",
       {{"新建5G基站", 3000, "个", "", ""}, {"建成5G基站", 12000, "个", "", ""}}},
      {"去年以来，共摸排风险隐患860个，已化解790个，化解率91.9%。",
       {{"摸排风险隐患", 860, "个", "", "去年以来"},
        {"化解风险隐患", 790, "个", "", "去年以来"},
        {"化解率", 91.9, "%", "", "去年以来"}}},
      {"全市常住人口350万，每10万人口刑事案件发案数下降12%。",
       {{"常住人口", 3500000, "人", "", ""}, {"每10万人口刑事案件发案数同比", -12, "%", "", ""}}},
      {"十年间，全市累计建成公园120座。", {{"建成公园", 120, "座", "", "十年间"}}},
      {"全区累计排查问题隐患23.15万项。", {{"排查问题隐患", 231500, "项", "", ""}}},
      {"专项行动开展以来，全市破获案件22起。", {{"破获案件", 22, "起", "", "专项行动开展以来"}}},
      {"防汛救灾期间，全市破获案件9起。", {{"破获案件", 9, "起", "", "防汛救灾期间"}}},
      {"全区公安机关今年以来共破获案件21起。", {{"破获案件", 21, "起", "", "今年以来"}}},
      {"截至2023年8月底，破获案件11起。", {{"破获案件", 11, "起", "", "截至2023年8月底"}}},
      {"他介绍：“今年以来，全市共破获案件300起。”",
       {{"破获案件", 300, "起", "", "今年以来"}}},
      {"全年接待游客1200万人次，同比增长1.5倍。",
       {{"接待游客", 12000000, "人次", "", "全年"}, {"接待游客同比", 1.5, "倍", "", "全年"}}},
      {"过去一年，城乡居民人均可支配收入分别增长5.1%和6.8%。",
       {{"城乡居民人均可支配收入同比", 5.1, "%", "", "过去一年"},
        {"城乡居民人均可支配收入同比", 6.8, "%", "", "过去一年"}}},
      {"2023年，全省共查处违纪违法案件3256件，处分3012人，其中厅局级干部26人。",
       {{"查处违纪违法案件", 3256, "件", "", "2023年"},
        {"处分", 3012, "人", "", "2023年"},
        {"处分厅局级干部", 26, "人", "", "2023年"}}},
      {"全市共有各级各类学校1234所。", {{"共有各级各类学校", 1234, "所", "", ""}}},
      {"一是刑事案件下降5%；二是治安案件下降8%。",
       {{"刑事案件同比", -5, "%", "", ""}, {"治安案件同比", -8, "%", "", ""}}},
      {"1.交通事故死亡人数下降12%。", {{"交通事故死亡人数同比", -12, "%", "", ""}}},
      // an event verb heads its own name but lends itself to no item after it
      {"全市共接报火灾8956起，死亡21人，受伤35人，直接财产损失1.2亿元。",
       {{"接报火灾", 8956, "起", "", ""}, {"死亡", 21, "人", "", ""}, {"受伤", 35, "人", "", ""},
        {"直接财产损失", 120000000, "元", "", ""}}},
      // listed bodies before the verb are its subject, however long the last one's name
      {"常德、岳阳两市应急管理局开展实战演练86场次。", {{"开展实战演练", 86, "场次", "", ""}}},
      // 检出 is a verb of its own, not an item borrowing 完成
      {"全省共完成抽检5.6万批次，检出不合格样品1120批次。",
       {{"完成抽检", 56000, "批次", "", ""}, {"检出不合格样品", 1120, "批次", "", ""}}},
      // 救援 inside a body's name is no verb of the figure
      {"南岸区消防救援支队开展夜查行动120次。", {{"开展夜查行动", 120, "次", "", ""}}},
      // a bare average after a metric is that metric's average
      {"春运期间共查验出入境旅客1256.8万人次，日均31.4万人次。",
       {{"查验出入境旅客", 12568000, "人次", "", ""}, {"日均查验出入境旅客", 314000, "人次", "", ""}}},
      // a rate per population
      {"全区孕产妇死亡率下降至10.2/10万。", {{"孕产妇死亡率", 10.2, "/10万", "", ""}}},
      // 行为 is a word, not 行 and the qualifier 为.
      {"全市查处交通违法行为1.2万起。", {{"查处交通违法行为", 12000, "起", "", ""}}},
      // 均 with a change: each item changed by the one figure.
      {"全市刑事案件、治安案件同比均下降10%。",
       {{"刑事案件同比", -10, "%", "", ""}, {"治安案件同比", -10, "%", "", ""}}},
      {"全市GDP达到3256.8亿元。", {{"GDP", 325680000000, "元", "", ""}}},
      {"办理各类案件近两千件，组织应急演练三百余次。",
       {{"办理各类案件", 2000, "件", "近", ""}, {"组织应急演练", 300, "次", "余", ""}}},
  };
  for (const MetricCase& c : cases) {
    INFO(c.sentence);
    const std::vector<MetricMention> found = FindIn(c.sentence);
    REQUIRE(found.size() == c.metrics.size());
    for (size_t k = 0; k < found.size(); ++k) {
      INFO("metric " << k << ": " << found[k].name);
      CHECK(found[k].name == c.metrics[k].name);
      CHECK(found[k].value.value == Approx(c.metrics[k].value).epsilon(1e-12));
      CHECK(found[k].value.unit == c.metrics[k].unit);
      CHECK(found[k].value.qualifier == c.metrics[k].qualifier);
      CHECK(found[k].value.period == c.metrics[k].period);
      CHECK(found[k].is_change == (found[k].name.find("同比") != std::string::npos ||
                                   found[k].name.find("较上年") != std::string::npos));
    }
  }
}

TEST_CASE("Find skips numbers that are not metrics", "[metric]") {
  const std::string none[] = {
      "以“清风2023”为抓手，严打黄赌违法犯罪。",             // inside a name
      "如接到“96110”号码来电，请及时接听。",                 // a phone number
      "沿331国道巡逻。",                                     // a road name
      "确保八类严重暴力犯罪现案破案率达到90%，命案现案100%全破。",  // a target
      "于6月26日至9月30日组织开展夏季交通安全整治行动。",     // dates
      "持续3个月，为期2天。",                                 // durations
      "一是精心组织开展专项行动，二是强化案线侦办。",         // ordinals
      "居全国第二，第一批主题教育。",                         // ordinals
      "紧紧围绕两件大事，主要做了三方面工作，一个重要任务。", // words with numerals
      "全部实现“四个100%”建设。",                             // quoted
      "学习《中华人民共和国2023年第5号令》。",                   // in a title
      "开展\"清风2023\"行动。",                                // ASCII quotes
      "到2025年，覆盖率达到95%。",                            // a deadline target
      "60名小朋友将开启冬令营欢乐之旅。",                      // a future event
      "最高可奖励50万元。",                                   // a rule
      "The pass rate was over 96.8%.",                         // not Chinese
      "网站访问量2023年创新高。",                              // a year, not a count
      "下一步，我们将力争用3年时间，建成50个示范点。",          // a plan
      "计划投资50亿元，预计带动就业3000人。",                   // a plan
      "今年将新建学校12所。",                                   // future
      "本办法自2023年10月1日起施行，有效期5年。",               // dates
      "咨询电话:0471-6945678。",                                // a phone number
      "张某，男，45岁，因涉嫌诈骗罪被刑事拘留。",               // an age
      "第十四届全国人大一次会议审议通过了政府工作报告。",       // 一次会议
      "民警和群众一起，推行一户一策、一件事一次办。",           // words with 一
      "百名干部进千企，万名党员进万家。",                       // slogans
  };
  for (const std::string& sentence : none) {
    INFO(sentence);
    const std::vector<MetricMention> found = FindIn(sentence);
    for (const MetricMention& m : found) INFO("found " << m.name << " " << m.value.value);
    CHECK(found.empty());
  }
}

TEST_CASE("Find reports offsets of the number and the expression", "[metric]") {
  const std::u32string text = U"今年以来，破获刑事案件399起。抓获犯罪嫌疑人353名。";
  const std::vector<MetricMention> found = Recognizer().Find(text, SimpleSegmentation(text));
  REQUIRE(found.size() == 2);
  CHECK(text.substr(found[0].number.start, found[0].number.end - found[0].number.start) == U"399起");
  CHECK(text.substr(found[0].range.start, found[0].range.end - found[0].range.start) ==
        U"破获刑事案件399起");
  CHECK(found[0].sentence == 0);
  CHECK(found[1].sentence == 1);
  CHECK(found[1].value.period == "今年以来");  // carried through the paragraph
}

const MetricLexicon& Lexicon() {
  static const MetricLexicon lexicon = [] {
    Result<MetricLexicon> r = MetricLexicon::Load(std::string(GOVKG_SOURCE_DIR) + "/extract/lexicon");
    REQUIRE(r.ok());
    return std::move(*r);
  }();
  return lexicon;
}

TEST_CASE("MatchPeriodAt reads time phrases", "[metric][period]") {
  const std::pair<std::u32string, std::u32string> cases[] = {
      {U"今年以来，", U"今年以来"},
      {U"今年1至8月，", U"今年1至8月"},
      {U"1—8月份全区", U"1—8月份"},
      {U"2023年6月25日至8月31日，", U"2023年6月25日至8月31日"},
      {U"三年来，", U"三年来"},
      {U"近5年来", U"近5年来"},
      {U"今年前8个月，", U"今年前8个月"},
      {U"截至2022年12月底，", U"截至2022年12月底"},
      {U"“十四五”时期全区", U"“十四五”时期"},
      {U"上半年，", U"上半年"},
      {U"过去一年，", U"过去一年"},
      {U"2021年至今", U"2021年至今"},
      {U"目前，", U"目前"},
      {U"今年将会同", U"今年"},
  };
  for (const auto& [text, period] : cases) {
    INFO(MetricEncodeUtf8(text));
    CHECK(Lexicon().MatchPeriodAt(text, 0) == period.size());
  }
  const std::u32string none[] = {U"自治区公安厅", U"近820处", U"3起", U"截至", U"前", U"年"};
  for (const std::u32string& text : none) {
    INFO(MetricEncodeUtf8(text));
    CHECK(Lexicon().MatchPeriodAt(text, 0) == 0);
  }
}

TEST_CASE("ReadQuantity reads number, range, qualifier and unit", "[metric]") {
  struct Case {
    std::u32string text;
    double value;
    std::string unit;
    std::string qualifier;
    size_t end;
  };
  const Case cases[] = {
      {U"6100余个，", 6100, "个", "余", 6},
      {U"500余万册", 5000000, "册", "余", 6},
      {U"4200多公里边境线", 4200, "公里", "余", 7},
      {U"36.6万元", 366000, "元", "", 6},
      {U"96.8%以上", 96.8, "%", "以上", 7},
      {U"94万辆(列、架)次", 940000, "辆(列、架)次", "", 10},
      {U"3至5处", 3, "处", "", 4},
      {U"5千克", 5, "千克", "", 3},
      {U"100人左右", 100, "人", "约", 6},
      {U"3个月", 3, "", "", 3},  // blocked: a duration
      {U"2023年", 2023, "", "", 4},  // no unit
  };
  for (const Case& c : cases) {
    INFO(MetricEncodeUtf8(c.text));
    const ParsedNumber n = ParseNumberAt(c.text, 0);
    const Quantity q = ReadQuantity(Lexicon(), c.text, 0, n);
    CHECK(q.unit == c.unit);
    CHECK(q.qualifier == c.qualifier);
    CHECK(q.end == c.end);
    if (!c.unit.empty()) CHECK(q.value == Approx(c.value));
  }
}

TEST_CASE("Find reads the cells of a table copied as text", "[metric]") {
  // One cell per line with a lone '|' opening each row, a header with units,
  // a row whose first figure the prose already gave, and a row cut short.
  const std::vector<MetricMention> found = FindIn(
      "全年粮油产值完成4200万元。\n表2 某县2020年产值表\n|\n品类 |\n产值 (万元) |\n增速 (%) |\n"
      "|\n粮油 |\n4200 |\n3.5 |\n|\n蔬菜 |\n1500 |\n-2.1 |\n|\n水果 |\n800 |\n9");
  std::vector<std::pair<std::string, double>> got;
  for (const MetricMention& m : found) got.push_back({m.name, m.value.value});
  const std::vector<std::pair<std::string, double>> want = {
      {"粮油产值完成", 42000000}, {"粮油同比", 3.5}, {"蔬菜", 15000000},
      {"蔬菜同比", -2.1}, {"水果", 8000000}};
  CHECK(got == want);
  REQUIRE(found.size() == 5);
  CHECK(found[1].value.unit == "%");
  CHECK(found[2].value.unit == "元");
  CHECK(found[3].is_change);
}

TEST_CASE("Find reads a table written one row per line with a unit line", "[metric]") {
  const std::vector<MetricMention> found =
      FindIn("单位：吨\n| 品类 | 产量 | 库存 |\n| 小麦 | 120 | 30 |\n正文里的数字 | 不读\n");
  std::vector<std::pair<std::string, double>> got;
  for (const MetricMention& m : found) got.push_back({m.name, m.value.value});
  const std::vector<std::pair<std::string, double>> want = {{"小麦", 120}, {"小麦库存", 30}};
  CHECK(got == want);
  for (const MetricMention& m : found) CHECK(m.value.unit == "吨");
}

TEST_CASE("Find reads rates per unit and a bare change verb after a change", "[metric]") {
  const std::vector<MetricMention> found =
      FindIn("全县早稻单产420.5公斤/亩，比上年增加8.2公斤，增2.0%；电价0.56元/小时。");
  const std::vector<Figure> got = Figures(found);
  const std::vector<Figure> want = {
      {"早稻单产", 420.5, "公斤/亩"}, {"早稻单产较上年", 8.2, "公斤"},
      {"早稻单产同比", 2.0, "%"}, {"电价", 0.56, "元/小时"}};
  CHECK(got == want);
}

TEST_CASE("Find names a subject's figure by its verb and object, totals by the previous object",
          "[metric]") {
  const std::vector<MetricMention> found = FindIn(
      "今年河南新建320万亩节水灌溉面积，年底总数将达到2100万亩，全省蔬菜产量连续5年过千万吨。");
  const std::vector<Figure> got = Figures(found);
  const std::vector<Figure> want = {
      {"新建节水灌溉面积", 3200000, "亩"},
      {"节水灌溉面积总数", 21000000, "亩"},
      {"蔬菜产量", 10000000, "吨"}};
  CHECK(got == want);
}

TEST_CASE("Find names figures of work of other sectors by their verb", "[metric]") {
  const std::vector<MetricMention> found = FindIn("压减学科类校外培训机构2130家，压降能耗12.5万吨。");
  std::vector<std::string> names = Names(found);
  CHECK(names == std::vector<std::string>{"压减学科类校外培训机构", "压降能耗"});
  // 避险 is a verb of its own: the item after 转移群众 does not borrow 转移.
  names = Names(FindIn("去年全省共转移群众86.5万人，成功避险126起。"));
  CHECK(names == std::vector<std::string>{"转移群众", "避险"});
  // 追讨 heads its name (not 为2.3万名农民工…); a name ends before 的.
  names = Names(FindIn("全省为2.3万名农民工追讨工资3.8亿元，完成年度计划的110.4%。"));
  CHECK(names == std::vector<std::string>{"追讨工资", "完成年度计划"});
}

TEST_CASE("A figure found in the course of a campaign is named from its own verb, with no period from the name",
          "[metric]") {
  // 打击整治 is the campaign's verb and 百日 part of its quoted name, not a period.
  for (const char* text : {"深圳市公安局在夏季治安打击整治“百日行动”中破获电信网络诈骗案件860起。",
                           "市公安局在夏季治安打击整治行动中破获电信网络诈骗案件860起。"}) {
    const std::vector<MetricMention> found = FindIn(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].name == "破获电信网络诈骗案件");
    CHECK(found[0].value.period.empty());
  }
}

TEST_CASE("Find names a change on the period before …环比, after a 同比 change too", "[metric]") {
  const std::vector<MetricMention> found =
      FindIn("9月份，全市社会用电量同比增长6.5%，环比下降1.2%；蔬菜价格同比上涨3.4%。");
  const std::vector<Figure> got = Figures(found);
  const std::vector<Figure> want = {
      {"社会用电量同比", 6.5, "%"}, {"社会用电量环比", -1.2, "%"}, {"蔬菜价格同比", 3.4, "%"}};
  CHECK(got == want);
  // The items of a 分别 list keep the comparison they were given.
  std::vector<std::string> names = Names(FindIn("客运量、货运量环比分别增长2.5%和1.8%。"));
  CHECK(names == std::vector<std::string>{"客运量环比", "货运量环比"});
}

TEST_CASE("A comparison with an earlier quarter is a change …环比, and not the figure's period",
          "[metric][period]") {
  const std::vector<MetricMention> found =
      FindIn("第二季度，全市抽检合格率为98.56%，较第一季度上升0.21个百分点。");
  REQUIRE(found.size() == 2);
  CHECK(found[1].name == "抽检合格率环比");
  CHECK(found[1].value.value == Approx(0.21));
  CHECK(found[1].value.period == "第二季度");
}

TEST_CASE("Find cuts a name at 归集 and 开发, not at 搜救 inside 搜救中心 nor at a verb before 数据",
          "[metric]") {
  std::vector<std::string> names = Names(FindIn("县数据局归集共享数据2.3亿条，开发专区应用18个。省海上搜救中心组织搜救行动18次。"));
  CHECK(names == std::vector<std::string>{"归集共享数据", "开发专区应用", "组织搜救行动"});
  // 开发 inside 房地产开发 is no verb heading the name
  names = Names(FindIn("全省房地产开发投资下降9.4%。"));
  CHECK(names == std::vector<std::string>{"房地产开发投资同比"});
}

TEST_CASE("Subjects listed before 分别 and the previous verb alone do that figure again", "[metric]") {
  const std::vector<MetricMention> found =
      FindIn("大连港完成货物吞吐量2.87亿吨，锦州港、丹东港分别完成0.56亿吨和0.31亿吨。");
  REQUIRE(found.size() == 3);
  CHECK(found[1].name == "完成货物吞吐量");
  CHECK(found[2].name == "完成货物吞吐量");
  CHECK(found[2].value.value == Approx(31000000));
  CHECK(found[1].subject.end - found[1].subject.start == 3);  // 锦州港
}

TEST_CASE("即办件 keeps its 即, the adverb 即 is trimmed", "[metric]") {
  std::vector<std::string> names = Names(FindIn("即办件比例达到86.4%。"));
  CHECK(names == std::vector<std::string>{"即办件比例"});
}

TEST_CASE("A measure ending in 面 borrows no verb", "[metric]") {
  std::vector<std::string> names = Names(FindIn("全省有33个行业增加值保持增长，增长面达80.5%。"));
  REQUIRE(names.size() == 2);
  CHECK(names[1] == "增长面");
}

TEST_CASE("A bare share is of the whole the paragraph's last share named", "[metric]") {
  std::vector<std::string> names = Names(FindIn("农药残留超标148批次，占不合格总数的41.6%；微生物污染79批次，占22.2%。"));
  CHECK(names == std::vector<std::string>{"农药残留超标", "占不合格总数", "微生物污染", "占不合格总数"});
}

TEST_CASE("The list's 均 before a verb of keeping is no part of the name", "[metric]") {
  const std::vector<MetricMention> found = FindIn("重大动物疫病免疫密度均保持在90%以上。");
  REQUIRE(found.size() == 1);
  CHECK(found[0].name == "重大动物疫病免疫密度");
  CHECK(found[0].value.qualifier == "以上");
}

TEST_CASE("A verb before 面积 modifies it: the area is named whole", "[metric]") {
  std::vector<std::string> names = Names(FindIn("全省保护性耕作实施面积达到3750万亩，完成造林面积12万亩。"));
  CHECK(names == std::vector<std::string>{"保护性耕作实施面积", "完成造林面积"});
}

TEST_CASE("Find reads containers in 标准箱 and keeps 共享 in a name", "[metric]") {
  const std::vector<Figure> got = Figures(FindIn("全省港口完成集装箱吞吐量892.6万标准箱，共享单车日均骑行量196万人次。"));
  const std::vector<Figure> want = {
      {"完成集装箱吞吐量", 8926000, "标准箱"}, {"共享单车日均骑行量", 1960000, "人次"}};
  CHECK(got == want);
}

TEST_CASE("A clause naming a set of counted things (13个设区市中) is no period and no metric",
          "[metric][period]") {
  const std::vector<MetricMention> found =
      FindIn("13个设区市中，南通市PM2.5浓度为29.7微克/立方米。在专项行动中，查处案件12起。");
  REQUIRE(found.size() == 2);
  CHECK(found[0].name == "南通市PM2.5浓度");  // the place is taken off later, as the subject
  CHECK(found[0].value.period.empty());
  CHECK(found[1].name == "查处案件");
  CHECK(found[1].value.period == "在专项行动中");  // a time phrase still is one
}

TEST_CASE("Find skips what a meeting asks for", "[metric]") {
  CHECK(FindIn("会议要求，2024年要重点抓好五个方面工作：一是深入实施节水行动，创建节水型社会达标县15个。").empty());
  CHECK(FindIn("会议指出，2023年全省压减地下水开采量1.9亿立方米。").size() == 1);
}

TEST_CASE("Find skips what a body strives to become (争创), not funds it secured (争取)", "[metric]") {
  CHECK(FindIn("延安市将全力推进农村公路建设，争创国家级示范县3个。").empty());
  CHECK(FindIn("全年争取中央预算内资金5亿元。").size() == 1);
}

TEST_CASE("A range keeps its upper bound", "[metric]") {
  const std::vector<MetricMention> found = FindIn("排查隐患3至5处。");
  REQUIRE(found.size() == 1);
  CHECK(found[0].value.value == 3);
  CHECK(found[0].range_high == 5);
}

TEST_CASE("Verbs listed before one shared figure head its name together", "[metric]") {
  // 审结、执结 after 受理: the list's own verbs, not 受理 borrowed before them.
  std::vector<std::string> names = Names(FindIn("全市法院共受理各类案件8.6万件，审结、执结7.9万件。"));
  CHECK(names == std::vector<std::string>{"受理各类案件", "审结、执结各类案件"});
  names = Names(FindIn("共受理案件8.6万件，审结、执结案件7.9万件，同比分别上升3.1%和4.2%。"));
  CHECK(names == std::vector<std::string>{"受理案件", "审结、执结案件", "受理案件同比", "审结、执结案件同比"});
  // A verb used as a noun after the list keeps it a list of nouns.
  names = Names(FindIn("事故起数、死亡人数分别下降5%和6%。"));
  CHECK(names == std::vector<std::string>{"事故起数同比", "死亡人数同比"});
}

TEST_CASE("Create reports a missing lexicon folder", "[metric]") {
  MetricOptions options;
  options.lexicon_dir = "/nonexistent/metric-lexicon";
  Result<std::unique_ptr<MetricRecognizer>> r = MetricRecognizer::Create(options);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("/nonexistent/metric-lexicon") != std::string::npos);
}

TEST_CASE("Find survives random text made of tricky characters", "[metric]") {
  const std::u32string alphabet = U"0123456789.,%万亿千百十一二两三零〇余多近达至到-—()（）“”《》、，。；\n"
                                  U"起名个人次万元同比下降增加较上年今年以来月日第破获案件率均分别";
  uint32_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::u32string text;
    const size_t len = 1 + round % 60;
    for (size_t k = 0; k < len; ++k) {
      seed = seed * 1103515245u + 12345u;
      text.push_back(alphabet[(seed >> 8) % alphabet.size()]);
    }
    const std::vector<MetricMention> found = Recognizer().Find(text, SimpleSegmentation(text));
    for (const MetricMention& m : found) {
      CHECK(m.range.start <= m.range.end);
      CHECK(m.range.end <= text.size());
      CHECK(m.number.start < m.number.end);
      CHECK(m.number.end <= text.size());
      CHECK_FALSE(m.name.empty());
      CHECK_FALSE(m.value.unit.empty());
    }
  }
}

TEST_CASE("Find rejects absurd numbers and stays linear on long runs", "[metric]") {
  std::u32string digits(5000, U'9');
  digits += U"个。";
  CHECK(Recognizer().Find(digits, Segmentation{}).empty());
  std::u32string chinese(200000, U'一');
  chinese += U"个。";
  CHECK(Recognizer().Find(chinese, Segmentation{}).empty());
  std::u32string tens(200000, U'十');
  CHECK(Recognizer().Find(tens, Segmentation{}).empty());
  std::u32string years;
  for (int k = 0; k < 20000; ++k) years += U"1年";
  CHECK(Recognizer().Find(years, Segmentation{}).empty());
}

TEST_CASE("Find survives arbitrary text", "[metric]") {
  const std::u32string texts[] = {U"", U"3", U"万", U"百分之", U"(((", U")))", U"“”“", U"3至", U"5余",
                                  U"1,2,3,4,5", U"１２３", U"增加", U"同比下降%", U"3(个、"};
  for (const std::u32string& text : texts) {
    const std::vector<MetricMention> found = Recognizer().Find(text, Segmentation{});
    for (const MetricMention& m : found) {
      CHECK(m.range.end <= text.size());
      CHECK(m.number.end <= text.size());
    }
  }
}

}  // namespace
}  // namespace govkg::internal
