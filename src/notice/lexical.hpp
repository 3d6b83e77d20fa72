// Lexical rules of the notice grammar: numbers, weekday words, item numerals,
// and a parser that yields the current position. Kept apart from the notice
// grammar so that they can later be unified with src/parse's number rules.
// Input is the normalized text (normalize.hpp): ASCII digits and punctuation,
// simplified characters, no whitespace.
#pragma once

#include <string>
#include <type_traits>

#include <boost/spirit/home/x3.hpp>

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

}  // namespace shixian::notice::lexical
