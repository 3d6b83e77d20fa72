// iCalendar (RFC 5545) export of deadlines: all-day VEVENTs with stable
// UIDs and a display alarm, CRLF line endings, content lines folded at 75
// octets without splitting a UTF-8 character (§3.1), TEXT escaped (§3.3.11).
#include <cstdio>

#include "check/util.hpp"
#include "common/text.hpp"
#include "shixian/check.hpp"

namespace shixian {

namespace {

std::string ics_date(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", d.year(), d.month(), d.day());
  return buf;
}

std::string escape_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

// Appends one content line, folded: at most 75 octets per physical line.
void line(std::string& out, std::string_view content) {
  std::size_t i = 0, width = 75;
  while (content.size() - i > width) {
    std::size_t cut = i + width;
    while (cut > i && (static_cast<unsigned char>(content[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out.append(content.substr(i, cut - i));
    out += "\r\n ";
    i = cut;
    width = 74;  // the leading space counts
  }
  out.append(content.substr(i));
  out += "\r\n";
}

std::string hex64(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

IcsWriter::IcsWriter(IcsOptions options) : options_(std::move(options)) {}

void IcsWriter::add(const Finding& f) {
  if (!f.has_due || f.due < options_.from || f.due > options_.to) return;
  if (f.verdict == Verdict::on_time || f.verdict == Verdict::late || f.verdict == Verdict::too_short) return;
  if (f.verdict != Verdict::pending && f.verdict != Verdict::missing && f.verdict != Verdict::count_short) return;
  Event e;
  const std::string key = std::string(f.task_id) + "\x1f" + std::to_string(f.obligation) + "\x1f" +
                          std::string(f.label) + "\x1f" + to_string(f.due);
  e.uid = hex64(detail::stable_hash(key)) + "-" + hex64(detail::stable_hash(std::string(f.task_id))) + "@shixian";
  e.summary = std::string(f.task_id) + " " + std::string(f.label.empty() ? "完成" : f.label) + "：" + std::string(f.title);
  if (!f.lead.empty()) e.summary += "（" + std::string(f.lead) + "）";
  e.description = "时限要求：" + std::string(f.rule) + "\n期限：" + due_string(f);
  if (f.type == Obligation::count) {
    e.description += "（" + to_string(f.period_start) + "至" + to_string(f.period_end) + "至少" + std::to_string(f.required) +
                     "次，已" + std::to_string(f.found) + "次）";
  }
  e.description += std::string("\n状态：") + std::string(chinese_name(f.verdict));
  if (!f.message.empty()) e.description += "（" + std::string(f.message) + "）";
  if (f.provisional) e.description += "\n注意：用到推算的年份（尚无放假通知），为临时结果";
  e.due = f.due;
  e.provisional = f.provisional;
  events_.push_back(std::move(e));
}

std::string IcsWriter::render() const {
  std::string out;
  line(out, "BEGIN:VCALENDAR");
  line(out, "VERSION:2.0");
  line(out, "PRODID:-//shixian//shixian 0.1.0//ZH");
  line(out, "CALSCALE:GREGORIAN");
  line(out, "METHOD:PUBLISH");
  line(out, "X-WR-CALNAME:" + escape_text(options_.calendar_name));
  line(out, "X-WR-TIMEZONE:Asia/Shanghai");
  const std::string stamp = ics_date(options_.stamp) + "T000000Z";
  for (const Event& e : events_) {
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + e.uid);
    line(out, "DTSTAMP:" + stamp);
    line(out, "DTSTART;VALUE=DATE:" + ics_date(e.due));
    line(out, "DTEND;VALUE=DATE:" + ics_date(e.due + 1));
    line(out, "SUMMARY:" + escape_text(e.summary));
    line(out, "DESCRIPTION:" + escape_text(e.description));
    line(out, "CATEGORIES:" + escape_text(e.provisional ? "政务公开,临时" : "政务公开"));
    line(out, "TRANSP:TRANSPARENT");
    if (options_.remind_days > 0) {
      line(out, "BEGIN:VALARM");
      line(out, "ACTION:DISPLAY");
      line(out, "DESCRIPTION:" + escape_text("期限临近：" + e.summary));
      line(out, "TRIGGER:-P" + std::to_string(options_.remind_days) + "D");
      line(out, "END:VALARM");
    }
    line(out, "END:VEVENT");
  }
  line(out, "END:VCALENDAR");
  return out;
}

}  // namespace shixian
