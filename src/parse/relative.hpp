// Event-relative phrases (SPEC §2, §3, §5): 形成文件后3个工作日内, 提前2个工作日,
// 签订3日内, 收到文件后及时, 系统投入使用前, 待…后, 以…时间为准.
#pragma once

#include "parse/config.hpp"

namespace shixian::grammar {

using relative_implicit_type = x3::rule<class relative_implicit_class>;
using relative_triggered_type = x3::rule<class relative_triggered_class>;
using relative_direct_type = x3::rule<class relative_direct_class>;
using timely_type = x3::rule<class timely_class>;
using event_deadline_type = x3::rule<class event_deadline_class>;
using gate_wait_type = x3::rule<class gate_wait_class>;
using gate_prevails_type = x3::rule<class gate_prevails_class>;
using dangling_trigger_type = x3::rule<class dangling_trigger_class>;

relative_implicit_type const relative_implicit = "relative_implicit";
relative_triggered_type const relative_triggered = "relative_triggered";
relative_direct_type const relative_direct = "relative_direct";
timely_type const timely = "timely";
event_deadline_type const event_deadline = "event_deadline";
gate_wait_type const gate_wait = "gate_wait";
gate_prevails_type const gate_prevails = "gate_prevails";
dangling_trigger_type const dangling_trigger = "dangling_trigger";

BOOST_SPIRIT_DECLARE(relative_implicit_type, relative_triggered_type, relative_direct_type, timely_type,
                     event_deadline_type, gate_wait_type, gate_prevails_type, dangling_trigger_type)

}  // namespace shixian::grammar
