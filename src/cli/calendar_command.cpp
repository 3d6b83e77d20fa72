// `shixian calendar YEAR [--format tsv|text] [--holidays FILE]... [--overlay FILE]... [--strict]`
#include <absl/strings/str_format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/input_file.hpp"
#include "cli/snippet.hpp"
#include "common/escape.hpp"
#include "common/text.hpp"

namespace shixian::cli {

namespace {

std::string_view cell_mark(const DayInfo& day) {
  if (day.kind == DayKind::makeup_workday) return "班";
  if (!day.workday && !day.festival.empty()) return "休";
  return "";
}

}  // namespace

expected<Calendar, std::string> calendar_from_args(const Args& args, std::vector<std::string>* overlay_names) {
  CalendarOptions options;
  options.strict = args.has("--strict");
  for (const std::string& path : args.values("--holidays")) {
    auto text = read_input(path);
    if (!text) return unexpected(detail::escape_for_terminal(text.error()));
    auto year = parse_year_file(*text, path);
    if (!year) return unexpected(detail::escape_for_terminal(year.error().to_string()));
    options.years.push_back(std::move(*year));
  }
  for (const std::string& path : args.values("--overlay")) {
    auto text = read_input(path);
    if (!text) return unexpected(detail::escape_for_terminal(text.error()));
    auto overlay = parse_overlay(*text, path);
    if (!overlay) {
      std::string message = describe(overlay.error(), *text);
      message.pop_back();  // the caller adds the final newline
      return unexpected(std::move(message));
    }
    if (overlay_names != nullptr) {
      overlay_names->push_back(overlay->region.empty() || overlay->name.find(overlay->region) != std::string::npos
                                   ? overlay->name
                                   : overlay->name + "（" + overlay->region + "）");
    }
    options.overlays.push_back(std::move(*overlay));
  }
  if (options.years.empty() && options.overlays.empty() && !options.strict) return Calendar::china();
  auto calendar = Calendar::build(options);
  if (!calendar) return unexpected(detail::escape_for_terminal(calendar.error().to_string()));
  return std::move(*calendar);
}

std::string ascii_digits(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = detail::next_code_point(text, i);
    if (c >= U'０' && c <= U'９') out += static_cast<char>('0' + (c - U'０'));
    else out.append(text, start, i - start);
  }
  return out;
}

expected<int, std::string> parse_year_arg(std::string_view original, const Calendar& calendar) {
  // Full-width digits (２０１６) as in dates: what a Chinese input method types.
  const std::string folded = ascii_digits(original);
  const std::string_view text = folded;
  int year = 0;
  bool ok = !text.empty() && text.size() <= 4;
  for (std::size_t k = 0; ok && k < text.size(); ++k) {
    ok = text[k] >= '0' && text[k] <= '9';
    year = year * 10 + (text[k] - '0');  // at most 4 digits: no overflow
  }
  if (!ok) return unexpected("年份应为四位数字（如 2016），得到“" + detail::escape_for_terminal(original) + "”");
  if (year < calendar.first_day().year() || year > calendar.last_day().year()) {
    return unexpected(absl::StrFormat("年份 %d 超出日历范围（%d–%d）", year, calendar.first_day().year(),
                                      calendar.last_day().year()));
  }
  return year;
}

