// Table tests of the recognisers: each row is a snippet and an entity that
// must (or must not) be found in it.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/extract/extract_test_util.h"
#include "tests/test_util.h"

namespace govkg {
namespace {

struct Row {
  std::string text;
  EntityType type;
  std::string name;
  bool present = true;
};

void CheckRows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    INFO(row.text << " → " << EntityTypeName(row.type) << " " << row.name);
    const DocumentGraph g = testing::ExtractText(row.text);
    CHECK((testing::FindEntity(g, row.type, row.name) != nullptr) == row.present);
  }
}

TEST_CASE("Agencies are kind words extended to a boundary", "[extract][agency]") {
  CheckRows({
      {"辽宁省公安厅交通管理局部署相关工作。", EntityType::kAgency, "辽宁省公安厅交通管理局"},
      {"全市公安机关刑侦部门破获案件12起。", EntityType::kAgency, "公安机关刑侦部门"},
      {"全市公安机关刑侦部门破获案件12起。", EntityType::kAgency, "全市公安机关刑侦部门", false},
      {"会同相关部门开展检查。", EntityType::kAgency, "相关部门", false},
      {"构建生态安全保卫新格局。", EntityType::kAgency, "生态安全保卫新格局", false},
      {"整治治安乱点550余处。", EntityType::kAgency, "550余处", false},
      {"在国家移民局的领导下推进工作。", EntityType::kAgency, "国家移民局"},
      {"调整充实市县两级平安建设工作领导小组。", EntityType::kAgency, "平安建设工作领导小组"},
      {"在盟市、旗县公安机关全部成立机构。", EntityType::kAgency, "公安机关"},
      {"沿黄9省区公安机关共同签署协议。", EntityType::kAgency, "沿黄9省区公安机关"},
      {"在省委、政府的领导下开展工作。", EntityType::kAgency, "省政府"},
      {"国家和省反恐怖工作领导小组统一指挥。", EntityType::kAgency, "国家反恐怖工作领导小组"},
      {"会同教育等部门开展整治。", EntityType::kAgency, "教育部门"},
      {"边境管理总队调查处处长王小明：", EntityType::kAgency, "边境管理总队调查处"},
      // What an inspection counted is not a body; a body with a region is.
      {"联合开展专项检查，检查养老服务机构312家。", EntityType::kAgency, "养老服务机构", false},
      {"联合开展专项检查，检查养老服务机构312家。", EntityType::kAgency, "检查养老服务机构", false},
      {"抽检餐饮服务机构86家。", EntityType::kAgency, "抽检餐饮服务机构", false},
      {"湖州市公安局2名民警受到表彰。", EntityType::kAgency, "湖州市公安局"},
      // 全省 is the scope; 省市 (a collective level) is not read across 市场.
      {"全省市场监管部门开展检查。", EntityType::kAgency, "市场监管部门"},
      {"全省市场监管部门开展检查。", EntityType::kAgency, "场监管部门", false},
      {"青岛海关查获走私案件12起。", EntityType::kAgency, "青岛海关"},
      // Cities of one level listed before a body's name each have that body.
      {"武汉市、宜昌市、襄阳市公安局破获案件12起。", EntityType::kAgency, "武汉市公安局"},
      {"武汉市、宜昌市、襄阳市公安局破获案件12起。", EntityType::kAgency, "宜昌市公安局"},
      {"湖北省、武汉市公安局联合破获案件12起。", EntityType::kAgency, "湖北省公安局", false},
      // …and so do places listed before a count of their level (三市, 两县).
      {"南宁、柳州、桂林三市公安机关开展联合巡逻。", EntityType::kAgency, "柳州市公安机关"},
      {"南宁、柳州、桂林三市公安机关开展联合巡逻。", EntityType::kAgency, "桂林市公安机关"},
      {"南宁、柳州、桂林三市公安机关开展联合巡逻。", EntityType::kAgency, "桂林三市公安机关", false},
      {"西安、宝鸡、咸阳等市应急管理局开展执法检查。", EntityType::kAgency, "宝鸡市应急管理局"},
      {"西安、宝鸡、咸阳等市应急管理局开展执法检查。", EntityType::kAgency, "市应急管理局", false},
      {"福州、厦门、泉州三市市场监管局立案查处。", EntityType::kAgency, "泉州市市场监督管理局"},
      // places of one tier, a city and a prefecture, share the body too
      {"曲靖市、昭通市、红河州交通运输局完成投资。", EntityType::kAgency, "曲靖市交通运输局"},
      {"曲靖市、昭通市、红河州交通运输局完成投资。", EntityType::kAgency, "昭通市交通运输局"},
      {"成都市和绵阳市两市应急管理局开展检查。", EntityType::kAgency, "成都市应急管理局"},
      {"大理、丽江2州市文旅部门开展整治。", EntityType::kAgency, "丽江州市文旅部门", false},
      {"友谊关边检站查获偷渡人员5名。", EntityType::kAgency, "友谊关边检站"},
      {"珠海出入境边防检查总站副总站长刘志强介绍情况。", EntityType::kAgency, "珠海出入境边防检查总站"},
      // a municipal commission named short is the commission in full
      {"重庆市消防救援总队联合市住房城乡建委、市商务委等部门开展治理。", EntityType::kAgency, "重庆市商务委员会"},
      {"重庆市消防救援总队联合市住房城乡建委、市商务委等部门开展治理。", EntityType::kAgency, "市商务委部门", false},
      // collective levels listed (各市州、县市区) are dropped like scope words
      {"湖南省水利厅要求，各市州、县市区水利部门要全面落实防汛责任制。", EntityType::kAgency, "水利部门"},
      {"湖南省水利厅要求，各市州、县市区水利部门要全面落实防汛责任制。", EntityType::kAgency, "市州市区水利部门", false},
      {"临泉县召开会议，县市场监管局开展检查。", EntityType::kAgency, "临泉县市场监督管理局"},
      // 发改委, 发展改革委 and 住房城乡建设厅 are the commission and department in full
      {"江西省应急管理厅会同省发展改革委、省住房城乡建设厅开展检查。", EntityType::kAgency, "江西省发展和改革委员会"},
      {"江西省应急管理厅会同省发展改革委、省住房城乡建设厅开展检查。", EntityType::kAgency, "江西省住房和城乡建设厅"},
      {"国家发改委印发通知。", EntityType::kAgency, "国家发展和改革委员会"},
      {"四川省医疗保障局召开发布会，省医保局副局长王建平介绍情况。", EntityType::kAgency, "四川省医疗保障局"},
      {"四川省医疗保障局召开发布会，省医保局副局长王建平介绍情况。", EntityType::kAgency, "四川省医保局", false},
      {"省应急厅会同省经济和信息化厅开展检查。", EntityType::kAgency, "省经济和信息化厅"},
      {"省防汛抗旱指挥部启动应急响应。", EntityType::kAgency, "省防汛抗旱指挥部"},
      // 等地 closes a list of places; the kind after it names no body of its own.
      {"长沙、株洲等地法院设立破产审判庭。", EntityType::kAgency, "地法院", false},
      {"建成省、市、县三级应急指挥部体系。", EntityType::kAgency, "应急指挥部", false},
      // after a scope word, 市 opening 市场监管 is no level of the name
      {"渭南市市场监督管理局通报。全市市场监管部门检查企业3家。", EntityType::kAgency, "市场监管部门"},
      {"渭南市市场监督管理局通报。全市市场监管部门检查企业3家。", EntityType::kAgency, "渭南市场监管部门", false},
      // kinds holding 和 or words that end names elsewhere (资源, 发展)
      {"省应急厅会同省林业和草原局开展巡查。", EntityType::kAgency, "省林业和草原局"},
      {"省应急厅会同省林业和草原局开展巡查。", EntityType::kAgency, "草原局", false},
      {"市规划和自然资源委员会公布方案。", EntityType::kAgency, "市规划和自然资源委员会"},
      {"县数据资源管理局召开会议。", EntityType::kAgency, "县数据资源管理局"},
      {"省大数据发展管理局召开会议。", EntityType::kAgency, "省大数据发展管理局"},
      {"县大数据发展中心建成“数字政务”一体化平台。", EntityType::kAgency, "县大数据发展中心"},
      {"市场监管局联合市农业农村委开展检查。", EntityType::kAgency, "市农业农村委员会"},
      {"地区行政公署在林区设置检查站。", EntityType::kAgency, "地区行政公署"},
      {"省海上搜救中心组织搜救行动。", EntityType::kAgency, "省海上搜救中心"},
      // 地市 is a collective level, dropped like 市州; 数字政府 is a policy
      {"省畜牧局联合各地市农业农村局开展检查。", EntityType::kAgency, "农业农村局"},
      {"省畜牧局联合各地市农业农村局开展检查。", EntityType::kAgency, "市农业农村局", false},
      {"在数字政府建设方面取得新进展。", EntityType::kAgency, "数字政府", false},
      // 农村 holds the village level word: 农业农村 names no unknown village
      {"各地农业农村局开展检查，推进农业农村现代化。", EntityType::kPlace, "农业农村", false},
  });
}

