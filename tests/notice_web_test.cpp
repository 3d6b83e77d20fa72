// Issue 19: the notices as pasted from the web (tests/data/notices/web/, addresses in sources.tsv),
// imported exactly or refused with the message a person would give, and the special notices
// (2015 抗战胜利纪念日, 2019 劳动节 adjustment, 2020 春节 extension) imported as amendments whose
// result equals holidays/YYYY.txt and the independent reference day by day.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "notice_support.hpp"
#include "shixian/notice.hpp"

namespace {

using shixian::Date;
using shixian::NoticeImportOptions;
using shixian::YearArrangement;
using namespace shixian::notice_testing;

std::string web(const std::string& name) {
  return read_text(std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/notices/web/" + name + ".txt");
}

YearArrangement repository_year(int year) {
  return year_file(read_text(std::string(SHIXIAN_SOURCE_DIR) + "/holidays/" + std::to_string(year) + ".txt"));
}

YearArrangement imported(const std::string& text, const NoticeImportOptions& options = {}) {
  auto y = shixian::import_holiday_notice(text, options, "notice.txt");
  EXPECT_TRUE(y) << (y ? "" : y.error().to_string());
  return y ? *y : YearArrangement{};
}

std::string refusal(const std::string& text, const NoticeImportOptions& options = {}) {
  auto y = shixian::import_holiday_notice(text, options, "notice.txt");
  EXPECT_FALSE(y) << "imported what should be refused:\n" << (y ? shixian::format_year_file(*y) : "");
  return y ? std::string() : y.error().message;
}

NoticeImportOptions onto(const YearArrangement& base, const std::string& published = {}) {
  NoticeImportOptions options;
  options.onto = base;
  options.published = published;
  return options;
}

NoticeImportOptions published(const std::string& date) {
  NoticeImportOptions options;
  options.published = date;
  return options;
}

// shared/reference/cn-workday-exceptions.tsv, day by day (December days of the next year's 元旦
// belong to that year).
void expect_agrees_with_reference(const YearArrangement& y) {
  const std::string path = std::string(SHIXIAN_REFERENCE_DIR) + "/cn-workday-exceptions.tsv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "reference data not found: " << path;
  std::map<Date, bool> expected;
  std::istringstream in(read_text(path));
  for (std::string line; std::getline(in, line);) {
    auto d = shixian::parse_iso_date(line.substr(0, 10));
    if (!d) continue;
    const bool next_new_year = d->month() == 12 && line.find("元旦") != std::string::npos;
    if ((next_new_year ? d->year() + 1 : d->year()) == y.year) expected[*d] = line.find("\twork\t") != std::string::npos;
  }
  ASSERT_FALSE(expected.empty()) << y.year;
  const auto days = days_of(y);
  for (const auto& [day, work] : expected) {
    const auto found = days.find(day);
    ASSERT_NE(found, days.end()) << y.year << " misses " << shixian::to_string(day);
    EXPECT_EQ(found->second, work) << shixian::to_string(day);
  }
  for (const auto& [day, work] : days) {
    if (expected.count(day) == 0) {
      EXPECT_TRUE(!work && day.is_weekend()) << shixian::to_string(day) << " not in the reference";
    }
  }
}

// holidays/2015.txt as it stood before the 纪念日 notice: its festival line and amended line taken out.
YearArrangement year_2015_before_memorial() {
  YearArrangement y = repository_year(2015);
  y.amendments.clear();
  std::erase_if(y.entries, [](const shixian::HolidayEntry& e) { return e.festival == "抗战胜利纪念日"; });
  return y;
}

// ---- the special notices as amendments ------------------------------------------------------------

TEST(SpecialNotice, PageWithTheYearAndItsExtensionEqualsHolidayFile) {
  // gansulong.com: the 2020 notice and the 延长 notice on one page; the extension's signature is cut
  // (国务院办公厅2020), so its publication date is given.
  const YearArrangement y = imported(web("2020-with-extension"), published("2020-01-27"));
  EXPECT_EQ(y, repository_year(2020));
  expect_agrees_with_reference(y);
  // 1/31 and 2/1 are rest days, 2/1 no longer a make-up day, 2/3 (Monday) the first working day.
  const auto days = days_of(y);
  EXPECT_FALSE(days.at(Date::from_ymd(2020, 1, 31).value()));
  EXPECT_FALSE(days.at(Date::from_ymd(2020, 2, 1).value()));
  EXPECT_EQ(days.count(Date::from_ymd(2020, 2, 3).value()), 0u);
  // Either order on the page.
  const std::string page = web("2020-with-extension");
  const auto second = page.find("国务院办公厅关于延长");
  EXPECT_EQ(imported(page.substr(second) + "\n" + page.substr(0, second), published("2020-01-27")), y);
}

TEST(SpecialNotice, ExtensionOntoTheYearFileEqualsHolidayFile) {
  const YearArrangement base = shixian::parse_holiday_notice(
                                   read_text(std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/notices/2020.txt"))
                                   .value();
  const std::string page = web("2020-with-extension");
  const std::string extension = page.substr(page.find("国务院办公厅关于延长"));
  EXPECT_EQ(imported(extension, onto(base, "2020-01-27")), repository_year(2020));
  // The reposts without the 文号: the same year, the amended line with `-` for the number.
  for (const char* file : {"2020-extension-traditional", "2020-extension-farmer"}) {
    YearArrangement y = imported(web(file), onto(base, "2020-01-27"));
    ASSERT_EQ(y.amendments.size(), 1u) << file;
    EXPECT_EQ(y.amendments[0].number, "") << file;
    EXPECT_EQ(y.amendments[0].title, "国务院办公厅关于延长2020年春节假期的通知") << file;
    y.amendments[0].number = "国办发明电〔2020〕1号";
    EXPECT_EQ(y, repository_year(2020)) << file;
  }
}

TEST(SpecialNotice, LabourDayAdjustmentOntoTheYearEqualsHolidayFile) {
  // The 首都之窗 copy carries gov.cn's metadata: [发布日期] 2019-03-22, the day it was signed.
  const YearArrangement base = imported(web("2019-footer"));
  const YearArrangement y = imported(web("2019-labour-adjustment"), onto(base));
  EXPECT_EQ(y, repository_year(2019));
  EXPECT_EQ(y.amendments.at(0).published, "2019-03-22");
  expect_agrees_with_reference(y);
  // A related link naming the yearly notice does not make the page a yearly notice.
  EXPECT_EQ(imported(web("2019-labour-adjustment") + "\n相关链接：国务院办公厅关于2019年部分节假日安排的通知\n", onto(base)), y);
  // The same date given on the command line agrees.
  EXPECT_EQ(imported(web("2019-labour-adjustment"), onto(base, "2019-03-22")), y);
}

TEST(SpecialNotice, MemorialDayOntoTheYearEqualsHolidayFile) {
  // The 纪念日 is a festival of its own, placed by date between 端午节 and 中秋节.
  const YearArrangement y = imported(web("2015-memorial"), onto(year_2015_before_memorial(), "2015-05-13"));
  EXPECT_EQ(y, repository_year(2015));
  expect_agrees_with_reference(y);
  // From the yearly notice as reposted (no 文号 in either text), the same calendar.
  // 2015-summary-before: a site summary in item form (②春节:…) before the salutation is not read.
  for (const char* file : {"2015-publication-date", "2015-traditional-dashes", "2015-summary-before"}) {
    const YearArrangement base = imported(web(file));
    const YearArrangement amended = imported(web("2015-memorial"), onto(base, "2015-05-13"));
    expect_same_calendar(amended, repository_year(2015));
    expect_agrees_with_reference(amended);
    EXPECT_EQ(amended.amendments, repository_year(2015).amendments) << file;
  }
}

TEST(SpecialNotice, AloneItNamesWhatIsMissingAndTheOptions) {
  std::string m = refusal(web("2015-memorial"));
  EXPECT_NE(m.find("这是专项通知“国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知”"), std::string::npos) << m;
  EXPECT_NE(m.find("--onto holidays/2015.txt"), std::string::npos) << m;
  EXPECT_NE(m.find("--published YYYY-MM-DD"), std::string::npos) << m;  // signed 2015年5月13日, no 发布日期
  EXPECT_NE(m.find("落款日期为2015年5月13日"), std::string::npos) << m;
  m = refusal(web("2019-labour-adjustment"));  // its 发布日期 is on the page: only the year file is missing
  EXPECT_NE(m.find("--onto holidays/2019.txt"), std::string::npos) << m;
  EXPECT_EQ(m.find("--published"), std::string::npos) << m;
  m = refusal(web("2020-extension-traditional"), onto(repository_year(2019)));
  EXPECT_NE(m.find("--published"), std::string::npos) << m;
  m = refusal(web("2020-with-extension"));
  EXPECT_NE(m.find("两份通知"), std::string::npos) << m;
  EXPECT_NE(m.find("“国务院办公厅关于2020年部分节假日安排的通知”（第4行）"), std::string::npos) << m;
  EXPECT_NE(m.find("“国务院办公厅关于延长2020年春节假期的通知”（第5行）"), std::string::npos) << m;
  EXPECT_NE(m.find("--published YYYY-MM-DD"), std::string::npos) << m;
  EXPECT_EQ(m.find("--onto"), std::string::npos) << m;  // the year is on the page
}

TEST(SpecialNotice, WhatDoesNotFitIsRefused) {
  const YearArrangement base2020 = shixian::parse_holiday_notice(
                                       read_text(std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/notices/2020.txt"))
                                       .value();
  const std::string ext = web("2020-extension-farmer");
  // The wrong year file; one that already records the notice; a date before the signature.
  EXPECT_NE(refusal(ext, onto(repository_year(2019), "2020-01-27")).find("专项通知改动的是2020年，年份文件是2019年的"),
            std::string::npos);
  EXPECT_NE(refusal(ext, onto(repository_year(2020), "2020-01-27")).find("年份文件已记有这份专项通知（amended 2020-01-27）"),
            std::string::npos);
  EXPECT_NE(refusal(ext, onto(base2020, "2020-01-25")).find("早于专项通知“国务院办公厅关于延长2020年春节假期的通知”的落款日期2020年1月26日"),
            std::string::npos);
  EXPECT_NE(refusal(ext, onto(base2020, "2020-02-30")).find("--published 2020-02-30"), std::string::npos);
  // The text against itself: the first working day must follow the extended break, and the break
  // must get longer.
  EXPECT_NE(refusal(replace(ext, "2月3日(星期一)起正常上班", "2月4日(星期二)起正常上班"), onto(base2020, "2020-01-27"))
                .find("2020年2月4日起正常上班，但假期延长到2020年2月2日，两者应前后相接"),
            std::string::npos);
  EXPECT_NE(refusal(replace(ext, "至2月2日(农历正月初九,星期日)", "至1月29日(星期三)"), onto(base2020, "2020-01-27"))
                .find("但“春节”的假期原已到2020年1月30日"),
            std::string::npos);
  EXPECT_NE(refusal(replace(ext, "星期日),2月3日", "星期六),2月3日"), onto(base2020, "2020-01-27")).find("星期不符"),
            std::string::npos);
  // A 发布日期 far from the signature is a repost's own date, not taken; one that disagrees with
  // --published is named.
  const std::string labour = web("2019-labour-adjustment");
  const YearArrangement base2019 = imported(web("2019-footer"));
  EXPECT_NE(refusal(replace(labour, "[发布日期] 2019-03-22", "[发布日期] 2019-04-22"), onto(base2019))
                .find("文本中的发布日期2019-04-22与2019年3月22日的落款相差超过7天或在其前，可能是转载网站的日期"),
            std::string::npos);
  EXPECT_NE(refusal(labour, onto(base2019, "2019-03-25")).find("文本写明发布日期2019-03-22，与 --published 2019-03-25 不一致"),
            std::string::npos);
  // The adjustment's own days are checked as a yearly item's are.
  EXPECT_NE(refusal(replace(labour, "5月5日(星期日)上班", "5月6日(星期一)上班"), onto(base2019)).find("调休上班日应为周六或周日"),
            std::string::npos);
  // The options belong to special notices only.
  const std::string yearly = read_text(std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/notices/2016.txt");
  EXPECT_NE(refusal(yearly, published("2015-12-10")).find("--published 是专项通知"), std::string::npos);
  EXPECT_NE(refusal(yearly, onto(repository_year(2016))).find("--onto 只用于专项通知"), std::string::npos);
  EXPECT_NE(refusal(web("2020-with-extension"), onto(base2020, "2020-01-27")).find("不需要 --onto"), std::string::npos);
  // A paraphrase (机器改写: 首先，将……延长至……) has no sentence to read the change from.
  EXPECT_NE(refusal(web("2020-extension-paraphrased"), onto(base2020, "2020-01-27")).find("找不到延长到哪天"), std::string::npos);
}

TEST(SpecialNotice, EveryTruncationIsHandled) {
  // No crash, no hang, every error inside the text, and a cut page never imports the year without
  // its extension: what imports is either the whole (the extension read) or refused.
  const std::string page = web("2020-with-extension");
  const YearArrangement whole = repository_year(2020);
  const NoticeImportOptions options = published("2020-01-27");
  for (std::size_t n = 0; n <= page.size(); n += 3) {
    const std::string cut = page.substr(0, n);
    auto y = shixian::import_holiday_notice(cut, options);
    if (!y) {
      EXPECT_LE(y.error().where.offset, cut.size());
      continue;
    }
    EXPECT_EQ(y->amendments.size(), 1u) << n;
    expect_same_calendar(*y, whole);
  }
  const YearArrangement base = imported(web("2019-footer"));
  const std::string labour = web("2019-labour-adjustment");
  for (std::size_t n = 0; n <= labour.size(); n += 2) {
    auto y = shixian::import_holiday_notice(labour.substr(0, n), onto(base, "2019-03-22"));
    if (!y) {
      EXPECT_LE(y.error().where.offset, n);
    }
  }
}

// ---- the set from the web: each text imports exactly or is refused with the reason ---------------

struct WebCase {
  const char* file;
  int year;             // imports: the year, compared with holidays/YYYY.txt and the reference
  const char* refused;  // refused: part of the message
};

const WebCase kWebCases[] = {
    {"2007-china-com-cn", 2007, nullptr},           // 17日、25日上班: the make-up days without a month
    {"2008-evening-paper", 2008, nullptr},          // 北京晚报's headings 元旦放假3天 for the items, no title
    {"2010-forum-junk", 2010, nullptr},             // junk between lines, the signature date lost in junk
    {"2010-news-no-signature", 2010, nullptr},      // 下一篇：…8日起可拨打…: page text, not a date
    {"2011-beijing-with-national", 2011, nullptr},  // a Beijing notice with the national one attached (附：)
    {"2011-newspaper", 2011, nullptr},              // one paragraph, no signature
    {"2012-traditional-no-intro", 2012, nullptr},
    {"2013-forum-junk", 2013, nullptr},
    {"2014-site-note", 2014, nullptr},  // (360常识网注：…1月30日…) inside the 春节 item
    {"2016-gov-metadata", 2016, nullptr},
    {"2017-source-line", 2017, nullptr},
    {"2018-county-repost", 2018, nullptr},   // a local government site's 转载文件: national, imports
    {"2022-beijing-metadata", 2022, nullptr},  // 首都之窗's copy: national, imports
    {"2022-peoples-daily", 2022, nullptr},     // the paper's date line where the signature date was
    {"2023-traditional-big5", 2023, nullptr},
    {"2024-saturday-wording", 2024, nullptr},  // 与周六连休
    {"2025-gmw", 2025, nullptr},
    {"2026-cnr-no-salutation", 2026, nullptr},
    {"2026-traditional-forum", 2026, nullptr},
    {"2021-traditional-pinyin-doubled", 2021, nullptr},
    {"2021-pinyin-no-signature", 2021, nullptr},
    {"2021-news-form", 2021, nullptr},
    {"2008-news-truncated", 0, "通知在“中秋节”一项中断（第19行起）"},
    {"2009-old-style-truncated", 0, "通知在“国庆节、中秋节”一项中断"},
    {"2013-app-hidden", 0, "通知在“春节”一项中断"},  // 【之后的内容被隐藏了，请下载APP查看完整内容。】
    {"2025-traditional-cut", 0, "通知在“端午节”一项之后中断（第31行起只剩“国庆”一项的开头）"},
    {"2015-year-stripped", 0, "找不到通知的年份"},  // the site removed every year number
    {"2017-mislabelled-2016", 0, "星期不符：2017年2月6日是周一，不是周六"},  // 2016's text under a 2017 title
    {"2018-mislabelled-2016", 0, "此处应为“放假”“上班”或“补休”"},           // 六、中秋节:10月4日 (no verb)
    {"2015-wiki-rewritten", 0, "此处应为“放假”“上班”或“补休”"},             // ①元旦:1月1日—3日,4日上班
    {"2011-liangshan-local", 0, "地方或单位通知"},
    {"2009-beijing-regional", 0, "地方或单位通知"},
    {"2020-regional-spring", 0, "地方或单位通知"},
};

class WebText : public ::testing::TestWithParam<WebCase> {};

TEST_P(WebText, ImportsExactlyOrSaysWhy) {
  const WebCase& c = GetParam();
  const std::string text = web(c.file);
  if (c.refused != nullptr) {
    const std::string m = refusal(text);
    EXPECT_NE(m.find(c.refused), std::string::npos) << c.file << ": " << m;
    EXPECT_EQ(m.find("缺少"), std::string::npos) << c.file << ": " << m;  // never blames a festival that is there
    return;
  }
  const YearArrangement y = imported(text);
  ASSERT_EQ(y.year, c.year) << c.file;
  const YearArrangement expected = repository_year(c.year);
  EXPECT_EQ(y.entries, expected.entries) << c.file;
  expect_agrees_with_reference(y);
  // What the text carries of the header is what the year file records.
  EXPECT_EQ(y.title, expected.title) << c.file;
  if (!y.number.empty()) {
    EXPECT_EQ(y.number, expected.number) << c.file;
  }
  if (!y.published.empty()) {
    EXPECT_EQ(y.published, expected.published) << c.file;
  }
}

INSTANTIATE_TEST_SUITE_P(Notice, WebText, ::testing::ValuesIn(kWebCases), [](const auto& info) {
  std::string name = info.param.file;
  std::erase(name, '-');
  return name;
});

TEST(WebText, EveryFileOfTheSetIsTestedAndListedInSources) {
  const std::string dir = std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/notices/web";
  const std::string sources = read_text(dir + "/sources.tsv");
  const std::set<std::string> elsewhere = {"2015-memorial", "2015-publication-date", "2015-traditional-dashes",
                                           "2015-summary-before",
                                           "2019-footer", "2019-labour-adjustment", "2020-extension-farmer",
                                           "2020-extension-paraphrased", "2020-extension-traditional",
                                           "2020-with-extension"};
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    const std::string stem = entry.path().stem().string();
    EXPECT_NE(sources.find("\n" + stem + ".txt\t"), std::string::npos) << stem << " has no address in sources.tsv";
    const bool tabled = std::any_of(std::begin(kWebCases), std::end(kWebCases), [&](const WebCase& c) { return stem == c.file; });
    EXPECT_TRUE(tabled || elsewhere.count(stem) != 0) << stem << " is not tested";
  }
}

TEST(WebText, NewspaperHeadingsAreChecked) {
  // 元旦放假3天 heads an item only when a date follows, and its count must match the range.
  const std::string paper = web("2008-evening-paper");
  EXPECT_NE(refusal(replace(paper, "元旦放假3天", "元旦放假4天")).find("天数不符：2007年12月30日至2008年1月1日共3天，不是4天"),
            std::string::npos);
  const std::string yearly = read_text(std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/notices/2016.txt");
  EXPECT_EQ(imported(replace(yearly, "2月14日（星期日）上班。", "2月14日（星期日）上班。今年春节放假7天，与去年相同。")),
            imported(yearly));
}

// ---- the local-notice rule and its near misses ----------------------------------------------------

TEST(LocalNotice, RuleAndNearMisses) {
  // Refused: the citation (根据/按照 + 《国务院办公厅关于… / 国务院办公厅通知) before the first item,
  // and no State Council salutation.
  const std::string local = web("2020-regional-spring");
  EXPECT_NE(refusal(replace(local, "根据《国务院办公厅", "按照《国务院办公厅")).find("地方或单位通知"), std::string::npos);
  EXPECT_NE(refusal(replace(local, "根据《国务院办公厅关于", "根据国务院办公厅《关于")).find("地方或单位通知"), std::string::npos);
  // Not cited (a notice of the province's own, 经省政府同意): not refused as a passed-on notice.
  EXPECT_EQ(refusal(replace(local, "根据《国务院办公厅关于2020年部分节假日安排的通知》精神", "经研究")).find("地方或单位通知"),
            std::string::npos);
  // Imported: a national notice whose intro cites the 放假办法 decision (根据国务院《关于修改……》的决定).
  EXPECT_EQ(imported(web("2011-newspaper")).year, 2011);
  // Imported: a citation only after the notice (a related link) does not make it local.
  EXPECT_EQ(imported(web("2011-newspaper") + "\n相关新闻：根据国务院办公厅通知精神，北京市发布中秋节放假安排\n").entries,
            repository_year(2011).entries);
  // Imported: with the salutation, a citation is the national notice's own (reposted by a local site).
  EXPECT_EQ(imported(replace(web("2018-county-repost"), "经国务院批准", "根据国务院办公厅通知精神，经国务院批准")).entries,
            repository_year(2018).entries);
  // Imported: a local notice with the national one attached reads the attachment only; without the
  // attachment it is refused.
  const std::string beijing = web("2011-beijing-with-national");
  EXPECT_EQ(imported(beijing).entries, repository_year(2011).entries);
  EXPECT_NE(refusal(beijing.substr(0, beijing.find("附:"))).find("地方或单位通知"), std::string::npos);
}

}  // namespace
