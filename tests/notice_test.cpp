// parse_holiday_notice: official notices for several years, reposted and
// traditional-character variants, and damaged notices with their exact error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "notice_support.hpp"
#include "shixian/notice.hpp"

namespace {

using shixian::Date;
using shixian::ErrorCode;
using shixian::YearArrangement;
using namespace shixian::notice_testing;

std::string notice_text(const std::string& name) {
  return read_text(std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/notices/" + name + ".txt");
}

YearArrangement import(const std::string& text) {
  auto y = shixian::parse_holiday_notice(text, "notice.txt");
  EXPECT_TRUE(y) << (y ? "" : y.error().to_string());
  return y ? *y : YearArrangement{};
}

// The repository's year file, when the data for that year is present.
std::optional<YearArrangement> repository_year(int year) {
  const std::string path = std::string(SHIXIAN_SOURCE_DIR) + "/holidays/" + std::to_string(year) + ".txt";
  if (!std::filesystem::exists(path)) return std::nullopt;
  return year_file(read_text(path));
}

TEST(NoticeImport, Official2016EqualsHolidayFile) {
  const YearArrangement imported = import(notice_text("2016"));
  const YearArrangement expected = year_file(read_text(std::string(SHIXIAN_SOURCE_DIR) + "/holidays/2016.txt"));
  EXPECT_EQ(imported, expected);
  EXPECT_EQ(imported.number, "国办发明电〔2015〕18号");
  EXPECT_EQ(imported.published, "2015-12-10");
  EXPECT_EQ(imported.title, "国务院办公厅关于2016年部分节假日安排的通知");
}

TEST(NoticeImport, Official2020AsFirstPublished) {
  const YearArrangement imported = import(notice_text("2020"));
  // The notice as published on 2019-11-21; the later 疫情 extension
  // (国办发明电〔2020〕1号) is an amendment of the year file, not of this text,
  // so holidays/2020.txt is deliberately not compared here.
  const YearArrangement expected = year_file(R"(year 2020
title 国务院办公厅关于2020年部分节假日安排的通知
number 国办发明电〔2019〕16号
published 2019-11-21
元旦 off 2020-01-01
春节 off 2020-01-24..2020-01-30 work 2020-01-19 2020-02-01
清明节 off 2020-04-04..2020-04-06
劳动节 off 2020-05-01..2020-05-05 work 2020-04-26 2020-05-09
端午节 off 2020-06-25..2020-06-27 work 2020-06-28
国庆节、中秋节 off 2020-10-01..2020-10-08 work 2020-09-27 2020-10-10
)");
  EXPECT_EQ(imported, expected);
}

TEST(NoticeImport, Official2024JoinsWeekendsAcrossTheYearEnd) {
  const YearArrangement imported = import(notice_text("2024"));
  const YearArrangement expected = year_file(R"(year 2024
title 国务院办公厅关于2024年部分节假日安排的通知
number 国办发明电〔2023〕7号
published 2023-10-25
元旦 off 2023-12-30..2024-01-01
春节 off 2024-02-10..2024-02-17 work 2024-02-04 2024-02-18
清明节 off 2024-04-04..2024-04-06 work 2024-04-07
劳动节 off 2024-05-01..2024-05-05 work 2024-04-28 2024-05-11
端午节 off 2024-06-08..2024-06-10
中秋节 off 2024-09-15..2024-09-17 work 2024-09-14
国庆节 off 2024-10-01..2024-10-07 work 2024-09-29 2024-10-12
)");
  EXPECT_EQ(imported, expected);
  if (auto repo = repository_year(2024)) {
    expect_same_calendar(imported, *repo);
  }
}

TEST(NoticeImport, Official2025FromTheNewsAgencyText) {
  const YearArrangement imported = import(notice_text("2025"));
  const YearArrangement expected = year_file(R"(year 2025
title 国务院办公厅关于2025年部分节假日安排的通知
number -
published 2024-11-12
元旦 off 2025-01-01
春节 off 2025-01-28..2025-02-04 work 2025-01-26 2025-02-08
清明节 off 2025-04-04..2025-04-06
劳动节 off 2025-05-01..2025-05-05 work 2025-04-27
端午节 off 2025-05-31..2025-06-02
国庆节、中秋节 off 2025-10-01..2025-10-08 work 2025-09-28 2025-10-11
)");
  EXPECT_EQ(imported, expected);
  if (auto repo = repository_year(2025)) {
    expect_same_calendar(imported, *repo);
  }
}

TEST(NoticeImport, Official2026) {
  const YearArrangement imported = import(notice_text("2026"));
  const YearArrangement expected = year_file(R"(year 2026
title 国务院办公厅关于2026年部分节假日安排的通知
number -
published 2025-11-04
元旦 off 2026-01-01..2026-01-03 work 2026-01-04
春节 off 2026-02-15..2026-02-23 work 2026-02-14 2026-02-28
清明节 off 2026-04-04..2026-04-06
劳动节 off 2026-05-01..2026-05-05 work 2026-05-09
端午节 off 2026-06-19..2026-06-21
中秋节 off 2026-09-25..2026-09-27
国庆节 off 2026-10-01..2026-10-07 work 2026-09-20 2026-10-10
)");
  EXPECT_EQ(imported, expected);
  if (auto repo = repository_year(2026)) {
    expect_same_calendar(imported, *repo);
  }
}

TEST(NoticeImport, Official2007FourFestivalsAndRemarks) {
  // Before 2008 the notices covered four festivals (“五一”, “十一”), and wrote
  // remarks such as 1月1日为法定假日 and 将……调至…… between the arrangements.
  const YearArrangement imported = import(notice_text("2007"));
  const YearArrangement expected = year_file(R"(year 2007
title 国务院办公厅关于2007年部分节假日安排的通知
元旦 off 2007-01-01..2007-01-03 work 2006-12-30 2006-12-31
春节 off 2007-02-18..2007-02-24 work 2007-02-17 2007-02-25
劳动节 off 2007-05-01..2007-05-07 work 2007-04-28 2007-04-29
国庆节 off 2007-10-01..2007-10-07 work 2007-09-29 2007-09-30
)");
  EXPECT_EQ(imported, expected);
  if (auto repo = repository_year(2007)) {
    expect_same_calendar(imported, *repo);
  }
}

TEST(NoticeImport, Official2012RangesAcrossMonths) {
  const YearArrangement imported = import(notice_text("2012"));
  const YearArrangement expected = year_file(R"(year 2012
title 国务院办公厅关于2012年部分节假日安排的通知
元旦 off 2012-01-01..2012-01-03 work 2011-12-31
春节 off 2012-01-22..2012-01-28 work 2012-01-21 2012-01-29
清明节 off 2012-04-02..2012-04-04 work 2012-03-31 2012-04-01
劳动节 off 2012-04-29..2012-05-01 work 2012-04-28
端午节 off 2012-06-22..2012-06-24
中秋节、国庆节 off 2012-09-30..2012-10-07 work 2012-09-29
)");
  EXPECT_EQ(imported, expected);
  if (auto repo = repository_year(2012)) {
    expect_same_calendar(imported, *repo);
  }
}

// The independent reference (shared/reference/cn-workday-exceptions.tsv) lists
// each year's rest and make-up days as the notices state them (a weekend that
// a 与周末连休 joins is sometimes left out).
TEST(NoticeImport, AgreesWithTheIndependentReference) {
  const std::string path = std::string(SHIXIAN_REFERENCE_DIR) + "/cn-workday-exceptions.tsv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "reference data not found: " << path;
  std::map<Date, bool> reference;        // work?
  std::map<Date, bool> december_new_year;  // December days of the next year's 元旦: that year's notice
  std::istringstream in(read_text(path));
  for (std::string line; std::getline(in, line);) {
    auto d = shixian::parse_iso_date(line.substr(0, 10));
    if (!d) continue;
    const bool work = line.find("\twork\t") != std::string::npos;
    (d->month() == 12 && line.find("元旦") != std::string::npos ? december_new_year : reference)[*d] = work;
  }
  // 2020 is left out: the reference includes the 疫情 extension, the notice does not.
  for (int year : {2007, 2012, 2016, 2024, 2025, 2026}) {
    const auto imported = days_of(import(notice_text(std::to_string(year))));
    const Date jan1 = Date::from_ymd(year, 1, 1).value(), dec31 = Date::from_ymd(year, 12, 31).value();
    std::map<Date, bool> expected(reference.lower_bound(jan1), reference.upper_bound(dec31));
    expected.insert(december_new_year.lower_bound(jan1 - 31), december_new_year.lower_bound(jan1));
    for (const auto& [day, work] : expected) {
      const auto found = imported.find(day);
      ASSERT_NE(found, imported.end()) << year << " misses " << shixian::to_string(day);
      EXPECT_EQ(found->second, work) << shixian::to_string(day);
    }
    for (const auto& [day, work] : imported) {
      if (expected.count(day) != 0) continue;
      EXPECT_TRUE(!work && day.is_weekend()) << year << ": " << shixian::to_string(day) << " not in the reference";
    }
  }
}

TEST(NoticeImport, SignatureDateInChineseNumerals) {
  const std::string text = replace(notice_text("2016"), "2015年12月10日", "二〇一五年十二月十日");
  EXPECT_EQ(import(text).published, "2015-12-10");
}

TEST(NoticeImport, TraditionalCharactersReadTheSame) {
  EXPECT_EQ(import(notice_text("2016-traditional")), import(notice_text("2016")));
}

TEST(NoticeImport, RepostedWithMovedLineBreaksAndAsciiPunctuation) {
  // News-agency lead, ASCII punctuation and [] brackets, full-width digits,
  // line breaks inside items, a comma-separated make-up list, page furniture.
  EXPECT_EQ(import(notice_text("2016-reposted")), import(notice_text("2016")));
}

TEST(NoticeImport, ItemNumberingVariants) {
  const YearArrangement expected = import(notice_text("2026"));
  // (replace with the festival attached: 初七、周一 also contains “七、”)
  const char* const festivals[] = {"元旦：", "春节：", "清明节：", "劳动节：", "端午节：", "中秋节：", "国庆节："};
  const char* const numerals[] = {"一、", "二、", "三、", "四、", "五、", "六、", "七、"};
  const char* const arabic[] = {"1.", "2、", "3.", "4、", "5.", "6、", "7."};
  const char* const bracketed[] = {"（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"};
  std::string with_arabic = notice_text("2026"), with_brackets = with_arabic, without = with_arabic;
  for (int i = 0; i < 7; ++i) {
    const std::string item = std::string(numerals[i]) + festivals[i];
    with_arabic = replace(with_arabic, item, arabic[i] + std::string(festivals[i]));
    with_brackets = replace(with_brackets, item, bracketed[i] + std::string(festivals[i]));
    without = replace(without, item, festivals[i]);
  }
  EXPECT_EQ(import(with_arabic), expected);
  EXPECT_EQ(import(with_brackets), expected);
  EXPECT_EQ(import(without), expected);  // 元旦：… 春节：… as news reposts list them
}

TEST(NoticeImport, YearEndRangeWithoutYears) {
  std::string text = replace(notice_text("2024"), "一、元旦：1月1日放假，与周末连休。",
                             "一、元旦：12月30日（星期六）至1月1日（星期一）放假，共3天。");
  EXPECT_EQ(import(text), import(notice_text("2024")));
  text = replace(notice_text("2024"), "一、元旦：1月1日放假，与周末连休。",
                 "一、元旦：2023年12月30日至2024年1月1日放假，共3天。");
  EXPECT_EQ(import(text), import(notice_text("2024")));
}

TEST(NoticeImport, WeekdaySpellings) {
  std::string text = notice_text("2026");
  text = replace(text, "1月4日（周日）", "1月4日(星期日)");
  text = replace(text, "2月14日（周六）", "2月14日（礼拜六）");
  text = replace(text, "5月9日（周六）", "5月9日（周六、农历三月二十三）");
  EXPECT_EQ(import(text), import(notice_text("2026")));
}

TEST(NoticeImport, ResultIsAValidYearFile) {
  for (const char* name : {"2007", "2012", "2016", "2020", "2024", "2025", "2026"}) {
    const YearArrangement y = import(notice_text(name));
    auto again = shixian::parse_year_file(shixian::format_year_file(y));
    ASSERT_TRUE(again) << name;
    EXPECT_EQ(*again, y) << name;
  }
}

struct Damage {
  const char* name;
  const char* base;
  const char* from;
  const char* to;
  const char* message;
  std::uint32_t line;
  std::uint32_t column;
};

class DamagedNotice : public ::testing::TestWithParam<Damage> {};

TEST_P(DamagedNotice, SaysWhatAndWhere) {
  const Damage& d = GetParam();
  const std::string text = replace(notice_text(d.base), d.from, d.to);
  auto y = shixian::parse_holiday_notice(text, "notice.txt");
  ASSERT_FALSE(y) << d.name;
  EXPECT_EQ(y.error().message, d.message) << d.name;
  EXPECT_EQ(y.error().where.line, d.line) << d.name;
  EXPECT_EQ(y.error().where.column, d.column) << d.name;
  EXPECT_EQ(y.error().source, "notice.txt");
}

// Line 5 of 2026.txt: `  一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。`
const Damage kDamages[] = {
    {"WrongWeekday", "2026", "1月4日（周日）上班", "1月4日（周一）上班", "星期不符：2026年1月4日是周日，不是周一", 5, 37},
    {"WrongWeekdayInRange", "2026", "3日（周六）", "3日（周五）", "星期不符：2026年1月3日是周六，不是周五", 5, 20},
    {"WrongTotal", "2026", "共9天", "共8天", "天数不符：2026年2月15日至2月23日共9天，不是8天", 6, 46},
    {"WrongTotalOneDay", "2025", "放假1天", "放假2天", "天数不符：2025年1月1日共1天，不是2天", 6, 18},
    {"MakeupNotWeekend", "2026", "5月9日（周六）上班", "5月8日（周五）上班", "2026年5月8日是周五，调休上班日应为周六或周日", 8, 33},
    {"CompensatoryOnWeekend", "2016", "5月2日（星期一）补休", "5月7日（星期六）补休", "2016年5月7日是周六，补休日应为周一至周五", 10, 16},
    {"MissingItem", "2026", "  五、端午节：6月19日（周五）至21日（周日）放假，共3天。\n", "",
     "缺少“端午节”的放假安排（2008年起的通知应列出元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）", 9, 3},
    {"MissingLastItem", "2016", "  七、国庆节：10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。\n", "",
     "缺少“国庆节”的放假安排（2008年起的通知应列出元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）", 12, 39},
    {"FestivalTwice", "2026", "七、国庆节", "七、中秋节", "“中秋节”重复出现（第10行已有）", 11, 5},
    {"UnknownVerb", "2026", "2月28日（周六）上班", "2月28日（周六）上斑", "此处应为“放假”“上班”或“补休”", 6, 58},
    {"NoSuchDate", "2026", "6月19日", "6月31日", "日期不存在：2026年6月只有30天", 9, 9},
    {"BadMonth", "2026", "6月19日", "13月19日", "月份必须在1到12之间（得到 13）", 9, 9},
    {"RangeBackwards", "2026", "4月4日（周六）至6日（周一）", "4月6日（周一）至4日（周六）",
     "放假日期的终点2026年4月4日早于起点2026年4月6日", 7, 18},
    {"YearTooFar", "2026", "一、元旦：1月1日（周四）", "一、元旦：2024年1月1日（周四）",
     "年份2024与通知的年份2026相差超过一年", 5, 8},
    {"OutsideWindow", "2026", "5月9日（周六）上班", "2027年2月6日（周六）上班",
     "2027年2月6日不在2026年安排的范围内（2025年12月至2027年1月）", 8, 33},
    {"OffAndWork", "2026", "5月9日（周六）上班", "5月2日（周六）上班", "2026年5月2日既放假又上班（另见第8行）", 8, 33},
    {"TitleAndIntroDisagree", "2026", "关于2026年", "关于2027年", "正文中的年份2026与标题中的年份2027不一致", 4, 12},
    {"BadSignatureDate", "2026", "2025年11月4日", "2025年11月31日", "落款日期：日期不存在：2025年11月只有30天", 15, 1},
    {"SecondTotalDisagrees", "2026", "共3天。\n  四、", "共3天。共2天。\n  四、", "天数不符：2026年4月4日至4月6日共3天，不是2天", 7, 32},
    // Positions are in the text as written: traditional characters, full-width digits, ASCII punctuation.
    {"TraditionalWrongTotal", "2016-traditional", "共7天。2月6日", "共6天。2月6日", "天数不符：2016年2月7日至2月13日共7天，不是6天", 8, 22},
    {"RepostedWrongWeekday", "2016-reposted", "2月6日(星期六)", "2月6日(星期日)", "星期不符：2016年2月6日是周六，不是周日", 5, 41},
    {"FullWidthDigitsWrongTotal", "2016-reposted", "共３天", "共４天", "天数不符：2016年6月9日至6月11日共3天，不是4天", 7, 21},
    {"TotalWithoutDays", "2026", "三、清明节：4月4日（周六）至6日（周一）放假，共3天。", "三、清明节：共3天。4月4日（周六）至6日（周一）放假。",
     "“共3天”前面没有放假日期", 7, 9},
};

INSTANTIATE_TEST_SUITE_P(Notice, DamagedNotice, ::testing::ValuesIn(kDamages),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(NoticeImport, GarbageEmptyAndBinary) {
  auto garbage = shixian::parse_holiday_notice("hello world\n这不是通知");
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().code, ErrorCode::parse_error);
  EXPECT_EQ(garbage.error().message,
            "找不到通知的年份：标题应为“国务院办公厅关于YYYY年部分节假日安排的通知”，或正文有“现将YYYY年……”");

  auto no_items = shixian::parse_holiday_notice("国务院办公厅关于2027年部分节假日安排的通知\n（正文待发布）");
  ASSERT_FALSE(no_items);
  EXPECT_EQ(no_items.error().message, "找不到放假安排条目（应为“一、元旦：1月1日放假……”这样的编号条目）");

  for (const char* blank : {"", "  \n\t\n　"}) {
    auto empty = shixian::parse_holiday_notice(blank);
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().message, "通知内容为空");
  }

  auto nul = shixian::parse_holiday_notice(std::string("一、元旦\0\x01\x02", 15));
  ASSERT_FALSE(nul);
  EXPECT_EQ(nul.error().message, "输入含有NUL字节，不是文本文件");
  EXPECT_EQ(nul.error().where.column, 5u);

  auto latin1 = shixian::parse_holiday_notice("国务院\n\xB9\xFA\xCE\xF1");  // GBK bytes
  ASSERT_FALSE(latin1);
  EXPECT_EQ(latin1.error().message, "输入不是有效的UTF-8文本");
  EXPECT_EQ(latin1.error().where.line, 2u);
  EXPECT_EQ(latin1.error().where.column, 1u);
}

TEST(NoticeImport, EveryTruncationAndByteFlipIsHandled) {
  // No crash, no hang, and every error points inside the text.
  const std::string full = notice_text("2016");
  const auto check = [](const std::string& text) {
    auto y = shixian::parse_holiday_notice(text);
    if (y) return;
    EXPECT_FALSE(y.error().message.empty());
    EXPECT_LE(y.error().where.offset, text.size());
  };
  for (std::size_t n = 0; n <= full.size(); ++n) check(full.substr(0, n));
  std::uint32_t state = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text = full;
    for (int k = 0; k < 3; ++k) {
      state = state * 1664525u + 1013904223u;
      const std::size_t at = (state >> 8) % text.size();
      state = state * 1664525u + 1013904223u;
      text[at] = static_cast<char>(state >> 24);
    }
    check(text);
  }
}

