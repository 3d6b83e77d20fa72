#include "shixian/date.hpp"

#include <ostream>
#include <array>
#include <cstdio>

#include "common/text.hpp"

namespace shixian {

namespace {

Error date_error(std::string message, std::string_view text, std::size_t byte_offset) {
  return detail::make_error(ErrorCode::invalid_argument, std::move(message), text, byte_offset);
}

unsigned days_in_month(int year, unsigned month) {
  using namespace std::chrono;
  return static_cast<unsigned>((std::chrono::year{year} / std::chrono::month{month} / last).day());
}

}  // namespace

expected<Date, Error> Date::from_ymd(int year, unsigned month, unsigned day) {
  if (year < -32767 || year > 32767) {
    return unexpected(Error{ErrorCode::out_of_range, "年份 " + std::to_string(year) + " 超出范围", {}, {}});
  }
  if (month < 1 || month > 12) {
    return unexpected(Error{ErrorCode::invalid_argument,
                            "月份必须在1到12之间（得到 " + std::to_string(month) + "）", {}, {}});
  }
  const unsigned last = days_in_month(year, month);
  if (day < 1 || day > last) {
    return unexpected(Error{ErrorCode::invalid_argument,
                            "日期不存在：" + std::to_string(year) + "年" + std::to_string(month) + "月只有" +
                                std::to_string(last) + "天",
                            {}, {}});
  }
  using namespace std::chrono;
  return Date{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

std::ostream& operator<<(std::ostream& out, Date d) { return out << to_string(d); }

std::string to_string(Date d) {
  const std::chrono::year_month_day ymd = d.ymd();
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) {
    char buf[24];
    const int n = std::snprintf(buf, sizeof buf, "%+05d-%02u-%02u", y, m, day);
    return std::string(buf, static_cast<std::size_t>(n));
  }
  // By hand: reports format millions of dates, and snprintf costs ~40× this.
  const char buf[10] = {static_cast<char>('0' + y / 1000),    static_cast<char>('0' + y / 100 % 10),
                        static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10),
                        '-',
                        static_cast<char>('0' + m / 10),      static_cast<char>('0' + m % 10),
                        '-',
                        static_cast<char>('0' + day / 10),    static_cast<char>('0' + day % 10)};
  return std::string(buf, 10);
}

std::string_view weekday_name(Date d) {
  static constexpr std::array<std::string_view, 7> names{"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  return names[d.iso_weekday() - 1];
}

expected<Date, Error> parse_iso_date(std::string_view text) {
  // Fold full-width digits and hyphens (２０１６－０９－３０) to ASCII, remembering
  // each character's byte offset so that errors point at the right column.
  std::array<char, 10> ascii{};
  std::array<std::size_t, 11> at{};
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size() && count < ascii.size()) {
    at[count] = i;
    const char32_t c = detail::fold_full_width(detail::next_code_point(text, i));
    ascii[count++] = c < 0x80 ? static_cast<char>(c) : '\x01';
  }
  at[count] = i;
  if (text.empty()) return unexpected(date_error("日期为空，应为 yyyy-mm-dd", text, 0));
  for (std::size_t k = 0; k < count; ++k) {
    const bool want_hyphen = k == 4 || k == 7;
    const char c = ascii[k];
    if (want_hyphen && c != '-') {
      return unexpected(date_error("日期格式应为 yyyy-mm-dd：此处应为“-”", text, at[k]));
    }
    if (!want_hyphen && (c < '0' || c > '9')) {
      return unexpected(date_error("日期格式应为 yyyy-mm-dd：此处应为数字", text, at[k]));
    }
  }
  if (count < ascii.size()) {
    return unexpected(date_error("日期不完整，应为 yyyy-mm-dd", text, text.size()));
  }
  if (i < text.size()) {
    return unexpected(date_error("日期后有多余的字符", text, i));
  }
  auto number = [&](std::size_t from, std::size_t len) {
    int v = 0;
    for (std::size_t k = from; k < from + len; ++k) v = v * 10 + (ascii[k] - '0');
    return v;
  };
  const int y = number(0, 4);
  const int m = number(5, 2);
  const int d = number(8, 2);
  if (y == 0) return unexpected(date_error("年份不能为0000", text, at[0]));
  if (m < 1 || m > 12) return unexpected(date_error("月份必须在1到12之间", text, at[5]));
  auto date = Date::from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  if (!date) return unexpected(date_error(date.error().message, text, at[8]));
  return date;
}

}  // namespace shixian
