// SPEC §8's list of time vocabulary, written independently of the library's
// own check (src/parse/time_words.cpp), for the property "no parsed rule has
// time vocabulary inside a label, subject, count verb or trigger". Used by the
// corpus test and the rule fuzzer. Deliberately simple: a plain substring scan
// of SPEC's words (周X/星期X/礼拜X, 初, 首, 末, 底, 旬, 最后, 第N个, 前N个, a number
// followed by 日/号/时/点/次, or by 前/后 as in 每周五前), with the few words that contain one and carry no
// time listed as exceptions.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "shixian/ast.hpp"

namespace shixian::testing_support {

inline bool contains_time_vocabulary(std::string_view s) {
  static constexpr std::string_view exceptions[] = {"初步", "初审", "初稿", "初核", "初评", "初选", "初始", "初心",
                                                    "首次", "首批", "首页", "首发", "首问", "首席", "首都", "末端",
                                                    "底线", "底稿", "摸底", "兜底", "一次性", "一站式", "一号文件"};
  std::string t(s);
  for (std::string_view e : exceptions)
    for (std::size_t at; (at = t.find(e)) != std::string::npos;) t.replace(at, e.size(), "_");
  static constexpr std::string_view words[] = {"初", "首", "末", "底", "旬", "最后", "星期", "礼拜"};
  for (std::string_view w : words)
    if (t.find(w) != std::string::npos) return true;
  static constexpr std::string_view weekdays[] = {"一", "二", "三", "四", "五", "六", "日", "天"};
  static constexpr std::string_view numerals[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "一", "二",
                                                  "三", "四", "五", "六", "七", "八", "九", "十", "两",
                                                  "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "拾"};
  static constexpr std::string_view after_number[] = {"日", "号", "时", "点", "次", "个", "前", "后"};
  for (std::string_view d : weekdays)
    if (t.find(std::string("周") + std::string(d)) != std::string::npos) return true;
  for (std::string_view n : numerals) {
    for (std::string_view a : after_number)
      if (t.find(std::string(n) + std::string(a)) != std::string::npos) return true;
    if (t.find(std::string("第") + std::string(n)) != std::string::npos) return true;
    if (t.find(std::string("前") + std::string(n)) != std::string::npos) return true;
  }
  return false;
}

/// A literal date written as T (自2016年1月31日起): the one trigger allowed digits and 日.
inline bool is_date_text(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x80 && !(c >= '0' && c <= '9')) return false;
  return !s.empty() && s.size() >= 3 && (s.substr(s.size() - 3) == "日" || s.substr(s.size() - 3) == "号") &&
         s.find("月") != std::string_view::npos;
}

/// The open text of a rule that carries time vocabulary, or empty if none does.
inline std::string open_text_with_time_word(const ast::Rule& rule) {
  for (const ast::Item& item : rule.items) {
    if (contains_time_vocabulary(item.label)) return item.label;
    if (contains_time_vocabulary(item.subject)) return item.subject;
    const std::string found = std::visit(
        [](const auto& c) -> std::string {
          using C = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<C, ast::RelativeDeadline> || std::is_same_v<C, ast::Timely> ||
                        std::is_same_v<C, ast::EventDeadline> || std::is_same_v<C, ast::EventGate>) {
            if (!is_date_text(c.trigger.text) && contains_time_vocabulary(c.trigger.text)) return c.trigger.text;
            for (const std::string& a : c.trigger.alternatives)
              if (contains_time_vocabulary(a)) return a;
          } else if constexpr (std::is_same_v<C, ast::CountConstraint>) {
            if (contains_time_vocabulary(c.verb)) return c.verb;
          }
          return {};
        },
        item.clause);
    if (!found.empty()) return found;
  }
  return {};
}

}  // namespace shixian::testing_support
