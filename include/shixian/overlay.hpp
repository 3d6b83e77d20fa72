// File: shixian/overlay.hpp
//
// Regional and custom calendars: an overlay adds rest days and make-up working
// days on top of the national arrangement. Under art. 4 of the 全国年节及纪念日
// 放假办法 the governments of minority regions set their own festivals
// (新疆 古尔邦节/肉孜节, 广西 壮族三月三, 西藏 藏历新年); a unit may also have
// its own closure days. Such days are not in the national data (SPEC §1); an
// overlay makes a calendar in which they count.
//
// File format (holidays/OVERLAYS.md): UTF-8, one statement per line, `#`
// comments, header lines `name`, `region`, `source`, then festival lines like
// the year files' with three day kinds:
//
//   name     广西壮族自治区 2016年“壮族三月三”
//   三月三   holiday 2016-04-09..2016-04-10  off 2016-04-08 2016-04-11
//
//   holiday  the festival's own days: a Monday–Friday becomes a holiday
//            (DayKind::statutory_holiday, by the regional regulation)
//   off      other rest days (调休, closures): a Monday–Friday becomes
//            DayKind::swapped_rest_day
//   work     working days: a Saturday/Sunday becomes DayKind::makeup_workday,
//            a national rest day on Monday–Friday becomes DayKind::workday
//
// Rest days on a weekend stay DayKind::weekend but carry the festival's name.
// Overlays compose into a new immutable Calendar with the same O(1) queries:
//
// Example:
//   auto overlay = shixian::parse_overlay(text, "guangxi.txt");
//   if (!overlay) { std::cerr << overlay.error().to_string() << '\n'; return 2; }
//   auto guangxi = shixian::Calendar::build({.overlays = {*overlay}});
//   guangxi->is_workday(shixian::Date{2016y / April / 8d});   // false: 三月三 补休
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shixian/date.hpp"
#include "shixian/error.hpp"
#include "shixian/expected.hpp"

namespace shixian {

enum class OverlayDayKind : std::uint8_t {
  holiday,  ///< the festival's own days (a regional holiday)
  off,      ///< other rest days: 调休, a unit's closure
  work,     ///< working days: 调休上班, or working through a national rest day
};

/// "holiday", "off", "work" (the file's keywords).
std::string_view to_string(OverlayDayKind kind);

struct OverlayEntry {
  std::string festival;  ///< 古尔邦节, 三月三, 藏历新年, 本单位停工 …
  OverlayDayKind kind = OverlayDayKind::off;
  Date first;
  Date last;  ///< inclusive
  friend bool operator==(const OverlayEntry&, const OverlayEntry&) = default;
};

struct Overlay {
  std::string name;    ///< what the overlay is (shown to users); defaults to the source file's name
  std::string region;  ///< 广西壮族自治区, 某单位 … (may be empty)
  std::string source;  ///< the document it follows (may be empty)
  std::vector<OverlayEntry> entries;
  friend bool operator==(const Overlay&, const Overlay&) = default;
};

/// Parses an overlay file. Errors carry line and column (in characters): an
/// unknown keyword, a bad date, a range backwards or longer than a year, a day
/// listed twice.
expected<Overlay, Error> parse_overlay(std::string_view text, std::string_view source_name = {});

/// Writes the file form; parse_overlay(format_overlay(o)) == o (for non-empty names).
std::string format_overlay(const Overlay& overlay);

}  // namespace shixian
