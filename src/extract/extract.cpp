// The scanner behind shixian::extract: anchors → clusters → bounded windows
// tried with the rule grammar, longest window first. See
// tests/data/extract/README.md for the choices (what is a finding, where a
// span starts and ends, tables, characters).
#include "shixian/extract.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <variant>

#include "extract/cells.hpp"
#include "extract/text.hpp"
#include "shixian/parse.hpp"

namespace shixian {

namespace {

using detail::Text;

constexpr std::size_t kClusterGap = 10;    // characters between anchors of one rule (年内解读重要政策措施不少于1次)
constexpr std::size_t kVerbReach = 6;      // characters between a time phrase and its action verb in the span
constexpr std::size_t kActionReach = 16;   // … and for the reported action only
constexpr std::size_t kTriggerMax = 24;    // longest trigger taken without the lexicon
constexpr std::size_t kOpenReach = 30;     // 以…为准, 按…时间要求: how far back the opening word may be

bool is_hard_sep(char32_t c) {
  switch (c) {
    case U'，': case U',': case U'；': case U';': case U'。': case U'：': case U':': case U'\n': case U'\r':
    case U'\t': case U'！': case U'？': case U'!': case U'?': case U'|':  // | and tabs: table cells
      return true;
    default:
      return false;
  }
}
bool is_paren(char32_t c) { return c == U'（' || c == U'）' || c == U'(' || c == U')'; }
bool is_space(char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\u00A0'; }
bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
bool is_cn_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': case U'一': case U'二': case U'两': case U'三': case U'四': case U'五': case U'六':
    case U'七': case U'八': case U'九': case U'十': case U'百': case U'千': case U'壹': case U'贰': case U'叁':
    case U'肆': case U'伍': case U'陆': case U'柒': case U'捌': case U'玖': case U'拾':
      return true;
    default:
      return false;
  }
}

enum class TokenType : std::uint8_t { plain, gate, prevails, external, event_before, probe, with };

struct Token {
  std::size_t b = 0, e = 0;
  TokenType type = TokenType::plain;
  bool strong = false;   // a failed parse is reported as unrecognized
  bool amount = false;   // N + unit (may take a trigger)
  bool timely = false;   // 及时/第一时间/…: may take a trigger
  std::size_t open = 0;  // for gate/prevails/external/with: where the phrase starts
};

constexpr std::u32string_view kVerbs[] = {
    U"更新发布", U"公开", U"公布", U"发布", U"公示", U"转发", U"转载", U"提供", U"反馈", U"报告", U"举行", U"召开", U"批复",
    U"更新",     U"启动", U"完成", U"完善", U"审查", U"建立", U"发放", U"解读", U"听取", U"组织", U"邀请", U"通报", U"报送",
    U"上报",     U"制定", U"编制", U"纳入", U"轮训", U"检查", U"监测", U"评审", U"查询", U"报批", U"印发", U"出台", U"答复",
    U"回复",     U"办结", U"发声", U"了解", U"推送", U"展示", U"备案", U"收集", U"督查", U"考核", U"宣传", U"报道", U"开展", U"回应", U"做好"};

// First characters of keywords and verbs, for a one-lookup reject of the
// characters that start neither (almost all of them).
struct FirstChars {
  // Per BMP code point: 1 a digit or Chinese numeral, 2 a keyword's first character.
  std::vector<std::uint8_t> cls = std::vector<std::uint8_t>(0x10000);
  std::vector<bool> verb = std::vector<bool>(0x10000);
  FirstChars() {
    for (char32_t c : std::u32string_view(U"每按逐及第实即立年上下全次明长持常适视不定提至重节同为待规时之前随当永另季")) cls[c] |= 2;
    for (char32_t c = 0; c < 0x10000; ++c)
      if (is_digit(c) || is_cn_digit(c)) cls[c] |= 1;
    for (auto v : kVerbs) verb[v.front()] = true;
  }
};
const FirstChars& first_chars() {
  static const FirstChars f;
  return f;
}

// At most three window starts and two ends per cluster: no allocation.
struct SmallList {
  std::array<std::size_t, 4> v{};
  std::size_t n = 0;
  void push_back(std::size_t x) { v[n++] = x; }
  const std::size_t* begin() const { return v.data(); }
  const std::size_t* end() const { return v.data() + n; }
};

class Scanner {
 public:
  explicit Scanner(std::string_view utf8) : t_(utf8) { read_cells(utf8); }

  Extraction run() {
    tokenize();
    std::size_t i = 0, cell = 0;
    while (i < tokens_.size()) {
      for (; cell < rule_cells_.size() && rule_cells_[cell].first <= tokens_[i].b; ++cell) rule_cell(rule_cells_[cell]);
      if (tokens_[i].b < consumed_) {
        ++i;
        continue;
      }
      // A cluster: anchors close together in one clause.
      std::size_t j = i + 1;
      if (tokens_[i].type == TokenType::plain) {
        while (j < tokens_.size() && tokens_[j].type == TokenType::plain &&
               tokens_[j].b >= tokens_[j - 1].e && tokens_[j].b - tokens_[j - 1].e <= kClusterGap &&
               !has_hard_sep(tokens_[j - 1].e, tokens_[j].b) && list_gap_ok(tokens_[j - 1].e, tokens_[j].b))
          ++j;
      }
      // Longest prefix of the cluster that parses. When the whole cluster
      // fails and a strong anchor would be left over (每月10日前), the
      // cluster is a shape the grammar does not know: report it whole.
      bool done = try_window(i, j);
      bool strong_rest = false;
      for (std::size_t k = i + 1; k < j; ++k) strong_rest = strong_rest || tokens_[k].strong;
      if (!done && strong_rest) {
        unrecognized(tokens_[i], tokens_[j - 1].e);
        consumed_ = tokens_[j - 1].e;
        i = j;
        continue;
      }
      for (std::size_t m = j - 1; m > i && !done; --m) done = try_window(i, m);
      if (!done) {
        if (tokens_[i].strong) unrecognized(tokens_[i], tokens_[i].e);
      }
      ++i;
    }
    for (; cell < rule_cells_.size(); ++cell) rule_cell(rule_cells_[cell]);
    resolve_same_as_above();
    merge_milestones();
    // Offsets so far are code points of the folded text; users count the characters as written.
    for (auto& f : found_) f.start = t_.char_index(f.start), f.end = t_.char_index(f.end);
    for (auto& u : unrec_) u.start = t_.char_index(u.start), u.end = t_.char_index(u.end);
    Extraction out;
    out.found = std::move(found_);
    out.unrecognized = std::move(unrec_);
    return out;
  }

 private:
  Text t_;
  const FirstChars& first_ = first_chars();
  std::vector<Token> tokens_;
  std::vector<Found> found_;
  std::vector<Unrecognized> unrec_;
  std::vector<std::pair<std::size_t, std::size_t>> rule_cells_;  // cells of time columns, in order
  std::size_t consumed_ = 0;

  // A cell 同上 / 同上一行 / 同前 and the cell above it in its column (code points).
  struct SameAsAbove {
    std::size_t b = 0, e = 0;
    bool has_above = false;
    std::size_t above_b = 0, above_e = 0;
    bool time_column = false;  // under a 公开时限 header; else a headerless row whose cell above holds a rule
  };
  std::vector<SameAsAbove> same_as_above_;

