#include "parse/lower.hpp"
#include "common/text.hpp"
#include "parse/strcat.hpp"
#include "parse/time_words.hpp"
#include "shixian/date.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "shixian/parse.hpp"

namespace shixian::grammar {

namespace {

using namespace shixian::ast;

constexpr std::uint64_t kMaxAmount = 9999;  // POLICIES.md: amounts and counts are [1, 9999]

int cn_digit(std::string_view s, std::size_t& i) {
  static constexpr std::pair<std::string_view, int> digits[] = {
      {"〇", 0}, {"零", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4},
      {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}, {"十", 10}, {"百", 100},
      {"千", 1000}, {"万", 10000}, {"壹", 1}, {"贰", 2}, {"叁", 3}, {"肆", 4}, {"伍", 5}, {"陆", 6},
      {"柒", 7}, {"捌", 8}, {"玖", 9}, {"拾", 10}, {"佰", 100}, {"仟", 1000}};
  for (const auto& [text, value] : digits) {
    if (s.substr(i, text.size()) == text) {
      i += text.size();
      return value;
    }
  }
  return -1;
}

}  // namespace

NumberStatus number_value(std::string_view text, std::uint64_t limit, std::uint64_t& value) {
  value = 0;
  if (text.empty()) return NumberStatus::malformed;
  if (text[0] >= '0' && text[0] <= '9') {
    for (char c : text) {
      if (c < '0' || c > '9') return NumberStatus::malformed;
      value = value * 10 + static_cast<unsigned>(c - '0');
      if (value > limit) return NumberStatus::too_large;
    }
    return NumberStatus::ok;
  }
  std::vector<int> parts;
  for (std::size_t i = 0; i < text.size();) {
    const int d = cn_digit(text, i);
    if (d < 0) return NumberStatus::malformed;
    parts.push_back(d);
  }
  bool has_units = false;
  for (int p : parts) has_units = has_units || p >= 10;
  if (!has_units) {
    // 二〇一六 / 二零一六: digit by digit, as years are written. Two or three
    // bare digits (三五) mean "three to five", not 35: malformed.
    bool zero = false;
    for (int p : parts) zero = zero || p == 0;
    if (parts.size() > 1 && !zero && parts.size() < 4) return NumberStatus::malformed;
    for (int p : parts) {
      value = value * 10 + static_cast<unsigned>(p);
      if (value > limit) return NumberStatus::too_large;
    }
    return NumberStatus::ok;
  }
  // 十五, 二十, 一百零五, 三千二百: digit × unit, units strictly decreasing.
  std::uint64_t total = 0, section = 0;
  int pending = -1;
  int last_unit = 100000;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const int p = parts[k];
    if (p < 10) {
      if (pending > 0) return NumberStatus::malformed;  // 三五
      pending = p;
      if (p == 0) pending = -1;  // 零 as a place filler
      continue;
    }
    if (p == 10000) {
      section += pending > 0 ? static_cast<unsigned>(pending) : 0;
      if (section == 0) return NumberStatus::malformed;
      total += section * 10000;
      section = 0;
      pending = -1;
      last_unit = 100000;
      continue;
    }
    if (p >= last_unit) return NumberStatus::malformed;  // 十十, 十百
    if (pending < 0) {
      if (p == 10 && k == 0) pending = 1;  // 十五 = 15
      else return NumberStatus::malformed;
    }
    section += static_cast<unsigned>(pending) * static_cast<unsigned>(p);
    pending = -1;
    last_unit = p;
  }
  if (pending > 0) section += static_cast<unsigned>(pending);
  value = total + section;
  return value > limit ? NumberStatus::too_large : NumberStatus::ok;
}

namespace {

struct Lowerer {
  const Normalized& norm;
  std::size_t input_size;
  LowerError& error;

  std::string_view text(const Piece& p) const {
    return std::string_view(norm.text).substr(p.begin, p.end - p.begin);
  }
  Span span(std::uint32_t b, std::uint32_t e) const {
    return Span{norm.begin_of(b, input_size), norm.end_of(e, input_size)};
  }
  bool fail(const Piece& p, std::string zh, std::string en) {
    error = {p.begin, p.end, std::move(zh), std::move(en)};
    return false;
  }

  bool number(const Piece& p, std::uint64_t lo, std::uint64_t hi, const char* what_zh, const char* what_en,
              std::uint64_t& v) {
    // Parse with a generous limit first, so 99999999999 reports "too large" and
    // 13 (for a month) reports the range.
    const NumberStatus s = number_value(text(p), 1'000'000'000'000ULL, v);
    if (s == NumberStatus::malformed) {
      return fail(p, "数字“" + std::string(text(p)) + "”写法有误",
                  "malformed number \"" + std::string(text(p)) + "\"");
    }
    if (s == NumberStatus::too_large || v > hi || v < lo) {
      return fail(p,
                  std::string(what_zh) + "“" + std::string(text(p)) + "”超出范围（应为" + std::to_string(lo) + "到" +
                      std::to_string(hi) + "）",
                  std::string(what_en) + " " + std::string(text(p)) + " is out of range (" + std::to_string(lo) +
                      " to " + std::to_string(hi) + ")");
    }
    return true;
  }

  // Items are the pieces between kind markers.
  struct View {
    const Piece* b;
    const Piece* e;
    const Piece* find(Field f) const {
      for (const Piece* p = b; p != e; ++p)
        if (p->field == f) return p;
      return nullptr;
    }
    const Piece* find_any(std::initializer_list<Field> fs) const {
      for (const Piece* p = b; p != e; ++p)
        for (Field f : fs)
          if (p->field == f) return p;
      return nullptr;
    }
  };

  std::optional<Piece> missing_event;  // set by trigger() when T is only 以/之
  std::string subject;                 // set by trigger() when a subject is written ahead of T
  std::optional<Piece> timed_alternative;  // set by trigger(): an alternative, as derived, holds a time word

