#pragma once

#include "parse/common.hpp"
#include "parse/labels.hpp"
#include "parse/lexical.hpp"

namespace shixian::grammar {

namespace common_detail {
using namespace lex;
using x3::lit;

auto const unit_def = cap(Field::u_wd, -lit("个") >> "工作日") | cap(Field::u_hour, -lit("个") >> "小时") |
                      cap(Field::u_day, lit("日") | "天") |
                      cap(Field::u_week, -lit("个") >> (lit("周") | "星期")) | cap(Field::u_month, "个月") |
                      cap(Field::u_year, "年");

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