  // ---- tables ------------------------------------------------------------------

  // Column gaps become tabs, so that cells bound clauses like | and tabs do;
  // the cells of a 公开时限 column are rules as a whole (SPEC §8).
  void read_cells(std::string_view utf8) {
    if (!t_.may_have_cells()) return;  // no table: most prose
    for (const auto& [b, e] : detail::column_gaps(utf8, &t_.cell_lines()))
      for (std::size_t k = t_.index_of_byte(b), end = t_.index_of_byte(e); k < end; ++k) t_.mark(k, U'\t');
    for (const auto& table : detail::one_line_tables(utf8, &t_.cell_lines())) {
      std::vector<std::size_t> time_columns;
      for (std::size_t k = 0; k < table.header.size(); ++k)
        if (detail::is_time_column(utf8.substr(table.header[k].begin, table.header[k].end - table.header[k].begin)))
          time_columns.push_back(k);
      // The nearest cell above with text, per time column (a merged cell shows
      // as empty cells below it), for 同上.
      std::vector<std::optional<std::pair<std::size_t, std::size_t>>> above(table.header.size());
      for (const auto& row : table.rows) {
        if (row.continuation) continue;  // a wrapped cell's rest: read as prose
        for (std::size_t k : time_columns) {
          const auto& c = row.cells[k];
          const std::size_t b = t_.index_of_byte(c.begin), e = t_.index_of_byte(c.end);
          bool text = false;  // an empty cell, — or ／ holds no rule
          for (std::size_t q = b; q < e && !text; ++q) text = t_[q] >= 0x80 ? t_[q] >= 0x3400 : std::isalnum(static_cast<int>(t_[q]));
          if (!text) continue;
          if (is_same_as_above(b, e)) {
            SameAsAbove s{b, e, above[k].has_value(), 0, 0, true};
            if (above[k]) s.above_b = above[k]->first, s.above_e = above[k]->second;
            same_as_above_.push_back(s);
          } else {
            rule_cells_.emplace_back(b, e);
          }
          above[k] = std::pair{b, e};
        }
      }
    }
    std::sort(rule_cells_.begin(), rule_cells_.end());
    headerless_same_as_above(utf8);
  }

  // 同上 · 同上一行 · 同前 (a 。 after it aside): "as the row above".
  bool is_same_as_above(std::size_t b, std::size_t e) const {
    while (e > b && (t_[e - 1] == U'。' || t_[e - 1] == U'.' || is_space(t_[e - 1]))) --e;
    const std::u32string_view v = t_.view(b, e);
    return v == U"同上" || v == U"同上一行" || v == U"同前";
  }

  // A row excerpted without its header (| or tabs between cells): a cell 同上
  // takes the rule of the cell at the same place in the line above, when that
  // line has as many cells and the cell above holds a rule (resolved later).
  void headerless_same_as_above(std::string_view utf8) {
    if (utf8.find("同上") == std::string_view::npos && utf8.find("同前") == std::string_view::npos) return;
    std::vector<std::size_t> under_header;  // cells the tables above already hold
    for (const auto& s : same_as_above_) under_header.push_back(s.b);
    std::sort(under_header.begin(), under_header.end());
    std::string_view prev_line;
    std::size_t prev_at = 0, at = 0;
    while (at <= utf8.size()) {
      std::size_t nl = utf8.find('\n', at);
      if (nl == std::string_view::npos) nl = utf8.size();
      std::string_view line = utf8.substr(at, nl - at);
      if (line.ends_with('\r')) line.remove_suffix(1);
      const bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
      if (!blank && (line.find("同上") != std::string_view::npos || line.find("同前") != std::string_view::npos) &&
          !prev_line.empty()) {
        detail::Separator sep = detail::Separator::none, prev_sep = detail::Separator::none;
        const auto cells = detail::split_cells(line, at, sep);
        const auto above = detail::split_cells(prev_line, prev_at, prev_sep);
        if ((sep == detail::Separator::pipe || sep == detail::Separator::tab) && sep == prev_sep &&
            cells.size() == above.size()) {
          for (std::size_t k = 0; k < cells.size(); ++k) {
            const std::size_t b = t_.index_of_byte(cells[k].begin), e = t_.index_of_byte(cells[k].end);
            if (!is_same_as_above(b, e)) continue;
            const bool known = std::binary_search(under_header.begin(), under_header.end(), b);
            const std::size_t ab = t_.index_of_byte(above[k].begin), ae = t_.index_of_byte(above[k].end);
            if (!known && ae > ab) same_as_above_.push_back(SameAsAbove{b, e, true, ab, ae, false});
          }
        }
      }
      if (!blank) prev_line = line, prev_at = at;
      if (nl == utf8.size()) break;
      at = nl + 1;
    }
  }

  // 同上 cells, in document order (so that 同上 under 同上 inherits what the
  // first one inherited): the findings of the cell above, as one rule, with a
  // note naming the line; else an unrecognized span saying why (SPEC §8: never
  // a guess). A headerless cell above with no finding is no time column: nothing.
  // Lookups are binary searches (a table of thousands of 同上 rows stays linear).
  void resolve_same_as_above() {
    if (same_as_above_.empty()) return;
    std::sort(same_as_above_.begin(), same_as_above_.end(),
              [](const SameAsAbove& x, const SameAsAbove& y) { return x.b < y.b; });
    auto by_start = [](const auto& x, const auto& y) { return x.start < y.start; };
    std::sort(found_.begin(), found_.end(), by_start);
    std::sort(unrec_.begin(), unrec_.end(), by_start);
    // What this pass adds, in order of start (the cells are sorted), searched as well.
    std::vector<Found> inherited;
    std::vector<Unrecognized> refused;
    // Elements of a start-sorted vector that lie inside [b, e) (spans never cross a cell).
    auto inside = [](const auto& v, std::size_t b, std::size_t e) {
      auto lo = std::lower_bound(v.begin(), v.end(), b, [](const auto& x, std::size_t at) { return x.start < at; });
      auto hi = lo;
      while (hi != v.end() && hi->start < e) ++hi;
      return std::pair{lo, hi};
    };
    for (const SameAsAbove& s : same_as_above_) {
      auto refuse = [&](std::string reason) {
        const auto before = unrec_.size();
        unrecognized_span(s.b, s.e, std::move(reason));
        refused.push_back(std::move(unrec_[before]));
        unrec_.pop_back();
      };
      if (!s.has_above) {
        refuse("“同上”：上面没有可沿用的行");
        continue;
      }
      const std::string line = std::to_string(t_.line_of(s.above_b));
      const auto [ub, ue] = inside(unrec_, s.above_b, s.above_e);
      const auto [rb, re] = inside(refused, s.above_b, s.above_e);
      if (ub != ue || rb != re) {
        refuse("“同上”：第" + line + "行本列的规定未能解析，无从沿用");
        continue;
      }
      std::vector<const Found*> above;
      for (auto [fb, fe] = inside(found_, s.above_b, s.above_e); fb != fe; ++fb)
        if (fb->end <= s.above_e) above.push_back(&*fb);
      for (auto [ib, ie] = inside(inherited, s.above_b, s.above_e); ib != ie; ++ib)
        if (ib->end <= s.above_e) above.push_back(&*ib);
      if (above.empty()) {
        if (s.time_column) refuse("“同上”：第" + line + "行本列没有时限规定");
        continue;
      }
      std::sort(above.begin(), above.end(), [](const Found* x, const Found* y) { return x->start < y->start; });
      std::string text, canon;
      for (const Found* f : above) {
        text += (text.empty() ? "" : "；") + (f->note.empty() ? f->text : f->canonical);
        canon += (canon.empty() ? "" : "；") + f->canonical;
      }
      auto rule = parse(text);
      if (!rule) rule = parse(canon);
      if (!rule) {
        refuse("“同上”：第" + line + "行本列的几条规定不能合成一条");
        continue;
      }
      Found f;
      f.start = static_cast<std::uint32_t>(s.b);
      f.end = static_cast<std::uint32_t>(s.e);
      f.line = t_.line_of(s.b);
      f.text = t_.bytes(s.b, s.e);
      f.canonical = canonical(*rule);
      f.kind = rule->kind;
      f.trigger = trigger_of(*rule);
      f.action = above.front()->action;
      f.note = "同上：沿用第" + line + "行的规定（" + f.canonical + "）";
      inherited.push_back(std::move(f));
    }
    found_.insert(found_.end(), std::make_move_iterator(inherited.begin()), std::make_move_iterator(inherited.end()));
    unrec_.insert(unrec_.end(), std::make_move_iterator(refused.begin()), std::make_move_iterator(refused.end()));
    std::stable_sort(found_.begin(), found_.end(), by_start);
    std::stable_sort(unrec_.begin(), unrec_.end(), by_start);
  }

