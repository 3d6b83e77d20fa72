// import_holiday_notice: normalize → what the page is (one yearly notice, a
// special notice, both, a local notice) → grammar (grammar.cpp) → resolve and
// check here → YearArrangement, with a special notice applied as an amendment.
// The grammar reads; this file decides what the reading means (which year a
// bare 12月30日 is in, which weekend days a 与周末连休 joins) and whether the
// notice agrees with itself and with the year it amends.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string.h>  // memmem
#include <vector>

#include "common/text.hpp"
#include "notice/grammar.hpp"
#include "notice/normalize.hpp"
#include "shixian/notice.hpp"

namespace shixian {

namespace {

namespace ast = notice::ast;

// The festivals of the 放假办法 in the order notices list them.
constexpr std::array<std::string_view, 7> kFestivalOrder = {"元旦",   "春节",   "清明节", "劳动节",
                                                            "端午节", "中秋节", "国庆节"};

int festival_rank(std::string_view name) {
  for (std::size_t i = 0; i < kFestivalOrder.size(); ++i) {
    if (kFestivalOrder[i] == name) return static_cast<int>(i);
  }
  return static_cast<int>(kFestivalOrder.size());
}

/// 2008 added 清明, 端午 and 中秋 (SC Order 513); before, notices covered four festivals.
bool required_in(std::string_view festival, int year) {
  if (year >= 2008) return festival_rank(festival) < 7;
  return festival == "元旦" || festival == "春节" || festival == "劳动节" || festival == "国庆节";
}

// string_view::find walks every candidate first byte, and in UTF-8 Chinese
// the lead bytes repeat constantly; memmem (two-way) does not.
std::size_t find_in(std::string_view text, std::string_view needle, std::size_t from = 0) {
  if (from > text.size()) return std::string_view::npos;
  const void* hit = ::memmem(text.data() + from, text.size() - from, needle.data(), needle.size());
  return hit == nullptr ? std::string_view::npos : static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
}

std::string cn_date(Date d) {
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
}

// M月D日 inside one message whose first date already names the year.
std::string cn_month_day(Date d) { return std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日"; }

std::string_view weekday_word(unsigned iso) {
  static constexpr std::array<std::string_view, 8> names = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  return names[iso <= 7 ? iso : 0];
}

// One resolved date with where it was written.
struct Placed {
  Date date;
  ast::Pos at;
};

// The State Council's salutation: every notice of its own has one (a local
// notice addresses its own units, a news story none).
constexpr std::string_view kSalutation = "自治区、直辖市人民政府";

// A title on the page (normalized text): where it starts, what it says.
struct Title {
  std::size_t at = std::string_view::npos;
  std::string text;
};

// The special notices that changed a year after its yearly notice.
enum class SpecialKind { extension, adjustment, memorial };

std::optional<SpecialKind> special_kind(std::string_view title) {
  if (title.find("关于延长") != std::string_view::npos) return SpecialKind::extension;
  if (title.find("关于调整") != std::string_view::npos) return SpecialKind::adjustment;
  if (title.find("纪念日") != std::string_view::npos && title.find("放假") != std::string_view::npos) {
    return SpecialKind::memorial;
  }
  return std::nullopt;
}

// The festival a special notice's title names (延长2020年春节假期 → 春节), or "".
std::string festival_in_title(std::string_view title, SpecialKind kind) {
  if (kind == SpecialKind::memorial) {
    return title.find("抗日战争") != std::string_view::npos || title.find("抗战") != std::string_view::npos
               ? "抗战胜利纪念日"
               : "";
  }
  static constexpr std::pair<std::string_view, std::string_view> names[] = {
      {"元旦", "元旦"},     {"春节", "春节"},     {"清明", "清明节"}, {"劳动节", "劳动节"}, {"五一", "劳动节"},
      {"端午", "端午节"}, {"中秋", "中秋节"}, {"国庆", "国庆节"}, {"十一", "国庆节"}};
  for (const auto& [written, canonical] : names) {
    if (title.find(written) != std::string_view::npos) return std::string(canonical);
  }
  return {};
}

// The first YYYY年 of a title, or 0.
int year_in_title(std::string_view title) {
  for (std::size_t i = 0; i + 7 <= title.size(); ++i) {
    if (title.compare(i + 4, 3, "年") != 0) continue;
    int year = 0;
    bool digits = true;
    for (std::size_t k = i; k < i + 4; ++k) {
      if (title[k] < '0' || title[k] > '9') digits = false;
      year = year * 10 + (title[k] - '0');
    }
    if (digits && (i == 0 || title[i - 1] < '0' || title[i - 1] > '9')) return year;
  }
  return 0;
}

// What a special notice changes: one festival's days, read like a yearly item.
struct SpecialChange {
  SpecialKind kind = SpecialKind::adjustment;
  std::string festival;
  std::string title;
  std::string number;
  int year = 0;
  ast::Pos at = nullptr;  // the title
  std::optional<Date> signed_on;
  std::set<Date> off, work;
  std::optional<Placed> extend_to;  // 延长……假期至D
  std::optional<Placed> resume;     // D起正常上班
};

class NoticeChecker {
 public:
  NoticeChecker(std::string_view original, const notice::NormalizedText& normalized, std::string_view source)
      : original_(original), normalized_(normalized), source_(source) {}

  void set_segment_end(const char* end) { segment_end_ = end; }

  // A yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知).
  expected<YearArrangement, Error> read_yearly(const ast::Notice& notice) {
    if (auto e = find_year(notice)) return unexpected(std::move(*e));
    if (notice.items.empty()) {
      return unexpected(error_at(nullptr, ErrorCode::parse_error,
                                 "找不到放假安排条目（应为“一、元旦：1月1日放假……”这样的编号条目）"));
    }
    if (auto e = check_complete(notice)) return unexpected(std::move(*e));
    for (const ast::Item& item : notice.items) {
      if (auto e = read_item(item)) return unexpected(std::move(*e));
    }
    if (auto e = check_days()) return unexpected(std::move(*e));
    if (auto e = check_festivals(notice)) return unexpected(std::move(*e));
    extend_to_weekends();
    for (const ItemDays& item : items_) {
      if (auto e = check_resume(item)) return unexpected(std::move(*e));
    }

    YearArrangement result;
    result.year = year_;
    result.title = "国务院办公厅关于" + std::to_string(year_) + "年部分节假日安排的通知";
    result.number = notice.number;
    if (notice.published) {
      auto d = Date::from_ymd(static_cast<int>(*notice.published->year), *notice.published->month,
                              notice.published->day);
      if (!d) return unexpected(error_at(notice.published->at, ErrorCode::invalid_argument, "落款日期：" + d.error().message));
      result.published = to_string(*d);
    }
    for (const ItemDays& item : items_) {
      std::set<Date> off;
      for (const Placed& p : item.off) off.insert(p.date);
      for (auto it = off.begin(); it != off.end();) {
        Date first = *it, last = *it;
        for (++it; it != off.end() && *it == last + 1; ++it) last = *it;
        result.entries.push_back({item.name, false, first, last});
      }
      std::set<Date> work;
      for (const Placed& p : item.work) work.insert(p.date);
      for (Date d : work) result.entries.push_back({item.name, true, d, d});
    }
    if (auto e = check_round_trip(result)) return unexpected(std::move(*e));
    return result;
  }

  // The year file is the contract: what we return must read back as itself.
  std::optional<Error> check_round_trip(const YearArrangement& result) const {
    auto again = parse_year_file(format_year_file(result), source_);
    if (!again || !(*again == result)) {
      return error_at(nullptr, ErrorCode::invalid_argument,
                      "导入结果不能写成年份文件：" + (again ? std::string("往返不一致") : again.error().message));
    }
    return std::nullopt;
  }

  // A special notice's body (延长/调整/纪念日): one festival's changed days.
  // The festival and kind come from the title; the year from the title, else
  // from the first date written with its year, else from the signature.
  expected<SpecialChange, Error> read_special(const ast::SpecialNotice& notice, const Title& title, SpecialKind kind) {
    SpecialChange change;
    change.kind = kind;
    change.title = title.text;
    change.number = notice.number;
    change.at = at_offset(title.at);
    change.festival = festival_in_title(title.text, kind);
    if (change.festival.empty()) {
      return unexpected(error_at(change.at, ErrorCode::invalid_argument,
                                 "专项通知“" + title.text + "”的标题里认不出它改动的是哪个节日"));
    }
    change.year = year_in_title(title.text);
    for (const ast::Phrase& p : notice.phrases) {
      for (const ast::DayRef& d : p.days) {
        if (change.year == 0 && d.year) change.year = static_cast<int>(*d.year);
      }
    }
    if (change.year == 0 && notice.signed_on && notice.signed_on->year) change.year = static_cast<int>(*notice.signed_on->year);
    if (change.year == 0) {
      return unexpected(error_at(change.at, ErrorCode::parse_error, "专项通知“" + title.text + "”中找不到年份"));
    }
    year_ = change.year;
    if (notice.signed_on) {
      auto d = Date::from_ymd(static_cast<int>(*notice.signed_on->year), *notice.signed_on->month, notice.signed_on->day);
      if (!d) return unexpected(error_at(notice.signed_on->at, ErrorCode::invalid_argument, "落款日期：" + d.error().message));
      change.signed_on = *d;
    }
    ast::Item item;
    item.at = change.at;
    item.festivals.push_back({change.at, change.festival});
    item.phrases = notice.phrases;
    if (kind == SpecialKind::extension) {
      const bool extends = std::any_of(item.phrases.begin(), item.phrases.end(),
                                       [](const ast::Phrase& p) { return p.kind == ast::PhraseKind::extend_to; });
      if (!extends) {
        return unexpected(error_at(change.at, ErrorCode::parse_error,
                                   "专项通知“" + title.text + "”中找不到延长到哪天（应为“延长" + std::to_string(change.year) +
                                       "年" + change.festival + "假期至M月D日”这样的句子）"));
      }
    } else if (item.phrases.empty()) {
      return unexpected(error_at(change.at, ErrorCode::parse_error,
                                 "专项通知“" + title.text + "”中找不到放假安排（应为“M月D日至D日放假……M月D日上班”这样的句子）"));
    }
    if (auto e = read_item(item)) return unexpected(std::move(*e));
    if (auto e = check_days()) return unexpected(std::move(*e));
    extend_to_weekends();
    const ItemDays& days = items_.front();
    for (const Placed& p : days.off) change.off.insert(p.date);
    for (const Placed& p : days.work) change.work.insert(p.date);
    change.extend_to = days.extend_to;
    change.resume = days.resume;
    if (kind != SpecialKind::extension && change.off.empty()) {
      return unexpected(error_at(change.at, ErrorCode::parse_error, "专项通知“" + title.text + "”中找不到放假日期"));
    }
    return change;
  }

  // The special notice applied to the year it changes: the festival's lines
  // replaced (调整, 纪念日) or its break extended (延长, cancelling the make-up
  // days it covers), the other festivals untouched, and an `amended` line.
  expected<YearArrangement, Error> amend(const YearArrangement& base, const SpecialChange& c, Amendment record) const {
    if (base.year != c.year) {
      return unexpected(error_at(c.at, ErrorCode::invalid_argument,
                                 "专项通知改动的是" + std::to_string(c.year) + "年，年份文件是" + std::to_string(base.year) + "年的"));
    }
    for (const Amendment& a : base.amendments) {
      if (a.title == record.title) {
        return unexpected(error_at(c.at, ErrorCode::invalid_argument,
                                   "年份文件已记有这份专项通知（amended " + a.published +
                                       "），它的改动已在节日行中；请用该通知之前的年份文件"));
      }
    }
    // Festival groups in file order.
    std::vector<std::pair<std::string, std::vector<HolidayEntry>>> groups;
    for (const HolidayEntry& e : base.entries) {
      if (groups.empty() || groups.back().first != e.festival) groups.push_back({e.festival, {}});
      groups.back().second.push_back(e);
    }
    const auto names = [](const std::string& merged, const std::string& one) {
      return merged == one || merged.find(one + "、") == 0 || merged.find("、" + one) != std::string::npos;
    };
    std::size_t target = groups.size();
    for (std::size_t i = 0; i < groups.size(); ++i) {
      if (names(groups[i].first, c.festival)) target = i;
    }
    if (target == groups.size() && c.kind != SpecialKind::memorial) {
      return unexpected(error_at(c.at, ErrorCode::invalid_argument,
                                 "年份文件中没有“" + c.festival + "”的安排，专项通知无从" +
                                     (c.kind == SpecialKind::extension ? "延长" : "调整")));
    }
    std::set<Date> off = c.off, work = c.work;
    if (c.kind == SpecialKind::extension) {
      std::set<Date> old_off;
      for (const HolidayEntry& e : groups[target].second) {
        for (Date d = e.first; d <= e.last; d += 1) (e.work ? work : old_off).insert(d);
      }
      if (old_off.empty()) {
        return unexpected(error_at(c.at, ErrorCode::invalid_argument,
                                   "年份文件中“" + groups[target].first + "”没有放假日期，专项通知无从延长"));
      }
      const Date last = *old_off.rbegin();
      const Date until = c.extend_to->date;
      if (until <= last) {
        return unexpected(error_at(c.extend_to->at, ErrorCode::invalid_argument,
                                   "延长至" + cn_date(until) + "，但“" + groups[target].first + "”的假期原已到" + cn_date(last)));
      }
      if (until - last > 31) {
        return unexpected(error_at(c.extend_to->at, ErrorCode::invalid_argument,
                                   "延长至" + cn_date(until) + "超过原假期（到" + cn_date(last) + "）一个月，请检查"));
      }
      off.insert(old_off.begin(), old_off.end());
      for (Date d = last + 1; d <= until; d += 1) {
        work.erase(d);  // 2020: 2月1日（星期六） was a make-up day; the extension makes it rest
        off.insert(d);
      }
      if (c.resume) {
        if (c.resume->date != until + 1) {
          return unexpected(error_at(c.resume->at, ErrorCode::invalid_argument,
                                     cn_date(c.resume->date) + "起正常上班，但假期延长到" + cn_date(until) + "，两者应前后相接"));
        }
        if (c.resume->date.is_weekend()) {
          return unexpected(error_at(c.resume->at, ErrorCode::invalid_argument,
                                     cn_date(c.resume->date) + "是" + std::string(weekday_word(c.resume->date.iso_weekday())) +
                                         "，不是正常上班的工作日"));
        }
      }
    }
    for (Date d : off) {
      if (work.count(d) != 0) {
        return unexpected(error_at(c.at, ErrorCode::invalid_argument, cn_date(d) + "既放假又上班"));
      }
    }
    for (std::size_t i = 0; i < groups.size(); ++i) {
      if (i == target) continue;
      for (const HolidayEntry& e : groups[i].second) {
        for (Date d = e.first; d <= e.last; d += 1) {
          if (off.count(d) != 0 || work.count(d) != 0 || (c.resume && c.resume->date == d && !e.work)) {
            return unexpected(error_at(c.at, ErrorCode::invalid_argument,
                                       cn_date(d) + "在年份文件中属于“" + groups[i].first + "”的安排，专项通知又把它列入“" +
                                           c.festival + "”"));
          }
        }
      }
    }
    std::vector<HolidayEntry> changed;
    const std::string name = target < groups.size() ? groups[target].first : c.festival;
    for (auto it = off.begin(); it != off.end();) {
      Date first = *it, last = *it;
      for (++it; it != off.end() && *it == last + 1; ++it) last = *it;
      changed.push_back({name, false, first, last});
    }
    for (Date d : work) changed.push_back({name, true, d, d});
    if (target == groups.size()) {  // 纪念日: a festival of its own, placed by date
      target = 0;
      while (target < groups.size() && groups[target].second.front().first < changed.front().first) ++target;
      groups.insert(groups.begin() + static_cast<std::ptrdiff_t>(target), {name, {}});
    }
    groups[target].second = std::move(changed);
    YearArrangement out = base;
    out.entries.clear();
    for (const auto& group : groups) out.entries.insert(out.entries.end(), group.second.begin(), group.second.end());
    out.amendments.push_back(std::move(record));
    if (auto e = check_round_trip(out)) return unexpected(std::move(*e));
    return out;
  }

  Error error_at(ast::Pos p, ErrorCode code, std::string message) const {
    const std::size_t normalized = p == nullptr ? 0 : static_cast<std::size_t>(p - normalized_.text.data());
    const std::size_t byte = p == nullptr ? 0 : normalized_.original(normalized);
    return detail::make_error(code, std::move(message), original_, byte, source_);
  }

  std::uint32_t line_of(ast::Pos p) const { return error_at(p, ErrorCode::invalid_argument, {}).where.line; }

  // Where the grammar stopped, placed right after the last character it read:
  // when line breaks or spaces come between (…10月4日⏎七、国庆节), the place
  // is the end of the line that lacks its verb, not the start of the next.
  Error error_after_read(ast::Pos p, ErrorCode code, std::string message) const {
    const std::size_t i = static_cast<std::size_t>(p - normalized_.text.data());
    std::size_t byte = normalized_.original(i);
    if (i > 0) {
      std::size_t previous_end = normalized_.original(i - 1);
      detail::next_code_point(original_, previous_end);
      if (previous_end < byte) byte = previous_end;
    }
    return detail::make_error(code, std::move(message), original_, byte, source_);
  }

  std::string_view text() const { return normalized_.text; }
  ast::Pos at_offset(std::size_t i) const { return normalized_.text.data() + i; }

  // The title of the notice around normalized offset `i`: from the 国务院(办公厅)
  // before the last 关于 at or before `i` to the next 通知.
  Title title_around(std::size_t i) const {
    const std::size_t about = text().rfind("关于", i);
    if (about == std::string_view::npos) return {};
    const std::size_t end = find_in(text(), "通知", about);
    if (end == std::string_view::npos || end - about > 200) return {};
    std::size_t start = about;
    for (std::string_view issuer : {std::string_view("国务院办公厅"), std::string_view("国务院")}) {
      if (about >= issuer.size() && text().substr(about - issuer.size(), issuer.size()) == issuer) {
        start = about - issuer.size();
        break;
      }
    }
    return {start, std::string(text().substr(start, end + 6 - start))};
  }

  std::vector<std::size_t> salutations() const {
    std::vector<std::size_t> out;
    for (std::size_t i = find_in(text(), kSalutation); i != std::string_view::npos; i = find_in(text(), kSalutation, i + 1)) {
      out.push_back(i);
    }
    return out;
  }

  // A paste cut off inside the last item: no signature, no closing sentence
  // (节假日期间……, the issuer) after the last arrangement, and no sentence end.
  // Importing it would drop what was cut (the 上班 days of the last festival),
  // so it is refused, naming the item — or the next one, when only its head
  // survived (…放假，共3天。六、国庆节、).
  std::optional<Error> check_complete(const ast::Notice& notice) const {
    if (notice.published) return std::nullopt;
    const ast::Item& last = notice.items.back();
    const ast::Pos end = segment_end_ != nullptr ? segment_end_ : text().data() + text().size();
    if (last.end != end || end == text().data()) return std::nullopt;
    const char closing = *(end - 1);
    if (closing == '.' || closing == ')' || closing == '!') return std::nullopt;
    const ast::Pos after = last.phrases.empty() ? last.at : last.phrases.back().end;
    const std::string_view tail(after, static_cast<std::size_t>(end - after));
    for (std::string_view close : {std::string_view("节假日期间"), std::string_view("节日期间"), std::string_view("假期期间"),
                                   std::string_view("国务院办公厅")}) {
      if (find_in(tail, close) != std::string_view::npos) return std::nullopt;
    }
    std::string name;
    for (const ast::FestivalName& f : last.festivals) name += (name.empty() ? "" : "、") + f.name;
    std::string next;  // a festival named in what follows the last arrangement: its item was cut at the head
    for (std::string_view festival : {std::string_view("元旦"), std::string_view("春节"), std::string_view("清明"),
                                      std::string_view("劳动节"), std::string_view("端午"), std::string_view("中秋"),
                                      std::string_view("国庆")}) {
      const std::size_t at = find_in(tail, festival);
      if (at != std::string_view::npos && name.find(festival) == std::string::npos) {
        next = std::string(festival);
        break;
      }
    }
    if (!next.empty()) {
      return error_at(end, ErrorCode::parse_error,
                      "通知在“" + name + "”一项之后中断（第" + std::to_string(line_of(after)) + "行起只剩“" + next +
                          "”一项的开头），没有结尾和落款，像是没有复制完整；请复制完整的通知");
    }
    return error_at(end, ErrorCode::parse_error,
                    "通知在“" + name + "”一项中断（第" + std::to_string(line_of(last.at)) +
                        "行起），没有结尾和落款，像是没有复制完整；请复制完整的通知（若确已完整，在末尾加句号）");
  }

 private:
  struct ItemDays {
    std::string name;  // 国庆节、中秋节
    ast::Pos at;
    bool extend = false;  // 与周末连休 / 补休: the adjacent weekend belongs to the break
    std::vector<Placed> off;
    std::vector<Placed> work;
    std::optional<Placed> extend_to;  // 延长……假期至D (special notices)
    std::optional<Placed> resume;     // D起正常上班
  };

  std::optional<Error> find_year(const ast::Notice& notice) {
    const auto& title = notice.title_year;
    const auto& intro = notice.intro_year ? notice.intro_year : notice.news_year;
    if (!title && !intro) {
      return error_at(nullptr, ErrorCode::parse_error,
                      "找不到通知的年份：标题应为“国务院办公厅关于YYYY年部分节假日安排的通知”，或正文有“现将YYYY年……”");
    }
    if (title && intro && title->year != intro->year) {
      return error_at(intro->at, ErrorCode::invalid_argument,
                      "正文中的年份" + std::to_string(intro->year) + "与标题中的年份" + std::to_string(title->year) +
                          "不一致");
    }
    const ast::YearMention& y = title ? *title : *intro;
    if (y.year < 1949 || y.year > 2200) {
      return error_at(y.at, ErrorCode::out_of_range, "年份" + std::to_string(y.year) + "超出支持范围（1949–2200）");
    }
    year_ = static_cast<int>(y.year);
    return std::nullopt;
  }

  // A written date → Date. `previous` supplies an omitted month and year
  // (至3日, 、31日); a bare December date of 元旦 is in the year before.
  expected<Date, Error> resolve(const ast::DayRef& ref, const Date* previous, bool new_year_item) const {
    int year = year_;
    unsigned month = ref.month.value_or(previous != nullptr ? previous->month() : 1);
    if (ref.year) {
      year = static_cast<int>(*ref.year);
      if (year < year_ - 1 || year > year_ + 1) {
        return unexpected(error_at(ref.at, ErrorCode::invalid_argument,
                                   "年份" + std::to_string(year) + "与通知的年份" + std::to_string(year_) + "相差超过一年"));
      }
    } else if (previous != nullptr) {
      year = previous->year();
      if (ref.month && month < previous->month()) ++year;  // 12月30日至1月1日
    } else if (new_year_item && month == 12) {
      year = year_ - 1;
    }
    auto d = Date::from_ymd(year, month, ref.day);
    if (!d) return unexpected(error_at(ref.at, ErrorCode::invalid_argument, d.error().message));
    const Date window_first = Date::from_ymd(year_ - 1, 12, 1).value();
    const Date window_last = Date::from_ymd(year_ + 1, 1, 31).value();
    if (*d < window_first || *d > window_last) {
      return unexpected(error_at(ref.at, ErrorCode::invalid_argument,
                                 cn_date(*d) + "不在" + std::to_string(year_) + "年安排的范围内（" +
                                     std::to_string(year_ - 1) + "年12月至" + std::to_string(year_ + 1) + "年1月）"));
    }
    if (ref.note.weekday != 0 && ref.note.weekday != d->iso_weekday()) {
      return unexpected(error_at(ref.note.weekday_at, ErrorCode::invalid_argument,
                                 "星期不符：" + cn_date(*d) + "是" + std::string(weekday_word(d->iso_weekday())) +
                                     "，不是" + std::string(weekday_word(ref.note.weekday))));
    }
    return *d;
  }

  std::optional<Error> read_item(const ast::Item& item) {
    ItemDays days;
    days.at = item.at;
    bool new_year = false;
    for (const ast::FestivalName& f : item.festivals) {
      if (const auto [it, fresh] = festival_at_.emplace(f.name, f.at); !fresh) {
        return error_at(f.at, ErrorCode::invalid_argument,
                        "“" + f.name + "”重复出现（第" + std::to_string(line_of(it->second)) + "行已有）");
      }
      days.name += (days.name.empty() ? "" : "、") + f.name;
      new_year = new_year || f.name == "元旦";
    }
    std::optional<std::pair<Date, Date>> last_range;  // for 共N天
    std::vector<Placed> restated;                     // 照常公休: must lie in the break
    std::optional<Date> latest;                       // the item's previous date: a month-less 17日 is in its month
    // A list's dates: each after the first takes its month from the one before; the first
    // from the item's previous date when it has no month of its own.
    const auto resolve_list = [&](const ast::Phrase& phrase) -> expected<std::vector<Placed>, Error> {
      std::vector<Placed> out;
      for (const ast::DayRef& ref : phrase.days) {
        const Date* previous = !out.empty() ? &out.back().date : (!ref.month && latest ? &*latest : nullptr);
        if (!ref.month && previous == nullptr) {
          return unexpected(error_at(ref.at, ErrorCode::invalid_argument,
                                     std::to_string(ref.day) + "日没有写月份，前面也没有可以沿用的月份"));
        }
        auto d = resolve(ref, previous, new_year);
        if (!d) return unexpected(d.error());
        out.push_back({*d, ref.at});
      }
      if (!out.empty()) latest = out.back().date;
      return out;
    };
    for (const ast::Phrase& phrase : item.phrases) {
      if (phrase.kind == ast::PhraseKind::total || phrase.kind == ast::PhraseKind::joins_weekend ||
          phrase.kind == ast::PhraseKind::no_swap) {
        if (phrase.kind == ast::PhraseKind::total) {
          if (!last_range) {
            return error_at(phrase.at, ErrorCode::invalid_argument, "“共" + std::to_string(*phrase.count) + "天”前面没有放假日期");
          }
          if (auto e = check_count(*phrase.count, phrase.count_at, *last_range)) return e;
        } else if (phrase.kind == ast::PhraseKind::joins_weekend) {
          if (days.off.empty()) return error_at(phrase.at, ErrorCode::invalid_argument, "“与周末连休”前面没有放假日期");
          days.extend = true;
        }
        continue;
      }
      auto dates = resolve_list(phrase);
      if (!dates) return dates.error();
      const std::vector<Placed>& list = *dates;
      switch (phrase.kind) {
        case ast::PhraseKind::off: {
          const Date first = list[0].date;
          const Date last = phrase.range ? list[1].date : first;
          if (last < first) {
            return error_at(phrase.days[1].at, ErrorCode::invalid_argument,
                            "放假日期的终点" + cn_date(last) + "早于起点" + cn_date(first));
          }
          if (last - first > 30) {
            return error_at(phrase.days[1].at, ErrorCode::invalid_argument,
                            "放假日期" + cn_date(first) + "至" + cn_date(last) + "超过一个月，请检查");
          }
          for (Date d = first; d <= last; d += 1) days.off.push_back({d, phrase.days[0].at});
          last_range = {first, last};
          if (phrase.count) {
            if (auto e = check_count(*phrase.count, phrase.count_at, *last_range)) return e;
          }
          break;
        }
        case ast::PhraseKind::work:
          for (const Placed& p : list) {
            if (!p.date.is_weekend()) {
              return error_at(p.at, ErrorCode::invalid_argument,
                              cn_date(p.date) + "是" + std::string(weekday_word(p.date.iso_weekday())) +
                                  "，调休上班日应为周六或周日");
            }
            days.work.push_back(p);
          }
          break;
        case ast::PhraseKind::compensatory:
        case ast::PhraseKind::swapped_rest: {
          const Placed& p = list[0];
          if (p.date.is_weekend()) {
            return error_at(p.at, ErrorCode::invalid_argument,
                            cn_date(p.date) + "是" + std::string(weekday_word(p.date.iso_weekday())) + "，" +
                                (phrase.kind == ast::PhraseKind::compensatory ? "补休日" : "调休日") + "应为周一至周五");
          }
          days.off.push_back(p);
          if (phrase.kind == ast::PhraseKind::compensatory) days.extend = true;
          break;
        }
        case ast::PhraseKind::extend_to:
          days.extend_to = list[0];
          break;
        case ast::PhraseKind::resume:
          days.resume = list[0];
          break;
        case ast::PhraseKind::remark:  // 1月1日（星期四、新年）为法定节假日: the weekdays are still checked
        case ast::PhraseKind::restated:
        case ast::PhraseKind::moved:
          for (const Placed& p : list) {
            if (phrase.kind == ast::PhraseKind::moved && !p.date.is_weekend()) {
              return error_at(p.at, ErrorCode::invalid_argument,
                              cn_date(p.date) + "是" + std::string(weekday_word(p.date.iso_weekday())) +
                                  "，调走的公休日应为周六或周日");
            }
            if (phrase.kind == ast::PhraseKind::restated) restated.push_back(p);
          }
          break;
        case ast::PhraseKind::total:
        case ast::PhraseKind::joins_weekend:
        case ast::PhraseKind::no_swap:
          break;
      }
    }
    if (days.off.empty() && !days.extend_to) {
      return error_at(item.at, ErrorCode::invalid_argument, "“" + days.name + "”一项没有放假日期");
    }
    // 照常公休 names days of the break as the notice gives it; one outside it means a misread.
    for (const Placed& p : restated) {
      const bool inside = std::any_of(days.off.begin(), days.off.end(), [&](const Placed& o) { return o.date == p.date; });
      if (!inside) {
        return error_at(p.at, ErrorCode::invalid_argument,
                        cn_date(p.date) + "写作“照常公休”，但不在“" + days.name + "”的放假日期内");
      }
    }
    items_.push_back(std::move(days));
    return std::nullopt;
  }

  // D起正常上班 (a yearly item): D is the day after the break and a working day.
  std::optional<Error> check_resume(const ItemDays& item) const {
    if (!item.resume || item.off.empty()) return std::nullopt;
    Date last = item.off.front().date;
    for (const Placed& p : item.off) last = std::max(last, p.date);
    if (item.resume->date != last + 1) {
      return error_at(item.resume->at, ErrorCode::invalid_argument,
                      cn_date(item.resume->date) + "起正常上班，但“" + item.name + "”的假期到" + cn_date(last) + "，两者应前后相接");
    }
    return std::nullopt;
  }

  std::optional<Error> check_count(unsigned count, ast::Pos at, std::pair<Date, Date> range) const {
    const int days = range.second - range.first + 1;
    if (static_cast<int>(count) == days) return std::nullopt;
    const std::string span =
        range.first == range.second ? cn_date(range.first)
        : range.first.year() == range.second.year() ? cn_date(range.first) + "至" + cn_month_day(range.second)
                                                    : cn_date(range.first) + "至" + cn_date(range.second);
    return error_at(at, ErrorCode::invalid_argument,
                    "天数不符：" + span + "共" + std::to_string(days) + "天，不是" + std::to_string(count) + "天");
  }

  // No day may be named twice (off in two festivals, off and work, work twice).
  std::optional<Error> check_days() {
    std::map<Date, std::pair<bool, ast::Pos>> seen;  // date -> (work, where)
    for (const ItemDays& item : items_) {
      for (int pass = 0; pass < 2; ++pass) {
        const bool work = pass == 1;
        std::set<Date> mine;
        for (const Placed& p : work ? item.work : item.off) {
          if (!mine.insert(p.date).second) continue;  // 5月1日放假 + 5月1日至3日: same item, harmless
          const auto [it, fresh] = seen.emplace(p.date, std::make_pair(work, p.at));
          if (fresh) continue;
          const std::string line = std::to_string(line_of(it->second.second));
          if (it->second.first != work) {
            return error_at(p.at, ErrorCode::invalid_argument,
                            cn_date(p.date) + "既放假又上班（另见第" + line + "行）");
          }
          return error_at(p.at, ErrorCode::invalid_argument, cn_date(p.date) + "重复出现（另见第" + line + "行）");
        }
      }
    }
    return std::nullopt;
  }

  std::optional<Error> check_festivals(const ast::Notice& notice) const {
    for (std::string_view festival : kFestivalOrder) {
      if (!required_in(festival, year_) || festival_at_.count(std::string(festival)) != 0) continue;
      // Point at the item that comes where the missing one should be, or after the last one.
      ast::Pos at = nullptr;
      for (const ast::Item& item : notice.items) {
        if (festival_rank(item.festivals.front().name) > festival_rank(festival)) {
          at = item.at;
          break;
        }
      }
      if (at == nullptr) {
        const ast::Item& last = notice.items.back();
        at = last.phrases.empty() ? last.at : last.phrases.back().end;
      }
      return error_at(at, ErrorCode::invalid_argument,
                      "缺少“" + std::string(festival) + "”的放假安排（" +
                          (year_ >= 2008 ? "2008年起的通知应列出元旦、春节、清明节、劳动节、端午节、中秋节、国庆节"
                                         : "2008年以前的通知应列出元旦、春节、劳动节、国庆节") +
                          "）");
    }
    return std::nullopt;
  }

  // 4月4日放假，与周末连休 / 5月1日放假，5月2日补休: the break includes the
  // adjacent Saturday and Sunday unless the notice makes them working days.
  void extend_to_weekends() {
    std::set<Date> taken;
    for (const ItemDays& item : items_) {
      for (const Placed& p : item.off) taken.insert(p.date);
      for (const Placed& p : item.work) taken.insert(p.date);
    }
    for (ItemDays& item : items_) {
      if (!item.extend) continue;
      std::set<Date> off;
      for (const Placed& p : item.off) off.insert(p.date);
      std::vector<Placed> added;
      for (Date d : off) {
        for (Date e = d - 1; e.is_weekend() && taken.count(e) == 0; e -= 1) added.push_back({e, item.at}), taken.insert(e);
        for (Date e = d + 1; e.is_weekend() && taken.count(e) == 0; e += 1) added.push_back({e, item.at}), taken.insert(e);
      }
      item.off.insert(item.off.end(), added.begin(), added.end());
    }
  }

  std::string_view original_;
  const notice::NormalizedText& normalized_;
  const char* segment_end_ = nullptr;  // the end of the notice being read, when the page carries two
  std::string_view source_;
  int year_ = 0;
  std::map<std::string, ast::Pos> festival_at_;
  std::vector<ItemDays> items_;
};

}  // namespace

namespace {

// One notice's stretch of the normalized text.
struct Segment {
  const char* first = nullptr;
  const char* last = nullptr;
};

class Importer {
 public:
  Importer(std::string_view original, const notice::NormalizedText& normalized, std::string_view source,
           const NoticeImportOptions& options)
      : original_(original), normalized_(normalized), source_(source), options_(options), page_(original, normalized, source) {}

