#include "shixian/calendar.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>

#include "calendar/builtin_holidays.hpp"
#include "calendar/statutory.hpp"

namespace shixian {

namespace {

// One hint per this many working days: a select walks at most a few words
// from its hint (64 working days never span more than 3 words of 64 days).
constexpr int kMinYear = 1949;
constexpr int kMaxYear = 2200;

Date jan1(int year) { return Date{std::chrono::year{year} / std::chrono::January / 1}; }

Error range_error(std::string message) { return Error{ErrorCode::out_of_range, std::move(message), {}, {}}; }

Error projected_year_error(int year) {
  return Error{ErrorCode::projected_year,
               "严格模式：" + std::to_string(year) + "年（或所涉年份）尚无国务院办公厅节假日安排通知，只有推算结果", {}, {}};
}

// While building: one code per day, kind (3 bits) | festival index << 3.
using DayCode = std::uint16_t;
constexpr DayCode encode(DayKind kind, std::uint8_t festival) {
  return static_cast<DayCode>(static_cast<unsigned>(kind) | (unsigned{festival} << 3));
}
constexpr DayKind kind_of(DayCode code) { return static_cast<DayKind>(code & 7); }
constexpr std::uint8_t festival_of(DayCode code) { return static_cast<std::uint8_t>(code >> 3); }

bool bit(const std::vector<std::uint64_t>& bits, std::uint32_t offset) { return ((bits[offset / 64] >> (offset % 64)) & 1) != 0; }

}  // namespace

std::string_view to_string(DayKind kind) {
  switch (kind) {
    case DayKind::workday: return "workday";
    case DayKind::weekend: return "weekend";
    case DayKind::statutory_holiday: return "holiday";
    case DayKind::swapped_rest_day: return "swapped_rest";
    case DayKind::makeup_workday: return "makeup_work";
  }
  return "workday";
}

std::string_view chinese_name(DayKind kind) {
  switch (kind) {
    case DayKind::workday: return "工作日";
    case DayKind::weekend: return "周末";
    case DayKind::statutory_holiday: return "法定节假日";
    case DayKind::swapped_rest_day: return "调休休息日";
    case DayKind::makeup_workday: return "调休上班";
  }
  return "工作日";
}

std::uint32_t Calendar::select(std::uint32_t index) const {
  if (positions_fit_) return position_base_[index / kSelectStride] + position_delta_[index];  // the usual case
  // Bitmap walk from the hint: a fixed number of steps (measured at build time), each without a branch.
  std::uint32_t word = select_hint_[index / kSelectStride];
  for (std::uint32_t step = 0; step < select_steps_; ++step) word += rank_[word + 1] <= index ? 1 : 0;
  return word * 64 + static_cast<std::uint32_t>(detail::select64(bits_[word], static_cast<int>(index - rank_[word])));
}

inline std::uint8_t Calendar::festival_index(std::uint32_t offset) const {
  if (!bit(labelled_bits_, offset)) return 0;
  const std::uint32_t word = offset / 64;
  const std::uint64_t below = (labelled_bits_[word] << (63 - offset % 64)) << 1;
  return labels_[labelled_rank_[word] + static_cast<std::uint32_t>(detail::popcount64(below))];
}

inline std::optional<Error> Calendar::refuse_projected(Date a, Date b) const {
  if (!strict_ || !projected_between(a, b)) return std::nullopt;
  return projected_year_error((a < b ? b : a).year());
}

// Builds the tables; the only code that writes a Calendar.
class CalendarBuilder {
 public:
  static expected<Calendar, Error> build(const CalendarOptions& options) {
    std::map<int, YearArrangement> arrangements;
    if (options.builtin_data) {
      for (const detail::BuiltinYearFile& file : detail::builtin_year_files()) {
        auto year = parse_year_file(file.text, file.name);
        if (!year) return unexpected(std::move(year).error());
        arrangements[year->year] = std::move(*year);
      }
    }
    int first_year = options.first_year;
    int last_year = options.last_year;
    for (const YearArrangement& y : options.years) {
      arrangements[y.year] = y;
      first_year = std::min(first_year, y.year);
      last_year = std::max(last_year, y.year);
    }
    if (first_year < kMinYear || last_year > kMaxYear || first_year > last_year) {
      return unexpected(range_error("日历年份范围 " + std::to_string(first_year) + "–" + std::to_string(last_year) +
                                    " 无效（须在 " + std::to_string(kMinYear) + "–" + std::to_string(kMaxYear) +
                                    " 之内）"));
    }

    Calendar cal;
    cal.strict_ = options.strict;
    cal.first_year_ = first_year;
    cal.first_day_ = jan1(first_year);
    cal.day_count_ = static_cast<std::uint32_t>(jan1(last_year + 1) - cal.first_day_);
    cal.festivals_.emplace_back();
    // One code per day while building; index() compresses them into the query tables.
    std::vector<DayCode> codes(cal.day_count_);
    for (std::uint32_t i = 0; i < cal.day_count_; ++i) {
      codes[i] = encode((cal.first_day_ + static_cast<std::int32_t>(i)).is_weekend() ? DayKind::weekend
                                                                                      : DayKind::workday,
                        0);
    }

    cal.projected_before_.push_back(0);
    for (int year = first_year; year <= last_year; ++year) {
      const auto found = arrangements.find(year);
      const bool official = found != arrangements.end();
      const YearArrangement arrangement = official ? found->second : detail::project_year(year);
      if (auto err = apply(cal, codes, arrangement)) return unexpected(std::move(*err));
      YearSource source{year, official, arrangement.title, arrangement.number, arrangement.published,
                        arrangement.amendments};
      if (!official) source.title = arrangement.title;
      cal.years_.push_back(std::move(source));
      cal.projected_before_.push_back(
          static_cast<std::uint16_t>(cal.projected_before_.back() + (official ? 0 : 1)));
    }
    for (const Overlay& overlay : options.overlays) {
      if (auto err = apply(cal, codes, overlay)) return unexpected(std::move(*err));
    }
    index(cal, codes);
    cal.total_workdays_ = cal.rank_[cal.bits_.size()];
    cal.fast_days_ = cal.strict_ || !cal.positions_fit_ ? 0 : cal.day_count_;
    const auto projected = std::find_if(cal.years_.begin(), cal.years_.end(), [](const YearSource& y) { return !y.official; });
    cal.first_projected_day_ = projected == cal.years_.end() ? cal.last_day() + 1 : jan1(projected->year);
    return cal;
  }

