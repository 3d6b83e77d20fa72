// Recurring and open obligations (SPEC §4, §5): 每季度, 按月, 流行季节（4-10月）每月,
// 自2016年起每季度, 每季度结束后15个工作日内, 重大节日前; counts (年内至少5次),
// display intervals (公示不得少于3个工作日), and the fixed words 全年, 长期推进,
// 适时, 按…规定时限.
#pragma once

#include "parse/config.hpp"

namespace shixian::grammar {

using frequency_type = x3::rule<class frequency_class>;
using recurrence_type = x3::rule<class recurrence_class>;
using holiday_type = x3::rule<class holiday_class>;
using count_type = x3::rule<class count_class>;
using display_type = x3::rule<class display_class>;
using continuous_type = x3::rule<class continuous_class>;
using ongoing_type = x3::rule<class ongoing_class>;
using unspecified_type = x3::rule<class unspecified_class>;
using external_type = x3::rule<class external_class>;

frequency_type const frequency = "frequency";
recurrence_type const recurrence = "recurrence";
holiday_type const holiday = "holiday";
count_type const count = "count";
display_type const display = "display";
continuous_type const continuous = "continuous";
ongoing_type const ongoing = "ongoing";
unspecified_type const unspecified = "unspecified";
external_type const external = "external";

BOOST_SPIRIT_DECLARE(frequency_type, recurrence_type, holiday_type, count_type, display_type, continuous_type,
                     ongoing_type, unspecified_type, external_type)

}  // namespace shixian::grammar
