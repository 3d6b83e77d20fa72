// File: shixian/calendar.hpp
//
// The Chinese working-day calendar: for every day of 2001–2100, whether it is
// a working day (工作日) or a rest day (休息日), and why.
//
// - Years with a State Council notice (2001–2026 today) follow the notice
//   exactly, including 调休 make-up Saturdays and Sundays.
// - Later years are projected from the law (SPEC §1): the statutory days of
//   the 全国年节及纪念日放假办法 version in force, lunar festivals and 清明
//   computed, weekends off, art. 6's substitute weekday for a statutory day on
//   a weekend, and no make-up weekends. Such days are marked projected; a
//   strict calendar refuses them instead.
//
// A Calendar is immutable after construction and safe to share across
// threads. Every query is O(1) whatever the span: a working-day bitmap with
// prefix counts per 8 days (rank) and a position table (select), under 64 KiB
// for the whole 2001–2100 range.
//
// Counting follows SPEC §2: the start day is never counted.
//
// Example:
//   const shixian::Calendar& cal = shixian::Calendar::china();
//   using namespace std::chrono;
//   shixian::Date formed{2016y / September / 30d};      // 形成文件, a Friday
//   cal.add_workdays(formed, 3);                          // 2016-10-10: 10/8 (Sat, 调休上班) is the 1st
//   cal.day(shixian::Date{2016y / October / 8d})->kind;   // DayKind::makeup_workday
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shixian/date.hpp"
#include "shixian/detail/bits.hpp"
#include "shixian/error.hpp"
#include "shixian/expected.hpp"
#include "shixian/holidays.hpp"
#include "shixian/overlay.hpp"

namespace shixian {

enum class DayKind : std::uint8_t {
  workday,            ///< 工作日: an ordinary Monday–Friday
  weekend,            ///< 周末: an ordinary Saturday or Sunday (also one inside a holiday break)
  statutory_holiday,  ///< 法定节假日: a day the 放假办法 (or a special notice) names
  swapped_rest_day,   ///< 调休休息日: a Monday–Friday made a rest day (调休 or art. 6 substitute)
  makeup_workday,     ///< 调休上班: a Saturday or Sunday made a working day
};

/// "workday", "weekend", "holiday", "swapped_rest", "makeup_work" (stable, for TSV/JSON).
std::string_view to_string(DayKind kind);
/// 工作日, 周末, 法定节假日, 调休休息日, 调休上班.
std::string_view chinese_name(DayKind kind);

/// Where a year's days come from.
struct YearSource {
  int year = 0;
  bool official = false;   ///< false: projected from the law, no notice yet
  std::string title;       ///< notice title, or the law version the projection used
  std::string number;      ///< 文号 (empty when projected)
  std::string published;   ///< yyyy-mm-dd (empty when projected)
  std::vector<Amendment> amendments;
};

struct DayInfo {
  Date date;
  bool workday = false;
  DayKind kind = DayKind::workday;
  std::string_view festival;  ///< "" when none; valid while the Calendar lives
  bool projected = false;     ///< the day's year has no notice
};

/// A maximal run of rest days that contains a festival's rest day.
struct HolidayBlock {
  Date first;
  Date last;                  ///< inclusive
  std::string_view festival;  ///< the festival's name as in the notice (国庆节、中秋节 when merged)
};

struct CalendarOptions {
  /// Refuse (ErrorCode::projected_year) any query that touches a projected year.
  bool strict = false;
  /// Arrangements that replace or extend the built-in ones (a newly published
  /// notice, or years before 2001). Later entries win over earlier ones.
  std::vector<YearArrangement> years{};
  /// Use the built-in holidays/ data (2001–2026). Off: only `years` and projection.
  bool builtin_data = true;
  int first_year = 2001;  ///< lowered automatically to the earliest of `years`
  int last_year = 2100;
  /// Regional or custom days applied after the national data, in order (a
  /// later overlay wins on the same day); see shixian/overlay.hpp. Every
  /// overlay day must lie within the calendar's range.
  std::vector<Overlay> overlays{};
};

class Calendar {
 public:
  /// The national calendar from the built-in data, projected after 2026.
  /// Built once on first use (thread-safe) and shared.
  static const Calendar& china();
  /// A calendar from options; errors for inconsistent data or a bad range.
  static expected<Calendar, Error> build(const CalendarOptions& options);

  Date first_day() const { return first_day_; }
  Date last_day() const { return first_day_ + static_cast<std::int32_t>(day_count_) - 1; }
  bool contains(Date d) const { return offset_of(d) < day_count_; }
  bool strict() const { return strict_; }

  /// Working day? O(1).
  expected<bool, Error> is_workday(Date d) const {
    const std::uint32_t offset = offset_of(d);
    if (offset < fast_days_) return ((bits_[offset / 64] >> (offset % 64)) & 1) != 0;
    return is_workday_checked(d);
  }
  /// Kind, festival and projection flag of a day.
  expected<DayInfo, Error> day(Date d) const;

  /// The first working day strictly after / before d.
  expected<Date, Error> next_workday(Date d) const { return add_workdays(d, 1); }
  expected<Date, Error> prev_workday(Date d) const { return add_workdays(d, -1); }
  /// d itself if it is a working day, else the next (following) / previous (preceding) one.
  expected<Date, Error> following(Date d) const;
  expected<Date, Error> preceding(Date d) const;