  static bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
  }
  static std::size_t chars(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  }
  static std::string_view last_chars(std::string_view s, std::size_t n) {
    std::size_t i = s.size();
    while (n > 0 && i > 0) {
      --i;
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) --n;
    }
    return s.substr(i);
  }

  static constexpr std::string_view kDeterminers[] = {"上述", "相关", "该", "本", "此"};
  // Modal frames between a subject and T belong to neither (公开时间不能迟于信息生成后…).
  static constexpr std::string_view kFrames[] = {"不能迟于", "不应迟于", "不得迟于", "不迟于", "不晚于", "不得晚于",
                                                 "应当在", "应在", "应于", "须在", "必须在"};

  static std::string_view without_frame(std::string_view who) {
    for (std::string_view f : kFrames)
      if (ends_with(who, f)) return who.substr(0, who.size() - f.size());
    return who;
  }

  static std::string_view drop_determiner(std::string_view s) {
    for (std::string_view d : kDeterminers)
      if (s.size() > d.size() && s.substr(0, d.size()) == d) return s.substr(d.size());
    return s;
  }

  // The separators of alternatives in T: 或者/或 always; 、 and 和 only where a
  // subject may be split off too (T后N…), since gates name lists of documents.
  static std::size_t find_separator(std::string_view s, bool lists, std::size_t& length) {
    std::size_t best = std::string_view::npos;
    for (std::string_view w : {std::string_view("或者"), std::string_view("或"), std::string_view("、"),
                               std::string_view("和")}) {
      if (!lists && (w == "、" || w == "和")) continue;
      const std::size_t at = s.find(w);
      if (at != std::string_view::npos && (at < best || (at == best && w.size() > length))) best = at, length = w.size();
    }
    return best;
  }

  // 在/于 at byte i of s, and not the end of a word (存在, 正在, 位于, 迟于, 不少于).
  static bool preposition_at(std::string_view s, std::size_t i) {
    static constexpr std::u32string_view kBeforeZai = U"存所现正实内潜外旨自";
    static constexpr std::u32string_view kBeforeYu = U"关对由属用基至等处位归便利善终鉴过迟晚早少多高低";
    const std::string_view c = s.substr(i, 3);
    if (i == 0 || (c != "在" && c != "于")) return false;
    std::size_t j = i;
    do --j; while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80);
    const char32_t before = detail::next_code_point(s, j);
    return (c == "在" ? kBeforeZai : kBeforeYu).find(before) == std::u32string_view::npos;
  }

  // SPEC §8: a subject written ahead of T is no part of it. At a preposition
  // (执法决定信息在决定作出 → 决定作出), or before the longest ending of T's first
  // alternative that the lexicon names (中省市相关政策收到文件 → 收到文件). Not
  // when the text before is a list (特别重大、重大突发事件发生 is one event).
  std::string_view split_subject(std::string_view s, std::uint32_t& begin) {
    std::size_t sep_length = 0;
    const std::size_t first_end = std::min(s.size(), find_separator(s, false, sep_length));
    if (canonical_event(s.substr(0, first_end))) return s;  // 政府信息形成或者变更: the first alternative is known whole
    // The subject is `who` (its frame dropped), T starts at t_begin.
    auto take = [&](std::string_view who, std::size_t t_begin) {
      subject = std::string(who);
      begin += static_cast<std::uint32_t>(t_begin);
      return s.substr(t_begin);
    };
    for (std::size_t i = 6; i + 3 < first_end; i += 3) {  // a subject of two characters at least
      if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
      // 部门预算经本级财政部门批复: 经 before a level word (本级, 上级, 同级) is the
      // preposition; elsewhere it starts words too often (经济, 经营, 经过).
      const bool jing = s.substr(i, 3) == "经" && i + 9 < first_end &&
                        (s.substr(i + 3, 6) == "本级" || s.substr(i + 3, 6) == "上级" || s.substr(i + 3, 6) == "同级");
      if (!jing && !preposition_at(s, i)) continue;
      return take(without_frame(s.substr(0, i)), i + 3);
    }
    // A lexicon ending of three characters at least: 分配结果确定 is not 分配结果 + 确定.
    for (std::size_t i = 6; i + 9 <= first_end; i += 3) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
      if (!canonical_event(s.substr(i, first_end - i))) continue;
      // The canonical form writes 在 between them: it must still fit the open-text limit.
      if (chars(s) + 1 > static_cast<std::size_t>(kOpenTextChars)) return s;
      const std::string_view who = without_frame(s.substr(0, i));
      if (who.find("、") != std::string_view::npos || ends_with(who, "和") || ends_with(who, "及") ||
          ends_with(who, "或") || ends_with(who, "在") || ends_with(who, "于"))
        return s;
      // The canonical form's 在 must read back as a preposition: two characters
      // of subject at least, and not one that makes 在 part of a word (存在, 正在).
      const std::string written = std::string(who) + "在";
      if (who.size() < 6 || !preposition_at(written, who.size())) return s;
      return take(who, i);
    }
    return s;
  }

  // SPEC §8: 信息形成或者变更 = 信息形成 | 信息变更 (the first's last characters
  // are its verb, the rest the subject the later ones share); 制定或获取信息 =
  // 制定信息 | 获取信息 (verbs sharing the object after the last one).
  void split_alternatives(std::string_view s, bool lists, const Piece& p, Trigger& t) {
    std::vector<std::string_view> parts;
    bool listed = false;  // 、 or 和: a list of qualifiers as often as of verbs
    for (std::string_view rest = s;;) {
      std::size_t length = 0;
      const std::size_t k = find_separator(rest, lists, length);
      if (k == std::string_view::npos) {
        parts.push_back(rest);
        break;
      }
      listed = listed || rest.substr(k, length) == "、" || rest.substr(k, length) == "和";
      parts.push_back(rest.substr(0, k));
      rest.remove_prefix(k + length);
    }
    if (parts.size() < 2) return;
    for (auto part : parts)
      if (part.empty()) return;
    const std::string_view first = parts[0];
    std::string object;
    if (chars(parts.back()) > chars(first)) {
      object = std::string(drop_determiner(last_chars(parts.back(), chars(parts.back()) - chars(first))));
      for (std::size_t k = 0; k + 1 < parts.size(); ++k)
        if (chars(parts[k]) != chars(first)) object.clear();
      // 特别重大、重大突发事件发生, 行政许可、行政处罚决定作出: where the shared part
      // starts is not knowable from a list; T stays one event as written.
      if (listed) return;
    }
    for (std::size_t k = 0; k < parts.size(); ++k) {
      std::string alt(parts[k]);
      if (!object.empty()) {
        // The last part is its verb (as long as the first) and the object, maybe with 该.
        const std::string_view verb =
            k + 1 < parts.size() ? parts[k] : parts[k].substr(0, parts[k].size() - last_chars(parts[k], chars(parts[k]) - chars(first)).size());
        alt = std::string(verb) + object;
      } else if (k > 0 && chars(first) > chars(parts[k])) {
        const std::string_view verb = last_chars(first, chars(parts[k]));
        alt = std::string(first.substr(0, first.size() - verb.size())) + alt;
      }
      // Derived with the first's subject, an alternative is open text too (SPEC §8).
      if (find_time_word(alt + "后")) timed_alternative = p;
      const auto key = canonical_event(alt);
      std::string event = key ? std::string(*key) : alt;
      bool seen = false;
      for (const auto& a : t.alternatives) seen = seen || a == event;
      if (!seen) t.alternatives.push_back(std::move(event));
    }
    if (t.alternatives.size() < 2) t.alternatives.clear();
  }

  // `with_subject`: T后N… may have a subject written ahead of T, and list its
  // alternatives with 、 or 和 (SPEC §8).
  Trigger trigger(const View& v, bool with_subject = false) {
    Trigger t;
    const Piece* p = v.find(Field::trigger);
    if (p == nullptr) return t;
    std::string_view s = text(*p);
    std::uint32_t begin = p->begin;
    // SPEC §2: T is written without 之日 (自文件公开之日起 → 文件公开).
    // A trailing 以/之 belongs to the relational word (以后, 之前), which a
    // canonical "T后" would otherwise re-read as T's last character.
    for (bool again = true; again;) {
      again = false;
      if (ends_with(s, "之日")) s.remove_suffix(6), again = true;
      if (ends_with(s, "以") || ends_with(s, "之")) s.remove_suffix(3), again = true;
    }
    // Determiners before the event are not part of it (自该政府信息形成…) when
    // a known event (or first alternative) follows; the lexicon may name the
    // whole phrase (本要点公布), and 本级人民代表大会 keeps its 本. After a
    // determiner the phrase is one event: no subject is split off.
    bool determined = false;
    auto known = canonical_event(s);  // looked up again only when s changes
    if (!known) {
      const std::string_view rest = drop_determiner(s);
      determined = rest.size() != s.size();
      std::size_t length = 0;
      const std::size_t first_end = std::min(rest.size(), find_separator(rest, with_subject, length));
      // 该/此/上述 are always determiners; 本 and 相关 only before a known event (本级…, 相关政策…).
      const bool plain = s.substr(0, 3) == "该" || s.substr(0, 3) == "此" || s.substr(0, 6) == "上述";
      if (determined && (plain || canonical_event(rest) || canonical_event(rest.substr(0, first_end)))) {
        begin += static_cast<std::uint32_t>(s.size() - rest.size());
        s = rest;
        known = canonical_event(s);
      }
    }
    // 信息形成(变更)下发至本单位: two events chained; the one written last is the
    // one counted from, the first (with its alternative) names what is meant —
    // a subject (grammar/POLICIES.md "chained trigger"). A preposition after
    // the parenthesis is the canonical form's (…(变更)在下发至本单位后).
    if (with_subject && !known) {
      const std::size_t close = s.find(')');
      const std::size_t open = s.find('(');
      if (open != std::string_view::npos && open > 0 && close != std::string_view::npos && close > open &&
          close + 1 < s.size()) {
        std::size_t t_begin = close + 1;
        if (preposition_at(s, t_begin)) t_begin += 3;
        if (t_begin < s.size() && s.find('(', t_begin) == std::string_view::npos) {
          subject = std::string(s.substr(0, close + 1));
          begin += static_cast<std::uint32_t>(t_begin);
          s = s.substr(t_begin);
          known = canonical_event(s);
          determined = true;  // no further subject inside T
        }
      }
    }
    if (with_subject && !determined && !known) {
      s = split_subject(s, begin);
      known = canonical_event(s);
    }
    // 农村在一个月以内: only a subject and its preposition, the trigger implicit —
    // not before a relational word (…在后40个工作日: the canonical form, without
    // 后, would not read back; found by fuzz_rule).
    if (with_subject && chars(s) >= 3 && preposition_at(s, s.size() - 3) && !v.find(Field::rel_after) &&
        !v.find(Field::rel_before)) {
      subject = std::string(s.substr(0, s.size() - 3));
      return t;
    }
    if (s.empty()) {
      missing_event = *p;
      return t;
    }
    t.text = std::string(s);
    // 信息形成(变更) is 信息形成或变更.
    std::string with_or;
    if (ends_with(s, ")") && s.find('(') != std::string_view::npos) {
      const std::size_t open = s.find('(');
      with_or = std::string(s.substr(0, open)) + "或" + std::string(s.substr(open + 1, s.size() - open - 2));
    }
    if (!known) split_alternatives(with_or.empty() ? s : std::string_view(with_or), with_subject, *p, t);
    t.event = !t.alternatives.empty() ? t.alternatives.front() : known ? std::string(*known) : t.text;
    // A named period's end: 复议期届满 / 公示期满 → 复议期 / 公示期.
    for (std::string_view suffix : {std::string_view("期届满"), std::string_view("期满")}) {
      if (s.size() > suffix.size() && ends_with(s, suffix)) {
        t.period = std::string(s.substr(0, s.size() - suffix.size() + 3));  // keep 期
        break;
      }
    }
    t.span = span(begin, begin + static_cast<std::uint32_t>(s.size()));
    return t;
  }

  bool amount(const View& v, Amount& a) {
    const Piece* n = v.find(Field::amount);
    const Piece* u = v.find_any({Field::u_wd, Field::u_day, Field::u_hour, Field::u_week, Field::u_month, Field::u_year});
    if (n == nullptr || u == nullptr) return fail(*v.b, "缺少数量或单位", "missing amount or unit");
    switch (u->field) {
      case Field::u_wd: a.unit = Unit::working_days; break;
      case Field::u_day: a.unit = Unit::days; break;
      case Field::u_hour: a.unit = Unit::hours; break;
      case Field::u_week: a.unit = Unit::weeks; break;
      case Field::u_month: a.unit = Unit::months; break;
      default: a.unit = Unit::years; break;
    }
    std::uint64_t value = 0;
    if (a.unit == Unit::years) {
      // "2016年完成" reads as a 2016-year period; say what is really missing.
      std::uint64_t y = 0;
      if (number_value(text(*n), 1'000'000, y) == NumberStatus::ok && y >= 1000) {
        return fail(*n, cat("“", text(*n), "年”后缺少月份或“底”“中”“第Q季度”等"),
                    cat("\"", text(*n), "年\" needs a month or 底/中/第Q季度 after it"));
      }
    }
    if (!number(*n, 1, kMaxAmount, "数量", "amount", value)) return false;
    a.value = static_cast<std::uint32_t>(value);
    a.span = span(n->begin, u->end);
    return true;
  }

  bool year(const View& v, YearRef& y) {
    if (const Piece* p = v.find(Field::year)) {
      std::uint64_t value = 0;
      if (!number(*p, 1900, 2200, "年份", "year", value)) return false;
      y = {YearKind::explicit_year, static_cast<int>(value)};
    } else if (v.find(Field::year_next) != nullptr) {
      y = {YearKind::next, 0};
    }
    return true;
  }

  bool month(const Piece& p, unsigned& m) {
    std::uint64_t value = 0;
    if (!number(p, 1, 12, "月份", "month", value)) return false;
    m = static_cast<unsigned>(value);
    return true;
  }

  bool anchor(const View& v, CalendarAnchor& a) {
    if (!year(v, a.year)) return false;
    if (const Piece* m = v.find(Field::month)) {
      if (!month(*m, a.month)) return false;
      if (v.find(Field::m_end)) {
        a.kind = AnchorKind::month_end;
      } else if (v.find(Field::m_start)) {
        a.kind = AnchorKind::month_start;
      } else if (v.find(Field::m_only)) {
        a.kind = AnchorKind::month_only;
      } else if (const Piece* x = v.find_any({Field::xun_upper, Field::xun_middle, Field::xun_lower})) {
        a.kind = AnchorKind::xun;
        a.xun = x->field == Field::xun_upper ? Xun::upper : x->field == Field::xun_middle ? Xun::middle : Xun::lower;
        a.before = v.find(Field::before) != nullptr;
      } else if (const Piece* d = v.find(Field::day)) {
        a.kind = AnchorKind::month_day;
        // Without an explicit year the plan year is unknown: allow 2月29日.
        unsigned max = 31;
        if (a.month == 4 || a.month == 6 || a.month == 9 || a.month == 11) max = 30;
        if (a.month == 2) {
          const int yv = a.year.value;
          const bool leap = a.year.kind != YearKind::explicit_year || (yv % 4 == 0 && (yv % 100 != 0 || yv % 400 == 0));
          max = leap ? 29 : 28;
        }
        std::uint64_t value = 0;
        const NumberStatus s = number_value(text(*d), 1'000'000'000'000ULL, value);
        if (s == NumberStatus::malformed) return number(*d, 1, max, "日期", "day", value);
        if (s == NumberStatus::too_large || value < 1 || value > max) {
          return fail(*d,
                      "日期不存在：" + std::to_string(a.month) + "月没有" + std::string(text(*d)) + "日（最多" +
                          std::to_string(max) + "日）",
                      "no such date: month " + std::to_string(a.month) + " has no day " + std::string(text(*d)) +
                          " (at most " + std::to_string(max) + ")");
        }
        a.day = static_cast<unsigned>(value);
        if (const Piece* w = v.find(Field::weekday)) {
          if (!release_weekday(*w, a)) return false;
        }
      } else {
        a.kind = AnchorKind::month_before;
      }
      return true;
    }
    if (const Piece* q = v.find(Field::quarter)) {
      std::uint64_t value = 0;
      if (!number(*q, 1, 4, "季度", "quarter", value)) return false;
      a.kind = AnchorKind::quarter_end;
      a.quarter = static_cast<unsigned>(value);
    } else if (v.find(Field::half_first)) {
      a.kind = AnchorKind::first_half;
    } else if (v.find(Field::half_second)) {
      a.kind = AnchorKind::second_half;
    } else if (v.find(Field::mid_year)) {
      a.kind = AnchorKind::mid_year;
    } else if (v.find(Field::by_year)) {
      a.kind = AnchorKind::by_year;
    } else {
      a.kind = AnchorKind::year_end;
    }
    return true;
  }

  static std::optional<Frequency> frequency(const View& v) {
    const Piece* f = v.find_any({Field::f_daily, Field::f_weekly, Field::f_monthly, Field::f_quarterly, Field::f_half,
                                 Field::f_yearly, Field::f_bimonthly, Field::f_semi_monthly});
    if (f == nullptr) return std::nullopt;
    switch (f->field) {
      case Field::f_bimonthly: return Frequency::bimonthly;
      case Field::f_semi_monthly: return Frequency::semi_monthly;
      case Field::f_daily: return Frequency::daily;
      case Field::f_weekly: return Frequency::weekly;
      case Field::f_monthly: return Frequency::monthly;
      case Field::f_quarterly: return Frequency::quarterly;
      case Field::f_half: return Frequency::half_yearly;
      default: return Frequency::yearly;
    }
  }

  bool recurrence(const View& v, Recurrence& r) {
    r.frequency = *frequency(v);
    if (const Piece* s = v.find(Field::start_year)) {
      std::uint64_t value = 0;
      if (!number(*s, 1900, 2200, "年份", "year", value)) return false;
      r.start_year = static_cast<int>(value);
    }
    if (const Piece* from = v.find(Field::season_from)) {
      const Piece* to = v.find(Field::season_to);
      Season season;
      if (const Piece* name = v.find(Field::season_name)) season.name = std::string(text(*name));
      if (!month(*from, season.from_month) || !month(*to, season.to_month)) return false;
      if (season.to_month < season.from_month) {
        return fail(*to, "季节的结束月份早于开始月份", "the season ends before it starts");
      }
      r.season = season;
    }
    if (v.find(Field::amount) != nullptr) {
      Amount a;
      if (!amount(v, a)) return false;
      r.offset = a;
    }
    return weekdays(v, r) && workday_ordinal(v, r) && listed_months(v, r) && recurrence_due(v, r);
  }

  // 1月17/二: the weekday a release calendar writes after the day. With a
  // year written the date is checked now; else when the plan year is known.
  bool release_weekday(const Piece& w, CalendarAnchor& a) {
    static constexpr std::string_view names[] = {"一", "二", "三", "四", "五", "六", "日", "天"};
    static constexpr unsigned days[] = {1, 2, 3, 4, 5, 6, 7, 7};
    for (std::size_t i = 0; i < std::size(names); ++i)
      if (text(w) == names[i]) a.weekday = days[i];
    a.weekday_span = span(w.begin, w.end);
    if (a.year.kind != YearKind::explicit_year) return true;
    const auto d = Date::from_ymd(a.year.value, a.month, a.day);
    if (d && d->iso_weekday() != a.weekday) {
      static constexpr std::string_view zh[] = {"", "一", "二", "三", "四", "五", "六", "日"};
      return fail(w,
                  std::to_string(a.year.value) + "年" + std::to_string(a.month) + "月" + std::to_string(a.day) +
                      "日是星期" + std::string(zh[d->iso_weekday()]) + "，不是星期" + std::string(text(w)),
                  std::to_string(a.year.value) + "-" + std::to_string(a.month) + "-" + std::to_string(a.day) +
                      " is not that weekday");
    }
    return true;
  }

  // 每周五前, 每周二、四 (SPEC §8).
  bool weekdays(const View& v, Recurrence& r) {
    for (const Piece* p = v.b; p != v.e; ++p) {
      if (p->field != Field::weekday) continue;
      if (r.frequency != Frequency::weekly) return fail(*p, "只有“每周”可以指定星期几", "only 每周 takes a weekday");
      static constexpr std::string_view names[] = {"一", "二", "三", "四", "五", "六", "日", "天"};
      static constexpr int days[] = {1, 2, 3, 4, 5, 6, 7, 7};
      for (std::size_t i = 0; i < std::size(names); ++i) {
        if (text(*p) != names[i]) continue;
        const auto bit = static_cast<std::uint8_t>(1u << days[i]);
        if (r.weekdays & bit) return fail(*p, "星期几重复", "the weekday is listed twice");
        r.weekdays |= bit;
      }
    }
    return true;
  }

  // 每月第N个工作日 / 前N个工作日 / 最后一个工作日 (SPEC §8).
  bool workday_ordinal(const View& v, Recurrence& r) {
    const Piece* n = v.find(Field::wd_ordinal);
    const Piece* last = v.find(Field::wd_last);
    if (n == nullptr && last == nullptr) return true;
    const Piece& at = n ? *n : *last;
    if (r.frequency != Frequency::monthly && r.frequency != Frequency::quarterly && r.frequency != Frequency::yearly &&
        r.frequency != Frequency::half_yearly) {
      return fail(at, "只有按月、季、半年、年的周期可以指定第几个工作日",
                  "only monthly, quarterly, half-yearly and yearly recurrences take an ordinal working day");
    }
    if (last) {
      r.workday_ordinal = -1;
      return true;
    }
    std::uint64_t value = 0;
    // A month has at most 23 working days; a year about 250.
    const std::uint64_t max = r.frequency == Frequency::monthly ? 23 : r.frequency == Frequency::quarterly ? 70 : 260;
    if (!number(*n, 1, max, "第几个工作日", "ordinal working day", value)) return false;
    r.workday_ordinal = static_cast<int>(value);
    return true;
  }

  // 每年1、4、7、10月8日之前 (SPEC §8).
  bool listed_months(const View& v, Recurrence& r) {
    for (const Piece* p = v.b; p != v.e; ++p) {
      if (p->field != Field::list_month) continue;
      if (r.frequency != Frequency::yearly) {
        return fail(*p, "只有“每年”可以列出月份", "only a yearly recurrence lists months");
      }
      unsigned m = 0;
      if (!month(*p, m)) return false;
      const auto bit = static_cast<std::uint16_t>(1u << m);
      if (r.months & bit) return fail(*p, "月份重复", "the month is listed twice");
      if (r.months >> m) return fail(*p, "月份应从小到大列出", "list the months in order");
      r.months |= bit;
    }
    return true;
  }

  // 每月10日前 / 每月上旬 / 每年3月底前: a due date inside each period.
  bool recurrence_due(const View& v, Recurrence& r) {
    const Piece* first = v.find_any({Field::month, Field::day, Field::xun_upper, Field::xun_middle, Field::xun_lower,
                                     Field::m_end, Field::m_before, Field::m_start, Field::first_month, Field::quarter});
    if (first == nullptr) {
      if (r.months != 0) return fail(*v.b, "列出的月份缺少日期", "the listed months need a day");
      return true;
    }
    CalendarAnchor a;
    if (const Piece* fm = v.find(Field::first_month)) {
      // 每季度首月 (SPEC §8): due in the first month of each quarter.
      if (r.frequency != Frequency::quarterly && r.frequency != Frequency::half_yearly) {
        return fail(*fm, "“首月”只用于每季度或每半年", "首月 needs a quarterly or half-yearly recurrence");
      }
      r.period_month = 1;
      a.kind = AnchorKind::month_end;
      if (const Piece* d = v.find(Field::day)) {
        std::uint64_t value = 0;
        if (!number(*d, 1, 31, "日期", "day of month", value)) return false;
        a.kind = AnchorKind::month_day;
        a.day = static_cast<unsigned>(value);
      }
      r.due = a;
      return true;
    }
    if (v.find(Field::month) != nullptr || v.find(Field::quarter) != nullptr) {
      if (!anchor(v, a)) return false;
    } else if (v.find(Field::m_start) != nullptr) {
      a.kind = AnchorKind::month_start;
    } else if (const Piece* d = v.find(Field::day)) {
      std::uint64_t value = 0;
      // Any month has a day 31 at most; shorter months clamp to their end (POLICIES.md).
      if (!number(*d, 1, 31, "日期", "day of month", value)) return false;
      a.kind = AnchorKind::month_day;
      a.day = static_cast<unsigned>(value);
    } else if (const Piece* x = v.find_any({Field::xun_upper, Field::xun_middle, Field::xun_lower})) {
      a.kind = AnchorKind::xun;
      a.xun = x->field == Field::xun_upper ? Xun::upper : x->field == Field::xun_middle ? Xun::middle : Xun::lower;
      a.before = v.find(Field::before) != nullptr;
    } else {
      a.kind = AnchorKind::month_end;
    }
    const Piece& end = *first;
    if (a.kind == AnchorKind::quarter_end) {  // 每年第一季度 → 每年3月底前
      if (r.frequency != Frequency::yearly) return fail(end, "只有“每年”可以指定季度", "only a yearly recurrence takes a quarter");
      a.kind = AnchorKind::month_end;
      a.month = a.quarter * 3;
      a.quarter = 0;
    }
    if (r.months != 0) {
      if (a.kind != AnchorKind::month_day && a.kind != AnchorKind::month_end) {
        return fail(end, "列出的月份只能接“D日前”或“底前”", "listed months take a day or 底 only");
      }
      r.due = a;
      return true;
    }
    if (r.frequency == Frequency::monthly && a.month != 0) {
      return fail(end, "“每月”后的日期不应再写月份", "a monthly due date takes no month");
    }
    if (const Piece* nm = v.find(Field::next_month)) {
      if (r.frequency != Frequency::monthly) return fail(*nm, "只有“每月”可以写“次月”", "only 每月 takes 次月");
      r.next_month = true;
    }
    if (r.frequency == Frequency::yearly && a.month == 0) {
      return fail(end, "“每年”后的日期需写明月份", "a yearly due date needs its month");
    }
    if (r.frequency != Frequency::monthly && r.frequency != Frequency::yearly) {
      return fail(end, "只有“每月”“每年”可以指定每期内的日期", "only monthly and yearly recurrences take a due date");
    }
    // 每月底前 is kept as written although it means what 每月 means (SPEC §4:
    // due at the period's end): dropping it would let 每月底组织一次 print as
    // 每月组织一次, which reads back as a count.
    r.due = a;
    return true;
  }

  bool count(const View& v, CountConstraint& c) {
    if (v.find(Field::within_year)) {
      c.scope = CountScope::within_year;
      c.period = Frequency::yearly;
    } else if (auto f = frequency(v)) {
      c.scope = CountScope::each_period;
      c.period = *f;
    } else {
      c.scope = CountScope::plan;
    }
    const Piece* n = v.find(Field::count);
    std::uint64_t value = 0;
    if (!number(*n, 1, kMaxAmount, "次数", "count", value)) return false;
    c.at_least = static_cast<std::uint32_t>(value);
    if (const Piece* f = v.find(Field::filler)) c.verb = std::string(text(*f));
    return true;
  }

  bool display(const View& v, DisplayInterval& d) {
    if (const Piece* w = v.find(Field::d_what)) {
      d.what = std::string(text(*w));
      if (d.what == "公示期") d.what = "公示";  // the same interval (POLICIES.md)
    } else if (v.find(Field::amount) && !v.find(Field::d_what)) {
      // 7个公示工作日 names 公示 inside the amount.
      const Piece* n = v.find(Field::amount);
      const Piece* u = v.find_any({Field::u_wd, Field::u_day});
      if (u != nullptr && u->begin > n->end && text(Piece{Field::label, n->end, u->begin}).find("公示") != std::string_view::npos) {
        d.what = "公示";
      }
    }
    if (!amount(v, d.minimum)) return false;
    if (d.minimum.unit != Unit::working_days && d.minimum.unit != Unit::days) {
      const Piece* u = v.find_any({Field::u_hour, Field::u_week, Field::u_month, Field::u_year});
      return fail(*u, "公示等期间只能以“工作日”或“日”计", "a display interval is counted in 工作日 or 日 only");
    }
    if (const Piece* m = v.find(Field::d_min_wd)) {
      std::uint64_t value = 0;
      if (!number(*m, 1, kMaxAmount, "工作日数", "working days", value)) return false;
      if (d.minimum.unit == Unit::days && value > d.minimum.value) {
        return fail(*m, "所含工作日数多于期间天数", "more working days required than the interval has days");
      }
      d.min_working_days = static_cast<std::uint32_t>(value);
    }
    return true;
  }

  // SPEC §8: open text (labels, subjects, fillers, triggers) never carries
  // time vocabulary; if it does, no construct understood that word.
  // `tail`: what the canonical form writes after the text (T is printed
  // with 后 after it), so a text and its canonical form pass or fail alike.
  bool timeless(const Piece& p, std::string_view tail = {}) {
    const std::string s = std::string(text(p)) + std::string(tail);
    const auto w = find_time_word(s);
    if (!w || w->offset >= p.end - p.begin) return true;
    const std::size_t length = std::min<std::size_t>(w->length, p.end - p.begin - w->offset);
    const std::uint32_t b = p.begin + static_cast<std::uint32_t>(w->offset);
    // The word as written (八前, 最后), not with the canonical tail.
    const std::string word(std::string_view(norm.text).substr(b, w->length));
    return fail(Piece{p.field, b, b + static_cast<std::uint32_t>(length)}, cat("无法理解的时间用语“", word, "”"),
                cat("time word \"", word, "\" not understood here"));
  }
  // A trailing clause must not hold words that make an obligation of their own.
  bool obligation_free(const Piece& p) {
    const std::string_view s = text(p);
    for (std::string_view w : {"至少", "不少于", "不得少于", "不低于", "不超过", "提前", "及时", "随时", "实时", "即时",
                               "适时", "视情", "定期", "长期", "永久", "常态", "持续", "全年", "待", "为准", "按照",
                               "从其规定", "同步", "公示期"}) {
      if (const std::size_t at = s.find(w); at != std::string_view::npos) {
        const auto b = p.begin + static_cast<std::uint32_t>(at);
        return fail(Piece{p.field, b, b + static_cast<std::uint32_t>(w.size())},
                    cat("逗号后的“", w, "”不能作为动作说明，请用“；”分开两项规定"),
                    cat("\"", w, "\" after the comma is not an action; separate the two rules with ；"));
      }
    }
    return true;
  }

  bool open_text_is_timeless(const View& v) {
    for (const Piece* p = v.b; p != v.e; ++p) {
      if (p->field == Field::label || p->field == Field::subject || p->field == Field::filler) {
        if (!timeless(*p)) return false;
      } else if (p->field == Field::trigger && !is_literal_date(text(*p))) {
        // 最 + 后, 八 + 前: a trigger is checked with the 后 the canonical form writes,
        // after the 之日/以/之 that trigger() drops (最之24小时内 prints as 最后24小时内).
        Piece t = *p;
        for (bool again = true; again;) {
          again = false;
          const std::string_view w = text(t);
          for (std::string_view suffix : {std::string_view("之日"), std::string_view("以"), std::string_view("之")})
            if (w.size() > suffix.size() && ends_with(w, suffix)) {
              t.end -= static_cast<std::uint32_t>(suffix.size());
              again = true;
              break;
            }
        }
        if (!timeless(t, "后")) return false;
      }
    }
    return true;
  }

  bool item(const View& v, const Piece& kind, Item& it) {
    if (!open_text_is_timeless(v)) return false;
    it.span = span(kind.begin, kind.end);
    if (const Piece* p = v.find(Field::principle)) {
      it.in_principle = true;
      it.span.begin = norm.begin_of(p->begin, input_size);
    }
    if (const Piece* l = v.find(Field::label)) it.label = std::string(text(*l));
    if (const Piece* sub = v.find(Field::subject)) it.subject = std::string(text(*sub));
    switch (kind.field) {
      case Field::k_relative: {
        RelativeDeadline r;
        r.trigger = trigger(v, true);
        if (const Piece* x = v.find(Field::extension)) {  // 延长期限不超过N…: from the end of the period extended
          r.trigger.text = "期限届满";
          const auto key = canonical_event(r.trigger.text);
          r.trigger.event = key ? std::string(*key) : r.trigger.text;
          r.trigger.span = span(x->begin, x->end);
        }
        r.direction = (v.find(Field::rel_before) || v.find(Field::advance)) ? Direction::before : Direction::after;
        if (!amount(v, r.amount)) return false;
        it.clause = r;
        return true;
      }
      case Field::k_anchor: {
        CalendarAnchor a;
        if (!anchor(v, a)) return false;
        a.span = it.span;
        it.clause = a;
        return true;
      }
      case Field::k_event_deadline: {
        // "月底前" / "旬前" / "季度前" name a calendar part without the number.
        EventDeadline e{trigger(v, true)};
        for (std::string_view s : {"月底", "月末", "底", "末", "旬", "季度", "年", "月", "日", "号"}) {
          const std::string& t = e.trigger.text;
          if (t.size() >= s.size() && std::string_view(t).substr(t.size() - s.size()) == s) {
            return fail(kind, cat("“", text(kind), "”缺少具体的月份、日期或季度"),
                        cat("\"", text(kind), "\" lacks the month, day or quarter"));
          }
        }
        it.clause = e;
        return true;
      }
      case Field::k_gate_wait: it.clause = EventGate{GateKind::wait_for, trigger(v)}; return true;
      case Field::k_gate_prevails: it.clause = EventGate{GateKind::prevails, trigger(v)}; return true;
      case Field::k_recurrence: {
        Recurrence r;
        if (!recurrence(v, r)) return false;
        it.clause = r;
        return true;
      }
      case Field::k_holiday: it.clause = HolidayRecurrence{v.find(Field::holiday_major) != nullptr}; return true;
      case Field::k_count: {
        CountConstraint c;
        if (!count(v, c)) return false;
        it.clause = c;
        return true;
      }
      case Field::k_display: {
        DisplayInterval d;
        if (!display(v, d)) return false;
        it.clause = d;
        return true;
      }
      case Field::k_timely: {
        Timely t;
        t.trigger = trigger(v);
        if (v.find(Field::t_first)) t.kind = Timeliness::first_moment;
        else if (v.find(Field::t_immediate)) t.kind = Timeliness::immediate;
        else if (v.find(Field::t_realtime)) t.kind = Timeliness::real_time;
        else if (v.find(Field::t_sync)) t.kind = Timeliness::synchronous;
        it.clause = t;
        return true;
      }
      case Field::k_continuous: it.clause = Continuous{}; return true;
      case Field::k_ongoing: {
        Ongoing o;
        o.word = v.find(Field::o_sustained)   ? OngoingWord::sustained
                 : v.find(Field::o_routine)   ? OngoingWord::routine
                 : v.find(Field::o_standing)  ? OngoingWord::standing
                 : v.find(Field::o_permanent) ? OngoingWord::permanent
                                              : OngoingWord::long_term;
        it.clause = o;
        return true;
      }
      case Field::k_unspecified: {
        Unspecified u;
        u.word = v.find(Field::n_suitable)    ? UnspecifiedWord::when_suitable
                 : v.find(Field::n_as_needed) ? UnspecifiedWord::as_needed
                 : v.find(Field::n_irregular) ? UnspecifiedWord::irregular
                                              : UnspecifiedWord::periodic;
        it.clause = u;
        return true;
      }
      case Field::k_external: {
        const Piece* r = v.find(Field::ext_ref);
        it.clause = ExternalReference{std::string(text(*r))};
        return true;
      }
      default: return fail(kind, "内部错误：未知的规则类型", "internal error: unknown item kind");
    }
  }
};