  // A time column's cell: the whole cell is the rule (bare amounts, 常态化,
  // 实时 included), or an unrecognized span — never a part of it.
  void rule_cell(std::pair<std::size_t, std::size_t> cell) {
    const auto [b, e] = cell;
    if (b < consumed_) return;
    auto r = parse(t_.slice(b, e));
    if (r) {
      record(b, e, *r);
    } else {
      unrecognized_span(b, e);
    }
    consumed_ = e;
  }

  char32_t at(std::size_t i) const { return i < t_.size() ? t_[i] : U'\0'; }
  bool has_hard_sep(std::size_t b, std::size_t e) const {
    for (std::size_t k = b; k < e; ++k)
      if (is_hard_sep(t_[k]) || is_paren(t_[k])) return true;
    return false;
  }
  // A 、 between anchors joins a list only when nothing else is between
  // (9月9日、11月25日前; 按月、按季), not 公示15日、单一来源7个公示工作日.
  bool list_gap_ok(std::size_t b, std::size_t e) const {
    for (std::size_t k = b; k < e; ++k)
      if (t_[k] == U'、') return e - b == 1;
    return true;
  }
  bool boundary_before(std::size_t i) const {
    if (i == 0) return true;
    const char32_t p = t_[i - 1];
    return is_hard_sep(p) || is_paren(p) || is_space(p) || p == U'．' || p == U'.' || p == U'、';
  }

  // ---- anchors ---------------------------------------------------------------

  // Skips a number (Arabic, full-width or Chinese) at i; returns its end (i if none).
  std::size_t number_end(std::size_t i) const {
    std::size_t k = i;
    if (is_digit(at(k))) {
      while (is_digit(at(k))) ++k;
    } else {
      while (is_cn_digit(at(k))) ++k;
    }
    return k;
  }
  // After M月: a release calendar's day/weekday, 17/二 (spaces before it allowed); its end, or k.
  std::size_t release_day_end(std::size_t k) const {
    std::size_t q = k;
    while (is_space(at(q))) ++q;
    std::size_t d = q;
    while (is_digit(at(d))) ++d;
    if (d == q || (at(d) != U'/' && at(d) != U'／')) return k;
    return std::u32string_view(U"一二三四五六日天").find(at(d + 1)) != std::u32string_view::npos ? d + 2 : k;
  }
  std::size_t within_end(std::size_t k) const {
    if (t_.starts_with(k, U"以内") || t_.starts_with(k, U"之内")) return k + 2;
    if (at(k) == U'内') return k + 1;
    return k;
  }
  std::size_t before_end(std::size_t k) const {
    if (t_.starts_with(k, U"之前") || t_.starts_with(k, U"以前")) return k + 2;
    if (at(k) == U'前' && at(k + 1) != U'提') return k + 1;
    return k;
  }

  // A number followed by a time unit; false if the number is not one.
  bool number_token(std::size_t i, Token& tok) const {
    const std::size_t n = number_end(i);
    if (n == i) return false;
    std::size_t k = n;
    while (is_space(at(k))) ++k;
    tok.b = i;
    tok.amount = true;
    auto unit = [&](std::u32string_view u) {
      if (!t_.starts_with(k, u)) return false;
      k += u.size();
      return true;
    };
    if (unit(U"个公示工作日") || unit(U"个工作日") || unit(U"工作日") || unit(U"个小时") || unit(U"小时")) {
      tok.strong = true;
      tok.e = within_end(k);
      return true;
    }
    if (unit(U"个月") || unit(U"个星期") || unit(U"星期") || unit(U"个周") || unit(U"周")) {
      tok.e = within_end(k);
      tok.strong = tok.e > k;
      return true;
    }
    if (unit(U"季度") || unit(U"季")) {
      tok.amount = false;
      tok.strong = true;
      if (at(k) == U'末' || at(k) == U'底') ++k;
      tok.e = before_end(k);
      return true;
    }
    if (unit(U"月")) {
      tok.amount = false;
      if (at(k) == U'底' || at(k) == U'末') {
        tok.strong = true;
        ++k;
      } else if (t_.starts_with(k, U"上旬") || t_.starts_with(k, U"中旬") || t_.starts_with(k, U"下旬")) {
        tok.strong = true;
        k += 2;
      } else if (const std::size_t d = number_end(k); d > k && (at(d) == U'日' || at(d) == U'号')) {
        k = d + 1;
      } else if (const std::size_t r = release_day_end(k); r > k) {  // 1月 17/二 (a release calendar)
        tok.strong = true;
        k = r;
      }
      tok.e = before_end(k);
      return true;
    }
    if (unit(U"日") || unit(U"天")) {
      tok.e = within_end(k);
      tok.strong = tok.e > k && is_digit(at(i));
      if (tok.e == k && is_digit(at(i)) && before_end(k) > k) {  // 每月10日前: a shape to report if it fails
        tok.e = before_end(k);
        tok.strong = true;
      }
      return true;
    }
    if (at(k) == U'年') {
      ++k;
      tok.amount = false;
      if (at(k) == U'底' || at(k) == U'末' || at(k) == U'终') {
        tok.e = before_end(k + 1);
        return true;
      }
      if (const std::size_t w = within_end(k); w > k) {  // 3年内
        tok.amount = true;
        tok.e = w;
        return true;
      }
      if (at(k) == U'中') {
        tok.e = k + 1;
        return true;
      }
      if (at(k) == U'起' || t_.starts_with(k, U"开始") || t_.starts_with(k, U"以来")) {
        tok.e = k + (at(k) == U'起' ? 1 : 2);
        return true;
      }
      // A year prefix: the month or quarter follows (maybe on the next line), or 自2016年每季度.
      std::size_t q = k;
      while (at(q) == U'\n' || at(q) == U'\r' || is_space(at(q))) ++q;
      if (is_digit(at(q)) || is_cn_digit(at(q)) || at(q) == U'第' || t_.starts_with(q, U"上半年") ||
          t_.starts_with(q, U"下半年") ||
          ((at(i > 0 ? i - 1 : 0) == U'自' || at(i > 0 ? i - 1 : 0) == U'从') && at(q) == U'每')) {
        tok.e = k;
        return true;
      }
      // 到2023年，基本建成…: a horizon (SPEC §8 到YYYY年) when the clause ends at the
      // year; 2019年到2023年 is a range, and a year alone in prose no finding.
      if (i > 0 && (t_[i - 1] == U'到' || t_[i - 1] == U'至') && n - i == 4 && (i < 2 || t_[i - 2] != U'年') &&
          (k == t_.size() || is_hard_sep(at(k)))) {
        tok.b = i - 1;
        tok.e = k;
        return true;
      }
      // 要在2011年普遍公开…: a modal, 在 a year, and its action's verb right after
      // (a word between at most: 普遍, 全面); 在2016年政务公开工作中 has none, and
      // 在2016年开展了培训 (no modal) reports what was done.
      if (i > 1 && t_[i - 1] == U'在' && n - i == 4 && std::u32string_view(U"要应须需将").find(t_[i - 2]) != std::u32string_view::npos) {
        if (const auto v = verb_after(k, 2); v && v->first - k <= 2) {
          tok.b = i - 1;
          tok.e = k;
          return true;
        }
      }
      return false;
    }
    if (unit(U"个次") || unit(U"次")) {
      tok.amount = false;
      tok.e = k;
      return true;
    }
    return false;
  }