  /// n > 0: the n-th working day strictly after d; n < 0: the |n|-th working
  /// day strictly before d; n == 0: d. d itself may be a rest day (SPEC §2:
  /// counting starts from the next working day all the same).
  expected<Date, Error> add_workdays(Date d, int n) const {
    const std::uint32_t offset = offset_of(d);
    if (offset < fast_days_ && n != 0) {
      // Working days strictly before d: rank(offset); up to and including d: rank(offset + 1).
      const std::uint32_t forward = n > 0 ? 1 : 0;
      const std::int64_t index = std::int64_t{rank(offset + forward)} + n - forward;
      if (static_cast<std::uint64_t>(index) < total_workdays_) {  // also rejects index < 0
        const auto i = static_cast<std::uint32_t>(index);
        return first_day_ + static_cast<std::int32_t>(position_base_[i / kSelectStride] + position_delta_[i]);
      }
    }
    return add_workdays_checked(d, n);  // n == 0, errors, strict mode, unusual calendars
  }

  /// Working days in (a, b] when a <= b, and minus those in [b, a) when b < a,
  /// so that workdays_between(d, add_workdays(d, n)) == n for every n.
  expected<int, Error> workdays_between(Date a, Date b) const {
    const std::uint32_t oa = offset_of(a);
    const std::uint32_t ob = offset_of(b);
    if (oa < fast_days_ && ob < fast_days_) {
      return oa <= ob ? static_cast<int>(rank(ob + 1) - rank(oa + 1)) : -static_cast<int>(rank(oa) - rank(ob));
    }
    return workdays_between_checked(a, b);
  }

  /// n >= 1: the n-th working day of the month; n <= -1: counted from the end.
  expected<Date, Error> nth_workday_of_month(int year, unsigned month, int n) const;
  expected<Date, Error> last_workday_of_month(int year, unsigned month) const {
    return nth_workday_of_month(year, month, -1);
  }

  /// The year's holiday blocks in date order (a block belongs to the year of its festival day).
  expected<std::vector<HolidayBlock>, Error> holiday_blocks(int year) const;

  /// Where the year comes from; error outside the range.
  expected<YearSource, Error> year_source(int year) const;
  /// Does any day of [min(a,b), max(a,b)] lie in a projected year? O(1).
  bool projected_between(Date a, Date b) const;
  /// January 1 of the first projected year (last_day() + 1 when none is).
  Date first_projected_day() const { return first_projected_day_; }

  /// Bytes held by the tables (for the memory target; excludes YearSource strings).
  std::size_t table_bytes() const;

 private:
  Calendar() = default;
  friend class CalendarBuilder;

  static constexpr std::uint32_t kSelectStride = 64;  // working days per position_base_ entry

  // Day offset from first_day_; wraps (never overflows) for dates far outside.
  std::uint32_t offset_of(Date d) const {
    return static_cast<std::uint32_t>(d.days_since_epoch()) - static_cast<std::uint32_t>(first_day_.days_since_epoch());
  }
  // Working days in [first_day_, first_day_ + offset); offset <= day_count_.
  // One load of the day's 8-day block and one of a 2 KiB table: fewer
  // instructions than a 64-bit popcount, which baseline x86-64 lacks.
  std::uint32_t rank(std::uint32_t offset) const {
    const std::uint32_t block = blocks_[offset / 8];
    return (block >> 8) + detail::kRankInByte[(block & 0xFF) * 8 + offset % 8];
  }
  // The checked, out-of-line versions: errors, strict mode, the bitmap select fallback.
  expected<bool, Error> is_workday_checked(Date d) const;
  expected<Date, Error> add_workdays_checked(Date d, int n) const;
  expected<int, Error> workdays_between_checked(Date a, Date b) const;

  Error out_of_range(Date d) const;
  std::optional<Error> refuse_projected(Date a, Date b) const;  // strict mode only
  std::uint32_t select(std::uint32_t index) const;   // offset of the index-th (0-based) working day
  std::uint8_t festival_index(std::uint32_t offset) const;

  Date first_day_;
  std::uint32_t day_count_ = 0;
  // Days the inline fast paths serve: day_count_, or 0 (everything takes the
  // checked path) in strict mode or when the select table does not fit.
  // One compare instead of three on the hot path.
  std::uint32_t fast_days_ = 0;
  std::uint32_t total_workdays_ = 0;
  Date first_projected_day_;
  int first_year_ = 0;
  bool strict_ = false;
  // Working days: bit i of word w is day w*64+i; rank_[w] counts those before word w.
  std::vector<std::uint64_t> bits_;
  // Per 8 days: working days before the block << 8 | the block's 8 working-day bits.
  std::vector<std::uint32_t> blocks_;
  std::vector<std::uint32_t> rank_;
  // select: day of the i-th working day = position_base_[i / 64] + position_delta_[i];
  // when a calendar's gaps are too long for uint8 deltas, a bitmap walk from select_hint_.
  bool positions_fit_ = true;
  std::vector<std::uint32_t> position_base_;
  std::vector<std::uint8_t> position_delta_;
  std::vector<std::uint16_t> select_hint_;
  std::uint32_t select_steps_ = 0;
  // Day kinds follow from the working-day bit, the weekday and this bitmap.
  std::vector<std::uint64_t> statutory_bits_;
  // Festival names: only days that carry one, found by rank over labelled_bits_.
  std::vector<std::uint64_t> labelled_bits_;
  std::vector<std::uint16_t> labelled_rank_;
  std::vector<std::uint8_t> labels_;          // index into festivals_
  std::vector<std::string> festivals_;        // [0] = ""
  std::vector<YearSource> years_;
  std::vector<std::uint16_t> projected_before_;  // projected years among the first i years
};

}  // namespace shixian