  expected<YearArrangement, Error> run() {
    std::optional<Segment> yearly, special;
    Title special_title;
    std::optional<ast::Notice> tree;
    const char* const begin = normalized_.text.data();
    const char* const end = begin + normalized_.text.size();
    const std::vector<std::size_t> notices = page_.salutations();
    if (notices.size() >= 3) {
      return unexpected(page_.error_at(page_.at_offset(notices[2]), ErrorCode::invalid_argument,
                                       "文本中有" + std::to_string(notices.size()) +
                                           "份通知（各有“各省、自治区、直辖市人民政府”的称呼）；一次只能导入一份全年通知，或一份全年通知及其专项通知"));
    }
    if (notices.size() == 2) {
      // Two notices, each with its salutation: the second starts at its title.
      const Title first = page_.title_around(notices[0]), second = page_.title_around(notices[1]);
      const std::size_t split = second.at != std::string_view::npos && second.at > notices[0] ? second.at : notices[1];
      const bool first_special = special_kind(first.text).has_value(), second_special = special_kind(second.text).has_value();
      const auto named = [&](const Title& t, const char* fallback) { return t.text.empty() ? std::string(fallback) : t.text; };
      const std::string both = "文本中有两份通知：“" + named(first, "第一份") + "”（第" +
                               std::to_string(page_.line_of(page_.at_offset(notices[0]))) + "行）和“" +
                               named(second, "第二份") + "”（第" + std::to_string(page_.line_of(page_.at_offset(notices[1]))) + "行）";
      if (first_special == second_special) {
        return unexpected(page_.error_at(
            page_.at_offset(notices[1]), ErrorCode::invalid_argument,
            both + (first_special ? "，都是专项通知；一次只能导入一份，请分开导入（各用 --onto 指明年份文件）"
                                  : "；一次只能导入一份全年安排通知，请分开导入")));
      }
      yearly = first_special ? Segment{begin + split, end} : Segment{begin, begin + split};
      special = first_special ? Segment{begin, begin + split} : Segment{begin + split, end};
      special_title = first_special ? first : second;
      two_notices_ = both;
      two_notices_at_ = page_.at_offset(notices[1]);
    } else {
      auto whole = parse_yearly({begin, end});
      if (!whole) return unexpected(whole.error());
      tree = std::move(*whole);
      const auto local = read_local(*tree, notices.empty());
      if (!local) return unexpected(local.error());
      if (*local != nullptr) {  // 附：国务院办公厅关于YYYY年部分节假日安排的通知 — read from the attachment on
        auto attached = parse_yearly({*local, end});
        if (!attached) return unexpected(attached.error());
        tree = std::move(*attached);
        yearly = Segment{*local, end};
      } else if (!tree->title_year) {
        special_title = find_special_title();
      }
      if (!special_title.text.empty()) {
        special = Segment{begin, end};
      } else if (!yearly) {
        yearly = Segment{begin, end};
      }
    }

    std::optional<YearArrangement> year;
    if (yearly) {
      if (!tree) {
        auto parsed = parse_yearly(*yearly);
        if (!parsed) return unexpected(parsed.error());
        tree = std::move(*parsed);
      }
      NoticeChecker reader(original_, normalized_, source_);
      reader.set_segment_end(yearly->last);
      auto read = reader.read_yearly(*tree);
      if (!read) return unexpected(read.error());
      year = std::move(*read);
      if (options_.onto) {
        return unexpected(page_.error_at(nullptr, ErrorCode::invalid_argument,
                                         special ? "文本已含" + std::to_string(year->year) + "年的全年通知，专项通知就修改它；不需要 --onto"
                                                 : std::string("这是全年通知，不修改别的年份文件；--onto 只用于专项通知（延长、调整、纪念日放假）")));
      }
      if (!special) {
        if (!options_.published.empty()) {
          return unexpected(page_.error_at(nullptr, ErrorCode::invalid_argument,
                                           "--published 是专项通知（amended行）的发布日期；全年通知的日期取自它的落款，文本中没有专项通知"));
        }
        return std::move(*year);
      }
    }
    return read_and_apply(*special, special_title, year);
  }