  void tokenize() {
    const std::size_t n = t_.size();
    for (std::size_t i = 0; i < n;) {
      const char32_t c = t_[i];
      const std::uint8_t cls = c < 0x10000 ? first_.cls[c] : 0;
      if (cls == 0) {
        ++i;
        continue;
      }
      Token tok;
      if (cls & 1) {
        if (number_token(i, tok)) {
          tokens_.push_back(tok);
          i = tok.e;
        } else {
          i = number_end(i);
        }
        continue;
      }
      if (keyword_token(i, tok)) {
        tokens_.push_back(tok);
        i = tok.e;
        continue;
      }
      ++i;
    }
  }

  bool word(std::size_t i, std::u32string_view w, Token& tok) const {
    if (!t_.starts_with(i, w)) return false;
    tok.b = i;
    tok.e = i + w.size();
    return true;
  }

  // Searches back from i (exclusive) within the clause for one of `opens`; returns its start.
  std::optional<std::size_t> open_back(std::size_t i, std::initializer_list<std::u32string_view> opens,
                                       bool stop_at_paren) const {
    const std::size_t lo = i > kOpenReach ? i - kOpenReach : 0;
    for (std::size_t k = i; k-- > lo;) {
      if (is_hard_sep(t_[k]) || (stop_at_paren && is_paren(t_[k]))) return std::nullopt;
      for (auto o : opens)
        if (t_.starts_with(k, o)) return k;
    }
    return std::nullopt;
  }

  bool keyword_token(std::size_t i, Token& tok) const {
    const char32_t c = t_[i];
    const char32_t prev = i > 0 ? t_[i - 1] : U'\0';
    switch (c) {
      case U'每':
        return word(i, U"每季度末", tok) || word(i, U"每季度", tok) || word(i, U"每季末", tok) ||
               word(i, U"每季", tok) || word(i, U"每半年", tok) || word(i, U"每年度", tok) || word(i, U"每年", tok) ||
               word(i, U"每月", tok) || word(i, U"每周", tok) || word(i, U"每星期", tok) || word(i, U"每日", tok) ||
               word(i, U"每天", tok) || word(i, U"每个月", tok) || word(i, U"每个季度", tok) ||
               word(i, U"每个年度", tok) || word(i, U"每两个月", tok) || word(i, U"每三个月", tok) ||
               word(i, U"每半月", tok) || word(i, U"每半个月", tok);
      case U'按':
        if (word(i, U"按季度", tok) || word(i, U"按季", tok) || word(i, U"按半年", tok) || word(i, U"按月", tok) ||
            word(i, U"按周", tok) || word(i, U"按年度", tok) || word(i, U"按年", tok))
          return true;
        return false;
      case U'逐':
        return word(i, U"逐月", tok) || word(i, U"逐日", tok);
      case U'及':
        tok.timely = true;
        // 及时性 is a noun; 程序及时间 is 及 + 时间 (and time), never 及时 + a label 间….
        return word(i, U"及时", tok) && at(i + 2) != U'性' && at(i + 2) != U'间';
      case U'第':
        tok.timely = true;
        return word(i, U"第一时间", tok);
      case U'实':
        tok.timely = true;
        return word(i, U"实时", tok);
      case U'即':
        tok.timely = true;
        return word(i, U"即时", tok);
      case U'立':
        tok.timely = true;
        return word(i, U"立即", tok);
      case U'随':
        tok.timely = true;
        return word(i, U"随时", tok);
      case U'当':
        tok.timely = true;
        return word(i, U"当场", tok);
      case U'永':
        return word(i, U"永久", tok);
      case U'年':
        if (is_digit(prev) || is_cn_digit(prev)) return false;
        if (word(i, U"年底", tok) || word(i, U"年末", tok) || word(i, U"年终", tok)) {
          tok.e = before_end(tok.e);
          return true;
        }
        if (word(i, U"年内", tok)) return prev != U'近';
        if (period_verb_token(i, U"年度", tok)) return true;
        if (word(i, U"年中", tok)) return std::u32string_view(U"全今本当一每上去").find(prev) == std::u32string_view::npos;
        return false;
      case U'上':
      case U'下':
        if (word(i, U"上半年", tok) || word(i, U"下半年", tok)) return !after_verb(i);  // 公布上半年督查情况: an object
        return c == U'下' && word(i, U"下一年", tok) && (is_digit(at(i + 3)) || is_cn_digit(at(i + 3)));
      case U'全':
        if (word(i, U"全年工作", tok) || word(i, U"全年", tok)) {
          const char32_t next = at(tok.e);
          return next == U'\0' || is_hard_sep(next) || is_paren(next) || is_space(next);
        }
        return false;
      case U'次':
      case U'明':
        if (word(i, c == U'次' ? U"次年" : U"明年", tok)) {
          const char32_t next = at(i + 2);
          return is_digit(next) || is_cn_digit(next) || next == U'底' || next == U'末' || next == U'第';
        }
        return false;
      case U'长':
        if (word(i, U"长期推进", tok) || word(i, U"长期坚持", tok)) return true;
        // 长期公开, 长期有效 (基本目录: standing information).
        return word(i, U"长期", tok) &&
               (t_.starts_with(i + 2, U"公开") || t_.starts_with(i + 2, U"有效") || t_.starts_with(i + 2, U"保持"));
      case U'持':
        return word(i, U"持续推进", tok);
      case U'常':
        return word(i, U"常态化", tok) || word(i, U"常态", tok);
      case U'适':
        return word(i, U"适时", tok);
      case U'视':
        return word(i, U"视情况", tok) || word(i, U"视情", tok);
      case U'不':
        if (word(i, U"不定期", tok)) return true;
        if (word(i, U"不得少于", tok) || word(i, U"不少于", tok)) return true;
        return false;
      case U'定':
        return word(i, U"定期", tok) && prev != U'不';
      case U'提':
        if (word(i, U"提前", tok)) {
          std::size_t k = tok.e;
          while (is_space(at(k))) ++k;
          return is_digit(at(k)) || is_cn_digit(at(k));
        }
        return false;
      case U'至':
        return word(i, U"至少", tok);
      case U'重':
        if (word(i, U"重大节日前", tok) || word(i, U"重大节假日前", tok) || word(i, U"重要节日前", tok)) return true;
        return false;
      case U'节':
        return word(i, U"节日前", tok) || word(i, U"节假日前", tok) || (prev != U'春' && word(i, U"节前", tok));
      case U'同':
        if (word(i, U"同步", tok)) {
          const auto o = open_back(i, {U"与"}, true);
          if (!o || i - *o > 16) return false;
          tok.type = TokenType::with;
          tok.open = *o;
          return true;
        }
        return false;
      case U'为':
        if (word(i, U"为准", tok)) {
          const auto o = open_back(i, {U"以"}, true);
          if (!o) return false;
          tok.type = TokenType::prevails;
          tok.open = *o;
          return true;
        }
        return false;
      case U'待':
        if (boundary_before(i) && at(i + 1) != U'遇' && at(i + 1) != U'办') {
          tok.b = i;
          std::size_t k = i + 1;
          while (k < t_.size() && !is_hard_sep(t_[k]) && !is_paren(t_[k])) ++k;
          if (k - i < 3) return false;
          tok.e = k;
          tok.type = TokenType::gate;
          tok.open = i;
          return true;
        }
        return false;
      case U'规':
      case U'时':
        if (c == U'时' && at_time_token(i, tok)) return true;
        if (word(i, U"规定时限", tok) || word(i, U"规定期限", tok) || word(i, U"规定时间", tok) ||
            word(i, U"时间要求", tok) || word(i, U"时限要求", tok)) {
          const auto o = open_back(i, {U"按照", U"依照", U"依据", U"根据", U"按"}, false);
          if (!o) return false;
          tok.type = TokenType::external;
          tok.open = *o;
          return true;
        }
        return false;
      case U'另':
        return override_token(i, tok);
      case U'季':
        // 通过季度检查、…、年度考核等方式: a period word that opens a clause or a
        // list item and is followed by its verb is a recurrence (每季度检查).
        return period_verb_token(i, U"季度", tok);
      case U'之':
        if (word(i, U"之日内", tok)) {
          tok.type = TokenType::probe;
          tok.strong = true;
          return true;
        }
        return false;
      case U'前':
        return event_before_token(i, tok);
      default:
        return false;
    }
  }

