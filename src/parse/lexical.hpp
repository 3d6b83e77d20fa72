// Lexical building blocks shared by the *_def.hpp files: plain parser
// expressions (not rules, no captures), safe to use inside lookaheads and
// stop sets. Input is normalized (normalize.hpp): ASCII digits and
// punctuation, no spaces, newlines kept as separators.
//
// The grammar steps through UTF-8 byte by byte (char_). That is safe because
// every literal here starts with an ASCII or lead byte, which never matches
// a continuation byte, so scans stop only on character boundaries.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

#include "parse/config.hpp"

namespace shixian::grammar::lex {

/// One whole UTF-8 character (malformed input never reaches the grammar:
/// normalize() rejects it). Scanning by character rather than by byte makes
/// open-text scans test their stop sets a third as often on Chinese text.
struct utf8_char_parser : x3::parser<utf8_char_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (first == last) return false;
    const auto lead = static_cast<unsigned char>(*first);
    const int n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    if (last - first < n) return false;
    first += n;
    return true;
  }
};
inline constexpr utf8_char_parser any_char{};

/// Open-vocabulary text, at most kOpenTextChars characters (fields.hpp).
template <class P>
constexpr auto open_text(P const& p, int max_chars = kOpenTextChars) {
  return x3::repeat(1, max_chars)[x3::as_parser(p)];
}
inline auto const ascii_digit = x3::char_('0', '9');
/// One Chinese numeral character: 〇 零 一 二 两 三 四 五 六 七 八 九 十 百 千 万.
/// A hand-written parser: numbers are tried at almost every position, and one
/// decode plus a switch is much cheaper than sixteen literal comparisons.
struct cn_digit_parser : x3::parser<cn_digit_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (last - first < 3) return false;
    const auto b0 = static_cast<unsigned char>(first[0]);
    if ((b0 >> 4) != 0xE) return false;
    const char32_t c = (char32_t{b0} & 0x0F) << 12 | (char32_t{static_cast<unsigned char>(first[1])} & 0x3F) << 6 |
                       (char32_t{static_cast<unsigned char>(first[2])} & 0x3F);
    switch (c) {
      case U'〇': case U'零': case U'一': case U'二': case U'两': case U'三': case U'四': case U'五':
      case U'六': case U'七': case U'八': case U'九': case U'十': case U'百': case U'千': case U'万':
      // Financial numerals (大写): 每季度至少公布壹次.
      case U'壹': case U'贰': case U'叁': case U'肆': case U'伍': case U'陆': case U'柒': case U'捌': case U'玖':
      case U'拾': case U'佰': case U'仟':
        first += 3;
        return true;
      default:
        return false;
    }
  }
};
inline constexpr cn_digit_parser cn_digit{};
/// A number as written: 3, 15, 三, 十五, 两, 二〇一六. Its value is checked in lower.cpp.
inline auto const number = +ascii_digit | +cn_digit;

/// Succeeds, consuming nothing, when one of `words` occurs before the next
/// hard separator (at most kOpenTextChars characters ahead): a byte search
/// that spares an open-text alternative which could only succeed with such a
/// word (中标候选人公示…: a subject, then 公示).
struct word_ahead_parser : x3::parser<word_ahead_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::array<std::string_view, 6> words;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    std::string_view ahead(&*first, static_cast<std::size_t>(std::min<std::ptrdiff_t>(last - first, 4 * kOpenTextChars)));
    for (std::size_t i = 0; i < ahead.size(); ++i) {
      const char c = ahead[i];
      if (c == ',' || c == ';' || c == ':' || c == '\n' || ahead.substr(i, 3) == "。") {
        ahead = ahead.substr(0, i);
        break;
      }
    }
    for (std::string_view w : words)
      if (!w.empty() && ahead.find(w) != std::string_view::npos) return true;
    return false;
  }
};

/// Item separators. 、 separates list items but may sit inside an event phrase.
inline auto const hard_sep = kw(",", ";", "。", "\n", ":");
inline auto const sep = kw(",", ";", "。", "\n", ":", "、");

