// Overlay files (holidays/OVERLAYS.md): parsing and writing. Line-based like
// the year files; composition into a Calendar is in calendar.cpp.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/fields.hpp"
#include "common/text.hpp"
#include "shixian/overlay.hpp"

namespace shixian {

namespace {

using detail::Field;
using detail::fields_of;

class OverlayParser {
 public:
  OverlayParser(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  expected<Overlay, Error> parse() {
    if (auto e = detail::not_text(text_, source_)) return unexpected(std::move(*e));
    for (std::size_t start = 0; start <= text_.size();) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      if (auto e = line(text_.substr(start, end - start), start)) return unexpected(std::move(*e));
      start = end + 1;
    }
    if (overlay_.name.empty()) overlay_.name = std::string(source_);
    return std::move(overlay_);
  }

 private:
  Error error_at(std::size_t byte, std::string message) const {
    return detail::make_error(ErrorCode::invalid_argument, std::move(message), text_, byte, source_);
  }

  expected<Date, Error> date(std::string_view token, std::size_t offset) const {
    auto d = detail::date_field(text_, {token, offset}, source_);
    if (d && (d->year() < 1949 || d->year() > 2200)) return unexpected(error_at(offset, "日期应在1949年至2200年之间"));
    return d;
  }

  std::optional<Error> line(std::string_view text, std::size_t offset) {
    const auto fields = fields_of(text, offset);
    if (fields.empty()) return std::nullopt;
    const std::string_view key = fields[0].text;
    if (key == "name" || key == "region" || key == "source") {
      if (fields.size() < 2) return error_at(fields[0].offset + key.size(), "“" + std::string(key) + "”后缺少内容");
      std::string& slot = key == "name" ? overlay_.name : key == "region" ? overlay_.region : overlay_.source;
      if (!slot.empty()) return error_at(fields[0].offset, "重复的 " + std::string(key) + " 行");
      slot = std::string(detail::rest_of_line(text, fields[0].offset - offset + key.size()));
      return std::nullopt;
    }
    const std::string festival(key);
    if (fields.size() < 2) {
      return error_at(fields[0].offset, "“" + detail::clip(festival, 40) + "”后缺少 holiday、off 或 work");
    }
    std::optional<OverlayDayKind> kind;
    bool dated = false;
    for (std::size_t k = 1; k < fields.size(); ++k) {
      const Field& f = fields[k];
      if (f.text == "holiday" || f.text == "off" || f.text == "work") {
        if (kind && !dated) return error_at(f.offset, "holiday/off/work 后应至少有一个日期");
        kind = f.text == "holiday" ? OverlayDayKind::holiday : f.text == "off" ? OverlayDayKind::off : OverlayDayKind::work;
        dated = false;
        continue;
      }
      if (!kind) return error_at(f.offset, "此处应为 holiday、off 或 work（或表头关键字 name、region、source）");
      const auto dots = f.text.find("..");
      auto first = date(f.text.substr(0, dots), f.offset);
      if (!first) return first.error();
      Date last = *first;
      if (dots != std::string_view::npos) {
        auto l = date(f.text.substr(dots + 2), f.offset + dots + 2);
        if (!l) return l.error();
        if (*l < *first) return error_at(f.offset + dots + 2, "日期范围的终点早于起点");
        if (*l - *first > 366) return error_at(f.offset + dots + 2, "日期范围超过一年，请检查");
        last = *l;
      }
      for (Date d = *first; d <= last; d += 1) {
        if (const auto [it, fresh] = seen_.emplace(d, f.offset); !fresh) {
          return error_at(f.offset, to_string(d) + "重复出现（另见第" +
                                        std::to_string(detail::locate(text_, it->second).line) + "行）");
        }
      }
      overlay_.entries.push_back({festival, *kind, *first, last});
      dated = true;
    }
    if (!dated) return error_at(fields.back().offset, "holiday/off/work 后应至少有一个日期");
    return std::nullopt;
  }

  std::string_view text_;
  std::string_view source_;
  Overlay overlay_;
  std::map<Date, std::size_t> seen_;
};

}  // namespace

std::string_view to_string(OverlayDayKind kind) {
  switch (kind) {
    case OverlayDayKind::holiday: return "holiday";
    case OverlayDayKind::off: return "off";
    case OverlayDayKind::work: return "work";
  }
  return "off";
}

expected<Overlay, Error> parse_overlay(std::string_view text, std::string_view source_name) {
  return OverlayParser(text, source_name).parse();
}

std::string format_overlay(const Overlay& overlay) {
  std::string out = "# 叠加日历（格式见 holidays/OVERLAYS.md）\n";
  if (!overlay.name.empty()) out += "name    " + overlay.name + "\n";
  if (!overlay.region.empty()) out += "region  " + overlay.region + "\n";
  if (!overlay.source.empty()) out += "source  " + overlay.source + "\n";
  out += "\n";
  const OverlayEntry* previous = nullptr;
  for (const OverlayEntry& e : overlay.entries) {
    if (previous == nullptr || previous->festival != e.festival) {
      if (previous != nullptr) out += "\n";
      out += e.festival;
      previous = nullptr;
    }
    if (previous == nullptr || previous->kind != e.kind) out.append("  ").append(to_string(e.kind));
    detail::append_date_range(out, e.first, e.last);
    previous = &e;
  }
  if (previous != nullptr) out += "\n";
  return out;
}

}  // namespace shixian