TEST(NoticeImport, CommentarySentencesAreIgnored) {
  // 2024's 春节 item carries 鼓励……安排职工在除夕（2月9日）休息: not a rest day.
  const auto days = days_of(import(notice_text("2024")));
  EXPECT_EQ(days.count(Date::from_ymd(2024, 2, 9).value()), 0u);
}

}  // namespace

// ---- issue 19: notice texts as pasted from the web (tests/data/notices/web/, sources.tsv) ----------

std::string web_text(const std::string& name) { return notice_text("web/" + name); }

shixian::Error refusal(const std::string& text) {
  auto y = shixian::parse_holiday_notice(text, "notice.txt");
  EXPECT_FALSE(y) << "imported what should be refused:\n" << (y ? shixian::format_year_file(*y) : "");
  return y ? shixian::Error{} : y.error();
}

// Rest/work days of `year` in shared/reference/cn-workday-exceptions.tsv (December days of the
// next year's 元旦 belong to that year's notice); nullopt when the reference is not present.
std::optional<std::map<Date, bool>> reference_days(int year) {
  const std::string path = std::string(SHIXIAN_REFERENCE_DIR) + "/cn-workday-exceptions.tsv";
  if (!std::filesystem::exists(path)) return std::nullopt;
  std::map<Date, bool> out;
  std::istringstream in(read_text(path));
  for (std::string line; std::getline(in, line);) {
    auto d = shixian::parse_iso_date(line.substr(0, 10));
    if (!d) continue;
    const bool new_year_of_next = d->month() == 12 && line.find("元旦") != std::string::npos;
    if ((new_year_of_next ? d->year() + 1 : d->year()) == year) out[*d] = line.find("\twork\t") != std::string::npos;
  }
  return out;
}

