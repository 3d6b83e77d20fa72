// Calendar anchors (SPEC §3): M月底前, M月D日, M月中旬前, M月前, 第Q季度末,
// 上半年, 年中, 年底前, with an optional explicit (2016年) or next (次年) year.
#pragma once

#include "parse/config.hpp"

namespace shixian::grammar {

using anchor_type = x3::rule<class anchor_class>;
anchor_type const anchor = "anchor";
/// A due date inside each period of a recurrence: 10日前 (of every month),
/// 3月底前 (of every year), 上旬.
using period_due_type = x3::rule<class period_due_class>;
period_due_type const period_due = "period_due";
/// 在2011年 + action: by the end of that year (as 到2011年).
using in_year_type = x3::rule<class in_year_class>;
in_year_type const in_year = "in_year";
BOOST_SPIRIT_DECLARE(anchor_type, period_due_type, in_year_type)

}  // namespace shixian::grammar
