// Calendar anchors (SPEC §3): M月底前, M月D日, M月中旬前, M月前, 第Q季度末,
// 上半年, 年中, 年底前, with an optional explicit (2016年) or next (次年) year.
#pragma once

#include "parse/config.hpp"

namespace shixian::grammar {

using anchor_type = x3::rule<class anchor_class>;
anchor_type const anchor = "anchor";
BOOST_SPIRIT_DECLARE(anchor_type)

}  // namespace shixian::grammar
