// Tests of the administrative divisions (vocabulary/divisions) and of the
// region module (relate/region): places, the hierarchy, level words completed
// with the document's region, the document's region and entity scopes.
#include <string>

#include <catch2/catch.hpp>

#include "extract/vocabulary/divisions_internal.h"
#include "tests/extract/extract_test_util.h"

namespace govkg {
namespace {

// The scope of the agency named `name` in `g` (required to be there).
std::string AgencyScope(const DocumentGraph& g, const std::string& name) {
  INFO(name);
  const Entity* e = testing::FindEntity(g, EntityType::kAgency, name);
  REQUIRE(e != nullptr);
  return e->scope;
}

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (const char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

TEST_CASE("The divisions file gives each county its parent chain", "[extract][region]") {
  Result<internal::Divisions> d = internal::Divisions::Load(std::string(GOVKG_SOURCE_DIR) +
                                                            "/extract/lexicon/admin_divisions.txt");
  REQUIRE(d.ok());
  CHECK(d->all().size() > 3000);
  const int county = d->ByCode("211282");
  REQUIRE(county >= 0);
  CHECK(Utf8(d->at(county).name) == "开原市");
  CHECK(Utf8(d->at(county).short_form) == "开原");
  CHECK(d->at(county).level == 3);
  const int city = d->at(county).parent;
  REQUIRE(city >= 0);
  CHECK(Utf8(d->at(city).name) == "铁岭市");
  const int province = d->at(city).parent;
  REQUIRE(province >= 0);
  CHECK(Utf8(d->at(province).name) == "辽宁省");
  CHECK(d->at(province).parent == -1);
  CHECK(d->AncestorAt(county, 1) == province);
  CHECK(d->Within(county, province));
  CHECK_FALSE(d->Within(province, county));
  // Short forms keep the whole name before the ethnic names.
  CHECK(Utf8(d->at(d->ByCode("522300")).short_form) == "黔西南");
}

TEST_CASE("Places from the divisions, with locatedIn along the hierarchy", "[extract][region]") {
  {
    const DocumentGraph g = testing::ExtractText("辽宁省铁岭市开原市召开防汛工作会议。");
    CHECK(testing::FindRelation(g, "开原市", Predicate::kLocatedIn, "铁岭市") != nullptr);
    CHECK(testing::FindRelation(g, "铁岭市", Predicate::kLocatedIn, "辽宁省") != nullptr);
  }
  {
    // Only places the text names: no 辽宁省 node appears for 开原市 alone.
    const DocumentGraph g = testing::ExtractText("开原市召开防汛工作会议。");
    CHECK(testing::FindEntity(g, EntityType::kPlace, "开原市") != nullptr);
    CHECK(testing::FindEntity(g, EntityType::kPlace, "辽宁省") == nullptr);
  }
  {
    // A county's short form right after its prefecture's name.
    const DocumentGraph g = testing::ExtractText("近日，铁岭开原发生一起道路交通事故。");
    CHECK(testing::NameOf(g, EntityType::kPlace, "开原") == "开原市");
    CHECK(testing::FindRelation(g, "开原市", Predicate::kLocatedIn, "铁岭市") != nullptr);
  }
  {
    // A county's short form in the county's own voice.
    const DocumentGraph g =
        testing::ExtractText("我县农村公路全部完成改造，昌黎的农村公路实现了由线成网。");
    CHECK(testing::NameOf(g, EntityType::kPlace, "昌黎") == "昌黎县");
    CHECK(g.region == "130322");
  }
}

TEST_CASE("Towns in a list or after their county are places in it", "[extract][region]") {
  {
    const DocumentGraph g = testing::ExtractText(
        "昌黎县召开会议。\n检查组先后查看了柳河镇、石门乡、青山镇道路改造工程。");
    for (const char* town : {"柳河镇", "石门乡", "青山镇"}) {
      INFO(town);
      CHECK(testing::FindEntity(g, EntityType::kPlace, town) != nullptr);
      CHECK(testing::FindRelation(g, town, Predicate::kLocatedIn, "昌黎县") != nullptr);
    }
  }
  {
    // A listed town's stem may be a word (开通) or hold a level word (三市).
    const DocumentGraph g = testing::ExtractText(
        "通榆县召开会议。\n检查组深入开通镇、三市镇、瞻榆镇等乡镇检查企业86家。");
    for (const char* town : {"开通镇", "三市镇", "瞻榆镇"}) {
      INFO(town);
      CHECK(testing::FindEntity(g, EntityType::kPlace, town) != nullptr);
    }
  }
  {
    const DocumentGraph g = testing::ExtractText("开原市青松镇获得先进集体称号。");
    CHECK(testing::FindRelation(g, "青松镇", Predicate::kLocatedIn, "开原市") != nullptr);
  }
  {
    // Words ending in a town's level word are not towns (城乡, 乡镇, 特色小镇).
    const DocumentGraph g = testing::ExtractText("推进城乡融合，建设特色小镇、美丽乡村。");
    for (const Entity& e : g.entities) {
      INFO(e.name);
      CHECK(e.type != EntityType::kPlace);
    }
  }
}

TEST_CASE("Subdistricts after their district and villages after their town are places in them",
          "[extract][region]") {
  {
    const DocumentGraph g = testing::ExtractText("南宁市青秀区新竹街道获评全国文明社区。");
    CHECK(testing::FindRelation(g, "新竹街道", Predicate::kLocatedIn, "青秀区") != nullptr);
  }
  {
    const DocumentGraph g =
        testing::ExtractText("汝城县召开会议。\n文明镇沙洲村、土桥镇桂花村入选全省示范村。");
    CHECK(testing::FindRelation(g, "沙洲村", Predicate::kLocatedIn, "文明镇") != nullptr);
    CHECK(testing::FindRelation(g, "桂花村", Predicate::kLocatedIn, "土桥镇") != nullptr);
    CHECK(testing::FindRelation(g, "土桥镇", Predicate::kLocatedIn, "汝城县") != nullptr);
  }
  {
    // Kinds of village are no village's name (新农村, 贫困村, 行政村).
    const DocumentGraph g = testing::ExtractText("汝城县新农村建设加快，全县贫困村全部出列，行政村通硬化路。");
    for (const Entity& e : g.entities) {
      INFO(e.name);
      CHECK((e.type != EntityType::kPlace || e.name == "汝城县"));
    }
  }
}

TEST_CASE("Sites named after a region are places", "[extract][region]") {
  const DocumentGraph g = testing::ExtractText("学生们参观了辽宁省地质博物馆和辽宁科技馆。");
  CHECK(testing::FindEntity(g, EntityType::kPlace, "辽宁省地质博物馆") != nullptr);
  CHECK(testing::FindEntity(g, EntityType::kPlace, "辽宁科技馆") != nullptr);
  CHECK(testing::FindEntity(g, EntityType::kPlace, "辽宁省") == nullptr);
}

TEST_CASE("A program built or carried out in a place is located there", "[extract][region]") {
  const DocumentGraph g = testing::ExtractText(
      "今年，在包头市建立的“检测通”平台签约实验室20家。在开原市开展的“清源行动”成效明显。"
      "在沈阳市召开“护苗论坛”。");
  CHECK(testing::FindRelation(g, "检测通平台", Predicate::kLocatedIn, "包头市") != nullptr);
  CHECK(testing::FindRelation(g, "清源行动", Predicate::kLocatedIn, "开原市") != nullptr);
  CHECK(testing::FindRelation(g, "护苗论坛", Predicate::kLocatedIn, "沈阳市") == nullptr);
}

TEST_CASE("Lists of places: county short forms joined by 、 and closed by 等", "[extract][region]") {
  const DocumentGraph g = testing::ExtractText("工作组先后在昌图、西丰、康平等地开展督导检查。");
  for (const char* place : {"昌图县", "西丰县", "康平县"}) {
    INFO(place);
    CHECK(testing::FindEntity(g, EntityType::kPlace, place) != nullptr);
  }
}

TEST_CASE("An ambiguous short form takes the document's region", "[extract][region]") {
  // 长沙: the city, unless the text is about the county of that name.
  const DocumentGraph city = testing::ExtractText("湖南省召开会议，长沙、株洲、湘潭等地参加。");
  CHECK(testing::FindEntity(city, EntityType::kPlace, "长沙市") != nullptr);
  const DocumentGraph county =
      testing::ExtractText("长沙县召开安全生产会议\n我县各乡镇参加，长沙的安全形势总体平稳。");
  CHECK(county.region == "430121");
  CHECK(testing::NameOf(county, EntityType::kPlace, "长沙") == "长沙县");
}

TEST_CASE("Short forms that are common words are not places", "[extract][region]") {
  const DocumentGraph g = testing::ExtractText(
      "各地要提高县域经济水平，全年日照时数增加，完成县级验收。要推广安全生产经验，开展集中卫生整治，"
      "创新乡村治理，确保平安顺利，加大连续打击力度，确定西部开发重点。");
  for (const Entity& e : g.entities) {
    INFO(e.name);
    CHECK(e.type != EntityType::kPlace);
  }
  // A prefecture's short form standing as a word, or in a dateline, is a place.
  const DocumentGraph d = testing::ExtractText("本报大连5月3日电 近日，大连开展夏季行动。");
  CHECK(testing::FindEntity(d, EntityType::kPlace, "大连市") != nullptr);
  // Without a region, a county's short form alone is no place either.
  const DocumentGraph h = testing::ExtractText("昌黎的农村公路实现了由线成网。");
  CHECK(testing::FindEntity(h, EntityType::kPlace, "昌黎") == nullptr);
}

TEST_CASE("Level words take the document's region from the divisions", "[extract][region]") {
  const DocumentGraph g =
      testing::ExtractText("昌黎县召开安全生产工作会议。\n会上，县公安局通报了上半年道路交通事故情况。");
  CHECK(g.region == "130322");
  CHECK(testing::FindEntity(g, EntityType::kAgency, "昌黎县公安局") != nullptr);
  const DocumentGraph h =
      testing::ExtractText("呼和浩特市召开食品安全工作会议。\n呼和浩特市各旗县区加强监管，市公安局开展专项整治行动。");
  CHECK(h.region == "150100");
  CHECK(testing::FindEntity(h, EntityType::kAgency, "呼和浩特市公安局") != nullptr);
}

TEST_CASE("A short region at the head of an agency name is spelled out", "[extract][region]") {
  const DocumentGraph g = testing::ExtractText("内蒙古公安厅部署开展冬季行动，呼市商务局积极配合。");
  CHECK(testing::NameOf(g, EntityType::kAgency, "内蒙古公安厅") == "内蒙古自治区公安厅");
  CHECK(testing::NameOf(g, EntityType::kAgency, "呼市商务局") == "呼和浩特市商务局");
}

TEST_CASE("The document's region and each entity's scope", "[extract][region]") {
  const DocumentGraph g = testing::ExtractText(
      "昌黎县召开禁毒工作会议\n公安部部署开展夏季禁毒行动，昌黎县公安局会同县市场监管局开展专项检查，"
      "全县公安机关参加。");
  CHECK(g.region == "130322");
  const Entity* ministry = testing::FindEntity(g, EntityType::kAgency, "公安部");
  REQUIRE(ministry != nullptr);
  CHECK(ministry->scope.empty());
  const Entity* bureau = testing::FindEntity(g, EntityType::kAgency, "昌黎县公安局");
  REQUIRE(bureau != nullptr);
  CHECK(bureau->scope.empty());
  const Entity* organs = testing::FindEntity(g, EntityType::kAgency, "公安机关");
  REQUIRE(organs != nullptr);
  CHECK(organs->scope == "130322");
  const Entity* place = testing::FindEntity(g, EntityType::kPlace, "昌黎县");
  REQUIRE(place != nullptr);
  CHECK(place->scope.empty());
  // A level word below the region's level: which city is not clear.
  const DocumentGraph p = testing::ExtractText("辽宁省召开会议。\n市公安局开展专项整治行动，全省公安机关参加。");
  CHECK(p.region == "210000");
  const Entity* city = testing::FindEntity(p, EntityType::kAgency, "市公安局");
  REQUIRE(city != nullptr);
  CHECK(city->scope == "doc");
  const Entity* all = testing::FindEntity(p, EntityType::kAgency, "公安机关");
  REQUIRE(all != nullptr);
  CHECK(all->scope == "210000");
  // A text that names no region: its generic names stay in the document.
  const DocumentGraph h = testing::ExtractText("全省公安机关开展夏季治安打击整治行动。");
  CHECK(h.region.empty());
  const Entity* generic = testing::FindEntity(h, EntityType::kAgency, "公安机关");
  REQUIRE(generic != nullptr);
  CHECK(generic->scope == "doc");
  // A unit of a national body is one body wherever it is named; a kind that
  // only opens like a ministry (教育部门) is no unit of it.
  const DocumentGraph n = testing::ExtractText(
      "辽宁省召开会议。\n国务院新闻办公室举行发布会，公安部刑事侦查局局长刘忠义介绍情况。全省教育部门参加。");
  CHECK(AgencyScope(n, "国务院新闻办公室").empty());
  CHECK(AgencyScope(n, "公安部刑事侦查局").empty());
  CHECK_FALSE(AgencyScope(n, "教育部门").empty());
  // A body named after a city's short form carries the city (无锡: 无 is no stop word there).
  const DocumentGraph c = testing::ExtractText("江苏省召开会议。\n苏州海关、无锡海关分别查获走私案件12起和8起。");
  CHECK(AgencyScope(c, "苏州海关").empty());
  CHECK(AgencyScope(c, "无锡海关").empty());
}

TEST_CASE("National bodies are unscoped, and a city named earlier in the sentence completes 市…局",
          "[extract][region]") {
  const DocumentGraph g = testing::ExtractText(
      "湖北省召开会议。\n国家统计局湖北调查总队发布数据。襄阳市商务局联合市税务局开展专项检查，"
      "中央网信办派员参加。");
  CHECK(g.region == "420000");
  for (const char* national : {"国家统计局", "中央网信办"}) {
    INFO(national);
    const Entity* e = testing::FindEntity(g, EntityType::kAgency, national);
    REQUIRE(e != nullptr);
    CHECK(e->scope.empty());
  }
  // 市税务局 follows 襄阳市商务局 in its sentence: the same city's bureau.
  const Entity* tax = testing::FindEntity(g, EntityType::kAgency, "襄阳市税务局");
  REQUIRE(tax != nullptr);
  CHECK(tax->scope.empty());
  const Entity* by_short = testing::FindEntity(g, EntityType::kAgency, "市税务局");
  CHECK((by_short == nullptr || by_short->name == "襄阳市税务局"));
  // Across a sentence break the city is not carried: it stays in the document.
  const DocumentGraph p = testing::ExtractText("湖北省召开会议。\n襄阳市商务局开展检查。市税务局开展专项整治行动。");
  const Entity* alone = testing::FindEntity(p, EntityType::kAgency, "市税务局");
  REQUIRE(alone != nullptr);
  CHECK(alone->scope == "doc");
}

TEST_CASE("A dateline weighs like a title line", "[extract][region]") {
  const DocumentGraph g = testing::ExtractText(
      "会议要求，全区各地加强值守。\n包头讯 近日，鄂尔多斯市、乌海市有关部门来访交流。");
  CHECK(g.region == "150200");
  // Without the dateline, the three cities are equals: the region is their province.
  const DocumentGraph h =
      testing::ExtractText("会议要求，全区各地加强值守。\n近日，包头市、鄂尔多斯市、乌海市有关部门交流。");
  CHECK(h.region == "150000");
}

TEST_CASE("A place named only in a dateline gets no hierarchy edge", "[extract][region]") {
  const DocumentGraph g = testing::ExtractText("新华网沈阳3月20日电 辽宁省召开安全生产工作会议。");
  CHECK(testing::FindEntity(g, EntityType::kPlace, "沈阳市") != nullptr);
  CHECK(testing::FindRelation(g, "沈阳市", Predicate::kLocatedIn, "辽宁省") == nullptr);
  const DocumentGraph h = testing::ExtractText("辽宁省沈阳市召开安全生产工作会议。");
  CHECK(testing::FindRelation(h, "沈阳市", Predicate::kLocatedIn, "辽宁省") != nullptr);
}

TEST_CASE("Two provinces named as often leave the region at the country", "[extract][region]") {
  const DocumentGraph g = testing::ExtractText("河北省与山西省签署合作协议，双方公安机关加强协作。");
  CHECK(g.region.empty());
  // One province and its two cities named once each: the province.
  const DocumentGraph h = testing::ExtractText("辽宁省召开会议，沈阳市、大连市分别作交流发言。");
  CHECK(h.region == "210000");
}

TEST_CASE("A city the title names and that leads is the region, though its province's bodies speak more",
          "[extract][region]") {
  const std::string body =
      "泰安市人民政府新闻办公室召开新闻发布会，邀请山东省公安厅、山东省应急管理厅、山东省民政厅相关负责同志。"
      "山东省公安厅会同山东省民政厅开展检查，山东省应急管理厅参加，全市公安机关参加。";
  const DocumentGraph g = testing::ExtractText("泰安市召开禁毒工作新闻发布会\n" + body);
  CHECK(g.region == "370900");
  const Entity* organs = testing::FindEntity(g, EntityType::kAgency, "公安机关");
  REQUIRE(organs != nullptr);
  CHECK(organs->scope == "370900");
  // Without the title line the province's bodies outweigh the city.
  const DocumentGraph h = testing::ExtractText("山东省召开会议\n" + body);
  CHECK(h.region == "370000");
}

TEST_CASE("A province's body is not the body of the same kind of one of its cities", "[extract][region]") {
  const DocumentGraph g = testing::ExtractText(
      "平顶山市召开会议\n河南省平顶山市市场监督管理局会同河南省市场监督管理局开展检查。");
  const Entity* city = testing::FindEntity(g, EntityType::kAgency, "河南省平顶山市市场监督管理局");
  const Entity* province = testing::FindEntity(g, EntityType::kAgency, "河南省市场监督管理局");
  REQUIRE(city != nullptr);
  REQUIRE(province != nullptr);
  CHECK(city != province);
  CHECK(city->name == "河南省平顶山市市场监督管理局");
  CHECK(province->name == "河南省市场监督管理局");
}

}  // namespace
}  // namespace govkg
