// File: shixian/notice.hpp
//
// Importing the State Council's yearly holiday notice
// (国务院办公厅关于YYYY年部分节假日安排的通知) into the project's year format
// (shixian/holidays.hpp, holidays/README.md), so that a newly published year
// is one command away: `shixian holidays import NOTICE.txt -o holidays/2027.txt`.
//
// The text is read as published on gov.cn and as commonly reposted:
// traditional characters (國務院辦公廳, 節假日, 調休), full-width or ASCII
// punctuation and digits, spaces and line breaks anywhere, a leading
// news-agency line (新华社北京11月4日电 …) and trailing boilerplate or page
// furniture; reposts from converter sites with pinyin glued in (補(bǔ)休) and
// doubled punctuation (`,、`), the news forms 发布/就YYYY年…, and the 2007–2009
// items (其中…照常公休, 公休日调至…). A special notice (延长/调整/纪念日) is
// imported as an amendment of its year (import_holiday_notice); a page with
// two yearly notices, a local notice passing the State Council's on, or a
// paste cut off inside its last item is refused saying so (holidays/NOTICES.md).
// What is read:
//
//   - the year, from the title (关于2016年部分节假日安排的通知) or the intro
//     (现将2016年元旦、春节……); the 文号 (国办发明电〔2015〕18号) and the
//     signature date (国务院办公厅 2015年12月10日) when present;
//   - the numbered items, one per festival or merged festivals
//     (六、国庆节、中秋节：), each with
//       `1月1日（周四）至3日（周六）放假调休，共3天。` rest days, ranges within
//           and across months and across the year end (12月30日至1月1日);
//       `4月4日放假，与周末连休。` a single day joined to the adjacent weekend;
//       `5月1日放假，5月2日（星期一）补休。` a substitute weekday;
//       `2月14日（周六）、2月28日（周六）上班。` make-up working days;
//       `（农历腊月二十八、周日）` / `（星期日）` annotations;
//       `17日、25日上班` a date without its month takes the item's previous month;
//     sentences that do not begin with a date (鼓励……) are commentary;
//   - for a special notice: `延长2020年春节假期至2月2日`, `2月3日起正常上班`,
//     `9月4日（星期五）调休`, and the sentences above.
//
// The notice is then checked against itself; the first problem is returned
// with its line and column (in characters) in the original text:
//   - a weekday annotation that does not match its date,
//   - `共N天` / `放假N天` that does not match the range,
//   - a make-up day that is not a Saturday or Sunday (补休 days: not Mon–Fri),
//   - a festival missing (元旦 春节 清明节 劳动节 端午节 中秋节 国庆节 from
//     2008; 元旦 春节 劳动节 国庆节 before), or listed twice,
//   - a date that does not exist, or outside December of the year before to
//     January of the year after, or a day that is both off and work.
//
// Example:
//   auto year = shixian::parse_holiday_notice(text);
//   if (!year) { std::cerr << year.error().to_string() << '\n'; return 2; }
//   // A special notice onto the year it amends:
//   auto amended = shixian::import_holiday_notice(extension, {.onto = *year, .published = "2020-01-27"});
//   std::cout << shixian::format_year_file(*year);
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shixian/error.hpp"
#include "shixian/expected.hpp"
#include "shixian/holidays.hpp"

namespace shixian {

/// What an import needs besides the text when the text is (or carries) a
/// special notice that changed a year already arranged: 2015 抗战胜利纪念日
/// (国发明电〔2015〕1号), the 2019 劳动节 adjustment, the 2020 春节 extension.
/// Such a notice is imported as an amendment: its festival lines change and an
/// `amended` line records it (holidays/README.md).
struct NoticeImportOptions {
  /// The year file the special notice amends (CLI: --onto holidays/YYYY.txt),
  /// when the text does not carry that year's notice itself. Must be empty
  /// for a yearly notice.
  std::optional<YearArrangement> onto{};
  /// The date the special notice was published (CLI: --published YYYY-MM-DD),
  /// the `amended` line's date. Empty: read from a 发布日期 line of the text
  /// (gov.cn's metadata block), accepted only within 7 days after the notice's
  /// signature. Must be empty when the text has no special notice.
  std::string published{};
};

/// Imports a notice (UTF-8): a yearly notice (as parse_holiday_notice), a
/// special notice onto `options.onto`, or a page carrying the yearly notice
/// and its special notice (the 2020 notice and its extension): the year with
/// its amendment applied. Errors name what is missing (the year file, the
/// publication date) and the option that supplies it.
expected<YearArrangement, Error> import_holiday_notice(std::string_view text, const NoticeImportOptions& options,
                                                       std::string_view source_name = {});

/// import_holiday_notice with no options: a yearly notice, or a page that
/// also carries its special notice when the page gives the latter's 发布日期.
/// Parses and checks a notice (UTF-8). The result has the year's title
/// (always in the canonical simplified form), 文号 and signature date when
/// present, and one entry per run of rest days (weekends joined by 与周末连休
/// or 补休 included) and per make-up day, festival by festival in notice order.
/// Errors: ErrorCode::parse_error for text that does not read as a notice,
/// ErrorCode::invalid_argument for a notice that contradicts itself or is not
/// UTF-8 text. `source_name` goes into Error::source.
expected<YearArrangement, Error> parse_holiday_notice(std::string_view text, std::string_view source_name = {});

}  // namespace shixian