TEST_CASE("A body of a national vertical system keeps the short form it is named with", "[extract][agency]") {
  const DocumentGraph g = testing::ExtractText("广东海事局联合广东海警局开展执法。四川消防救援总队出动。");
  CHECK(testing::NameOf(g, EntityType::kAgency, "广东海事局") == "广东海事局");
  CHECK(testing::NameOf(g, EntityType::kAgency, "广东海警局") == "广东海警局");
  // a provincial body's short form is still spelled out
  CHECK(testing::NameOf(g, EntityType::kAgency, "四川消防救援总队") == "四川省消防救援总队");
}

TEST_CASE("A court or procuratorate named short is the body of its level", "[extract][agency]") {
  const DocumentGraph g = testing::ExtractText(
      "浙江省高级人民法院召开发布会。省法院副院长陈明介绍，杭州市法院、西湖区法院审结案件120件。省检察院出席。");
  const Entity* high = testing::FindEntity(g, EntityType::kAgency, "浙江省高级人民法院");
  REQUIRE(high != nullptr);
  CHECK(std::find(high->aliases.begin(), high->aliases.end(), "省法院") != high->aliases.end());
  CHECK(testing::FindEntity(g, EntityType::kAgency, "杭州市中级人民法院") != nullptr);
  CHECK(testing::FindEntity(g, EntityType::kAgency, "西湖区人民法院") != nullptr);
  CHECK(testing::FindEntity(g, EntityType::kAgency, "浙江省人民检察院") != nullptr);
  // A city's short name ending like a level word (杭州: 州) is still the city.
  const DocumentGraph city = testing::ExtractText(
      "杭州市中级人民法院召开发布会。院长李明介绍，杭州法院一审服判息诉率达92.5%。");
  CHECK(std::count_if(city.entities.begin(), city.entities.end(),
                      [](const Entity& e) { return e.type == EntityType::kAgency; }) == 1);
  CHECK(testing::FindEntity(city, EntityType::kAgency, "杭州中级人民法院") == nullptr);
}

