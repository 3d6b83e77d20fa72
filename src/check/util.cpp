#include "check/util.hpp"

#include <cstdio>

namespace shixian::detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The three bytes at s[i] are U+3000 (ideographic space), or U+3002 (。) when `stop` is set.
bool wide_at(std::string_view s, std::size_t i, bool stop = false) {
  return s[i] == '\xE3' && s[i + 1] == '\x80' && (s[i + 2] == '\x80' || (stop && s[i + 2] == '\x82'));
}

std::string_view trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    else if (s.size() >= 3 && wide_at(s, 0)) s.remove_prefix(3);
    else break;
  }
  for (;;) {
    if (!s.empty() && (is_space(s.back()) || s.back() == '.')) s.remove_suffix(1);
    else if (s.size() >= 3 && wide_at(s, s.size() - 3, true)) s.remove_suffix(3);
    else break;
  }
  return s;
}

// "；" and "，" (EF BC 9B, EF BC 8C) at text[i].
bool wide_separator_at(std::string_view text, std::size_t i) {
  return i + 3 <= text.size() && text[i] == '\xEF' && text[i + 1] == '\xBC' &&
         (text[i + 2] == '\x9B' || text[i + 2] == '\x8C');
}

}  // namespace

void append_date(std::string& out, Date d) { out += to_string(d); }  // short: no allocation

void append_time(std::string& out, const EventTime& t) {
  append_date(out, t.date);
  if (!t.has_time()) return;
  const char buf[6] = {'T', static_cast<char>('0' + t.minute / 600), static_cast<char>('0' + t.minute / 60 % 10), ':',
                       static_cast<char>('0' + t.minute % 60 / 10), static_cast<char>('0' + t.minute % 10)};
  out.append(buf, 6);
}

expected<EventTime, Error> parse_timestamp(std::string_view text) {
  // Fast path: exactly yyyy-mm-dd.
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && digit(0) && digit(1) && digit(2) && digit(3) && digit(5) &&
      digit(6) && digit(8) && digit(9)) {
    const int y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    const unsigned m = static_cast<unsigned>((text[5] - '0') * 10 + (text[6] - '0'));
    const unsigned d = static_cast<unsigned>((text[8] - '0') * 10 + (text[9] - '0'));
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (ymd.ok()) return EventTime{Date{ymd}, -1};
  }
  // Normalize the common CMS spellings into yyyy-mm-dd[Thh:mm].
  std::string t(text);
  for (char& c : t)
    if (c == '/' || c == '.') c = '-';
  // yyyy-m-d → yyyy-mm-dd
  if (t.size() >= 8 && t.size() < 10 + 9) {
    const std::size_t d1 = t.find('-');
    const std::size_t d2 = d1 == std::string::npos ? d1 : t.find('-', d1 + 1);
    if (d1 == 4 && d2 != std::string::npos) {
      std::size_t end = t.find_first_of(" T", d2);
      if (end == std::string::npos) end = t.size();
      std::string month = t.substr(d1 + 1, d2 - d1 - 1), day = t.substr(d2 + 1, end - d2 - 1);
      if (month.size() == 1) month = "0" + month;
      if (day.size() == 1) day = "0" + day;
      t = t.substr(0, 4) + "-" + month + "-" + day + t.substr(end);
    }
  }
  // Seconds are dropped (minute precision, SPEC §1).
  if (t.size() == 19 && t[16] == ':') t.resize(16);
  if (t.size() == 16 && t[10] == ' ') t[10] = 'T';
  return parse_event_time(t);
}

bool parse_events(std::string_view text, std::vector<std::pair<std::string, EventTime>>& out, std::string& message) {
  std::size_t i = 0;
  while (i < text.size()) {
    // The next separator: ; ； , ， or a line break.
    std::size_t end = i;
    std::size_t sep = 0;
    while (end < text.size()) {
      if (text[end] == ';' || text[end] == ',' || text[end] == '\n') {
        sep = 1;
        break;
      }
      if (wide_separator_at(text, end)) {
        sep = 3;
        break;
      }
      ++end;
    }
    const std::string_view entry = trim(text.substr(i, end - i));
    i = end + sep;
    if (entry.empty()) continue;
    std::size_t eq = entry.rfind('=');
    std::size_t eq_len = 1;
    if (eq == std::string_view::npos) {
      eq = entry.rfind("＝");
      eq_len = 3;
    }
    if (eq == std::string_view::npos || eq == 0) {
      message = "“" + std::string(entry) + "”应写作 名称=YYYY-MM-DD";
      return false;
    }
    const std::string_view name = trim(entry.substr(0, eq));
    auto time = parse_timestamp(trim(entry.substr(eq + eq_len)));
    if (!time) {
      message = "“" + std::string(entry) + "”的日期无效：" + time.error().message;
      return false;
    }
    out.emplace_back(std::string(name), *time);
  }
  return true;
}

std::vector<std::string_view> split_rules(std::string_view cell) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t start = 0;
  auto flush = [&](std::size_t end) {
    const std::string_view piece = trim(cell.substr(start, end - start));
    if (!piece.empty()) out.push_back(piece);
  };
  for (std::size_t i = 0; i < cell.size();) {
    const std::string_view rest = cell.substr(i);
    if (rest.starts_with("（") || rest.starts_with("【") || rest.starts_with("《")) {
      ++depth, i += 3;
    } else if (rest.starts_with("）") || rest.starts_with("】") || rest.starts_with("》")) {
      depth = depth > 0 ? depth - 1 : 0, i += 3;
    } else if (rest[0] == '(') {
      ++depth, ++i;
    } else if (rest[0] == ')') {
      depth = depth > 0 ? depth - 1 : 0, ++i;
    } else if (depth == 0 && rest.starts_with("；")) {
      flush(i), i += 3, start = i;
    } else if (depth == 0 && (rest[0] == ';' || rest[0] == '\n')) {
      flush(i), i += 1, start = i;
    } else {
      ++i;
    }
  }
  flush(cell.size());
  return out;
}


void append_csv_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace shixian::detail
