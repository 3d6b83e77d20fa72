// The label table: every named expectation in the grammar, in Chinese and
// English. The grammar passes these pointers to L(...); error messages join
// the labels that failed at the farthest position. One table, next to the
// grammar, so wording is reviewed in one place.
#pragma once

#include <string_view>

namespace shixian::grammar::labels {

struct Label {
  const char* zh;
  const char* en;
};

inline constexpr Label item{"时间短语（如“3个工作日内”“12月底前”“每季度”）",
                            "a time phrase (such as 3个工作日内, 12月底前, 每季度)"};
inline constexpr Label unit{"时间单位（个工作日、日、小时、周、个月、年）",
                            "a unit (个工作日, 日, 小时, 周, 个月, 年)"};
inline constexpr Label month_tail{"“底”“末”“上旬”“中旬”“下旬”“D日”或“前”",
                                  "底, 末, 上旬, 中旬, 下旬, a day (D日) or 前 after the month"};
inline constexpr Label continuation{"天数或时效词（如“3个工作日”“及时”）",
                                    "an amount or a timeliness word (such as 3个工作日, 及时)"};
inline constexpr Label number{"数字", "a number"};
inline constexpr Label month_number{"月份数字", "a month number"};
inline constexpr Label month_char{"“月”", "月"};
inline constexpr Label rparen{"“）”", "a closing parenthesis ）"};
inline constexpr Label end{"“，”“；”或结尾", "a separator (，；) or the end of the rule"};
inline constexpr Label frequency{"周期（每日、每周、每月、每季度、每半年、每年）",
                                 "a frequency (每日, 每周, 每月, 每季度, 每半年, 每年)"};
inline constexpr Label working_day_word{"“工作日”", "工作日"};
inline constexpr Label times_count{"次数（如“1次”）", "a number of times (such as 1次)"};
inline constexpr Label amount{"数量（如“3个工作日”“5日”）", "an amount (such as 3个工作日, 5日)"};

inline constexpr Label all[] = {item,   unit, month_tail, continuation,     number,      month_number, month_char,
                                rparen, end,  frequency,  working_day_word, times_count, amount};

/// The English text for a Chinese label pointer (the same string if unknown).
inline const char* english(const char* zh) {
  for (const Label& l : all)
    if (std::string_view(l.zh) == zh) return l.en;
  return zh;
}

}  // namespace shixian::grammar::labels