  // 在实地启动拟征收土地工作时，在村公示栏公开: 在T时 ending its clause, with a
  // publication verb in the next clause (在办理时，应当告知… is a circumstance,
  // not a time rule). Read as 与T同步 by the grammar.
  bool at_time_token(std::size_t i, Token& tok) const {
    if (at(i + 1) != U'，' && at(i + 1) != U',') return false;
    const auto o = open_back(i, {U"在"}, true);
    if (!o || i - *o < 3 || i - *o > 24) return false;
    bool publishes = false;
    for (std::size_t k = i + 2; k < t_.size() && k < i + 14 && !is_hard_sep(t_[k]) && !publishes; ++k)
      for (auto v : {U"公开", U"公示", U"公布", U"发布", U"公告"}) publishes = publishes || t_.starts_with(k, v);
    if (!publishes) return false;
    tok.b = *o;
    tok.e = i + 1;
    tok.type = TokenType::with;
    tok.open = *o;
    return true;
  }

  // 法律、法规对…另有规定的，从其规定: an override clause (parsed as external).
  // The phrase starts at its clause and ends with 从其规定.
  bool override_token(std::size_t i, Token& tok) const {
    if (!t_.starts_with(i, U"另有规定")) return false;
    std::size_t k = i + 4;
    if (at(k) == U'的') ++k;
    if (at(k) == U'，' || at(k) == U',') ++k;
    if (!t_.starts_with(k, U"从其规定")) return false;
    std::size_t s = i;
    while (s > 0 && i - s < 40 && !is_hard_sep(t_[s - 1]) && !is_paren(t_[s - 1])) --s;
    if (s == i) return false;
    tok.b = s;
    tok.e = k + 4;
    tok.type = TokenType::external;
    tok.open = s;
    return true;
  }

  // 季度检查 · 年度考核 · 年度目标考核 after a boundary (a clause or list start,
  // 通过): the period word with its verb right after (目标 between at most).
  bool period_verb_token(std::size_t i, std::u32string_view period, Token& tok) const {
    if (!t_.starts_with(i, period)) return false;
    const char32_t prev = i > 0 ? t_[i - 1] : U'\0';
    if (!boundary_before(i) && prev != U'过') return false;
    std::size_t k = i + period.size();
    if (t_.starts_with(k, U"目标")) k += 2;
    if (k >= t_.size() || t_[k] >= 0x10000 || !first_.verb[t_[k]]) return false;
    for (auto v : kVerbs)
      if (t_.starts_with(k, v)) {
        // only an activity's verb (检查, 考核, 通报 …), not 年度公开 of a report's name
        if (v == U"检查" || v == U"考核" || v == U"督查" || v == U"通报" || v == U"评审") {
          tok.b = i;
          tok.e = i + period.size();
          return true;
        }
        return false;
      }
    return false;
  }

  // 决策前, 系统正式投入使用前: an event deadline (the 前 of a date or an
  // amount is part of another anchor).
  bool event_before_token(std::size_t i, Token& tok) const {
    if (i == 0) return false;
    static constexpr std::u32string_view kNotBefore = U"提目当以之月底末旬日号年度节事空史从向跟眼面上门席生战会赛";
    static constexpr std::u32string_view kNotAfter = U"提期述款列者景沿线往进夕身面后置台端排所任瞻年天日次";
    // 会前 (before the meeting) · 在葬前: a one-character event, only right after a
    // clause boundary or 在 (社会前, 机会前 are not events).
    if ((t_[i - 1] == U'会' || t_[i - 1] == U'葬') && (i == 1 || boundary_before(i - 1) || t_[i - 2] == U'在') &&
        kNotAfter.find(at(i + 1)) == std::u32string_view::npos) {
      tok.b = i - 1;
      tok.e = i + 1;
      tok.type = TokenType::event_before;
      tok.open = i - 1;
      return true;
    }
    if (kNotBefore.find(t_[i - 1]) != std::u32string_view::npos) return false;
    if (kNotAfter.find(at(i + 1)) != std::u32string_view::npos) return false;
    std::size_t k = i + 1;
    while (is_space(at(k))) ++k;
    if (is_digit(at(k)) || is_cn_digit(at(k))) return false;  // 执行政策前3个工作日: the amount's
    const std::size_t s = trigger_start(i, false);
    if (s >= i) return false;
    const std::u32string_view trig = t_.view(s, i);
    static constexpr std::array<std::u32string_view, 17> kEventEnds = {
        U"使用", U"实施", U"出台", U"发布", U"印发", U"公布", U"审议", U"召开", U"开标",
        U"施行", U"生效", U"上线", U"运行", U"签订", U"到期", U"届满", U"结束"};
    bool event = lexicon(s, i);
    for (auto e : kEventEnds) event = event || trig.ends_with(e);
    if (!event) return false;
    tok.b = s;
    tok.e = i + 1;
    tok.type = TokenType::event_before;
    tok.open = s;
    return true;
  }