 private:
  static std::optional<Error> apply(Calendar& cal, std::vector<DayCode>& codes,
                                    const YearArrangement& arrangement) {
    std::vector<detail::StatutoryDay> statutory = detail::statutory_days(arrangement.year);
    const auto is_statutory = [&](Date d) {
      for (const auto& s : statutory) {
        if (s.date == d) return true;
      }
      return false;
    };
    for (const HolidayEntry& e : arrangement.entries) {
      auto festival = intern_festival(cal, e.festival);
      if (!festival) return std::move(festival).error();
      // A festival no 放假办法 version names (2015's 抗战胜利纪念日): its
      // notice (国发明电〔2015〕1号) makes the day itself, 9月3日, the
      // statutory holiday; 9月4日 is 调休 (the rest of 9月6日, moved).
      const bool special = e.festival.find("抗战胜利") != std::string::npos;
      for (Date d = e.first; d <= e.last; d += 1) {
        if (!cal.contains(d)) continue;  // December before / January after the calendar's range
        DayKind kind;
        if (e.work) {
          kind = DayKind::makeup_workday;
        } else if (is_statutory(d) || (special && d.month() == 9 && d.day() == 3)) {
          kind = DayKind::statutory_holiday;
        } else {
          kind = d.is_weekend() ? DayKind::weekend : DayKind::swapped_rest_day;
        }
        codes[cal.offset_of(d)] = encode(kind, *festival);
      }
    }
    return std::nullopt;
  }

  static expected<std::uint8_t, Error> intern_festival(Calendar& cal, const std::string& name) {
    std::uint8_t festival = 0;
    for (; festival < cal.festivals_.size() && cal.festivals_[festival] != name; ++festival) {
    }
    if (festival == cal.festivals_.size()) {
      if (festival == 255) return unexpected(range_error("节日名称过多（最多254个）：" + name));
      cal.festivals_.push_back(name);
    }
    return festival;
  }

