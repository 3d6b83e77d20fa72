// What the notice grammar reads, before any checking: positions are pointers
// into the normalized text (see normalize.hpp), numbers are as written.
// notice.cpp turns this into dates, checks it and builds the YearArrangement.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace shixian::notice::ast {

using Pos = const char*;

/// （农历腊月二十八、周日）: only the weekday is used; 0 = none written.
struct Annotation {
  Pos weekday_at = nullptr;
  unsigned weekday = 0;  // [0, 7], ISO: 1 = Monday
};

/// 2018年12月30日 · 1月1日（周四） · 3日（周六） (the month and year may be implied).
struct DayRef {
  Pos at = nullptr;
  std::optional<unsigned> year;
  std::optional<unsigned> month;
  unsigned day = 0;
  Annotation note;
};

enum class PhraseKind {
  off,            ///< D[至D]放假[调休][N天]
  work,           ///< D、D上班
  compensatory,   ///< D补休
  total,          ///< 共N天
  joins_weekend,  ///< 与周末连休
  no_swap,        ///< 不调休
  remark,         ///< 1月1日为法定假日 (older notices): no effect
  restated,       ///< 1月31日照常公休 (2007–2009): days already in the break
  moved,          ///< 1月4日公休日调至1月2日 (2007–2009): the weekend days moved into the break
  swapped_rest,   ///< 9月4日（星期五）调休 (2015 纪念日): a weekday given as rest
  extend_to,      ///< 延长2020年春节假期至2月2日 (special notices): the break now ends on days[0]
  resume,         ///< 2月3日（星期一）起正常上班: the first working day after the break
};

struct Phrase {
  PhraseKind kind = PhraseKind::off;
  Pos at = nullptr;
  Pos end = nullptr;
  std::vector<DayRef> days;  ///< off: [first] or [first, last]; work, restated: the list; compensatory: [day]
  bool range = false;        ///< off: days[1] is the range's end
  Pos count_at = nullptr;
  std::optional<unsigned> count;  ///< 共N天 / 放假N天
};

struct FestivalName {
  Pos at = nullptr;
  std::string name;  ///< canonical: 元旦 春节 清明节 劳动节 端午节 中秋节 国庆节 抗战胜利纪念日
};

/// 二、春节：…  (one numbered item; merged festivals have several names).
struct Item {
  Pos at = nullptr;
  std::vector<FestivalName> festivals;
  std::vector<Phrase> phrases;
  bool numbered = false;  ///< 一、 · 1. · (一) written before the festival
  Pos heading_count_at = nullptr;
  std::optional<unsigned> heading_count;  ///< 元旦放假3天 (a newspaper's heading instead of 一、元旦：)
  Pos end = nullptr;      ///< just past the item's last sentence
};

struct YearMention {
  Pos at = nullptr;
  unsigned year = 0;
};

/// A special notice (延长/调整/纪念日) after its title: what it changes, as one
/// festival's sentences; the festival and the year come from the title (notice.cpp).
struct SpecialNotice {
  std::string number;               ///< 国办发明电〔2020〕1号
  std::optional<DayRef> signed_on;  ///< 国务院办公厅 2020年1月26日
  std::vector<Phrase> phrases;
};

struct Notice {
  std::optional<YearMention> title_year;  ///< 关于2016年部分节假日安排的通知
  std::optional<YearMention> intro_year;  ///< 现将2016年元旦……
  std::optional<YearMention> news_year;   ///< 发布2019年部分节假日安排 · 就2021年元旦……作出具体安排
  std::string number;                     ///< 国办发明电〔2015〕18号, canonical brackets
  std::optional<DayRef> published;        ///< 国务院办公厅 2015年12月10日
  std::vector<Item> items;
};

}  // namespace shixian::notice::ast
