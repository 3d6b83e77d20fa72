#pragma once

#include "parse/anchor.hpp"
#include "parse/labels.hpp"
#include "parse/lexical.hpp"

namespace shixian::grammar {

namespace anchor_detail {
using namespace lex;
using x3::lit;

auto const year_prefix = rb[cap(Field::year, number) >> "年" >> -lit('\n')] |
                         kw(Field::year_next, "次年", "明年", "下一年", "下年") | kw("今年", "本年");

// A statistics release calendar writes day/weekday beside the month: 1月 17/二
// (SPEC is silent; grammar/POLICIES.md): day 17, which must be a Tuesday.
auto const release_day = rb[cap(Field::day, number) >> "/" >>
                            cap(Field::weekday, kw("一", "二", "三", "四", "五", "六", "日", "天"))];

// After "M月": 底/末 (month end), 上旬/中旬/下旬 (+前), D日 (+前), or a bare 前 (M月前).
auto const month_tail = cap(Field::m_end, kw("底", "末") >> -before_word) |
                        (kwf(Keyword{"上旬", Field::xun_upper}, Keyword{"中旬", Field::xun_middle},
                             Keyword{"下旬", Field::xun_lower}) >>
                         -cap(Field::before, before_word)) |
                        rb[cap(Field::day, number) >> kw("日", "号") >> -before_word] |
                        release_day |
                        cap(Field::m_start, lit("初") >> -before_word) | cap(Field::m_before, before_word);

auto const month_anchor = rb[cap(Field::month, number) >> "月" >> -lit("份") >> L(labels::month_tail.zh)[month_tail]];

// 2021年2月公布预算信息: a bare month followed by its action (SPEC §8). The
// action must follow at once and may not start with time vocabulary.
auto const month_only = rb[cap(Field::month, number) >> "月" >> -lit("份") >> cap(Field::m_only, x3::eps) >>
                           &(!label_no_start >> !label_stop >> !sep >> !x3::eoi >> !lit('(') >> !lit(')'))];

auto const quarter = rb[-lit("第") >> cap(Field::quarter, number) >> "季" >> -lit("度") >> -kw("末", "底") >>
                        -before_word];

// Year-level words standing alone or after a year prefix: 年底前, 2016年年底前.
auto const year_level_long =
    cap(Field::year_end, kw("年底", "年末", "年终", "年内") >> -before_word) |
    kwf(Keyword{"年中", Field::mid_year}, Keyword{"上半年", Field::half_first}, Keyword{"下半年", Field::half_second}) |
    quarter;
// The short forms need the prefix: 2016年底前, 2016年中, 次年底.
auto const year_level_short = cap(Field::year_end, kw("底", "末", "终") >> -before_word) | kw(Field::mid_year, "中");

// 到2023年底, 至2023年底前, 截至2025年: a horizon; 到YYYY年 alone is 12/31 (flagged).
auto const horizon = kw("截止到", "截至", "截止", "到", "至");
auto const by_year = rb[cap(Field::year, number) >> "年" >> cap(Field::by_year, x3::eps) >>
                        !(ascii_digit | cn_digit | kw("底", "末", "终", "中", "年", "上", "下", "第", "一", "二", "三", "四"))];

// 要在2011年普遍公开收支预算总表: 在/于 a year, its action following at once —
// by the end of that year, as 到YYYY年 (grammar/POLICIES.md). Without 在 a bare
// year before an action (2016年完成) stays an error: the month is missing.
auto const in_year_def = rb[kw("在", "于") >> by_year >> &(!label_no_start >> !label_stop >> !sep >> !x3::eoi >> !lit('(') >>
                                                  !lit(')'))];

auto const anchor_core = rb[year_prefix >> (month_anchor | year_level_long | year_level_short | month_only)] |
                         month_anchor | year_level_long | month_only;
auto const anchor_def = rb[horizon >> (anchor_core | by_year)] | anchor_core;

// 每年第一季度: a quarter of each year, due at its end.
auto const period_due_def = quarter | month_anchor | month_only | rb[cap(Field::day, number) >> kw("日", "号") >> -before_word] |
                            cap(Field::m_start, lit("初") >> -before_word) |
                            (kwf(Keyword{"上旬", Field::xun_upper}, Keyword{"中旬", Field::xun_middle},
                                 Keyword{"下旬", Field::xun_lower}) >>
                             -cap(Field::before, before_word)) |
                            cap(Field::m_end, kw("底", "末") >> -before_word);
}  // namespace anchor_detail

using anchor_detail::anchor_def;
using anchor_detail::in_year_def;
using anchor_detail::period_due_def;
BOOST_SPIRIT_DEFINE(anchor, period_due, in_year)

}  // namespace shixian::grammar