  bool after_verb(std::size_t i) const {
    for (auto v : kVerbs)
      if (i >= v.size() && t_.view(i - v.size(), i) == v) return true;
    return false;
  }

  // The lexicon holds simplified names: a folded document is looked up as read.
  bool lexicon(std::size_t b, std::size_t e) const {
    if (!t_.folded()) return canonical_event(t_.slice(b, e)).has_value();
    return canonical_event(detail::to_utf8(t_.view(b, e))).has_value();
  }

  // ---- triggers ----------------------------------------------------------------

  // Where the trigger ending at `end` (the relational word's start) begins:
  // the longest lexicon name ending there, else the text after the nearest
  // boundary (separator, list number, 在/于/自/从/经). Returns `end` if none.
  std::size_t trigger_start(std::size_t end, bool lexicon_only) const {
    std::size_t clause = end;
    while (clause > 0 && !is_hard_sep(t_[clause - 1]) && !is_paren(t_[clause - 1]) && end - clause < 60) --clause;
    for (std::size_t len = std::min<std::size_t>(end - clause, 12); len >= 2; --len)
      if (lexicon(end - len, end)) return end - len;
    if (lexicon_only) return end;
    static constexpr std::u32string_view kNotPrepBefore = U"存所现正实内关对由属用基至等处位归便利善勇终鉴过";
    std::size_t s = clause;
    for (std::size_t k = end; k-- > clause;) {
      const char32_t ch = t_[k];
      if (ch == U'在' || ch == U'于' || ch == U'自' || ch == U'从' || ch == U'经') {
        if (k > clause && kNotPrepBefore.find(t_[k - 1]) != std::u32string_view::npos) continue;
        // 经济, 经营, 经过 …: a word, not the preposition (as the grammar's prep reads it).
        if (ch == U'经' && std::u32string_view(U"济营过费验常历典理销办手纪贸委信开商度纬络久受").find(at(k + 1)) !=
                               std::u32string_view::npos)
          continue;
        s = k + 1;
        break;
      }
    }
    s = skip_list_marker(s, end);
    while (s < end && is_space(t_[s])) ++s;
    if (end - s < 2 || end - s > kTriggerMax) return end;
    return s;
  }

  // 1． 2、 (3) （一） 一、 at the start of a clause.
  std::size_t skip_list_marker(std::size_t s, std::size_t end) const {
    std::size_t k = s;
    while (k < end && is_space(t_[k])) ++k;
    if (k < end && (t_[k] == U'（' || t_[k] == U'(')) {
      std::size_t q = k + 1;
      while (q < end && (is_digit(t_[q]) || is_cn_digit(t_[q]))) ++q;
      if (q > k + 1 && q < end && (t_[q] == U'）' || t_[q] == U')')) return q + 1;
      return s;
    }
    std::size_t q = k;
    while (q < end && (is_digit(t_[q]) || is_cn_digit(t_[q]))) ++q;
    if (q > k && q < end && (t_[q] == U'．' || t_[q] == U'.' || t_[q] == U'、')) return q + 1;
    return s;
  }

  // The relational word (后, 起, 之日起, 前 …) ending at `s`, after stepping back
  // over a lead (，应在); returns where that word starts, or nullopt.
  std::optional<std::size_t> relation_before(std::size_t s) const {
    std::size_t k = s;
    while (k > 0 && is_space(t_[k - 1])) --k;  // 之日起 10 个工作日内
    if (k > 0 && (t_[k - 1] == U'在' || t_[k - 1] == U'于')) --k;
    for (auto m : {U"应当", U"必须", U"应", U"要", U"须", U"需"}) {
      const std::u32string_view mv(m);
      if (k >= mv.size() && t_.view(k - mv.size(), k) == mv) {
        k -= mv.size();
        break;
      }
    }
    if (k >= 2 && t_.view(k - 2, k) == U"最迟") k -= 2;
    if (k > 0 && (t_[k - 1] == U'，' || t_[k - 1] == U',')) --k;
    for (auto w : {U"之日起", U"之日后", U"之后", U"以后", U"之前", U"以前", U"后", U"起", U"前"}) {
      const std::u32string_view wv(w);
      if (k >= wv.size() && t_.view(k - wv.size(), k) == wv) return k - wv.size();
    }
    return std::nullopt;
  }

  // ---- windows -----------------------------------------------------------------

  // Prefixes the grammar reads as part of the phrase: 原则上, 不超过, 公示, 第, 自, 2016年\n, 流行季节（4-…
  std::size_t extend_prefix(std::size_t b) const {
    std::size_t s = b;
    auto back = [&](std::u32string_view w) {
      if (s >= w.size() && t_.view(s - w.size(), s) == w) {
        s -= w.size();
        return true;
      }
      return false;
    };
    // Season: 4-10月 / （4-10月） with a name before.
    if (s > 0 && (t_[s - 1] == U'-' || t_[s - 1] == U'－' || t_[s - 1] == U'—' || t_[s - 1] == U'~' ||
                  t_[s - 1] == U'～' || t_[s - 1] == U'至' || t_[s - 1] == U'到')) {
      std::size_t q = s - 1;
      std::size_t d = q;
      while (d > 0 && is_digit(t_[d - 1])) --d;
      if (d < q) {
        s = d;
        if (s > 0 && (t_[s - 1] == U'（' || t_[s - 1] == U'(')) {
          --s;
          std::size_t nm = s;
          while (nm > 0 && s - nm < 8 && !is_hard_sep(t_[nm - 1]) && !is_paren(t_[nm - 1]) && !is_space(t_[nm - 1]) &&
                 t_[nm - 1] != U'、' && !is_digit(t_[nm - 1]))
            --nm;
          s = nm;
        }
      }
    }
    // （4-10月）每月: a season in parentheses, with its name before.
    if (s > 0 && (t_[s - 1] == U'）' || t_[s - 1] == U')')) {
      std::size_t p = s - 1;
      while (p > 0 && s - p < 12 && t_[p - 1] != U'（' && t_[p - 1] != U'(') --p;
      if (p > 0 && (t_[p - 1] == U'（' || t_[p - 1] == U'(')) {
        const std::u32string_view inner = t_.view(p, s - 1);
        const bool range = inner.ends_with(U"月") && is_digit(inner.front()) &&
                           inner.find_first_of(U"-－—~～至到") != std::u32string_view::npos;
        if (range) {
          std::size_t nm = p - 1;
          while (nm > 0 && p - 1 - nm < 8 && !is_hard_sep(t_[nm - 1]) && !is_paren(t_[nm - 1]) &&
                 !is_space(t_[nm - 1]) && t_[nm - 1] != U'、' && t_[nm - 1] != U'．' && t_[nm - 1] != U'.' &&
                 !is_digit(t_[nm - 1]))
            --nm;
          s = nm;
        }
      }
    }
    back(U"第");
    // A year prefix on the line before (2016年\n12月底前).
    {
      std::size_t q = s;
      while (q > 0 && (t_[q - 1] == U'\n' || t_[q - 1] == U'\r' || is_space(t_[q - 1]))) --q;
      if (q < s && q > 0 && t_[q - 1] == U'年') {
        std::size_t d = q - 1;
        while (d > 0 && is_digit(t_[d - 1])) --d;
        if (d + 4 == q - 1) s = d;
      }
    }
    if (back(U"自") || back(U"从")) {
    }
    for (auto w : {U"不得少于", U"不少于"}) back(w);
    for (auto w : {U"公示期", U"发放期", U"公告期", U"公开期", U"公布期", U"征求意见期", U"意见征集期", U"公示"})
      if (back(w)) break;
    for (auto w : {U"最长不得超过", U"最长不超过", U"最迟不超过", U"不得超过", U"不超过"})
      if (back(w)) break;
    // 延长期限最长不超过15个工作日: the extension of a limit (the grammar reads it so).
    if (!back(U"延长期限")) back(U"延长的期限");
    if (!back(U"原则上") && s >= 4 && (t_[s - 1] == U'在' || t_[s - 1] == U'于') && t_.view(s - 4, s - 1) == U"原则上")
      s -= 4;  // 原则上在3个工作日内
    return s;
  }