TEST_CASE("Courts named by their kind after a scope word are the region's courts together",
          "[extract][agency]") {
  // 全省法院 as 全省公安机关: the courts of the province act and report.
  const DocumentGraph g = testing::ExtractText(
      "安徽省高级人民法院发布报告。全省法院深入开展“执行攻坚”专项行动，执结案件31.2万件。");
  CHECK(testing::FindEntity(g, EntityType::kAgency, "法院") != nullptr);
  CHECK(testing::FindRelation(g, "法院", Predicate::kConducts, "执行攻坚专项行动") != nullptr);
  // A kind not marked collective stays generic after a scope word.
  const DocumentGraph generic = testing::ExtractText("全省部门共检查企业300家。");
  CHECK(std::none_of(generic.entities.begin(), generic.entities.end(),
                     [](const Entity& e) { return e.type == EntityType::kAgency; }));
}

TEST_CASE("A quoted name a program holds is no body, though a kind of body ends it", "[extract][agency]") {
  // “…派出所”创建活动: the quoted name is the program's short name; the
  // region's bodies that run it stay bodies, and so does a body outside quotes.
  const DocumentGraph g = testing::ExtractText(
      "全市公安机关深入推进“星级示范派出所”创建活动，城关派出所获评示范单位。");
  CHECK(testing::FindEntity(g, EntityType::kAgency, "星级示范派出所") == nullptr);
  CHECK(testing::FindEntity(g, EntityType::kProgram, "星级示范派出所创建活动") != nullptr);
  CHECK(testing::FindEntity(g, EntityType::kAgency, "城关派出所") != nullptr);
  // A quoted body that no program holds is still a body.
  const DocumentGraph alone = testing::ExtractText("记者走进“城关派出所”，了解社区警务工作。");
  CHECK(testing::FindEntity(alone, EntityType::kAgency, "城关派出所") != nullptr);
}