  // An overlay's days replace the national kinds (overlay.hpp): rest days
  // become holidays or 调休 rest days on weekdays and stay weekends otherwise;
  // work days become make-up days on weekends and ordinary workdays otherwise.
  static std::optional<Error> apply(Calendar& cal, std::vector<DayCode>& codes, const Overlay& overlay) {
    for (const OverlayEntry& e : overlay.entries) {
      if (!cal.contains(e.first) || !cal.contains(e.last)) {
        return range_error("叠加日历“" + overlay.name + "”的日期 " + to_string(cal.contains(e.first) ? e.last : e.first) +
                           " 超出日历范围（" + to_string(cal.first_day()) + " 至 " + to_string(cal.last_day()) + "）");
      }
      auto festival = intern_festival(cal, e.festival);
      if (!festival) return std::move(festival).error();
      for (Date d = e.first; d <= e.last; d += 1) {
        DayKind kind;
        switch (e.kind) {
          case OverlayDayKind::holiday:
            kind = d.is_weekend() ? DayKind::weekend : DayKind::statutory_holiday;
            break;
          case OverlayDayKind::off:
            kind = d.is_weekend() ? DayKind::weekend : DayKind::swapped_rest_day;
            break;
          case OverlayDayKind::work:
          default:
            kind = d.is_weekend() ? DayKind::makeup_workday : DayKind::workday;
            break;
        }
        codes[cal.offset_of(d)] = encode(kind, *festival);
      }
    }
    return std::nullopt;
  }