  // The first action verb after `e` within `reach` characters of the clause; {start, end}.
  std::optional<std::pair<std::size_t, std::size_t>> verb_after(std::size_t e, std::size_t reach) const {
    for (std::size_t k = e; k < t_.size() && k <= e + reach; ++k) {
      if (is_hard_sep(t_[k]) || is_paren(t_[k]) || t_[k] == U'、') return std::nullopt;
      if (k > 0 && (t_[k - 1] == U'不' || t_[k - 1] == U'未')) continue;
      // 政务公开 / 信息公开 are nouns here, not the action.
      if (k >= 2 && t_.starts_with(k, U"公开") && (t_.view(k - 2, k) == U"政务" || t_.view(k - 2, k) == U"信息"))
        continue;
      if (t_[k] >= 0x10000 || !first_.verb[t_[k]]) continue;
      for (auto v : kVerbs)
        if (t_.starts_with(k, v)) return std::pair{k, k + v.size()};
    }
    return std::nullopt;
  }

  bool accept(const Rule& rule, std::size_t s, std::size_t e) const {
    const std::u32string_view span = t_.view(s, e);
    for (const auto& item : rule.items) {
      if (const auto* r = std::get_if<ast::RelativeDeadline>(&item.clause)) {
        if (r->trigger.implicit() && r->direction == ast::Direction::after &&
            span.find(U'内') == std::u32string_view::npos && span.find(U"不超过") == std::u32string_view::npos &&
            !(r->amount.unit == ast::Unit::working_days && whole_cell(s, e)))
          return false;  // 三年攻坚 is not "within three years"
      }
      if (const auto* tl = std::get_if<ast::Timely>(&item.clause)) {
        if (tl->kind == ast::Timeliness::real_time) {  // 实时发布系统 names a system
          const std::u32string_view after = t_.view(e, std::min(t_.size(), e + 6));
          if (after.find(U"系统") != std::u32string_view::npos || span.find(U"系统") != std::u32string_view::npos)
            return false;
        }
      }
    }
    if (rule.items.size() == 1) {
      if (const auto* a = std::get_if<ast::CalendarAnchor>(&rule.items[0].clause)) {
        // A date with no 前 is a document's own date (2016年12月6日, 7月28日印发),
        // unless a lead makes it a deadline (于9月9日).
        if (a->kind == ast::AnchorKind::month_day && a->weekday == 0 && span.find(U'前') == std::u32string_view::npos) {
          const char32_t p = s > 0 ? t_[s - 1] : U'\0';
          if (p != U'于' && p != U'在' && p != U'至' && p != U'到') return false;
          // 1月1日起至12月31日止: the end of a period covered, not a deadline.
          if (at(e) == U'止') return false;
        }
      }
    }
    return true;
  }

  // Is [s, e) a whole table cell: | or a tab on one side at least, the other a
  // cell or line boundary (spaces between)? A row excerpted without its header
  // still shows a cell that is only N个工作日: the row's time limit (SPEC §8).
  bool whole_cell(std::size_t s, std::size_t e) const {
    auto cell_sep = [](char32_t c) { return c == U'|' || c == U'\t'; };
    std::size_t b = s;
    while (b > 0 && is_space(t_[b - 1])) --b;
    std::size_t k = e;
    while (k < t_.size() && is_space(t_[k])) ++k;
    const bool left_sep = b > 0 && cell_sep(t_[b - 1]);
    const bool left_end = b == 0 || t_[b - 1] == U'\n';
    const bool right_sep = k < t_.size() && cell_sep(t_[k]);
    const bool right_end = k == t_.size() || t_[k] == U'\n' || t_[k] == U'\r';
    return (left_sep && (right_sep || right_end)) || (left_end && right_sep);
  }

  bool try_parse(std::size_t s, std::size_t e, Rule& out) const {
    if (e <= s) return false;
    auto r = parse(t_.slice(s, e));
    if (!r) return false;
    if (!accept(*r, s, e)) return false;
    out = std::move(*r);
    return true;
  }