TEST_CASE("Programs end in a kind word after a conducting verb or in quotes",
          "[extract][program]") {
  CheckRows({
      {"全省公安机关组织开展“净网2024”专项行动。", EntityType::kProgram, "净网2024专项行动"},
      // a year between two kinds joins them: one campaign, not two
      {"全省深入开展重大事故隐患专项排查整治2023行动，排查整改隐患1.86万项。", EntityType::kProgram, "重大事故隐患专项排查整治2023行动"},
      {"全省深入开展重大事故隐患专项排查整治2023行动，排查整改隐患1.86万项。", EntityType::kProgram, "重大事故隐患专项排查整治", false},
      // a building verb that is no noun ends the name (完成 is the verb here)
      {"各乡镇要确保年底前完成“千村示范、万村整治”工程年度目标任务。", EntityType::kProgram, "千村示范、万村整治工程"},
      {"全区持续推进应急救援力量建设三年行动。", EntityType::kProgram, "应急救援力量建设三年行动"},
      // a listed body whose name holds 和 is no department of its tail
      {"公安部会同最高人民法院、工业和信息化部、中国人民银行等部门开展行动。", EntityType::kAgency, "工业和信息化部"},
      {"公安部会同最高人民法院、工业和信息化部、中国人民银行等部门开展行动。", EntityType::kAgency, "信息化部部门", false},
      // a system word before the quoted name is the sector running it
      {"海南省市场监管局通报全省市场监管系统“铁拳”行动开展情况。", EntityType::kProgram, "铁拳行动"},
      {"海南省市场监管局通报全省市场监管系统“铁拳”行动开展情况。", EntityType::kProgram, "市场监管系统铁拳行动", false},
      {"全省公安机关组织开展“净网2024”专项行动。", EntityType::kProgram, "净网2024"},
      {"深入推进城乡道路安全隐患治理项目。", EntityType::kProgram, "城乡道路安全隐患治理项目"},
      {"以冬季治安整治行动为载体，维护稳定。", EntityType::kProgram, "冬季治安整治行动"},
      {"纵深推进“猎狐”“天网”等专项行动。", EntityType::kProgram, "猎狐"},
      {"纵深推进“猎狐”“天网”等专项行动。", EntityType::kProgram, "天网"},
      {"以实际行动彰显承诺。", EntityType::kProgram, "实际行动", false},
      // A duration between two kind words joins them into one name.
      {"省安委会部署开展消防安全攻坚三年行动。", EntityType::kProgram, "消防安全攻坚三年行动"},
      {"省安委会部署开展消防安全攻坚三年行动。", EntityType::kProgram, "消防安全攻坚", false},
      {"行动以来，破获案件5起。", EntityType::kProgram, "行动", false},
      {"无动态监控平台的企业被约谈。", EntityType::kProgram, "动态监控平台", false},
      {"建成全省治安情报信息平台。", EntityType::kProgram, "全省治安情报信息平台"},
      {"以“稳中求进、守正创新”为目标。", EntityType::kProgram, "稳中求进、守正创新", false},
      {"组织开展了“两大会战”。", EntityType::kProgram, "两大会战"},
      // Kinds of other sectors: campaigns of inspection and of publicity.
      {"市卫健委开展养老机构消防安全专项检查。", EntityType::kProgram, "养老机构消防安全专项检查"},
      {"全县深入开展“碧水保卫战”。", EntityType::kProgram, "碧水保卫战"},
      {"组织开展城镇燃气安全专项检查，发现隐患32处。", EntityType::kProgram, "城镇燃气安全专项检查"},
  });
}

