// Lexical rules of the notice grammar: numbers, weekday words, item numerals,
// dates (M月D日 with optional year and annotation), and a parser that yields
// the current position. Kept apart from the notice
// grammar so that they can later be unified with src/parse's number rules.
// Input is the normalized text (normalize.hpp): ASCII digits and punctuation,
// simplified characters, no whitespace.
#pragma once

#include <string>
#include <type_traits>

#include <boost/spirit/home/x3.hpp>

#include "notice/ast.hpp"

namespace shixian::notice::lexical {

namespace x3 = boost::spirit::x3;

/// Consumes nothing; its attribute is the current iterator (a position for errors).
struct position_parser : x3::parser<position_parser> {
  using attribute_type = const char*;
  static bool const has_attribute = true;
  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, Iterator const&, Context const&, RContext const&, Attribute& attr) const {
    static_assert(std::is_same_v<Iterator, const char*>, "the notice grammar runs on const char*");
    x3::traits::move_to(first, attr);
    return true;
  }
};
inline constexpr position_parser pos{};

/// 1–4 ASCII digits (full-width ones were folded): months, days, counts, 文号 numbers.
inline x3::uint_parser<unsigned, 10, 1, 4> const number{};
/// Exactly four digits: a year.
inline x3::uint_parser<unsigned, 10, 4, 4> const year4{};

/// 一 … 日 after 星期/周/礼拜 → ISO weekday 1 … 7.
struct weekday_digits_t : x3::symbols<unsigned> {
  weekday_digits_t() {
    add("一", 1)("二", 2)("三", 3)("四", 4)("五", 5)("六", 6)("日", 7)("天", 7)("七", 7);
  }
};
inline weekday_digits_t const weekday_digits;

/// Item numerals 一 … 二十 (Arabic numerals are accepted separately).
struct item_numerals_t : x3::symbols<unsigned> {
  item_numerals_t() {
    const char* const names[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                 "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};
    for (unsigned i = 0; i < 20; ++i) add(names[i], i + 1);
  }
};
inline item_numerals_t const item_numerals;

/// 〇 … 九 as digits of a year written in Chinese (二〇一五年).
struct chinese_digits_t : x3::symbols<unsigned> {
  chinese_digits_t() {
    add("〇", 0)("○", 0)("零", 0)("O", 0)("0", 0)("一", 1)("二", 2)("三", 3)("四", 4)("五", 5)("六", 6)("七", 7)("八", 8)("九", 9);
  }
};
inline chinese_digits_t const chinese_digits;

/// 一 … 三十一 (months and days written in Chinese: 十二月十四日).
struct chinese_day_numbers_t : x3::symbols<unsigned> {
  chinese_day_numbers_t() {
    const char* const units[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    for (unsigned n = 1; n <= 31; ++n) {
      std::string name = n >= 20 ? std::string(units[n / 10]) + "十" : n >= 10 ? std::string("十") : std::string();
      name += units[n % 10];
      add(name, n);
    }
  }
};
inline chinese_day_numbers_t const chinese_day_numbers;

x3::rule<class weekday_class, unsigned> const weekday = "星期（如“周日”“星期日”）";
auto const weekday_def = (x3::lit("星期") | x3::lit("礼拜") | x3::lit("周")) >> weekday_digits;
BOOST_SPIRIT_DEFINE(weekday)

using x3::char_;
using x3::lit;

// ---- dates: 2018年12月30日 · 1月1日（周四） · 3日（周六） -------------------------
//
//   day        = [year, "年"], month, "月", d, "日", [annotation]
//   day_tail   = [year, "年"], [month, "月"], d, "日", [annotation]    (* 至3日, 、31日 *)
//   annotation = "(", note, { ("、" | "," | ";"), note }, ")"      (* a weekday note: 周X / 星期X *)
//
// Range checks (13月, 2月30日) happen after parsing, with the date's position.

template <class Member>
inline auto set(Member member) {
  return [member](auto& ctx) { x3::_val(ctx).*member = x3::_attr(ctx); };
}

inline auto const set_weekday = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx).weekday_at = boost::fusion::at_c<0>(a);
  x3::_val(ctx).weekday = boost::fusion::at_c<1>(a);
};

x3::rule<class annotation_class, ast::Annotation> const annotation = "括注";
x3::rule<class day_class, ast::DayRef> const day = "日期（如“1月1日”）";
x3::rule<class day_tail_class, ast::DayRef> const day_tail = "日期（如“3日”或“2月1日”）";
x3::rule<class full_date_class, ast::DayRef> const full_date = "完整日期（如“2015年12月10日”）";
x3::rule<class chinese_date_class, ast::DayRef> const chinese_date = "中文日期（如“二〇〇六年十二月十四日”）";

auto const note_sep = lit("、") | lit(",") | lit(";");
auto const weekday_note = (pos >> weekday)[set_weekday] >> &(note_sep | lit(")"));
auto const other_note = +(char_ - note_sep - lit(")") - lit("("));
auto const annotation_def = lit("(") >> ((weekday_note | other_note) % note_sep) >> lit(")");

auto const day_def = pos[set(&ast::DayRef::at)] >> -((year4 >> lit("年"))[set(&ast::DayRef::year)]) >>
                     (number >> lit("月"))[set(&ast::DayRef::month)] >> (number >> lit("日"))[set(&ast::DayRef::day)] >>
                     -annotation[set(&ast::DayRef::note)];
auto const day_tail_def = pos[set(&ast::DayRef::at)] >> -((year4 >> lit("年"))[set(&ast::DayRef::year)]) >>
                          -((number >> lit("月"))[set(&ast::DayRef::month)]) >>
                          (number >> lit("日"))[set(&ast::DayRef::day)] >> -annotation[set(&ast::DayRef::note)];
auto const full_date_def = pos[set(&ast::DayRef::at)] >> (year4 >> lit("年"))[set(&ast::DayRef::year)] >>
                           (number >> lit("月"))[set(&ast::DayRef::month)] >>
                           (number >> lit("日"))[set(&ast::DayRef::day)];

inline auto const set_chinese_year = [](auto& ctx) {
  unsigned year = 0;
  for (unsigned digit : x3::_attr(ctx)) year = year * 10 + digit;
  x3::_val(ctx).year = year;
};
auto const chinese_date_def = pos[set(&ast::DayRef::at)] >> x3::repeat(4)[chinese_digits][set_chinese_year] >>
                              lit("年") >> (chinese_day_numbers >> lit("月"))[set(&ast::DayRef::month)] >>
                              (chinese_day_numbers >> lit("日"))[set(&ast::DayRef::day)];

BOOST_SPIRIT_DEFINE(annotation, day, day_tail, full_date, chinese_date)

}  // namespace shixian::notice::lexical