 private:
  expected<ast::Notice, Error> parse_yearly(Segment segment) const {
    auto tree = notice::parse_notice_ast(segment.first, segment.last);
    if (!tree) {
      return unexpected(page_.error_after_read(tree.error().where, ErrorCode::parse_error, "此处应为" + tree.error().expected));
    }
    return std::move(*tree);
  }

  // A local or unit notice passes the State Council's on: it cites it as its
  // basis before its own items and has no salutation of the State Council's.
  // The rule, word by word:
  //   - cited: 根据《国务院办公厅关于 · 根据国务院办公厅通知 · 根据国务院办公厅的通知 (also 按照 for 根据),
  //     found before the first item (a related link after the notice does not count);
  //   - no salutation 各省、自治区、直辖市人民政府 anywhere (a national notice reposted by a local
  //     site keeps it: 转载文件, 首都之窗's metadata);
  //   - unless the State Council's notice follows as an attachment, 附：国务院办公厅关于YYYY年部分节假日安排的通知
  //     (a local notice with the national one appended): then the attachment is read, from its title.
  // Returns where the attachment starts, nullptr for a national notice, or the refusal.
  expected<const char*, Error> read_local(const ast::Notice& tree, bool no_salutation) const {
    if (!no_salutation) return static_cast<const char*>(nullptr);
    const std::string_view text = page_.text();
    const std::size_t bound =
        tree.items.empty() ? text.size() : static_cast<std::size_t>(tree.items.front().at - text.data());
    std::size_t cited = std::string_view::npos;
    for (std::string_view lead : {std::string_view("根据"), std::string_view("按照")}) {
      for (std::string_view what : {std::string_view("《国务院办公厅关于"), std::string_view("国务院办公厅通知"),
                                    std::string_view("国务院办公厅的通知")}) {
        const std::string phrase = std::string(lead) + std::string(what);
        const std::size_t at = find_in(text.substr(0, bound), phrase);
        if (at < cited) cited = at;
      }
    }
    if (cited == std::string_view::npos) return static_cast<const char*>(nullptr);
    const std::size_t attached = find_in(text, "附:国务院办公厅关于", cited);
    if (attached != std::string_view::npos && find_in(text.substr(attached, 80), "年部分节假日安排") != std::string_view::npos) {
      return text.data() + attached + std::string_view("附:").size();
    }
    return unexpected(page_.error_at(page_.at_offset(cited), ErrorCode::invalid_argument,
                                     "这是依据国务院办公厅通知发出的地方或单位通知，只转述其中部分节日，不是国务院办公厅的全年通知；"
                                     "请导入“国务院办公厅关于YYYY年部分节假日安排的通知”原文"));
  }