TEST_CASE("Programs: a description before a quoted name, a 在…中 frame, shared kind words",
          "[extract][program]") {
  CheckRows({
      // description + quoted short name: one program, the short name its alias
      {"全市公安机关深入开展冬春季火灾防控“清风行动”。", EntityType::kProgram, "冬春季火灾防控清风行动"},
      {"全市公安机关深入开展冬春季火灾防控“清风行动”。", EntityType::kProgram, "清风行动"},
      {"今年“清风行动”成效明显，查处案件5起。", EntityType::kProgram, "今年清风行动", false},
      {"全区“清风行动”成效明显。", EntityType::kProgram, "全区清风行动", false},
      // a number after the kind word inside the quotes is part of the name
      {"省生态环境厅开展“清废行动2024”专项执法。", EntityType::kProgram, "清废行动2024"},
      {"省生态环境厅开展“清废行动2024”专项执法。", EntityType::kProgram, "清废行动", false},
      // quoted names sharing one kind word: each its own program
      {"省公安厅组织开展“蓝盾”“护林”“守水”等专项行动。", EntityType::kProgram, "蓝盾"},
      {"省公安厅组织开展“蓝盾”“护林”“守水”等专项行动。", EntityType::kProgram, "守水"},
      // a 在…中 frame names a program whose targets may be listed with 、
      {"在打击盗伐林木、非法收购野生植物犯罪专项行动中，全省公安机关侦破案件12起。",
       EntityType::kProgram, "打击盗伐林木、非法收购野生植物犯罪专项行动"},
      {"在全市开展的护林专项行动中，破获案件3起。", EntityType::kProgram,
       "全市开展的护林专项行动", false},
      // …with the work on it inside the frame, before or after the kind word
      {"在高标准农田建设工程中，省农业农村厅新建灌溉渠道300公里。", EntityType::kProgram, "高标准农田建设工程"},
      {"在高标准农田工程建设中，省农业农村厅新建灌溉渠道300公里。", EntityType::kProgram, "高标准农田工程"},
      // 建设 after a noun is part of the name, a stop word after a verb opens it
      {"加快推进防汛队伍建设三年行动。", EntityType::kProgram, "防汛队伍建设三年行动"},
      {"组织开展无证经营专项整治行动。", EntityType::kProgram, "无证经营专项整治行动"},
      // a conjunction between nouns right after the verb is inside the name
      {"并组织开展了家电销售及维修市场专项整治行动。", EntityType::kProgram, "家电销售及维修市场专项整治行动"},
      // quoted names listed before 等 and a kind of any sector
      {"针对性组织“清源”“净土”等重点专项。", EntityType::kProgram, "净土"},
      // targets listed after the verb before one shared kind word: each a program
      {"持续开展校园周边隐患排查、渣土车违规运输和夜市占道经营整治行动。", EntityType::kProgram,
       "校园周边隐患排查整治行动"},
      {"持续开展校园周边隐患排查、渣土车违规运输和夜市占道经营整治行动。", EntityType::kProgram,
       "夜市占道经营整治行动"},
      {"深入开展饮用水源“清水”、农村黑臭水体、工业园区污水专项治理。", EntityType::kProgram,
       "饮用水源清水专项治理"},
      // …unless the list opens with 打击 or its later items are short steps
      {"全省开展打击非法采砂、非法捕捞违法犯罪专项行动。", EntityType::kProgram,
       "打击非法采砂、非法捕捞违法犯罪专项行动"},
      {"全省开展打击非法采砂、非法捕捞违法犯罪专项行动。", EntityType::kProgram,
       "非法捕捞违法犯罪专项行动", false},
      {"组织开展欠薪问题大排查、大化解活动。", EntityType::kProgram, "欠薪问题大排查、大化解活动"},
      // words holding a boundary character (能力, 应用) stay inside the name
      {"省卫生健康委员会组织实施基层医疗服务能力提升工程。", EntityType::kProgram,
       "基层医疗服务能力提升工程"},
      // a kind word opening a document kind, a count of things of a kind
      {"认真落实全省执法能力三年提升行动方案。", EntityType::kProgram, "全省执法能力三年提升行动", false},
      {"已建成12个县级智慧监管平台。", EntityType::kProgram, "12个县级智慧监管平台", false},
      // 一系列 counts a described undertaking; before a bare kind it is generic
      {"市水利局组织开展了一系列汛前堤防隐患大排查行动。", EntityType::kProgram, "汛前堤防隐患大排查行动"},
      {"市水利局组织开展了一系列专项行动。", EntityType::kProgram, "专项行动", false},
      {"深入开展系列文明创建活动。", EntityType::kProgram, "文明创建活动"},
      // a platform named in quotes right after its kind word
      {"全省统一的政务服务平台“赣服通”已上线运行。", EntityType::kProgram, "赣服通"},
      // items of a list after a program share its standing
      {"推动森林消防训练基地、水上救援示范基地尽早开工。", EntityType::kProgram,
       "水上救援示范基地"},
      // a work noun (治理, 试点, 创建) as the whole object of a conducting verb
      {"市生态环境局组织开展城区餐饮油烟治理、工地扬尘整治。", EntityType::kProgram,
       "城区餐饮油烟治理"},
      {"市生态环境局组织开展城区餐饮油烟治理、工地扬尘整治。", EntityType::kProgram,
       "工地扬尘整治"},
      {"积极推进县域医共体建设试点工作。", EntityType::kProgram, "县域医共体建设试点"},
      {"开展全国文明城市创建。", EntityType::kProgram, "全国文明城市创建"},
      // …but not inside a longer noun, without a verb, or as a short step
      {"推进基层社会治理现代化。", EntityType::kProgram, "基层社会治理", false},
      {"城区餐饮油烟治理成效明显。", EntityType::kProgram, "城区餐饮油烟治理", false},
      {"组织开展欠薪问题大排查、大整治、大化解活动。", EntityType::kProgram, "欠薪问题大排查、大整治", false},
      // two characters before 工程 right after a conducting verb name it
      {"全市创新开展铸魂工程，建立新机制。", EntityType::kProgram, "铸魂工程"},
      {"全市创新开展宣教活动，建立新机制。", EntityType::kProgram, "宣教活动", false},
      // quoted names between a conducting verb and 建设: each a program, not a body
      {"加快推进“天网工程”“智慧检务”“数字法院”建设。", EntityType::kProgram, "智慧检务"},
      {"加快推进“天网工程”“智慧检务”“数字法院”建设。", EntityType::kProgram, "数字法院"},
      {"加快推进“天网工程”“智慧检务”“数字法院”建设。", EntityType::kAgency, "数字法院", false},
      // a nationwide brand with a region and 建设 is that region's program
      {"为平安四川建设奠定了坚实基础。", EntityType::kProgram, "平安四川建设"},
      {"深入学习关于健康中国建设的重要论述。", EntityType::kProgram, "健康中国建设"},
      {"推进平安建设取得新成效。", EntityType::kProgram, "平安建设", false},
      {"矛盾纠纷大排查、大整治、大化解活动全面开展。", EntityType::kProgram,
       "矛盾纠纷大排查、大整治、大化解活动", false},
      {"集中开展矛盾纠纷大排查、大整治、大化解活动。", EntityType::kProgram,
       "矛盾纠纷大排查、大整治、大化解活动"},
      // nouns holding a stop word's character (应急, 供应) stay inside names
      {"组织开展农村应急体系和能力建设试点。", EntityType::kProgram, "农村应急体系和能力建设试点"},
      {"开展农产品供应链提升工程。", EntityType::kProgram, "农产品供应链提升工程"},
      // 完成X平台和Y项目建设: what was completed was built
      {"完成全省水利综合监管平台和防汛通信保障项目建设。", EntityType::kProgram,
       "防汛通信保障项目"},
      // blockers that are nouns in a name (支持, 服务) stay inside it
      {"省教育厅实施乡村教师支持计划。", EntityType::kProgram, "乡村教师支持计划"},
      {"团市委组织开展青年志愿服务活动。", EntityType::kProgram, "青年志愿服务活动"},
      // mass organisations, party branches and hospitals are bodies
      {"共青团江西省委、江西省少工委联合开展“红领巾心向党”主题活动。", EntityType::kAgency,
       "江西省少工委"},
      {"市妇联组织开展巾帼志愿服务活动。", EntityType::kAgency, "市妇联"},
      {"南昌大学第一附属医院承办此次培训。", EntityType::kAgency, "南昌大学第一附属医院"},
      // a university named after its region keeps its name (no 四川省大学)
      {"四川大学华西医院承办此次培训。", EntityType::kAgency, "四川大学华西医院"},
      {"四川大学华西医院承办此次培训。", EntityType::kAgency, "四川省大学华西医院", false},
      // a hospital's role in a project, or its level, names no hospital
      {"以省人民医院为输出医院、县人民医院为依托医院。", EntityType::kAgency, "输出医院", false},
      {"全省县级医院全部接入平台。", EntityType::kAgency, "县级医院", false},
      // a party organisation and a special body in general name no body
      {"全面加强边境地区基层党组织建设。", EntityType::kAgency, "边境地区基层党组", false},
      {"各地设立专门机构负责此项工作。", EntityType::kAgency, "专门机构", false},
      // private institutions are counted objects, not government bodies
      {"压减学科类校外培训机构2130家。", EntityType::kAgency, "校外培训机构", false},
      // a quoted name, then 建设 and a kind: one program
      {"台州市将深入开展“共富乡村”建设行动。", EntityType::kProgram, "共富乡村建设行动"},
      // the central bank's branches are bodies
      {"中国人民银行福建省分行召开新闻发布会。", EntityType::kAgency, "中国人民银行福建省分行"},
      // 工作 names work only around a quoted name with a short word between
      {"全省从去年开始启动“三线”划定工作。", EntityType::kProgram, "三线划定工作"},
      {"全省扎实推进“五大任务”工作。", EntityType::kProgram, "五大任务工作", false},
      // a body right before a quoted name runs it and is no part of it
      {"介绍全省公安机关“雷霆2024”专项行动开展情况。", EntityType::kProgram, "雷霆2024专项行动"},
      {"介绍全省公安机关“雷霆2024”专项行动开展情况。", EntityType::kProgram, "公安机关雷霆2024专项行动", false},
      {"省公安厅“雷霆2024”专项行动新闻发布会", EntityType::kProgram, "省公安厅雷霆2024专项行动", false},
      {"介绍全区公安机关“夏季行动”开展情况。", EntityType::kProgram, "公安机关夏季行动", false},
      {"秋冬季治安整治“雷霆行动”取得成效。", EntityType::kProgram, "秋冬季治安整治雷霆行动"},
      // work counted as events right after it is what was counted
      {"搜救中心共组织协调海上搜救行动186次。", EntityType::kProgram, "协调海上搜救行动", false},
      {"全省组织开展防火宣传进村入户活动5200余场次。", EntityType::kProgram, "防火宣传进村入户活动", false},
      {"全省实施农村公路安全生命防护工程3100公里。", EntityType::kProgram, "农村公路安全生命防护工程"},
      {"市局开展“清源”专项行动3次。", EntityType::kProgram, "清源专项行动"},
      {"积极推广“五人小组工作法”等经验。", EntityType::kProgram, "五人小组工作", false},
      {"积极推进县域医共体建设试点工作。", EntityType::kProgram, "县域医共体建设试点"},
      // a bare 派出所 is a body of the text's police
      {"全面推进派出所“两队一室”建设。", EntityType::kAgency, "派出所"},
  });
}