bool is_kind(Field f) { return f <= Field::k_external; }

RuleKind classify(const std::vector<Item>& items) {
  // Milestones are stages of one task on the calendar (7月底前启动，9月底前完成;
  // 年中督查，年底考核): two or more calendar anchors, at least one labelled.
  // Several event-relative deadlines in one cell are separate obligations.
  int dated = 0, anchors = 0;
  bool labelled = false;
  for (const Item& it : items) {
    const bool a = std::holds_alternative<CalendarAnchor>(it.clause);
    const bool d = a || std::holds_alternative<RelativeDeadline>(it.clause) ||
                   std::holds_alternative<EventDeadline>(it.clause);
    dated += d ? 1 : 0;
    anchors += a ? 1 : 0;
    labelled = labelled || (a && !it.label.empty());
  }
  if (anchors >= 2 && labelled) return RuleKind::milestones;
  if (dated >= 1) return RuleKind::deadline;
  // Otherwise the most checkable kind present decides (POLICIES.md).
  static constexpr RuleKind order[] = {RuleKind::recurring, RuleKind::count,      RuleKind::duration,
                                       RuleKind::timely,    RuleKind::external,   RuleKind::continuous,
                                       RuleKind::ongoing,   RuleKind::unspecified};
  auto kind_of = [](const Clause& c) -> RuleKind {
    if (std::holds_alternative<Recurrence>(c) || std::holds_alternative<HolidayRecurrence>(c))
      return RuleKind::recurring;
    if (std::holds_alternative<CountConstraint>(c)) return RuleKind::count;
    if (std::holds_alternative<DisplayInterval>(c)) return RuleKind::duration;
    if (std::holds_alternative<Timely>(c)) return RuleKind::timely;
    if (std::holds_alternative<ExternalReference>(c)) return RuleKind::external;
    if (std::holds_alternative<Continuous>(c)) return RuleKind::continuous;
    if (std::holds_alternative<Ongoing>(c)) return RuleKind::ongoing;
    return RuleKind::unspecified;  // Unspecified, EventGate on its own
  };
  for (RuleKind k : order)
    for (const Item& it : items)
      if (kind_of(it.clause) == k) return k;
  return RuleKind::unspecified;
}

}  // namespace

