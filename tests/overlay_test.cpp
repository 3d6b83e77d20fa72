// Overlays: parsing with positioned errors, composition into a Calendar, and
// the O(1) queries over the composed calendar.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "shixian/calendar.hpp"
#include "shixian/overlay.hpp"

namespace {

using shixian::Calendar;
using shixian::Date;
using shixian::DayKind;
using shixian::Overlay;
using shixian::OverlayDayKind;

Date ymd(int y, unsigned m, unsigned d) { return Date::from_ymd(y, m, d).value(); }

std::string example(const std::string& name) {
  std::ifstream in(std::string(SHIXIAN_SOURCE_DIR) + "/examples/overlays/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Overlay parse(const std::string& text) {
  auto o = shixian::parse_overlay(text, "overlay.txt");
  EXPECT_TRUE(o) << (o ? "" : o.error().to_string());
  return o ? *o : Overlay{};
}

Calendar with(std::vector<Overlay> overlays) {
  shixian::CalendarOptions options;
  options.overlays = std::move(overlays);
  auto cal = Calendar::build(options);
  EXPECT_TRUE(cal) << (cal ? "" : cal.error().to_string());
  return std::move(*cal);
}

TEST(OverlayFile, ParsesTheGuangxiExample) {
  const Overlay o = parse(example("guangxi-sanyuesan.txt"));
  EXPECT_EQ(o.name, "广西壮族自治区“壮族三月三”");
  EXPECT_EQ(o.region, "广西壮族自治区");
  ASSERT_EQ(o.entries.size(), 6u);
  EXPECT_EQ(o.entries[0], (shixian::OverlayEntry{"三月三", OverlayDayKind::holiday, ymd(2016, 4, 9), ymd(2016, 4, 10)}));
  EXPECT_EQ(o.entries[1], (shixian::OverlayEntry{"三月三", OverlayDayKind::off, ymd(2016, 4, 8), ymd(2016, 4, 8)}));
  EXPECT_EQ(o.entries[5], (shixian::OverlayEntry{"三月三", OverlayDayKind::work, ymd(2017, 4, 8), ymd(2017, 4, 8)}));
}

TEST(OverlayFile, EveryExampleParsesAndRoundTrips) {
  for (const char* name : {"guangxi-sanyuesan.txt", "xinjiang-gurbanjie-2016-illustrative.txt", "unit-closure-example.txt"}) {
    const Overlay o = parse(example(name));
    EXPECT_FALSE(o.entries.empty()) << name;
    auto again = shixian::parse_overlay(shixian::format_overlay(o));
    ASSERT_TRUE(again) << name;
    EXPECT_EQ(*again, o) << name;
  }
}

TEST(OverlayFile, NameDefaultsToTheSource) {
  auto o = shixian::parse_overlay("停工 off 2016-12-30\n", "closure.txt");
  ASSERT_TRUE(o);
  EXPECT_EQ(o->name, "closure.txt");
}

struct BadOverlay {
  const char* name;
  const char* text;
  const char* message;
  std::uint32_t line;
  std::uint32_t column;
};

class OverlayErrors : public ::testing::TestWithParam<BadOverlay> {};

TEST_P(OverlayErrors, SayWhatAndWhere) {
  const BadOverlay& b = GetParam();
  auto o = shixian::parse_overlay(b.text, "overlay.txt");
  ASSERT_FALSE(o) << b.name;
  EXPECT_EQ(o.error().message, b.message) << b.name;
  EXPECT_EQ(o.error().where.line, b.line) << b.name;
  EXPECT_EQ(o.error().where.column, b.column) << b.name;
  EXPECT_EQ(o.error().source, "overlay.txt");
}

const BadOverlay kBadOverlays[] = {
    {"UnknownKeyword", "name 广西\n三月三  rest 2016-04-09\n", "此处应为 holiday、off 或 work（或表头关键字 name、region、source）", 2, 6},
    {"NoSuchDay", "三月三 holiday 2016-02-30\n", "日期不存在：2016年2月只有29天", 1, 21},
    {"BadMonth", "# 注释\n古尔邦节 off 2016-13-01\n", "月份必须在1到12之间", 2, 15},
    {"RangeBackwards", "三月三 off 2016-04-11..2016-04-08\n", "日期范围的终点早于起点", 1, 21},
    {"RangeTooLong", "长假 off 2016-01-01..2017-06-01\n", "日期范围超过一年，请检查", 1, 20},
    {"DayTwice", "三月三 holiday 2016-04-09..2016-04-10\n补班 work 2016-04-10\n", "2016-04-10重复出现（另见第1行）", 2, 9},
    {"KeywordWithoutDates", "三月三 holiday off 2016-04-08\n", "holiday/off/work 后应至少有一个日期", 1, 13},
    {"NothingAfterName", "三月三\n", "“三月三”后缺少 holiday、off 或 work", 1, 1},
    {"NameTwice", "name 甲\nname 乙\n", "重复的 name 行", 2, 1},
    {"OutOfYears", "远古 off 1900-01-01\n", "日期应在1949年至2200年之间", 1, 8},
};

INSTANTIATE_TEST_SUITE_P(Overlay, OverlayErrors, ::testing::ValuesIn(kBadOverlays),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(OverlayFile, EveryTruncationIsHandled) {
  const std::string full = example("guangxi-sanyuesan.txt");
  for (std::size_t n = 0; n <= full.size(); ++n) {
    auto o = shixian::parse_overlay(full.substr(0, n));
    if (!o) {
      EXPECT_LE(o.error().where.offset, n);
    }
  }
}

TEST(OverlayFile, BinaryIsRejected) {
  auto o = shixian::parse_overlay(std::string("name x\n\0\0", 9));
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().message, "输入含有NUL字节，不是文本文件");
  EXPECT_EQ(o.error().where.line, 2u);
}

TEST(OverlayCalendar, GuangxiAddsRestDaysWithTheirKinds) {
  const Calendar cal = with({parse(example("guangxi-sanyuesan.txt"))});
  auto fri = cal.day(ymd(2016, 4, 8)).value();
  EXPECT_FALSE(fri.workday);
  EXPECT_EQ(fri.kind, DayKind::swapped_rest_day);
  EXPECT_EQ(fri.festival, "三月三");
  auto sat = cal.day(ymd(2016, 4, 9)).value();
  EXPECT_EQ(sat.kind, DayKind::weekend);
  EXPECT_EQ(sat.festival, "三月三");
  EXPECT_FALSE(cal.is_workday(ymd(2016, 4, 11)).value());
  // A holiday on a weekday (2017-03-30, Thursday) and a make-up Saturday.
  EXPECT_EQ(cal.day(ymd(2017, 3, 30)).value().kind, DayKind::statutory_holiday);
  auto makeup = cal.day(ymd(2017, 4, 8)).value();
  EXPECT_TRUE(makeup.workday);
  EXPECT_EQ(makeup.kind, DayKind::makeup_workday);
  // The national calendar is untouched.
  EXPECT_TRUE(Calendar::china().is_workday(ymd(2016, 4, 8)).value());
  EXPECT_EQ(Calendar::china().day(ymd(2016, 4, 8)).value().festival, "");
}

TEST(OverlayCalendar, WorkdayArithmeticSkipsOverlayRestDays) {
  const Calendar cal = with({parse(example("guangxi-sanyuesan.txt"))});
  // 形成文件 Thursday 4/7: 4/8–4/11 are rest days in Guangxi, so the 1st working day is 4/12.
  EXPECT_EQ(cal.add_workdays(ymd(2016, 4, 7), 1).value(), ymd(2016, 4, 12));
  EXPECT_EQ(Calendar::china().add_workdays(ymd(2016, 4, 7), 1).value(), ymd(2016, 4, 8));
  EXPECT_EQ(cal.add_workdays(ymd(2016, 4, 7), 3).value(), ymd(2016, 4, 14));
  EXPECT_EQ(cal.add_workdays(ymd(2016, 4, 12), -1).value(), ymd(2016, 4, 7));
  EXPECT_EQ(cal.workdays_between(ymd(2016, 4, 1), ymd(2016, 4, 30)).value(),
            Calendar::china().workdays_between(ymd(2016, 4, 1), ymd(2016, 4, 30)).value() - 2);
  EXPECT_EQ(cal.following(ymd(2016, 4, 9)).value(), ymd(2016, 4, 12));
  EXPECT_EQ(cal.preceding(ymd(2016, 4, 11)).value(), ymd(2016, 4, 7));
  // April 2016: 4/1, 4/5, 4/6, 4/7, then 4/12 (4/8 is no longer April's 5th working day).
  EXPECT_EQ(cal.nth_workday_of_month(2016, 4, 4).value(), ymd(2016, 4, 7));
  EXPECT_EQ(cal.nth_workday_of_month(2016, 4, 5).value(), ymd(2016, 4, 12));
  EXPECT_EQ(Calendar::china().nth_workday_of_month(2016, 4, 5).value(), ymd(2016, 4, 8));
}

TEST(OverlayCalendar, RankSelectAgreeWithADayByDayWalk) {
  const Calendar cal = with({parse(example("guangxi-sanyuesan.txt")), parse(example("unit-closure-example.txt")),
                             parse(example("xinjiang-gurbanjie-2016-illustrative.txt"))});
  for (Date d = ymd(2016, 1, 1); d <= ymd(2017, 12, 31); d += 1) {
    for (int n : {1, 2, 5, 20, -1, -3, -20}) {
      Date walk = d;
      for (int left = n > 0 ? n : -n; left > 0;) {
        walk += n > 0 ? 1 : -1;
        if (cal.is_workday(walk).value()) --left;
      }
      ASSERT_EQ(cal.add_workdays(d, n).value(), walk) << shixian::to_string(d) << " " << n;
      ASSERT_EQ(cal.workdays_between(d, walk).value(), n) << shixian::to_string(d) << " " << n;
    }
  }
}

TEST(OverlayCalendar, WorkDaysAndClosures) {
  const Calendar cal = with({parse(example("unit-closure-example.txt"))});
  auto sat = cal.day(ymd(2016, 12, 24)).value();
  EXPECT_TRUE(sat.workday);
  EXPECT_EQ(sat.kind, DayKind::makeup_workday);
  EXPECT_EQ(sat.festival, "年终盘点");
  EXPECT_EQ(cal.add_workdays(ymd(2016, 12, 23), 1).value(), ymd(2016, 12, 24));
  EXPECT_EQ(cal.day(ymd(2016, 12, 30)).value().kind, DayKind::swapped_rest_day);
  // Working through a national holiday on a weekday: an ordinary workday with the overlay's name.
  const Calendar duty = with({parse("值班 work 2016-10-03\n")});
  auto d = duty.day(ymd(2016, 10, 3)).value();
  EXPECT_TRUE(d.workday);
  EXPECT_EQ(d.kind, DayKind::workday);
  EXPECT_EQ(d.festival, "值班");
}

TEST(OverlayCalendar, LaterOverlayWins) {
  const Calendar cal = with({parse("停工 off 2016-04-08\n"), parse("抢修 work 2016-04-08\n")});
  EXPECT_TRUE(cal.is_workday(ymd(2016, 4, 8)).value());
  EXPECT_EQ(cal.day(ymd(2016, 4, 8)).value().festival, "抢修");
  const Calendar reversed = with({parse("抢修 work 2016-04-08\n"), parse("停工 off 2016-04-08\n")});
  EXPECT_FALSE(reversed.is_workday(ymd(2016, 4, 8)).value());
}

TEST(OverlayCalendar, HolidayBlocksIncludeOverlayFestivals) {
  const Calendar cal = with({parse(example("guangxi-sanyuesan.txt"))});
  const auto blocks = cal.holiday_blocks(2016).value();
  bool found = false;
  for (const auto& b : blocks) {
    if (b.festival == "三月三") {
      found = true;
      EXPECT_EQ(b.first, ymd(2016, 4, 8));
      EXPECT_EQ(b.last, ymd(2016, 4, 11));
    }
  }
  EXPECT_TRUE(found);
}

TEST(OverlayCalendar, DaysOutsideTheRangeAreAnError) {
  shixian::CalendarOptions options;
  options.overlays = {parse("name 远期\n远期 off 2150-01-04\n")};
  auto cal = Calendar::build(options);
  ASSERT_FALSE(cal);
  EXPECT_EQ(cal.error().message, "叠加日历“远期”的日期 2150-01-04 超出日历范围（2001-01-01 至 2100-12-31）");
}

}  // namespace

#include "shixian/partial_holidays.hpp"

namespace {

TEST(PartialHolidays, AreMetadataAndLeaveTheCalendarAlone) {
  const auto women = shixian::partial_holidays(ymd(2016, 3, 8));
  ASSERT_EQ(women.size(), 1u);
  EXPECT_EQ(women[0].name, "妇女节");
  EXPECT_EQ(women[0].who, "妇女");
  EXPECT_TRUE(women[0].half_day);
  EXPECT_TRUE(Calendar::china().is_workday(ymd(2016, 3, 8)).value());  // a Tuesday: still a working day

  const auto youth = shixian::partial_holidays(ymd(2016, 5, 4));
  ASSERT_EQ(youth.size(), 1u);
  EXPECT_EQ(youth[0].who, "14周岁以上的青年");
  EXPECT_TRUE(Calendar::china().is_workday(ymd(2016, 5, 4)).value());

  const auto children = shixian::partial_holidays(ymd(2016, 6, 1));
  ASSERT_EQ(children.size(), 1u);
  EXPECT_EQ(children[0].who, "不满14周岁的少年儿童");
  EXPECT_FALSE(children[0].half_day);
  EXPECT_EQ(shixian::partial_holidays(ymd(2005, 6, 1))[0].who, "13周岁以下的少年儿童");

  EXPECT_EQ(shixian::partial_holidays(ymd(2016, 8, 1))[0].name, "建军节");
  EXPECT_TRUE(shixian::partial_holidays(ymd(2016, 8, 2)).empty());
  EXPECT_TRUE(shixian::partial_holidays(ymd(1998, 3, 8)).empty());
}

}  // namespace