TEST_CASE("Persons, places and documents", "[extract][person][place][document]") {
  CheckRows({
      // 分别 after an official's name ends it
      {"重庆市公安局刑侦总队总队长李强分别介绍了情况。", EntityType::kPerson, "李强"},
      {"省公安厅治安总队总队长李明：今年以来……", EntityType::kPerson, "李明"},
      {"深入贯彻习近平总书记重要讲话精神。", EntityType::kPerson, "习近平"},
      // A visit: 一行, 来 and 调研 end the name; a new title (副总工).
      {"省水利厅规划处副总工赵明一行来我县调研。", EntityType::kPerson, "赵明"},
      {"市应急管理局副局长王海来我县检查工作。", EntityType::kPerson, "王海"},
      // one space between the title and the name
      {"主持人(市应急管理局新闻发言人 周海燕):大家好。", EntityType::kPerson, "周海燕"},
      // surnames of the north-west and of minorities (巴, 乌, 阿 …)
      {"自治区林草局一级巡视员乌兰图在发布会上介绍。", EntityType::kPerson, "乌兰图"},
      // 同志 and 陪同 are no part of the agency named after them.
      {"副县长刘强同志陪同省水利厅规划处来我县调研。", EntityType::kAgency, "省水利厅规划处"},
      {"全年粮食丰收已成定局。", EntityType::kAgency, "成定局", false},
      // a sector's full kind names a body by itself, its short form too
      {"另据了解，市场监管局还对集贸市场开展了执法检查。", EntityType::kAgency, "市场监督管理局"},
      {"泰安市住建局开展建筑工地安全检查。", EntityType::kAgency, "泰安市住房和城乡建设局"},
      {"山东省卫生健康委组织开展义诊活动。", EntityType::kAgency, "山东省卫生健康委员会"},
      {"人力资源和社会保障局组织开展欠薪专项检查。", EntityType::kAgency, "人力资源和社会保障局"},
      {"省安委会成员单位负责同志参加会议。", EntityType::kPerson, "单位", false},
      // a transliterated name runs on past its dot, a stop word (都) inside
      {"省公安厅治安管理总队副总队长阿布都·热合曼，介绍情况。", EntityType::kPerson, "阿布都·热合曼"},
      {"省公安厅治安管理总队副总队长阿布都·热合曼，介绍情况。", EntityType::kPerson, "阿布", false},
      // without a surname only four characters or more that run into a cue
      // and hold no word of the vocabulary are a name
      {"市公安局局长热情介绍情况。", EntityType::kPerson, "热情", false},
      {"副局长带领工作组介绍情况。", EntityType::kPerson, "带领工作组", false},
      {"省应急管理厅副厅长对此作出介绍。", EntityType::kPerson, "对此作出", false},
      {"深入学习习近平新时代思想。", EntityType::kPerson, "习近平新", false},
      {"在太湖、巢湖、洪泽湖等重点水域设置执法站点。", EntityType::kPlace, "洪泽湖"},
      {"辽宁是工业大省。", EntityType::kPlace, "辽宁省"},
      {"在长江流域开展禁渔。", EntityType::kPlace, "长江"},
      {"在“两湖一江”等重点水域设立专门机构。", EntityType::kPlace, "两湖一江"},
      {"在“两湖一江”等重点水域设立专门机构。", EntityType::kAgency, "专门机构", false},
      // roads named by their number; a figure before the word is none
      {"沿207省道新建光伏路灯1200盏。", EntityType::kPlace, "207省道"},
      {"全市新改建国道12.5公里。", EntityType::kPlace, "5国道", false},
      // health and planning commissions, hospitals
      {"省卫生健康委部署医疗质量提升行动。", EntityType::kAgency, "省卫生健康委"},
      {"县人民医院开展义诊活动。", EntityType::kAgency, "县人民医院"},
      {"出台《安全生产条例》。", EntityType::kDocument, "安全生产条例"},
      {"制定《实施〈中华人民共和国禁毒法〉办法》。", EntityType::kDocument, "禁毒法"},
      {"制定《实施〈中华人民共和国禁毒法〉办法》。", EntityType::kDocument, "实施中华人民共和国禁毒法办法"},
      // Unquoted documents: after 落实 too, and a one-character blocker inside a
      // word (应对) does not cut the name.
      {"认真落实城镇燃气安全隐患排查工作方案，压实责任。", EntityType::kDocument,
       "城镇燃气安全隐患排查工作方案"},
      {"市水务局印发洪涝灾害分级应对实施办法，明确分工。", EntityType::kDocument,
       "洪涝灾害分级应对实施办法"},
  });
}