  // A special notice's title (关于延长… · 关于调整… · …纪念日调休放假的通知) on a page without a yearly title.
  Title find_special_title() const {
    for (std::string_view mark : {std::string_view("关于延长"), std::string_view("关于调整"),
                                  std::string_view("纪念日调休放假"), std::string_view("纪念日放假")}) {
      const std::size_t i = find_in(page_.text(), mark);
      if (i == std::string_view::npos) continue;
      Title title = page_.title_around(i + mark.size());
      if (!title.text.empty() && special_kind(title.text)) return title;
    }
    return {};
  }

  expected<YearArrangement, Error> read_and_apply(Segment segment, const Title& title, const std::optional<YearArrangement>& year) {
    // The body: from the title, or from the salutation when that comes first (a title at the page's end).
    const char* body = page_.at_offset(title.at);
    if (const std::size_t salutation = find_in(std::string_view(segment.first, static_cast<std::size_t>(segment.last - segment.first)), kSalutation);
        salutation != std::string_view::npos && segment.first + salutation < body) {
      body = segment.first + salutation;
    }
    if (body < segment.first || body > segment.last) body = segment.first;
    auto tree = notice::parse_special_notice_ast(body, segment.last);
    if (!tree) return unexpected(page_.error_after_read(tree.error().where, ErrorCode::parse_error, "此处应为" + tree.error().expected));
    if (tree->number.empty()) tree->number = notice::find_doc_number(page_.at_offset(title.at), segment.last);
    if (tree->number.empty()) tree->number = notice::find_doc_number(segment.first, segment.last);
    NoticeChecker reader(original_, normalized_, source_);
    auto change = reader.read_special(*tree, title, *special_kind(title.text));
    if (!change) return unexpected(change.error());
    const std::string what = "专项通知“" + change->title + "”";

    // The amended line's date: --published, else a 发布日期 of the text close after its signature.
    std::string published;
    std::string missing_date;
    const auto text_date = notice::find_publication_date(segment.first, segment.last);
    std::optional<Date> written;
    if (text_date) {
      auto d = Date::from_ymd(static_cast<int>(*text_date->year), *text_date->month, text_date->day);
      if (!d) return unexpected(page_.error_at(text_date->at, ErrorCode::invalid_argument, "发布日期：" + d.error().message));
      written = *d;
    }
    const std::string signed_words = change->signed_on ? "落款日期为" + cn_date(*change->signed_on) : std::string("文本中没有落款日期");
    if (!options_.published.empty()) {
      auto d = parse_iso_date(options_.published);
      if (!d) {
        return unexpected(page_.error_at(nullptr, ErrorCode::invalid_argument, "--published " + options_.published + "：" + d.error().message));
      }
      if (written && *written != *d) {
        return unexpected(page_.error_at(text_date->at, ErrorCode::invalid_argument,
                                         "文本写明发布日期" + to_string(*written) + "，与 --published " + to_string(*d) +
                                             " 不一致；请核对后只保留正确的一个"));
      }
      if (change->signed_on && *d < *change->signed_on) {
        return unexpected(page_.error_at(nullptr, ErrorCode::invalid_argument,
                                         "--published " + to_string(*d) + " 早于" + what + "的落款日期" + cn_date(*change->signed_on)));
      }
      published = to_string(*d);
    } else if (written && change->signed_on && *change->signed_on <= *written && *written - *change->signed_on <= 7) {
      published = to_string(*written);
    } else if (written) {
      missing_date = "文本中的发布日期" + to_string(*written) + (change->signed_on ? "与" + signed_words.substr(std::string("落款日期为").size()) + "的落款相差超过7天或在其前" : "无法与落款核对（" + signed_words + "）") +
                     "，可能是转载网站的日期；请用 --published YYYY-MM-DD 给出它在中国政府网发布的日期";
    } else {
      missing_date = "还需要它的发布日期：文本中没有（" + signed_words + "，发布日期可能晚一两天），请用 --published YYYY-MM-DD 给出";
    }

    const YearArrangement* base = year ? &*year : options_.onto ? &*options_.onto : nullptr;
    if (base == nullptr || !missing_date.empty()) {
      std::string message = two_notices_.empty() ? "这是" + what : two_notices_ + "；后一份是" + what;
      message += "，它修改已公布的" + std::to_string(change->year) + "年安排，作为该年年份文件的修改（amended行）导入";
      if (year) message = two_notices_ + "，其中" + what + "修改" + std::to_string(change->year) + "年的全年安排，两者一并导入";
      std::vector<std::string> needs;
      if (base == nullptr) {
        needs.push_back("需要它修改的年份文件：请用 --onto holidays/" + std::to_string(change->year) + ".txt 指明（不是“国务院办公厅关于YYYY年部分节假日安排的通知”，不能单独导入）");
      }
      if (!missing_date.empty()) needs.push_back(missing_date);
      for (const std::string& need : needs) message += "；" + need;
      return unexpected(page_.error_at(two_notices_.empty() ? change->at : two_notices_at_, ErrorCode::invalid_argument, message));
    }
    return reader.amend(*base, *change, Amendment{published, change->number, change->title});
  }

  std::string_view original_;
  const notice::NormalizedText& normalized_;
  std::string_view source_;
  const NoticeImportOptions& options_;
  NoticeChecker page_;  // positions, titles and messages over the whole page
  std::string two_notices_;  // "文本中有两份通知：…" when the page carries the year and its special notice
  ast::Pos two_notices_at_ = nullptr;
};

}  // namespace

expected<YearArrangement, Error> import_holiday_notice(std::string_view text, const NoticeImportOptions& options,
                                                       std::string_view source_name) {
  auto normalized = notice::normalize_notice(text);
  if (!normalized) {
    Error e = std::move(normalized).error();
    e.source = std::string(source_name);
    return unexpected(std::move(e));
  }
  if (normalized->text.empty()) {
    return unexpected(Error{ErrorCode::parse_error, "通知内容为空", {}, std::string(source_name)});
  }
  return Importer(text, *normalized, source_name, options).run();
}

expected<YearArrangement, Error> parse_holiday_notice(std::string_view text, std::string_view source_name) {
  return import_holiday_notice(text, NoticeImportOptions{}, source_name);
}

}  // namespace shixian