  // Tries the windows of tokens [i, m); on success records the finding.
  bool try_window(std::size_t i, std::size_t m) {
    const Token& first = tokens_[i];
    const Token& last = tokens_[m - 1];
    std::size_t core_b = first.b;
    std::size_t core_e = last.e;
    SmallList starts;
    bool triggered = false;
    switch (first.type) {
      case TokenType::gate:
      case TokenType::prevails:
      case TokenType::external:
      case TokenType::with:
      case TokenType::event_before:
        core_b = first.open;
        starts.push_back(first.type == TokenType::with ? extend_prefix(core_b) : core_b);
        break;
      case TokenType::probe:
        return false;
      case TokenType::plain: {
        const std::size_t s0 = extend_prefix(core_b);
        if ((first.amount || first.timely) && s0 == core_b) {
          if (const auto rel = relation_before(core_b)) {
            const std::size_t ts = trigger_start(*rel, false);
            if (ts < *rel) {
              starts.push_back(ts);
              triggered = true;
            }
          } else if (first.amount) {
            const std::size_t ts = trigger_start(core_b, true);  // 签订3日内
            if (ts < core_b) {
              starts.push_back(ts);
              triggered = true;
            }
          }
        }
        starts.push_back(s0);
        if (s0 != core_b) starts.push_back(core_b);
        break;
      }
    }
    SmallList ends;
    const auto verb = verb_after(core_e, kVerbReach);
    // A count keeps its verb inside (年内至少听取一次); a gate ends at its clause.
    const bool count_last = at(core_e - 1) == U'次';
    if (first.type != TokenType::gate && !count_last && verb) ends.push_back(verb->second);
    ends.push_back(core_e);
    (void)triggered;
    Rule rule;
    for (std::size_t s : starts) {
      for (std::size_t e : ends) {
        if (!try_parse(s, e, rule)) continue;
        // SPEC §8: a window that parses but stops right before a time word
        // (每周 + 二、四, 每月 + 最后两个工作日) would be a silent misread. The
        // whole clause is the rule, or an unrecognized span.
        if (time_word_at(e)) {
          const std::size_t clause = clause_end(e);
          Rule whole;
          if (try_parse(s, clause, whole)) {
            record(s, clause, whole);
          } else {
            unrecognized(tokens_[i], clause);
            consumed_ = clause;
          }
          return true;
        }
        // 年底或次年初, 年末或次年年初: a disjunction of anchors has no one date
        // (SPEC gives none): the clause is unrecognized, never its first half.
        if (disjunction_at(e)) {
          const std::size_t clause = clause_end(e);
          std::size_t from = tokens_[i].b < s ? tokens_[i].b : s;
          // 每年 + 年末或次年年初: the finding right before belongs to the same phrase.
          while (!found_.empty() && found_.back().end == from) from = found_.back().start, found_.pop_back();
          unrecognized_span(from, clause, "两个时间择一（“或”），没有确定的期限");
          consumed_ = clause;
          return true;
        }
        // 2016年9月前完成（以区人大常委会审议时间为准）: a qualifying parenthesis.
        if (e < t_.size() && (t_[e] == U'（' || t_[e] == U'(')) {
          std::size_t close = e + 1;
          while (close < t_.size() && close - e < 40 && t_[close] != U'）' && t_[close] != U')' && t_[close] != U'\n' &&
                 t_[close] != U'\t' && t_[close] != U'|')
            ++close;
          Rule wider;
          if (close < t_.size() && (t_[close] == U'）' || t_[close] == U')') && try_parse(s, close + 1, wider)) {
            rule = std::move(wider);
            e = close + 1;
          }
        }
        record(s, e, rule);
        return true;
      }
    }
    return false;
  }

  // Does a time word the grammar would have to read start at `e`? A number,
  // 初/首/末/底/旬/第, 最后, 前N (SPEC §8's list).
  bool time_word_at(std::size_t e) const {
    const char32_t c = at(e);
    if (is_digit(c)) return true;
    // 一般, 一并, 一律 … are words, not numbers (一季度一通报 still is one).
    if (c == U'一' && std::u32string_view(U"般并些样致切定直起同律体道步线批旦").find(at(e + 1)) != std::u32string_view::npos)
      return false;
    if (is_cn_digit(c)) return true;
    if (std::u32string_view(U"初首末底旬第").find(c) != std::u32string_view::npos) return true;
    if (c == U'最' && at(e + 1) == U'后') return true;
    return c == U'前' && (is_digit(at(e + 1)) || is_cn_digit(at(e + 1)));
  }

  // 或/或者 followed by another time phrase (次年初, 明年, 3月底 …).
  bool disjunction_at(std::size_t e) const {
    if (at(e) != U'或') return false;
    std::size_t k = e + 1;
    if (at(k) == U'者') ++k;
    for (auto w : {U"次年", U"明年", U"下年", U"年初", U"年末", U"年底", U"年中", U"当年", U"本年", U"每年", U"上半年", U"下半年"})
      if (t_.starts_with(k, w)) return true;
    return is_digit(at(k)) || (is_cn_digit(at(k)) && at(k + 1) == U'月');
  }

  // The end of the clause containing `e`: the next separator or parenthesis, 40 characters at most.
  std::size_t clause_end(std::size_t e) const {
    std::size_t k = e;
    while (k < t_.size() && k - e < 40 && !is_hard_sep(t_[k]) && !is_paren(t_[k])) ++k;
    return k;
  }

  static std::string trigger_of(const Rule& rule) {
    for (const auto& item : rule.items) {
      const std::string* t = std::visit(
          [](const auto& c) -> const std::string* {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, ast::RelativeDeadline> || std::is_same_v<C, ast::Timely> ||
                          std::is_same_v<C, ast::EventDeadline> || std::is_same_v<C, ast::EventGate>)
              return c.trigger.text.empty() ? nullptr : &c.trigger.text;
            return nullptr;
          },
          item.clause);
      if (t) return *t;
    }
    return {};
  }

  std::string action_after(std::size_t s, std::size_t e) const {
    for (auto v : kVerbs)  // the span ends with its verb
      if (e >= s + v.size() && t_.view(e - v.size(), e) == v) return detail::to_utf8(v);
    if (const auto v = verb_after(e, kActionReach)) return detail::to_utf8(t_.view(v->first, v->second));
    return {};
  }

  void record(std::size_t s, std::size_t e, const Rule& rule) {
    Found f;
    f.start = static_cast<std::uint32_t>(s);
    f.end = static_cast<std::uint32_t>(e);
    f.line = t_.line_of(s);
    f.text = t_.bytes(s, e);
    f.canonical = canonical(rule);
    f.kind = rule.kind;
    f.trigger = trigger_of(rule);
    f.action = action_after(s, e);
    found_.push_back(std::move(f));
    consumed_ = e;
  }

  void unrecognized(const Token& tok, std::size_t end) {
    std::size_t s = tok.b;
    // Show the clause up to the anchor (at most 12 characters before it).
    while (s > consumed_ && s > 0 && tok.b - s < 12 && !is_hard_sep(t_[s - 1])) --s;
    unrecognized_span(s, end);
  }

  void unrecognized_span(std::size_t s, std::size_t end, std::string reason = {}) {
    Unrecognized u;
    u.reason = std::move(reason);
    u.start = static_cast<std::uint32_t>(s);
    u.end = static_cast<std::uint32_t>(end);
    u.line = t_.line_of(s);
    u.text = t_.bytes(s, end);
    unrec_.push_back(std::move(u));
  }

  // 7月底前启动，9月底前完成 / 7月底前启动\n9月底前完成\n长期推进: adjacent
  // findings that together form milestones are one rule.
  void merge_milestones() {
    std::vector<Found> out;
    for (auto& f : found_) {
      if (!out.empty()) {
        Found& p = out.back();
        bool only_seps = f.start >= p.end;
        for (std::size_t k = p.end; k < f.start && only_seps; ++k) {
          const char32_t ch = t_[k];
          only_seps = ch == U'，' || ch == U',' || ch == U'、' || ch == U'\n' || ch == U'\r' || is_space(ch);
        }
        if (only_seps && f.start - p.end <= 4) {
          auto r = parse(t_.slice(p.start, f.end));
          if (r && r->kind == ast::RuleKind::milestones) {
            p.end = f.end;
            p.text = t_.bytes(p.start, p.end);
            p.canonical = canonical(*r);
            p.kind = r->kind;
            if (p.trigger.empty()) p.trigger = f.trigger;
            if (!f.action.empty() && f.action != p.action) p.action += "；" + f.action;
            continue;
          }
        }
      }
      out.push_back(std::move(f));
    }
    found_ = std::move(out);
  }
};

}  // namespace

Extraction extract_all(std::string_view utf8) { return Scanner(utf8).run(); }

std::vector<Found> extract(std::string_view utf8) { return extract_all(utf8).found; }

}  // namespace shixian