TEST_CASE("A document's short name given with 以下简称 is that document", "[extract][document]") {
  const DocumentGraph g = testing::ExtractText(
      "省政府办公厅印发《陕西省安全生产治本攻坚三年行动实施方案》（以下简称《方案》）。《方案》明确了目标。");
  const Entity* full = testing::FindEntity(g, EntityType::kDocument, "陕西省安全生产治本攻坚三年行动实施方案");
  REQUIRE(full != nullptr);
  CHECK(full->aliases == std::vector<std::string>{"方案"});
  CHECK(full->mentions.size() == 3);
  CHECK(std::count_if(g.entities.begin(), g.entities.end(),
                      [](const Entity& e) { return e.type == EntityType::kDocument; }) == 1);
}

TEST_CASE("Text in other languages yields no agencies and does not fail", "[extract]") {
  const DocumentGraph g = testing::ExtractText(
      "The Public Security Bureau launched a campaign. 100% of schools were covered.");
  for (const Entity& e : g.entities) CHECK(e.type != EntityType::kAgency);
  const DocumentGraph empty = testing::ExtractText("");
  CHECK(empty.entities.empty());
}

}  // namespace
}  // namespace govkg

namespace govkg {
namespace {

TEST_CASE("A user's --lexicon file adds vocabulary", "[extract][lexicon]") {
  testing::TempDir tmp;
  const std::string path = tmp / "mine.txt";
  testing::WriteFile(path, "# my additions\n综治中心\tagency-kind\n蓝天行动\tprogram-kind\n");
  ExtractOptions options;
  options.extra_lexicons = {path};
  Result<std::unique_ptr<Extractor>> extractor = NewLexiconExtractor(options);
  REQUIRE(extractor.ok());
  Result<ExtractedDocument> doc =
      (*extractor)->Extract("a.txt", "城关街道综治中心深入开展全域蓝天行动。");
  REQUIRE(doc.ok());
  CHECK(testing::FindEntity(doc->graph, EntityType::kAgency, "城关街道综治中心") != nullptr);
  CHECK(testing::FindEntity(doc->graph, EntityType::kProgram, "全域蓝天行动") != nullptr);

  testing::WriteFile(path, "综治中心\tno-such-role\n");
  Result<std::unique_ptr<Extractor>> bad = NewLexiconExtractor(options);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("mine.txt:1") != std::string::npos);

  // A GBK word (综治 in GBK bytes) and an overlong slash are refused with the line and byte.
  testing::WriteFile(path, "# ok\n\xd7\xdb\xd6\xce\tagency-kind\n");
  Result<std::unique_ptr<Extractor>> gbk = NewLexiconExtractor(options);
  REQUIRE_FALSE(gbk.ok());
  CHECK(gbk.status().message().find("mine.txt:2") != std::string::npos);
  CHECK(gbk.status().message().find("not valid UTF-8 at byte 1") != std::string::npos);
  testing::WriteFile(path, "ab\xc0\xaf\tagency-kind\n");
  Result<std::unique_ptr<Extractor>> overlong = NewLexiconExtractor(options);
  REQUIRE_FALSE(overlong.ok());
  CHECK(overlong.status().message().find("at byte 3") != std::string::npos);
}

}  // namespace
}  // namespace govkg
