// holidays/YYYY.txt: reading and writing. The format is documented in
// holidays/README.md; it is line-based and small enough that a tokenizer beats
// a grammar here (the notice *text* importer uses Spirit).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/fields.hpp"
#include "common/text.hpp"
#include "shixian/holidays.hpp"

namespace shixian {

namespace {

using detail::Field;
using detail::fields_of;
using detail::rest_of_line;

class YearFileParser {
 public:
  YearFileParser(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  expected<YearArrangement, Error> parse() {
    if (auto e = detail::not_text(text_, source_)) return unexpected(std::move(*e));
    std::size_t line_start = 0;
    while (line_start <= text_.size()) {
      std::size_t line_end = text_.find('\n', line_start);
      if (line_end == std::string_view::npos) line_end = text_.size();
      if (auto err = parse_line(text_.substr(line_start, line_end - line_start), line_start)) {
        return unexpected(std::move(*err));
      }
      line_start = line_end + 1;
    }
    if (auto err = check()) return unexpected(std::move(*err));
    return std::move(year_);
  }

 private:
  Error error_at(std::size_t offset, std::string message) const {
    return detail::make_error(ErrorCode::invalid_argument, std::move(message), text_, offset, source_);
  }

  expected<Date, Error> date_at(const Field& f) const { return detail::date_field(text_, f, source_); }

  std::optional<Error> parse_line(std::string_view line, std::size_t line_offset) {
    const auto tokens = fields_of(line, line_offset);
    if (tokens.empty()) return std::nullopt;
    const std::string_view key = tokens[0].text;
    const std::size_t value_from = tokens[0].offset - line_offset + key.size();
    const auto need_value = [&]() -> std::optional<Error> {
      if (tokens.size() < 2) return error_at(tokens[0].offset + key.size(), "“" + std::string(key) + "”后缺少内容");
      return std::nullopt;
    };
    if (key == "year") {
      if (auto e = need_value()) return e;
      if (seen_year_) return error_at(tokens[0].offset, "重复的 year 行");
      const auto v = tokens[1].text;
      int y = 0;
      bool digits = v.size() == 4;
      for (std::size_t k = 0; digits && k < v.size(); ++k) {
        digits = v[k] >= '0' && v[k] <= '9';
        y = y * 10 + (v[k] - '0');  // at most 4 digits: no overflow
      }
      if (!digits || y < 1949 || y > 2200) return error_at(tokens[1].offset, "年份应为1949到2200之间的四位数字");
      year_.year = y;
      seen_year_ = true;
      return std::nullopt;
    }
    if (key == "title" || key == "number") {
      if (auto e = need_value()) return e;
      const std::string value(rest_of_line(line, value_from));
      (key == "title" ? year_.title : year_.number) = value == "-" ? "" : value;
      return std::nullopt;
    }
    if (key == "published") {
      if (auto e = need_value()) return e;
      if (tokens[1].text != "-") {
        auto d = date_at(tokens[1]);
        if (!d) return d.error();
        year_.published = to_string(*d);
      }
      return std::nullopt;
    }
    if (key == "amended") {
      if (tokens.size() < 4) return error_at(tokens[0].offset, "amended 行应为：amended 日期 文号 标题");
      auto d = date_at(tokens[1]);
      if (!d) return d.error();
      const std::size_t title_from = tokens[3].offset - line_offset;
      year_.amendments.push_back({to_string(*d), tokens[2].text == "-" ? "" : std::string(tokens[2].text),
                                  std::string(rest_of_line(line, title_from))});
      return std::nullopt;
    }
    return parse_festival(tokens);
  }

  std::optional<Error> parse_festival(const std::vector<Field>& tokens) {
    const std::string festival(tokens[0].text);
    if (tokens.size() < 2) {
      return error_at(tokens[0].offset, "节日“" + detail::clip(festival, 40) + "”后缺少 off 或 work");
    }
    std::optional<bool> work;
    bool group_has_date = false;
    for (std::size_t k = 1; k < tokens.size(); ++k) {
      const Field& t = tokens[k];
      if (t.text == "off" || t.text == "work") {
        if (work && !group_has_date) return error_at(t.offset, "off/work 后应至少有一个日期");
        work = t.text == "work";
        group_has_date = false;
        continue;
      }
      if (!work) return error_at(t.offset, "此处应为 off 或 work（或未知的表头关键字）");
      const auto dots = t.text.find("..");
      auto first = date_at({t.text.substr(0, dots), t.offset});
      if (!first) return first.error();
      Date last = *first;
      if (dots != std::string_view::npos) {
        auto l = date_at({t.text.substr(dots + 2), t.offset + dots + 2});
        if (!l) return l.error();
        if (*l < *first) return error_at(t.offset, "日期范围的终点早于起点");
        last = *l;
      }
      year_.entries.push_back({festival, *work, *first, last});
      entry_offsets_.push_back(t.offset);
      group_has_date = true;
    }
    if (!group_has_date) return error_at(tokens.back().offset, "off/work 后应至少有一个日期");
    return std::nullopt;
  }

  std::optional<Error> check() const {
    if (!seen_year_) return error_at(0, "缺少 year 行");
    const Date window_first = Date::from_ymd(year_.year - 1, 12, 1).value();
    const Date window_last = Date::from_ymd(year_.year + 1, 1, 31).value();
    std::map<std::int32_t, std::size_t> seen;  // day -> entry index
    for (std::size_t k = 0; k < year_.entries.size(); ++k) {
      const HolidayEntry& e = year_.entries[k];
      const std::size_t at = entry_offsets_[k];
      if (e.first < window_first || e.last > window_last) {
        return error_at(at, "日期不在" + std::to_string(year_.year) + "年安排的范围内（上年12月至次年1月）");
      }
      if (e.last - e.first > 40) return error_at(at, "放假范围超过40天，请检查");
      for (Date d = e.first; d <= e.last; d += 1) {
        if (e.work && !d.is_weekend()) {
          return error_at(at, to_string(d) + "是" + std::string(weekday_name(d)) + "，调休上班日应为周六或周日");
        }
        if (const auto [it, inserted] = seen.emplace(d.days_since_epoch(), k); !inserted) {
          return error_at(at, to_string(d) + "重复出现（与第" +
                                  std::to_string(detail::locate(text_, entry_offsets_[it->second]).line) +
                                  "行重叠）");
        }
      }
    }
    return std::nullopt;
  }

  std::string_view text_;
  std::string_view source_;
  YearArrangement year_;
  bool seen_year_ = false;
  std::vector<std::size_t> entry_offsets_;
};

}  // namespace

expected<YearArrangement, Error> parse_year_file(std::string_view text, std::string_view source_name) {
  return YearFileParser(text, source_name).parse();
}

std::string format_year_file(const YearArrangement& year) {
  const auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  std::string out = "# " + std::to_string(year.year) + "年部分节假日安排（格式见 holidays/README.md）\n";
  out += "year       " + std::to_string(year.year) + "\n";
  out += "title      " + or_dash(year.title) + "\n";
  out += "number     " + or_dash(year.number) + "\n";
  out += "published  " + or_dash(year.published) + "\n";
  for (const Amendment& a : year.amendments) {
    out += "amended    " + a.published + " " + or_dash(a.number) + " " + a.title + "\n";
  }
  out += "\n";
  // Entries in order: a new line when the festival changes, a new off/work
  // keyword when the kind changes, so that parsing the output gives `year` back.
  const HolidayEntry* previous = nullptr;
  for (const HolidayEntry& e : year.entries) {
    if (previous == nullptr || previous->festival != e.festival) {
      if (previous != nullptr) out += "\n";
      out += e.festival;
      previous = nullptr;
    }
    if (previous == nullptr || previous->work != e.work) out += e.work ? "  work" : "  off";
    detail::append_date_range(out, e.first, e.last);
    previous = &e;
  }
  if (previous != nullptr) out += "\n";
  return out;
}

}  // namespace shixian
