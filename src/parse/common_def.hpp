#pragma once

#include "parse/common.hpp"
#include "parse/labels.hpp"
#include "parse/lexical.hpp"

namespace shixian::grammar {

namespace common_detail {
using namespace lex;
using x3::lit;

auto const unit_def =
    kwf(Keyword{"个工作日", Field::u_wd}, Keyword{"工作日", Field::u_wd}, Keyword{"个小时", Field::u_hour},
        Keyword{"小时", Field::u_hour}, Keyword{"日", Field::u_day}, Keyword{"天", Field::u_day},
        Keyword{"个周", Field::u_week}, Keyword{"周", Field::u_week}, Keyword{"个星期", Field::u_week},
        Keyword{"星期", Field::u_week}, Keyword{"个月", Field::u_month}, Keyword{"年", Field::u_year});

// 3个工作日, 十五日, 24小时: the unit is a named expectation after the number.
auto const amount_unit_def = cap(Field::amount, number) >> L(labels::unit.zh)[unit];

// The action or milestone label after a time phrase: 公开, 启动, 完成, 进行更新发布.
auto const label_def =
    cap(Field::label, !label_no_start >> +((any_char - sep - '(' - ')' - label_stop) | dun_continues));
}  // namespace common_detail

using common_detail::amount_unit_def;
using common_detail::label_def;
using common_detail::unit_def;

BOOST_SPIRIT_DEFINE(unit, amount_unit, label)

}  // namespace shixian::grammar