bool lower(const std::vector<Piece>& pieces, const Normalized& norm, std::size_t input_size, ast::Rule& out,
           LowerError& error) {
  Lowerer l{norm, input_size, error, std::nullopt, {}, std::nullopt};
  out.items.clear();
  const Piece* start = pieces.data();
  const Piece* previous = nullptr;
  for (const Piece& p : pieces) {
    if (!is_kind(p.field)) continue;
    // 年度终了后3个月内: a label ending in 后/起/前 right before the next item is
    // that item's relation, which no construct read (SPEC §8): an error.
    if (previous != nullptr && !out.items.empty() && p.begin == previous->end) {
      // Items follow each other unseparated only where a label stops before a
      // date or a fixed word (7月底前启动9月底前完成); anything else so placed
      // (每周五 + 后3个工作日内) is a time word no construct read.
      const std::string_view next = std::string_view(norm.text).substr(p.begin);
      std::uint64_t ignored = 0;
      std::size_t first = 1;
      while (first < next.size() && (static_cast<unsigned char>(next[first]) & 0xC0) == 0x80) ++first;
      const bool numeral = number_value(next.substr(0, first), 9, ignored) == NumberStatus::ok;
      if (!numeral && next.substr(0, 12) != "长期推进" && next.substr(0, 12) != "持续推进" && next.substr(0, 6) != "全年") {
        if (const auto w = find_time_word(next.substr(0, 64)); w && w->offset == 0) first = w->length;  // 最后, not 最
        const std::string word(next.substr(0, first));
        return l.fail(Piece{p.field, p.begin, p.begin + static_cast<std::uint32_t>(first)},
                      cat("无法理解的时间用语“", word, "”"), cat("time word \"", word, "\" not understood here"));
      }
      const std::string_view label = out.items.back().label;
      for (std::string_view w : {"后", "起", "前", "内"}) {
        if (label.size() > w.size() && label.substr(label.size() - w.size()) == w) {
          const auto b = previous->end - static_cast<std::uint32_t>(w.size());
          return l.fail(Piece{p.field, b, previous->end}, cat("无法理解的时间用语“", w, "”"),
                        cat("time word \"", w, "\" not understood here"));
        }
      }
    }
    const Piece* const item_before = previous;
    previous = &p;
    Item it;
    if (!l.item(Lowerer::View{start, &p}, p, it)) return false;
    if (l.missing_event) {
      l.fail(*l.missing_event, "“后/前”之前缺少事件", "no event before 后/前");
      return false;
    }
    if (l.timed_alternative) {
      l.fail(*l.timed_alternative, "选择性事件中含有无法理解的时间用语", "an alternative of the trigger holds a time word");
      return false;
    }
    if (!l.subject.empty()) it.subject = std::move(l.subject), l.subject.clear();
    // 全年，至少发布4次: 全年 names the count's period, as 年内 does (全年至少发布4次);
    // two obligations (全年 and a count) would get verdicts that contradict each other.
    // Only across a comma: 全年；至少4次 writes two items (the canonical form's separator).
    const auto comma_only = [&] {
      if (item_before == nullptr || item_before->end > p.begin) return false;
      const std::string_view between = std::string_view(norm.text).substr(item_before->end, p.begin - item_before->end);
      return between.find_first_of(";\n") == std::string_view::npos && between.find("。") == std::string_view::npos;
    };
    if (auto* count = std::get_if<CountConstraint>(&it.clause); count != nullptr && count->scope == CountScope::plan &&
        !out.items.empty() && std::holds_alternative<Continuous>(out.items.back().clause) &&
        out.items.back().label.empty() && out.items.back().subject.empty() && comma_only()) {
      count->scope = CountScope::within_year;
      it.span.begin = out.items.back().span.begin;
      it.in_principle = it.in_principle || out.items.back().in_principle;
      out.items.pop_back();
    }
    out.items.push_back(std::move(it));
    start = &p + 1;
  }
  // A clause with no time after the last item is part of its label, kept
  // with its comma: joined without it, 完3成 would read back differently.
  for (const Piece* p = start; p != pieces.data() + pieces.size(); ++p) {
    if ((p->field != Field::tail && p->field != Field::tail_paren) || out.items.empty()) continue;
    if (!l.timeless(*p) || !l.obligation_free(*p)) return false;
    const bool paren = p->field == Field::tail_paren;
    out.items.back().label += (paren ? "（" : "，") + std::string(l.text(*p)) + (paren ? "）" : "");
    out.items.back().span.end = l.span(p->begin, p->end).end;
  }
  out.kind = classify(out.items);
  return true;
}

}  // namespace shixian::grammar
