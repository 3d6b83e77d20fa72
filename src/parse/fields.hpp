// The capture-log vocabulary shared by the grammar (which writes it) and
// lower.cpp (which reads it). Spirit-free, so lower.cpp stays cheap to build.
#pragma once

#include <cstdint>

namespace shixian::grammar {

enum class Field : std::uint8_t {
  // Item kinds: logged after the item's own captures, spanning the item.
  k_relative, k_anchor, k_event_deadline, k_gate_wait, k_gate_prevails, k_recurrence, k_holiday,
  k_count, k_display, k_timely, k_continuous, k_ongoing, k_unspecified, k_external,
  // Parts.
  principle,   // 原则上
  label,       // the action / milestone text after the time phrase
  filler,      // a count's verb between period and number (解读重要政策措施)
  trigger,     // the event T
  rel_after,   // 后 / 起 / 之日起 / 以后 / 之后
  rel_before,  // 前 / 之前 / 以前
  advance,     // 提前
  amount,
  u_wd, u_day, u_hour, u_week, u_month, u_year,
  year, year_next,
  month, day, m_end, m_before, xun_upper, xun_middle, xun_lower, before,
  quarter, half_first, half_second, mid_year, year_end,
  season_name, season_from, season_to, start_year,
  f_daily, f_weekly, f_monthly, f_quarterly, f_half, f_yearly, f_bimonthly, f_semi_monthly,
  weekday,       // 每周五前: one of 一…六, 日/天 after 每周 (each logged)
  wd_ordinal,    // 每月第N个工作日 / 每月前N个工作日: N
  wd_last,       // 每月最后一个工作日 / 每月末个工作日
  m_start,       // 月初
  first_month,   // 每季度首月 / 第一个月
  list_month,    // 每年1、4、7、10月8日前: each listed month
  m_only,        // 2021年2月 + action: a bare month
  by_year,       // 到2023年: a bare year as a horizon
  subject,       // 中标候选人公示…: who or what, written ahead of the time phrase
  extension,     // 延长期限不超过N个工作日: T is the end of the period extended
  next_month,    // 每月次月10日前: the due day is in the month after each period
  tail,          // ，在村公示栏公开: a clause with no time after the last item, part of its label
  tail_paren,    // （动态调整）: the same in parentheses
  holiday_major, holiday_any,
  within_year, count,
  d_what, d_min_wd,
  t_timely, t_first, t_immediate, t_realtime, t_sync,
  o_long, o_sustained, o_routine, o_standing, o_permanent,
  n_suitable, n_as_needed, n_periodic, n_irregular,
  ext_ref,
  none,  // keyword tables: match without capturing
};

/// Open-vocabulary text (triggers, fillers, season names, references) is at
/// most this many characters. Scans ahead are then bounded, so a
/// 4096-character rule parses in linear time, not quadratic.
inline constexpr int kOpenTextChars = 100;

/// One capture: a field and its [begin, end) in the normalized text.
struct Piece {
  Field field;
  std::uint32_t begin;
  std::uint32_t end;
};

}  // namespace shixian::grammar