std::string render_year_text(const Calendar& calendar, int year) {
  std::string out;
  const YearSource source = calendar.year_source(year).value();
  out += absl::StrFormat("%d年工作日历　依据：%s%s\n", year, source.title,
                         source.number.empty() ? "" : "（" + source.number + "）");
  if (!source.official) out += "【推算】该年尚无国务院办公厅通知，没有调休上班日；以正式通知为准。\n";
  for (const Amendment& a : source.amendments) out += absl::StrFormat("  另见：%s %s（%s）\n", a.title, a.number, a.published);
  out += "  休 = 节假日休息（含调休）　班 = 调休上班（周六/周日上班）　周六、周日列为周末\n";
  for (unsigned month = 1; month <= 12; ++month) {
    out += absl::StrFormat("\n              %d年%d月\n", year, month);
    out += "  一    二    三    四    五    六    日\n";
    const Date first = Date::from_ymd(year, month, 1).value();
    std::string line(6 * (first.iso_weekday() - 1), ' ');
    for (Date d = first; d.month() == month && d.year() == year; d += 1) {
      const DayInfo day = calendar.day(d).value();
      const std::string_view mark = cell_mark(day);
      line += absl::StrFormat("%4u%s", d.day(), mark.empty() ? "  " : std::string(mark));
      if (d.iso_weekday() == 7) {
        out += line + "\n";
        line.clear();
      }
    }
    if (!line.empty()) out += line + "\n";
  }
  out += "\n节假日安排：\n";
  const std::vector<HolidayBlock> blocks = calendar.holiday_blocks(year).value();
  for (const HolidayBlock& block : blocks) {
    std::string name(block.festival);
    name.append(14 > detail::display_width(name) ? 14 - detail::display_width(name) : 0, ' ');  // CJK = 2 columns
    out += absl::StrFormat("  %s %s（%s）至 %s（%s），共%d天\n", name, to_string(block.first),
                           weekday_name(block.first), to_string(block.last), weekday_name(block.last),
                           block.last - block.first + 1);
  }
  std::string makeup;
  for (Date d = Date::from_ymd(year, 1, 1).value(); d.year() == year; d += 1) {
    const DayInfo day = calendar.day(d).value();
    if (day.kind == DayKind::makeup_workday) {
      makeup += absl::StrFormat("  %s（%s）上班　%s\n", to_string(d), weekday_name(d), day.festival);
    }
  }
  out += makeup.empty() ? "调休上班日：无\n" : "调休上班日：\n" + makeup;
  return out;
}

int calendar_command(int argc, char** argv, int first) {
  auto args = parse_args(argc, argv, first, {{"--format", true}, {"--holidays", true}, {"--overlay", true}, {"--strict", false}});
  if (!args) {
    std::cerr << "shixian calendar: " << args.error() << "\n";
    return kExitUsage;
  }
  if (args->positional.size() != 1) {
    std::cerr << "shixian calendar: 用法：shixian calendar YEAR [--format tsv|text] [--holidays FILE] [--overlay FILE] [--strict]\n";
    return kExitUsage;
  }
  const std::string format = args->value("--format", "tsv");
  if (format != "tsv" && format != "text") {
    std::cerr << "shixian calendar: --format 应为 tsv 或 text，得到“" << format << "”\n";
    return kExitUsage;
  }
  std::vector<std::string> overlays;
  auto calendar = calendar_from_args(*args, &overlays);
  if (!calendar) {
    std::cerr << "shixian calendar: " << calendar.error() << "\n";
    return kExitUsage;
  }
  auto year = parse_year_arg(args->positional[0], *calendar);
  if (!year) {
    std::cerr << "shixian calendar: " << year.error() << "\n";
    return kExitUsage;
  }
  const auto source = calendar->year_source(*year);
  if (calendar->strict() && source && !source->official) {
    std::cerr << "shixian calendar: 严格模式：" << *year << "年尚无国务院办公厅节假日安排通知\n";
    return kExitUsage;
  }
  if (format == "text") {
    std::string text = render_year_text(*calendar, *year);
    std::string lines;
    for (const std::string& name : overlays) lines += "  叠加：" + name + "\n";
    text.insert(text.find('\n') + 1, lines);  // under the title line
    std::cout << text;
    return kExitOk;
  }
  std::string out;
  for (Date d = Date::from_ymd(*year, 1, 1).value(); d.year() == *year; d += 1) {
    const DayInfo day = calendar->day(d).value();
    out += absl::StrFormat("%s\t%s\t%s\t%s\t%s\n", to_string(d), day.workday ? "work" : "off", to_string(day.kind),
                           day.festival, day.projected ? "projected" : "official");
  }
  std::cout << out;
  return kExitOk;
}

}  // namespace shixian::cli
