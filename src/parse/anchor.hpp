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
BOOST_SPIRIT_DECLARE(anchor_type, period_due_type)

}  // namespace shixian::grammar