void expect_agrees_with_reference(const YearArrangement& imported, int year) {
  const auto expected = reference_days(year);
  if (!expected) GTEST_SKIP() << "reference data not found";
  const auto days = days_of(imported);
  for (const auto& [day, work] : *expected) {
    const auto found = days.find(day);
    ASSERT_NE(found, days.end()) << year << " misses " << shixian::to_string(day);
    EXPECT_EQ(found->second, work) << shixian::to_string(day);
  }
  for (const auto& [day, work] : days) {
    if (expected->count(day) == 0) {
      EXPECT_TRUE(!work && day.is_weekend()) << shixian::to_string(day) << " not in the reference";
    }
  }
}

TEST(NoticeFromTheWeb, TraditionalWithPinyinAndDoubledPunctuation) {
  // 國(guó)務(wù)院 … 一,、元旦 … 放假調(diào)休,,共3天,。 and related links after the signature.
  const YearArrangement y = import(web_text("2021-traditional-pinyin-doubled"));
  EXPECT_EQ(y.entries, repository_year(2021)->entries);
  EXPECT_EQ(y.published, "2020-11-25");
  expect_agrees_with_reference(y, 2021);
}

TEST(NoticeFromTheWeb, PinyinGlossesWithoutSignature) {
  // 年(nián) 月(yuè) 放(fàng)假 上(shàng)班, items without a full stop, site text after the last item.
  const YearArrangement y = import(web_text("2021-pinyin-no-signature"));
  EXPECT_EQ(y.entries, repository_year(2021)->entries);
  expect_agrees_with_reference(y, 2021);
}