  static void index(Calendar& cal, const std::vector<DayCode>& codes) {
    const std::uint32_t words = (cal.day_count_ + 63) / 64;
    // Each bitmap has a spare zero word: rank-style reads at offset == day_count_ stay in bounds.
    cal.bits_.assign(words + 1, 0);
    cal.statutory_bits_.assign(words + 1, 0);
    cal.labelled_bits_.assign(words + 1, 0);
    cal.labels_.clear();
    for (std::uint32_t i = 0; i < cal.day_count_; ++i) {
      const DayKind k = kind_of(codes[i]);
      const std::uint64_t bit = 1ULL << (i % 64);
      if (k == DayKind::workday || k == DayKind::makeup_workday) cal.bits_[i / 64] |= bit;
      if (k == DayKind::statutory_holiday) cal.statutory_bits_[i / 64] |= bit;
      if (festival_of(codes[i]) != 0) {
        cal.labelled_bits_[i / 64] |= bit;
        cal.labels_.push_back(festival_of(codes[i]));
      }
    }
    // blocks_ covers offsets up to day_count_ inclusive (rank(day_count_) is read).
    cal.blocks_.assign(cal.day_count_ / 8 + 1, 0);
    for (std::uint32_t b = 0, before = 0; b < cal.blocks_.size(); ++b) {
      const auto byte = static_cast<std::uint32_t>((cal.bits_[b / 8] >> (b % 8 * 8)) & 0xFF);
      cal.blocks_[b] = before << 8 | byte;
      before += static_cast<std::uint32_t>(detail::popcount64(byte));
    }
    cal.rank_.assign(words + 2, 0);
    cal.labelled_rank_.assign(words + 1, 0);
    for (std::uint32_t w = 0; w <= words; ++w) {
      cal.rank_[w + 1] = cal.rank_[w] + static_cast<std::uint32_t>(detail::popcount64(cal.bits_[w]));
      if (w < words) {
        cal.labelled_rank_[w + 1] =
            static_cast<std::uint16_t>(cal.labelled_rank_[w] + detail::popcount64(cal.labelled_bits_[w]));
      }
    }
    const std::uint32_t total = cal.rank_[words];

    // select(i) as a table: the day of the i-th working day is
    // position_base_[i / 64] + position_delta_[i]. A uint8 delta suffices
    // while 64 working days span fewer than 256 days, i.e. always for real
    // calendars; otherwise the bitmap select below is used.
    cal.position_base_.clear();
    cal.position_delta_.assign(total, 0);
    cal.positions_fit_ = true;
    for (std::uint32_t i = 0, day = 0; i < total; ++i, ++day) {
      while (((cal.bits_[day / 64] >> (day % 64)) & 1) == 0) ++day;
      if (i % Calendar::kSelectStride == 0) cal.position_base_.push_back(day);
      const std::uint32_t delta = day - cal.position_base_.back();
      if (delta > 255) cal.positions_fit_ = false;
      cal.position_delta_[i] = static_cast<std::uint8_t>(delta);
    }
    if (cal.positions_fit_) {
      cal.select_hint_.clear();
      cal.select_steps_ = 0;
      return;
    }
    cal.position_base_.clear();
    cal.position_delta_.clear();
    cal.select_hint_.clear();
    for (std::uint32_t w = 0, next = 0; w < words; ++w) {
      while (next < cal.rank_[w + 1]) {
        cal.select_hint_.push_back(static_cast<std::uint16_t>(w));
        next += Calendar::kSelectStride;
      }
    }
    // The most words any select walks from its hint; rank_ is padded so the
    // fixed-length walk never reads past the end.
    cal.select_steps_ = 0;
    for (std::uint32_t index = 0; index < total; ++index) {
      std::uint32_t word = cal.select_hint_[index / Calendar::kSelectStride];
      std::uint32_t steps = 0;
      while (cal.rank_[word + 1] <= index) ++word, ++steps;
      cal.select_steps_ = std::max(cal.select_steps_, steps);
    }
    cal.rank_.resize(words + 2 + cal.select_steps_, std::numeric_limits<std::uint32_t>::max());
  }
};

const Calendar& Calendar::china() {
  static const Calendar instance = [] {
    auto cal = CalendarBuilder::build({});
    if (!cal) {
      // The built-in data is checked by the test suite; reaching this is a build defect.
      std::fprintf(stderr, "shixian: built-in holiday data is invalid: %s\n", cal.error().to_string().c_str());
      std::abort();
    }
    return std::move(*cal);
  }();
  return instance;
}

expected<Calendar, Error> Calendar::build(const CalendarOptions& options) { return CalendarBuilder::build(options); }

Error Calendar::out_of_range(Date d) const {
  return range_error("日期 " + to_string(d) + " 超出日历范围（" + to_string(first_day()) + " 至 " +
                     to_string(last_day()) + "）");
}

expected<bool, Error> Calendar::is_workday_checked(Date d) const {
  if (!contains(d)) return unexpected(out_of_range(d));
  if (auto e = refuse_projected(d, d)) return unexpected(std::move(*e));
  return bit(bits_, offset_of(d));
}

expected<DayInfo, Error> Calendar::day(Date d) const {
  if (!contains(d)) return unexpected(out_of_range(d));
  if (auto e = refuse_projected(d, d)) return unexpected(std::move(*e));
  const std::uint32_t offset = offset_of(d);
  const bool work = bit(bits_, offset);
  const DayKind kind = work ? (d.is_weekend() ? DayKind::makeup_workday : DayKind::workday)
                       : bit(statutory_bits_, offset) ? DayKind::statutory_holiday
                       : d.is_weekend()               ? DayKind::weekend
                                                      : DayKind::swapped_rest_day;
  return DayInfo{d, work, kind, festivals_[festival_index(offset)], projected_between(d, d)};
}

expected<Date, Error> Calendar::add_workdays_checked(Date d, int n) const {
  if (!contains(d)) return unexpected(out_of_range(d));
  if (n == 0) return d;
  const std::uint32_t offset = offset_of(d);
  // Working days strictly before d: rank(offset); up to and including d: rank(offset + 1).
  const std::int64_t index = n > 0 ? std::int64_t{rank(offset + 1)} + n - 1 : std::int64_t{rank(offset)} + n;
  if (index < 0 || index >= total_workdays_) {
    return unexpected(range_error("自" + to_string(d) + "起" + (n > 0 ? "后" : "前") + "第" +
                                  std::to_string(n > 0 ? n : -static_cast<std::int64_t>(n)) +
                                  "个工作日超出日历范围（" + to_string(first_day()) + " 至 " + to_string(last_day()) +
                                  "）"));
  }
  const Date result = first_day_ + static_cast<std::int32_t>(select(static_cast<std::uint32_t>(index)));
  if (auto e = refuse_projected(d, result)) return unexpected(std::move(*e));
  return result;
}

expected<Date, Error> Calendar::following(Date d) const {
  auto work = is_workday(d);
  if (!work.has_value()) return unexpected(std::move(work).error());
  return *work ? expected<Date, Error>(d) : add_workdays(d, 1);
}

expected<Date, Error> Calendar::preceding(Date d) const {
  auto work = is_workday(d);
  if (!work.has_value()) return unexpected(std::move(work).error());
  return *work ? expected<Date, Error>(d) : add_workdays(d, -1);
}

expected<int, Error> Calendar::workdays_between_checked(Date a, Date b) const {
  if (!contains(a)) return unexpected(out_of_range(a));
  if (!contains(b)) return unexpected(out_of_range(b));
  if (auto e = refuse_projected(a, b)) return unexpected(std::move(*e));
  const std::uint32_t oa = offset_of(a);
  const std::uint32_t ob = offset_of(b);
  if (oa <= ob) return static_cast<int>(rank(ob + 1) - rank(oa + 1));
  return -static_cast<int>(rank(oa) - rank(ob));
}

expected<Date, Error> Calendar::nth_workday_of_month(int year, unsigned month, int n) const {
  auto first = Date::from_ymd(year, month, 1);
  if (!first) return first;
  const Date last{std::chrono::year{year} / std::chrono::month{month} / std::chrono::last};
  if (!contains(*first) || !contains(last)) return unexpected(out_of_range(contains(*first) ? last : *first));
  if (auto e = refuse_projected(*first, last)) return unexpected(std::move(*e));
  const std::uint32_t begin = rank(offset_of(*first));
  const std::uint32_t end = rank(offset_of(last) + 1);
  const std::int64_t index = n > 0 ? std::int64_t{begin} + n - 1 : std::int64_t{end} + n;
  if (n == 0 || index < begin || index >= end) {
    return unexpected(range_error(std::to_string(year) + "年" + std::to_string(month) + "月只有" +
                                  std::to_string(end - begin) + "个工作日，没有" + (n < 0 ? "倒数" : "") + "第" +
                                  std::to_string(n < 0 ? -static_cast<std::int64_t>(n) : n) + "个"));
  }
  return first_day_ + static_cast<std::int32_t>(select(static_cast<std::uint32_t>(index)));
}

expected<std::vector<HolidayBlock>, Error> Calendar::holiday_blocks(int year) const {
  auto first = Date::from_ymd(year, 1, 1);
  if (!first) return unexpected(std::move(first).error());
  const Date last{std::chrono::year{year} / std::chrono::December / 31};
  if (!contains(*first) || !contains(last)) return unexpected(out_of_range(contains(*first) ? last : *first));
  if (auto e = refuse_projected(*first, last)) return unexpected(std::move(*e));
  const auto rest = [&](Date d) {
    return contains(d) && !bit(bits_, offset_of(d));
  };
  const auto festival = [&](Date d) { return festival_index(offset_of(d)); };
  std::vector<HolidayBlock> blocks;
  // A block belongs to the year its last day is in: 元旦 breaks that start in December count for the new year.
  for (Date d = *first; d <= last; d += 1) {
    if (!rest(d) || festival(d) == 0) continue;
    Date begin = d, end = d;
    while (rest(begin - 1)) begin -= 1;
    while (rest(end + 1)) end += 1;
    if (end.year() == year) blocks.push_back({begin, end, festivals_[festival(d)]});
    d = end;
  }
  return blocks;
}

expected<YearSource, Error> Calendar::year_source(int year) const {
  const std::int64_t index = std::int64_t{year} - first_year_;  // INT_MIN - 2001 must not overflow
  if (index < 0 || index >= static_cast<std::int64_t>(years_.size())) {
    return unexpected(range_error(std::to_string(year) + "年超出日历范围（" + std::to_string(first_year_) + "–" +
                                  std::to_string(first_year_ + static_cast<int>(years_.size()) - 1) + "）"));
  }
  return years_[static_cast<std::size_t>(index)];
}

bool Calendar::projected_between(Date a, Date b) const {
  if (b < a) std::swap(a, b);
  const int lo = std::max(a.year(), first_year_) - first_year_;
  const int hi = std::min(b.year() - first_year_, static_cast<int>(years_.size()) - 1);
  if (lo > hi) return false;
  return projected_before_[static_cast<std::size_t>(hi) + 1] != projected_before_[static_cast<std::size_t>(lo)];
}

std::size_t Calendar::table_bytes() const {
  const auto bytes = [](const auto& v) { return v.size() * sizeof(v[0]); };
  return bytes(bits_) + bytes(blocks_) + bytes(rank_) + bytes(position_base_) + bytes(position_delta_) + bytes(select_hint_) +
         bytes(statutory_bits_) + bytes(labelled_bits_) + bytes(labelled_rank_) + bytes(labels_) +
         bytes(projected_before_);
}

}  // namespace shixian