inline auto const before_word = kw("之前", "以前", "前");
inline auto const after_word = kw("之日起", "之日后", "之后", "以后", "后", "起");
inline auto const within_word = kw("以内", "之内", "内");
inline auto const modal = kw("应当", "应", "要", "须", "需", "必须", "确保", "务必", "请", "保持");
/// Modal frames around a time phrase that carry no time of their own (SPEC §8):
/// 最迟应在…, 不能迟于信息生成后15个工作日, 原则上 is separate (it is recorded).
inline auto const frame = kw("最迟应当在", "最迟应在", "最迟应于", "最迟在", "最迟于", "最晚应在", "最晚在", "最晚于",
                             "最晚", "应当在", "应当于", "应在", "应于",
                             "须在", "须于", "必须在", "必须于", "需在", "不能迟于", "不应迟于", "不得迟于", "不迟于",
                             "不晚于", "不得晚于", "不应晚于", "最迟", "一般", "原则上应", "依法依规", "依法",
                             "按进展情况", "根据工作进展", "根据进展情况");
/// Prepositions dropped from the start of a trigger (SPEC §2).
/// 经 only where it starts no word (经济普查结束后 is T 经济普查结束, not 济普查结束).
inline auto const jing_prep = x3::lit("经") >> !kw("济", "营", "过", "费", "验", "常", "历", "典", "理", "销", "办", "手",
                                                   "纪", "贸", "委", "信", "开", "商", "度", "纬", "络", "久", "受");
inline auto const prep = kw("于", "在", "自", "从", "待") | jing_prep;
inline auto const lead = -frame >> -modal >> -kw("于", "在");

/// Upper bounds that mean "within" (SPEC §8: 不超过N个工作日 = N个工作日内).
inline auto const bound_word = kw("最长不得超过", "最长不超过", "最多不超过", "最长不能超过", "不得超过", "不超过",
                                  "不能超过", "不应超过", "不多于", "最长", "最多");
inline auto const unit_word =
    kw("个工作日", "工作日", "个小时", "小时", "日", "天", "个周", "周", "个星期", "星期", "个月", "年");
inline auto const timely_word = kw("及时", "第一时间", "即时", "立即", "实时", "随时", "当场");
inline auto const at_least = kw("至少", "不少于", "不得少于", "不低于");
inline auto const count_number = number >> -x3::lit("个") >> kw("次", "篇", "期");
inline auto const range_dash = kw("-", "~", "至", "到");

/// What may follow 后/前 when it ends a trigger: 后3个工作日, 后，在20个工作日内, 后及时.
/// A whole amount (number and unit), so that a numeral inside T (形成后万3个…)
/// does not end T early.
/// 信息产生后的20个工作日内: 的 after the relational word.
inline auto const continuation =
    -x3::lit(',') >> -x3::lit("的") >> lead >> -bound_word >> ((number >> unit_word) | timely_word);
/// A trigger ends at a relational word followed by a continuation.
inline auto const trigger_stop = (after_word | before_word) >> &continuation;

/// Where a trailing label must stop so the next item can start without a
/// separator ("7月底前启动9月底前完成" in a seed table cell).
inline auto const label_stop = ascii_digit | (+cn_digit >> kw("月", "年", "季度")) | kw("长期推进", "持续推进", "全年");

/// Words that start with a time character but carry no time (初步公开, 首次发布).
inline auto const timeless_start = kw("初步", "初审", "初稿", "初核", "初评", "初选", "首次", "首批", "首页", "首发",
                                      "首问", "一网", "一次性", "一站式", "一窗");
/// Time vocabulary (SPEC §8): a label never starts with it, so a time word
/// no construct consumes is an error at its character, never a label
/// ("每周五前" is not 每周 labelled 五前). A number is time vocabulary when a
/// label starts with a number either (五前, 二、四, 3次).
inline auto const label_no_start =
    (kw("之日起", "之日后", "之后", "以后", "后", "起", "之前", "以前", "前", "以内", "之内", "内", "至少", "不少于",
        "不得少于", "不低于", "个工作日", "工作日", "个小时", "小时", "日", "天", "个周", "周", "个星期", "星期",
        "礼拜", "个月", "年", "结束", "不超过", "其中", "以上", "末", "底", "定时", "定期", "初", "首", "旬", "上旬",
        "中旬", "下旬", "最后", "最迟", "中", "份", "第", "号", "时", "点", "次", "季", "半", "每", "以来", "开始", "度",
        "或") |
     number) -
    timeless_start;
/// 、 continues a label (审查、发布上述信息) unless the next item starts there.
inline auto const dun_continues =
    x3::lit("、") >> !(label_stop | kw("每", "按", "年", "次年", "明年", "上半年", "下半年", "第", "提前", "及时",
                                      "第一时间", "全年", "定期", "不定期", "适时", "视情", "常态化"));

}  // namespace shixian::grammar::lex
