// Metric series: concepts from names, periods as date ranges, regions from
// reporters' names, grouping into points (graph/series.h).
#include "graph/series.h"

#include <catch2/catch.hpp>

namespace govkg::testing {
namespace {

const SeriesRules& Rules() { return SeriesRules::Default(); }

TEST_CASE("names that measure the same thing share a concept", "[graph][series]") {
  CHECK(Rules().Concept("破获刑事案件") == "破获刑事案件");
  CHECK(Rules().Concept("共破获刑事案件") == "破获刑事案件");
  CHECK(Rules().Concept("破获各类刑事案件") == "破获刑事案件");
  CHECK(Rules().Concept("累计侦破刑事案件") == "破获刑事案件");
  CHECK(Rules().Concept("抓获犯罪嫌疑人") != Rules().Concept("破获刑事案件"));
  // Changes keep their own concept, whatever the marker.
  CHECK(Rules().Concept("破获刑事案件同比") == "破获刑事案件同比");
  CHECK(Rules().Concept("共破获刑事案件较上年") == "破获刑事案件同比");
  CHECK(Rules().IsChange("刑事案件比上年同期"));
  CHECK_FALSE(Rules().IsChange("同比下降的案件数"));
  // A name that is nothing but a lead word is kept.
  CHECK(Rules().Concept("共") == "共");
}

TEST_CASE("periods become start and end dates", "[graph][series]") {
  const auto range = [](std::string_view p, int year = 0) {
    return Rules().Period(p, false, year);
  };
  CHECK(range("2023年").start == "2023-01-01");
  CHECK(range("2023年").end == "2023-12-31");
  CHECK(range("2023年").Label() == "2023");
  CHECK(range("上半年").start == "XXXX-01-01");
  CHECK(range("上半年").end == "XXXX-06-30");
  CHECK(range("今年上半年", 2023).end == "2023-06-30");
  CHECK(range("去年", 2023).Label() == "2022");
  CHECK(range("“十四五”时期").start == "2021-01-01");
  CHECK(range("“十四五”时期").end == "2025-12-31");
  CHECK(range("“十四五”时期").Label() == "2021..2025");
  CHECK(range("\"十四五\"以来").end == "..");
  CHECK(range("6月22日至8月14日").start == "XXXX-06-22");
  CHECK(range("6月22日至8月14日").end == "XXXX-08-14");
  CHECK(range("2023年6月25日至8月31日").start == "2023-06-25");
  CHECK(range("2023年6月25日至8月31日").end == "2023-08-31");
  CHECK(range("今年1至8月", 2024).start == "2024-01-01");
  CHECK(range("今年1至8月", 2024).end == "2024-08-31");
  CHECK(range("今年1至8月", 2024).Label() == "2024-01..2024-08");
  CHECK(range("今年前8个月", 2024).end == "2024-08-31");
  CHECK(range("2024年2月").end == "2024-02-29");
  CHECK(range("2023年前三季度").end == "2023-09-30");
  CHECK(range("2023年以来").Label() == "2023-01..");
  // Nothing to place.
  CHECK_FALSE(range("行动以来").dated());
  CHECK_FALSE(range("近年来").dated());
  CHECK_FALSE(range("").dated());
}

TEST_CASE("a change is tied to the period it compares with", "[graph][series]") {
  const PeriodRange r = Rules().Period("2023年1至8月", true);
  CHECK(r.start == "2023-01-01");
  CHECK(r.compare_start == "2022-01-01");
  CHECK(r.compare_end == "2022-08-31");
  CHECK(Rules().Period("2024年2月", true).compare_end == "2023-02-28");
  CHECK(Rules().Period("2023年", false).compare_start.empty());
}

TEST_CASE("a reporter's region is the start of its name", "[graph][series]") {
  CHECK(Rules().Region("内蒙古自治区公安厅") == "内蒙古自治区");
  CHECK(Rules().Region("巴彦淖尔市公安局") == "巴彦淖尔市");
  CHECK(Rules().Region("岚河市公安局治安管理支队") == "岚河市");
  CHECK(Rules().Region("公安部") == "");
  // A level word too early to follow a region's name is not one.
  CHECK(Rules().Region("自治区公安厅") == "");
  CHECK(Rules().Region("市公安局") == "");
}

TEST_CASE("the rules file is checked line by line", "[graph][series]") {
  CHECK(SeriesRules::Parse("共\tlead\n").ok());
  const Result<SeriesRules> bad = SeriesRules::Parse("# c\n共\tlead\n上半年\tmonths\tsix\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("line 3") != std::string::npos);
  CHECK_FALSE(SeriesRules::Parse("x\tunknown-role\n").ok());
  const Result<SeriesRules> own = SeriesRules::Parse("总计\tlead\n");
  REQUIRE(own.ok());
  CHECK(own->Concept("总计破获刑事案件") == "破获刑事案件");
}

SeriesObservation Obs(double v, std::string unit, std::string start, std::string end,
                      std::string region = "") {
  SeriesObservation o;
  o.value = MetricValue{v, std::move(unit), "", ""};
  o.period.start = std::move(start);
  o.period.end = std::move(end);
  o.region = std::move(region);
  return o;
}

TEST_CASE("observations group into points by period or by region", "[graph][series]") {
  std::vector<SeriesObservation> obs = {
      Obs(300, "起", "2023-01-01", "2023-12-31", "岚河市"),
      Obs(120, "起", "2021-01-01", "2021-12-31", "岚河市"),
      Obs(500, "起", "2023-01-01", "2023-12-31", "青川市"),  // same year: the larger shows
      Obs(7, "%", "2022-01-01", "2022-12-31", "岚河市"),     // another unit
      Obs(9, "起", "", "", "青川市"),                        // no period
  };
  const Series by_period = GroupSeries("破获刑事案件", SeriesBy::kPeriod, obs);
  CHECK(by_period.unit == "起");
  REQUIRE(by_period.points.size() == 2);
  CHECK(by_period.points[0].label == "2021");
  CHECK(by_period.points[1].label == "2023");
  CHECK(by_period.points[1].value == 500);
  CHECK(by_period.points[1].observations.size() == 2);
  CHECK(by_period.left_out.size() == 2);
  const Series by_region = GroupSeries("破获刑事案件", SeriesBy::kRegion, obs);
  REQUIRE(by_region.points.size() == 2);
  CHECK(by_region.points[0].label == "岚河市");
  CHECK(by_region.points[1].value == 500);
}

}  // namespace
}  // namespace govkg::testing
