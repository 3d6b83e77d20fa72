#pragma once

#include "parse/anchor.hpp"
#include "parse/common.hpp"
#include "parse/labels.hpp"
#include "parse/lexical.hpp"
#include "parse/recurrence.hpp"

namespace shixian::grammar {

namespace recurrence_detail {
using namespace lex;
using x3::lit;

auto const no_paren = any_char - hard_sep - '(' - ')';

// Longest spellings first: 每季度末 before 每季度, 每年度 before 每年.
// 定时/定期 after a frequency add nothing (每月定期 = 每月, SPEC §4) and are
// absorbed, so a label never starts with them.
auto const frequency_def =
    kwf(Keyword{"每日", Field::f_daily}, Keyword{"每天", Field::f_daily}, Keyword{"逐日", Field::f_daily},
        Keyword{"每周", Field::f_weekly}, Keyword{"每星期", Field::f_weekly}, Keyword{"按周", Field::f_weekly},
        Keyword{"每月", Field::f_monthly}, Keyword{"按月", Field::f_monthly}, Keyword{"逐月", Field::f_monthly},
        Keyword{"每季度末", Field::f_quarterly}, Keyword{"每季度", Field::f_quarterly},
        Keyword{"按季度", Field::f_quarterly}, Keyword{"每季末", Field::f_quarterly}, Keyword{"每季", Field::f_quarterly},
        Keyword{"按季", Field::f_quarterly}, Keyword{"每半年", Field::f_half}, Keyword{"按半年", Field::f_half},
        Keyword{"每年度", Field::f_yearly}, Keyword{"每年", Field::f_yearly}, Keyword{"按年度", Field::f_yearly},
        Keyword{"按年", Field::f_yearly}, Keyword{"年度", Field::f_yearly}, Keyword{"每两个月", Field::f_bimonthly},
        Keyword{"每2个月", Field::f_bimonthly}, Keyword{"每二个月", Field::f_bimonthly},
        Keyword{"每半月", Field::f_semi_monthly}, Keyword{"每半个月", Field::f_semi_monthly},
        Keyword{"每个月", Field::f_monthly}, Keyword{"每个季度", Field::f_quarterly}, Keyword{"每个年度", Field::f_yearly},
        Keyword{"每三个月", Field::f_quarterly}, Keyword{"每3个月", Field::f_quarterly},
        Keyword{"每六个月", Field::f_half}, Keyword{"每6个月", Field::f_half}, Keyword{"季度", Field::f_quarterly},
        Keyword{"季度末", Field::f_quarterly}) >>
    *kw("定时", "定期");

// 自2016年起 / 从2016年开始 / 自2016年.
auto const start = rb[kw("自", "从") >> cap(Field::start_year, number) >> "年" >> -kw("起", "开始", "以来")];

// 流行季节（4-10月） / 4-10月 / 4月至10月.
auto const month_range = cap(Field::season_from, number) >> -lit("月") >> range_dash >>
                         L(labels::month_number.zh)[cap(Field::season_to, number)] >> L(labels::month_char.zh)["月"] >>
                         -lit("份");
auto const season = rb[-cap(Field::season_name, open_text(no_paren - ascii_digit, 8)) >> '(' >> month_range >>
                       L(labels::rparen.zh)[')']] |
                    rb[month_range];

// 每季度结束后15个工作日内.
auto const offset = rb[kw("结束后", "结束之日起", "结束之日后", "结束以后", "届满后", "终了后", "终了之日起", "终了以后") >> lead >>
                       L(labels::amount.zh)[amount_unit] >> -within_word] |
                    rb[lit("后") >> lead >> amount_unit >> -within_word];

// 每周五前, 每周二、四, 每周五下班前: days of each week.
auto const weekday = cap(Field::weekday, kw("一", "二", "三", "四", "五", "六", "日", "天"));
auto const weekday_due = rb[weekday >> *(lit("、") >> weekday) >> -kw("下班前", "之前", "以前", "前")];

// 每月第3个工作日, 每月前5个工作日内, 每月最后一个工作日, 每月末个工作日.
auto const workday_due =
    rb[kw("第", "前") >> cap(Field::wd_ordinal, number) >> -lit("个") >> "工作日" >> -within_word] |
    cap(Field::wd_last, kw("最后一个工作日", "最后1个工作日", "最后工作日", "末个工作日", "末一个工作日"));

// 每季度首月, 每季度第一个月10日前, 每季度的首个月10日, 每季首月的前10日.
auto const first_month_due = rb[-lit("的") >> cap(Field::first_month, kw("首月", "首个月", "第一个月", "第1个月")) >>
                                -rb[-lit("的") >> -lit("前") >> cap(Field::day, number) >> kw("日", "号") >>
                                    -before_word]];

// 每年1、4、7、10月8日之前: one deadline per listed month.
auto const month_list_due = rb[cap(Field::list_month, number) >> +(lit("、") >> cap(Field::list_month, number)) >>
                               "月" >> L(labels::month_tail.zh)[(rb[cap(Field::day, number) >> kw("日", "号") >>
                                                                    -before_word] |
                                                                 cap(Field::m_end, kw("底", "末") >> -before_word))]];

// 每月次月10日前, 每月的次月底前, 每月于次月上旬: the due date in the month after each period.
auto const next_month_due = rb[-lit("的") >> -kw("于", "在") >> cap(Field::next_month, kw("次月", "下月")) >> period_due];

auto const period_tail = next_month_due | offset | workday_due | first_month_due | month_list_due | weekday_due | period_due;

// After 自2016年起 a frequency must follow. 月初 alone is 每月初 (SPEC §8).
auto const recurrence_def = rb[start >> -season >> L(labels::frequency.zh)[frequency] >> -period_tail] |
                            rb[-season >> frequency >> -period_tail] |
                            rb[cap(Field::f_monthly, lit("月")) >> cap(Field::m_start, "初")];

auto const holiday_def = lead >>
                         kwf(Keyword{"重大节日", Field::holiday_major}, Keyword{"重大节假日", Field::holiday_major},
                             Keyword{"重要节日", Field::holiday_major}, Keyword{"节假日", Field::holiday_major},
                             Keyword{"节日", Field::holiday_any}, Keyword{"节", Field::holiday_any}) >>
                         before_word;

// 年内至少5次, 年内解读重要政策措施不少于1次, 原则上每月组织一次, 不少于1次.
// The verb joins the label, so it may not start like a time phrase either.
auto const filler =
    cap(Field::filler, !label_no_start >> open_text(no_paren - at_least - count_number - label_stop));
// 1次, 2篇以上 (信息报送), 1期 (简报).
auto const times = cap(Field::count, number) >> -lit("个") >> kw("次", "篇", "期") >> -kw("以上", "及以上");
// One verb at most, before or after 至少 (年内解读…不少于1次, 年内至少听取一次):
// the canonical form writes it before 至少, so two would not read back.
auto const after_at_least = rb[filler >> times] | L(labels::times_count.zh)[times];
// 1次/年, 2次/季度: the period after the slash.
auto const per_period = kwf(Keyword{"年", Field::f_yearly}, Keyword{"半年", Field::f_half},
                            Keyword{"季度", Field::f_quarterly}, Keyword{"季", Field::f_quarterly},
                            Keyword{"月", Field::f_monthly}, Keyword{"周", Field::f_weekly}, Keyword{"日", Field::f_daily},
                            Keyword{"天", Field::f_daily});
auto const count_def = rb[-at_least >> times >> kw("/", "每") >> per_period] |
                       rb[lit("一") >> kwf(Keyword{"年", Field::f_yearly}, Keyword{"月", Field::f_monthly},
                                           Keyword{"周", Field::f_weekly}) >>
                          -at_least >> times] |
                       // 一季度一通报, 一月一报, 一年一评: once in each period (the rate idiom
                       // 一X一V; a verb must follow, so 一月一日 stays a date).
                       rb[lit("一") >> kwf(Keyword{"季度", Field::f_quarterly}, Keyword{"季", Field::f_quarterly},
                                           Keyword{"年", Field::f_yearly}, Keyword{"月", Field::f_monthly},
                                           Keyword{"周", Field::f_weekly}) >>
                          cap(Field::count, lit("一")) >>
                          &kw("通报", "报告", "报送", "报", "评议", "评估", "评", "考核", "检查", "督查", "公开", "公布",
                              "更新", "发布", "总结", "调度") >>
                          filler] |
                       rb[(cap(Field::within_year, kw("年内", "全年")) | frequency | kw(Field::f_half, "半年")) >>
                          (rb[filler >> at_least >> L(labels::times_count.zh)[times]] | rb[at_least >> after_at_least] |
                           rb[filler >> times] | times)] |
                       rb[at_least >> after_at_least];

// 公示不得少于3个工作日, 公示20日, 7个公示工作日, 发放期不得少于5日，其中必须含1个以上工作日.
auto const what =
    kw(Field::d_what, "公示期", "公示", "发放期", "公告期", "公开期", "公布期", "征求意见期", "意见征集期");
auto const min_working_days = rb[lit(',') >> "其中" >> -(lit("必须") | "应当" | "应") >>
                                 (lit("包含") | "包括" | "含" | "有") >> L(labels::number.zh)[cap(Field::d_min_wd, number)] >>
                                 -lit("个") >> -lit("以上") >> L(labels::working_day_word.zh)["工作日"] >> -lit("以上")];
// 中标候选人公示不得少于3个工作日: a subject ahead of 公示, never part of it.
auto const display_subject =
    cap(Field::subject, open_text(no_paren - what - at_least - ascii_digit - kw("每", "按", "逐", "年内", "全年")));
auto const display_core = rb[-what >> lead >> at_least >> L(labels::amount.zh)[amount_unit] >> -min_working_days] |
                          rb[what >> -kw("期为", "时间为", "期", "时间", "为") >> amount_unit >> -kw("以上", "及以上")] |
                          rb[at_least >> what >> amount_unit];
auto const display_word_ahead = word_ahead_parser{{}, {"公示", "期", "少于", "至少", "不低于"}};  // a `what` or an at_least word
auto const display_def = rb[lead >> display_core] |
                         rb[display_word_ahead >> display_subject >> display_core >> &(sep | x3::eoi | ')')] |
                         rb[cap(Field::amount, number) >> -lit("个") >> "公示" >>
                            (cap(Field::u_wd, "工作日") | cap(Field::u_day, lit("日") | "天"))];

auto const continuous_def = lit("全年") >> -lit("工作");
auto const ongoing_def = lead >> kwf(Keyword{"长期推进", Field::o_long}, Keyword{"长期坚持", Field::o_long},
                                     Keyword{"持续推进", Field::o_sustained}, Keyword{"常态化", Field::o_routine},
                                     Keyword{"常态", Field::o_routine}, Keyword{"长期", Field::o_standing},
                                     Keyword{"永久", Field::o_permanent});
auto const unspecified_def =
    kwf(Keyword{"适时", Field::n_suitable}, Keyword{"视情况", Field::n_as_needed}, Keyword{"视情", Field::n_as_needed},
        Keyword{"不定期", Field::n_irregular}, Keyword{"定期", Field::n_periodic});

// 按预算法规定时限, 按环保部修订发布后的时间要求, 按照财政部相关部署, 按要求.
auto const ref_end =
    kw("规定时限", "规定期限", "规定时间", "时间要求", "时限要求", "相关部署", "部署", "规定", "要求", "安排");
// 法律、法规对政府信息公开的期限另有规定的，从其规定 (条例 第33条).
auto const otherwise_provided = kw("另有规定的", "另有规定");
auto const external_def =
    (kw("按照", "按", "根据", "依照", "依据") >> cap(Field::ext_ref, -open_text(no_paren - ref_end) >> ref_end)) |
    rb[cap(Field::ext_ref, open_text(no_paren - otherwise_provided) >> otherwise_provided) >> -lit(',') >>
       kw("从其规定", "依照其规定", "按其规定")];
}  // namespace recurrence_detail

using recurrence_detail::continuous_def;
using recurrence_detail::count_def;
using recurrence_detail::display_def;
using recurrence_detail::external_def;
using recurrence_detail::frequency_def;
using recurrence_detail::holiday_def;
using recurrence_detail::ongoing_def;
using recurrence_detail::recurrence_def;
using recurrence_detail::unspecified_def;

BOOST_SPIRIT_DEFINE(frequency, recurrence, holiday, count, display, continuous, ongoing, unspecified, external)

}  // namespace shixian::grammar