TEST(NoticeFromTheWeb, NewsFormOfTheYear) {
  // 国务院办公厅就2021年元旦……作出具体安排: no title, no item numbers, a (据新华社…电) tail.
  const YearArrangement y = import(web_text("2021-news-form"));
  EXPECT_EQ(y.year, 2021);
  EXPECT_EQ(y.entries, repository_year(2021)->entries);
  expect_agrees_with_reference(y, 2021);
}

TEST(NoticeFromTheWeb, SiteTextBeforeTitleAndAfterSignature) {
  // A date line before the 文号, 录入者/责任编辑 after the signature. 2019 as first published:
  // holidays/2019.txt has the 劳动节 adjustment of 2019-03-22 applied.
  const YearArrangement y = import(web_text("2019-footer"));
  EXPECT_EQ(y.number, "国办发明电〔2018〕15号");
  EXPECT_EQ(y.published, "2018-12-04");
  std::string file = read_text(std::string(SHIXIAN_SOURCE_DIR) + "/holidays/2019.txt");
  const auto labour = file.find("\n劳动节") + 1;
  file.replace(labour, file.find('\n', labour) - labour, "劳动节 off 2019-05-01");
  expect_same_calendar(y, year_file(file));
}

TEST(NoticeFromTheWeb, SecondNoticeOnThePageIsNamedNotDropped) {
  // The 2020 notice followed by the 延长2020年春节假期 notice: importing the first alone would
  // make 1/31 and 2/1 working days. Without the extension's publication date it is refused, naming
  // both (with the date it imports as the year plus its amendment: notice_web_test.cpp).
  const shixian::Error e = refusal(web_text("2020-with-extension"));
  EXPECT_NE(e.message.find("两份通知"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("国务院办公厅关于2020年部分节假日安排的通知"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("国务院办公厅关于延长2020年春节假期的通知"), std::string::npos) << e.message;
  EXPECT_EQ(e.where.line, 5u);
  // Either order.
  const std::string page = web_text("2020-with-extension");
  const auto second = page.find("国务院办公厅关于延长");
  const std::string swapped = page.substr(second) + "\n" + page.substr(0, second);
  EXPECT_NE(refusal(swapped).message.find("两份通知"), std::string::npos);
}

TEST(NoticeFromTheWeb, SpecialNoticesAreRecognised) {
  const struct {
    const char* file;
    const char* title;
  } cases[] = {
      {"2020-extension-traditional", "国务院办公厅关于延长2020年春节假期的通知"},
      {"2019-labour-adjustment", "国务院办公厅关于调整2019年劳动节假期安排的通知"},
      {"2015-memorial", "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知"},
  };
  for (const auto& c : cases) {
    const shixian::Error e = refusal(web_text(c.file));
    EXPECT_NE(e.message.find(std::string("这是专项通知“") + c.title + "”"), std::string::npos) << c.file << ": " << e.message;
    EXPECT_EQ(e.message.find("找不到"), std::string::npos) << e.message;
  }
}

TEST(NoticeFromTheWeb, LocalNoticesSayTheyAreLocal) {
  for (const char* file : {"2020-regional-spring", "2009-beijing-regional"}) {
    const shixian::Error e = refusal(web_text(file));
    EXPECT_NE(e.message.find("地方或单位通知"), std::string::npos) << file << ": " << e.message;
    EXPECT_EQ(e.message.find("缺少"), std::string::npos) << e.message;
  }
}

TEST(NoticeFromTheWeb, TruncatedNoticeNamesTheItemCutOff) {
  // 2009 style, cut off after “10月4日(星期日)照常公休;1”: the 国庆节、中秋节 item lost its 上班 days.
  const shixian::Error e = refusal(web_text("2009-old-style-truncated"));
  EXPECT_NE(e.message.find("通知在“国庆节、中秋节”一项中断"), std::string::npos) << e.message;
  EXPECT_EQ(e.message.find("缺少"), std::string::npos) << e.message;  // nothing present is blamed
}

TEST(NoticeFromTheWeb, OldStyleItemsComplete) {
  // The same text completed with the rest of the 国庆节 item (as the Beijing notice of 2009 has
  // it) and the signature: 其中…为法定节假日 · 照常公休 · 公休日调至 · 两个公休日调至 · 分别调至.
  const std::string text =
      web_text("2009-old-style-truncated") +
      "0月3日(星期六)公休日及中秋节分别调至10月5日(星期一)、10月6日(星期二),9月27日(星期日)、10月10日(星期六)"
      "公休日调至10月7日(星期三)、10月8日(星期四)。9月27日(星期日)、10月10日(星期六)上班。\n国务院办公厅\n2008年12月4日\n";
  const YearArrangement y = import(text);
  EXPECT_EQ(y.entries, repository_year(2009)->entries);
  expect_agrees_with_reference(y, 2009);
  // The self-checks hold in the old style: a 照常公休 outside the break, a moved 公休日 on a weekday,
  // a weekday annotation of a 为法定节假日 remark.
  EXPECT_NE(refusal(replace(text, "1月31日(星期六)照常公休", "2月7日(星期六)照常公休")).message.find("不在“春节”的放假日期内"),
            std::string::npos);
  EXPECT_NE(refusal(replace(text, "1月4日(星期日)公休日调至", "1月5日(星期一)公休日调至")).message.find("调走的公休日"),
            std::string::npos);
  EXPECT_NE(refusal(replace(text, "1月1日(星期四、新年)", "1月1日(星期五、新年)")).message.find("星期不符"),
            std::string::npos);
}

TEST(NoticeFromTheWeb, PinyinGlossesAreReadThrough) {
  const YearArrangement expected = import(notice_text("2016"));
  std::string text = notice_text("2016");
  text = replace(text, "补休", "补(bǔ)休");
  text = replace(text, "（星期六）、2月14日", "（星期(qī)六）、2月14日");
  text = replace(text, "国庆节：", "國(guó)慶節：");
  text = replace(text, "2月7日至13日", "2月7日(ri)至13日");
  text = replace(text, "上班。\n  三", "上（shàng）班。\n  三");  // full-width parentheses too
  EXPECT_EQ(import(text), expected);
  // A gloss does not hide a wrong weekday, and a parenthesis that is not a gloss is read as before.
  EXPECT_NE(refusal(replace(text, "（星期(qī)六）", "（星期(qī)日）")).message.find("星期不符"), std::string::npos);
  EXPECT_NE(refusal(replace(text, "补(bǔ)休", "补(bǔ1)休")).message.find("此处应为"), std::string::npos);
}

TEST(NoticeFromTheWeb, DoubledPunctuation) {
  const YearArrangement expected = import(notice_text("2016"));
  std::string text = notice_text("2016");
  text = replace(text, "（星期六）、2月14日", "（星期六）,、2月14日");
  text = replace(text, "放假调休，共7天。2月6日", "放假调休，，共7天，。2月6日");
  text = replace(text, "一、元旦", "一,、元旦");
  text = replace(text, "连休。\n  四", "连休。,\n  四");
  EXPECT_EQ(import(text), expected);
}

TEST(NoticeFromTheWeb, NewsLeadWithFabu) {
  // 国务院办公厅发布2019年部分节假日安排: the year from the news lead when there is no title.
  std::string text = web_text("2019-footer");
  text = replace(text, "国务院办公厅关于2019年部分节假日安排的通知", "新华社北京12月6日电 国务院办公厅日前发布2019年部分节假日安排，全文如下");
  EXPECT_EQ(import(text).entries, import(web_text("2019-footer")).entries);
}

TEST(NoticeFromTheWeb, RelatedLinksAfterTheSignatureAreNotASecondNotice) {
  // tests/data/notices/web/2021-traditional-pinyin-doubled.txt ends with links to the 2020 and 2019
  // notices (titles without a salutation): imported, not refused.
  EXPECT_EQ(import(web_text("2021-traditional-pinyin-doubled")).year, 2021);
}
