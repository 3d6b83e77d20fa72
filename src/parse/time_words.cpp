#include "parse/time_words.hpp"

#include <array>

namespace shixian::grammar {

namespace {

std::size_t char_len(unsigned char lead) { return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4; }

bool starts(std::string_view s, std::size_t i, std::string_view w) { return s.substr(i, w.size()) == w; }

template <std::size_t N>
std::size_t starts_any(std::string_view s, std::size_t i, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words)
    if (starts(s, i, w)) return w.size();
  return 0;
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// 〇零一二两三四五六七八九十百千 (not 万: 万 starts 万元, 万人).
std::size_t numeral_len(std::string_view s, std::size_t i) {
  static constexpr std::array<std::string_view, 27> cn = {"〇", "零", "一", "二", "两", "三", "四", "五", "六",
                                                          "七", "八", "九", "十", "百", "千", "壹", "贰", "叁",
                                                          "肆", "伍", "陆", "柒", "捌", "玖", "拾", "佰", "仟"};
  if (i < s.size() && is_ascii_digit(s[i])) return 1;
  return starts_any(s, i, cn);
}

// Words that contain a time character and carry no time.
// Not 底数: 月底数据 must stay a time word.
constexpr std::array<std::string_view, 23> kTimeless = {
    "初步", "初审", "初稿", "初核", "初评", "初选", "初始", "初心", "首次", "首批", "首页", "首发",
    "首问", "首席", "首都", "末端", "底线", "底稿", "摸底", "兜底", "一次性", "一号文件", "一站式"};

// Characters that name a part of a period (月初, 年底, 季度末, 周末, 首月).
constexpr std::array<std::string_view, 4> kPart = {"初", "首", "末", "底"};
// After a number: a unit or a relational word makes it a time amount (3日, 五前).
constexpr std::array<std::string_view, 20> kAfterNumber = {"个", "日", "号", "时", "点", "次", "天", "周", "月", "年",
                                                           "季", "前", "后", "小时", "工作日", "星期", "旬", "以", "之", "内"};
constexpr std::array<std::string_view, 9> kWeekday = {"一", "二", "三", "四", "五", "六", "日", "天", "末"};

// Could a time word (or a timeless word) start with this character? Labels
// and triggers are scanned on every parse: one decode and a switch per
// character, the word lists only where one may start.
bool may_start(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return b0 >= '0' && b0 <= '9';
  if ((b0 >> 4) != 0xE || i + 2 >= s.size()) return false;
  const char32_t c = (char32_t{b0} & 0x0F) << 12 | (char32_t{static_cast<unsigned char>(s[i + 1])} & 0x3F) << 6 |
                     (char32_t{static_cast<unsigned char>(s[i + 2])} & 0x3F);
  switch (c) {
    case U'初': case U'首': case U'末': case U'底': case U'旬': case U'每': case U'最': case U'工': case U'第':
    case U'前': case U'周': case U'星': case U'礼': case U'摸': case U'兜': case U'〇': case U'零': case U'一':
    case U'二': case U'两': case U'三': case U'四': case U'五': case U'六': case U'七': case U'八': case U'九':
    case U'十': case U'百': case U'千': case U'壹': case U'贰': case U'叁': case U'肆': case U'伍': case U'陆':
    case U'柒': case U'捌': case U'玖': case U'拾': case U'佰': case U'仟':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::optional<TimeWord> find_time_word(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = char_len(static_cast<unsigned char>(s[i]));
    if (!may_start(s, i)) {
      i += n;
      continue;
    }
    // 月底, 季度末, but also 底 or 首 alone: SPEC lists them as time words
    // wherever they stand, except inside the timeless words (初步, 首页, 兜底).
    if (starts_any(s, i, kPart) && !starts_any(s, i, kTimeless)) return TimeWord{i, 3};
    if (const std::size_t t = starts_any(s, i, kTimeless)) {
      i += t;
      continue;
    }
    // 周五, 星期三, 礼拜天; 星期 and 礼拜 are units wherever they stand (周 alone is not: 周边, 周知).
    if (starts(s, i, "周"))
      if (const std::size_t d = starts_any(s, i + 3, kWeekday)) return TimeWord{i, 3 + d};
    for (std::string_view w : {std::string_view("星期"), std::string_view("礼拜")}) {
      if (starts(s, i, w)) return TimeWord{i, w.size() + starts_any(s, i + w.size(), kWeekday)};
    }
    if (starts(s, i, "旬") || starts(s, i, "每")) return TimeWord{i, 3};
    if (starts(s, i, "最后") || starts(s, i, "工作日")) return TimeWord{i, starts(s, i, "最后") ? 6u : 9u};
    // 第3个, 前5个, 前三季度: 第/前 before a number is always about time.
    if ((starts(s, i, "第") || starts(s, i, "前")) && numeral_len(s, i + 3) > 0) {
      std::size_t j = i + 3;
      while (const std::size_t k = numeral_len(s, j)) j += k;
      return TimeWord{i, j - i};
    }
    if (const std::size_t k0 = numeral_len(s, i)) {
      std::size_t j = i + k0;
      while (const std::size_t k = numeral_len(s, j)) j += k;
      if (const std::size_t u = starts_any(s, j, kAfterNumber)) return TimeWord{i, j + u - i};
      i = j;
      continue;
    }
    i += n;
  }
  return std::nullopt;
}

bool is_literal_date(std::string_view s) {
  // [YYYY年]M月D日 in ASCII digits, as the evaluator reads a literal T (自2016年1月31日起).
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && is_ascii_digit(s[i])) ++i;
    return i > start;
  };
  if (!digits()) return false;
  if (starts(s, i, "年")) {
    i += 3;
    if (!digits()) return false;
  }
  if (!starts(s, i, "月")) return false;
  i += 3;
  if (!digits() || !(starts(s, i, "日") || starts(s, i, "号"))) return false;
  return i + 3 == s.size();
}

}  // namespace shixian::grammar
