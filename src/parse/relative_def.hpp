#pragma once

#include "parse/common.hpp"
#include "parse/labels.hpp"
#include "parse/lexical.hpp"
#include "parse/relative.hpp"

namespace shixian::grammar {

namespace relative_detail {
using namespace lex;
using x3::lit;

auto const no_paren = any_char - hard_sep - '(' - ')';

// 信息形成(变更): an alternative in parentheses at the end of T (SPEC §8; lowering
// reads it as 信息形成或变更). No digits inside: (4-10月) is a season.
auto const paren_alternative = rb[lit('(') >> open_text(no_paren - ascii_digit, 8) >> ')'];

// T: open vocabulary, up to the relational word that is followed by an
// amount or a timeliness word (so 起草 or 后续 inside T do not end it).
// 信息形成(变更)下发至本单位后…: text may follow the alternative (lowering
// reads 信息形成(变更) as the subject, T = 下发至本单位).
auto const trigger_text = cap(Field::trigger, open_text(no_paren - trigger_stop) >>
                                                  -(paren_alternative >> -open_text(no_paren - trigger_stop)));

auto const relation = cap(Field::rel_after, after_word) | cap(Field::rel_before, before_word);

// 3个工作日内 / 在3个工作日内 / 提前2个工作日 / 最迟不超过3个工作日 (no T).
// 最长不得超过20个工作日, 最多15日, 最迟24小时内 (最迟 is a frame in lead).
// 延长期限最长不超过15个工作日 (条例 第33条): the extension of a time limit, counted
// from the end of the period it extends (T 期限届满; grammar/POLICIES.md).
auto const extension = rb[cap(Field::extension, kw("延长期限", "延长的期限")) >> bound_word >>
                          L(labels::amount.zh)[amount_unit] >> -within_word];

auto const relative_implicit_def = lead >> (extension | rb[cap(Field::advance, "提前") >> L(labels::amount.zh)[amount_unit]] |
                                            rb[bound_word >> L(labels::amount.zh)[amount_unit] >> -within_word] |
                                            rb[amount_unit >> within_word] |
                                            // A bare amount (a 公开时限 cell: 20个工作日) ends its clause, so
                                            // that 其上一年度… is never an amount 一年 labelled 度….
                                            rb[amount_unit >> &(sep | x3::eoi | ')')] |
                                            // 2016年完成: taken as an amount only for lowering to say
                                            // what is missing after the year.
                                            rb[cap(Field::amount, x3::repeat(4)[ascii_digit]) >> cap(Field::u_year, "年")]);

// 形成文件后3个工作日内, 自文件公开之日起3个工作日内, 经人大批复后，在20个工作日内,
// 在执行政策前3个工作日.
auto const relative_triggered_def = lead >> *prep >> trigger_text >> relation >> -lit(',') >> -lit("的") >> lead >>
                                    -bound_word >>
                                    amount_unit >> -within_word;

// 签订3日内: T written straight before the amount; 内 is required here.
auto const relative_direct_def = lead >> -prep >>
                                 cap(Field::trigger, open_text(no_paren - (number >> unit_word)) >>
                                                         -(paren_alternative >> -open_text(no_paren - (number >> unit_word)))) >>
                                 amount_unit >> within_word;

auto const timely_word_cap =
    kwf(Keyword{"及时", Field::t_timely}, Keyword{"第一时间", Field::t_first}, Keyword{"即时", Field::t_immediate},
        Keyword{"立即", Field::t_immediate}, Keyword{"实时", Field::t_realtime}, Keyword{"随时", Field::t_timely},
        Keyword{"当场", Field::t_immediate}) >>
    -lit("地");

// 及时 / 第一时间 / 收到文件后及时 / 征集意见结束后要及时 / 与文件同步.
// 在实地启动拟征收土地工作时，在村公示栏公开: 在T时 (at the time of T) ends its clause;
// read as 与T同步, due on T's date (grammar/POLICIES.md).
auto const at_time_end = lit("时") >> (sep | x3::eoi);
auto const timely_def =
    rb[lit("与") >> cap(Field::trigger, open_text(no_paren - "同步")) >> cap(Field::t_sync, "同步")] |
    rb[lit("在") >> cap(Field::trigger, open_text(no_paren - at_time_end)) >> cap(Field::t_sync, "时") >>
       &(sep | x3::eoi)] |
    (lead >> -rb[*prep >> trigger_text >> cap(Field::rel_after, after_word) >> -lit(',')] >> lead >> timely_word_cap);

// 系统投入使用前, 在决策前: due on the event's date.
// No digits in T: "…时限为2016年12月底前" is a calendar anchor inside text, not an event.
auto const event_deadline_def = !lit("提前") >> lead >> -prep >>
                                cap(Field::trigger, open_text(no_paren - before_word - ascii_digit)) >>
                                cap(Field::rel_before, before_word);

// 待省级部门公开行政审批地方标准后 / 待《…》印发实施.
auto const gate_end = after_word >> (hard_sep | x3::eoi | ')');
auto const gate_wait_def = lit("待") >> cap(Field::trigger, open_text(no_paren - gate_end)) >> -cap(Field::rel_after, after_word);

// 以区人大常委会审议时间为准.
auto const gate_prevails_def = lit("以") >> cap(Field::trigger, open_text(no_paren - "时间为准" - "为准")) >> -lit("时间") >> "为准";

// Never matches: reports "expected an amount or 及时" after a T后 that has
// neither (形成文件后, 形成文件后个工作日), which no other alternative explains.
// With a number but a broken unit (形成文件后3个工作) the unit label inside
// amount_unit reports it.
auto const dangling_trigger_def = lead >> *prep >> open_text(no_paren - after_word - before_word) >>
                                  (after_word | before_word) >> -lit(',') >> lead >> -bound_word >>
                                  L(labels::continuation.zh)[&(number | timely_word)] >>
                                  (timely_word | amount_unit) >> x3::eps(false);
}  // namespace relative_detail

using relative_detail::dangling_trigger_def;
using relative_detail::event_deadline_def;
using relative_detail::gate_prevails_def;
using relative_detail::gate_wait_def;
using relative_detail::relative_direct_def;
using relative_detail::relative_implicit_def;
using relative_detail::relative_triggered_def;
using relative_detail::timely_def;

BOOST_SPIRIT_DEFINE(relative_implicit, relative_triggered, relative_direct, timely, event_deadline, gate_wait,
                    gate_prevails, dangling_trigger)

}  // namespace shixian::grammar
