// The notice grammar (X3 definitions). The input is normalized text: no
// whitespace, ASCII punctuation `( ) : , . ; [ ] - ~`, simplified characters.
//
//   notice    = { title | doc_number | intro | news_year | any } - item_head, { item }, [ signature | date_end ], { any }
//   item      = item_head, { sep | phrase | other_sentence }
//   item_head = [numeral], festival, { ("、" | "和"), festival }, ":"     (* 一、 1、 1. (一) *)
//             | numeral, festival, { … }, &day                          (* 2009: 三、清明节4月4日… *)
//             | festival, "放假", n, "天", &day                          (* 2008 newspaper: 元旦放假3天 *)
//   phrase    = total | joins | no_swap | arrangement
//   arrangement = day, ( [range_sep, day_tail], "放假", ["调休" | "公休"], [n, "天"]
//                      | { list_sep, day_tail }, ("上班" | "照常公休" | moved | "为", { any - sep })
//                      | "补休" )                          (* 1月1日为法定假日: a remark *)
//   moved     = ["两个"], "公休日", ["及", festival], ["分别"], "调至", day_tail, { list_sep, day_tail }
//                                                         (* one of these is expected after a leading date *)
//   day, day_tail, annotation: lexical.hpp
//
// Rules are named in Chinese: the names are what users read in
// “此处应为…” errors.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "notice/ast.hpp"
#include "notice/lexical.hpp"

namespace shixian::notice::grammar {

namespace x3 = boost::spirit::x3;
using lexical::chinese_date;
using lexical::day;
using lexical::day_tail;
using lexical::full_date;
using lexical::number;
using lexical::pos;
using lexical::set;
using lexical::year4;
using x3::char_;
using x3::eoi;
using x3::eps;
using x3::lit;

// ---- actions ---------------------------------------------------------------

inline auto const push_day = [](auto& ctx) { x3::_val(ctx).days.push_back(x3::_attr(ctx)); };
inline auto const push_range_end = [](auto& ctx) {
  x3::_val(ctx).days.push_back(x3::_attr(ctx));
  x3::_val(ctx).range = true;
};
inline auto kind(ast::PhraseKind k) {
  return [k](auto& ctx) { x3::_val(ctx).kind = k; };
}
inline auto const set_count = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx).count_at = boost::fusion::at_c<0>(a);
  x3::_val(ctx).count = boost::fusion::at_c<1>(a);
};
inline auto const push_festival = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx).festivals.push_back({boost::fusion::at_c<0>(a), boost::fusion::at_c<1>(a)});
};
inline auto const assign = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };
inline auto const push_phrase = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  ast::Phrase phrase = boost::fusion::at_c<0>(a);
  phrase.end = boost::fusion::at_c<1>(a);
  x3::_val(ctx).phrases.push_back(std::move(phrase));
};
inline auto const push_item = [](auto& ctx) { x3::_val(ctx).items.push_back(x3::_attr(ctx)); };
inline auto year_mention(std::optional<ast::YearMention> ast::Notice::*member) {
  return [member](auto& ctx) {
    auto& a = x3::_attr(ctx);
    if (!(x3::_val(ctx).*member)) x3::_val(ctx).*member = ast::YearMention{boost::fusion::at_c<0>(a), boost::fusion::at_c<1>(a)};
  };
}
inline auto const set_number = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  if (!x3::_val(ctx).number.empty()) return;
  x3::_val(ctx).number = boost::fusion::at_c<0>(a) + "〔" + std::to_string(boost::fusion::at_c<1>(a)) + "〕" +
                         std::to_string(boost::fusion::at_c<2>(a)) + "号";
};

// ---- vocabulary ------------------------------------------------------------

/// Festival names as notices write them → canonical names (holidays/README.md).
struct festivals_t : x3::symbols<std::string> {
  festivals_t() {
    add("元旦", "元旦")("新年", "元旦")("春节", "春节")("清明节", "清明节")("清明", "清明节")
       ("劳动节", "劳动节")("五一", "劳动节")("五一劳动节", "劳动节")("国际劳动节", "劳动节")("五一国际劳动节", "劳动节")
       ("端午节", "端午节")("端午", "端午节")("中秋节", "中秋节")("中秋", "中秋节")
       ("国庆节", "国庆节")("国庆", "国庆节")("十一", "国庆节")
       ("抗战胜利纪念日", "抗战胜利纪念日")("中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日", "抗战胜利纪念日");
  }
};
inline festivals_t const festivals;

/// Prefixes of State Council 文号.
struct doc_prefixes_t : x3::symbols<std::string> {
  doc_prefixes_t() {
    add("国办发明电", "国办发明电")("国办发", "国办发")("国发明电", "国发明电")("国发", "国发");
  }
};
inline doc_prefixes_t const doc_prefixes;

// ---- rules -----------------------------------------------------------------

x3::rule<class arrangement_class, ast::Phrase> const arrangement = "放假安排";
x3::rule<class verb_class> const verb = "“放假”“上班”或“补休”";
x3::rule<class count_class, unsigned> const count = "天数（如“共3天”）";
x3::rule<class total_class, ast::Phrase> const total = "共N天";
x3::rule<class joins_class, ast::Phrase> const joins = "与周末连休";
x3::rule<class no_swap_class, ast::Phrase> const no_swap = "不调休";
x3::rule<class phrase_class, ast::Phrase> const phrase = "放假安排";
x3::rule<class item_head_class, ast::Item> const item_head = "条目（如“一、元旦：”）";
x3::rule<class item_class, ast::Item> const item = "条目";
x3::rule<class signature_class, ast::DayRef> const signature = "落款（国务院办公厅 YYYY年M月D日）";
x3::rule<class notice_class, ast::Notice> const notice = "节假日安排通知";

auto const sentence_sep = lit(",") | lit(".") | lit(";") | lit("!") | lit("?") | lit(":");
auto const range_sep = lit("至") | lit("到") | lit("-") | lit("~");
auto const list_sep = lit("、") | lit(",") | lit("和") | lit("及");

auto const verb_def = eps(false);
auto const count_def = x3::uint_parser<unsigned, 10, 1, 3>{} >> lit("天");

// 2007–2009: 1月4日（星期日）公休日调至1月2日（星期五） · 1月24日、2月1日两个公休日调至1月29日、1月30日
// · 10月3日公休日及中秋节分别调至10月5日、10月6日. The weekend moved is a working day
// (said again with 上班), the days it moves to lie inside the 放假 range: they are checked
// to be off and give no new day.
// The days moved to are listed with 、 only: a comma ends the list (…调至5月2日（星期五），5月4日（星期日）上班).
auto const moved = -(lit("两个") | lit("二个") | lit("三个")) >> lit("公休日") >>
                   -(lit("及") >> x3::omit[festivals]) >> -lit("分别") >> lit("调至") >>
                   x3::omit[day_tail % (lit("、") | lit("和") | lit("及"))];

// 调休放假 / 全国放假 (2015 纪念日) are 放假; 9月4日调休 is a weekday given as rest (not 调休上班);
// 2月3日起正常上班 (2020 延长) names the first working day after the break.
auto const arrangement_tail =
    (-((range_sep >> day_tail)[push_range_end]) >> -lit("全国") >> -lit("调休") >>
     lit("放假")[kind(ast::PhraseKind::off)] >> -(lit("调休") | lit("公休")) >>
     -((pos >> number >> lit("天"))[set_count])) |
    (*((list_sep >> day_tail)[push_day]) >>
     (lit("上班")[kind(ast::PhraseKind::work)] | lit("照常公休")[kind(ast::PhraseKind::restated)] |
      moved[kind(ast::PhraseKind::moved)] |
      (-lit(",") >> lit("为") >> *(char_ - sentence_sep))[kind(ast::PhraseKind::remark)] |
      (lit("调休") >> !lit("上班"))[kind(ast::PhraseKind::swapped_rest)] |
      lit("起正常上班")[kind(ast::PhraseKind::resume)])) |
    lit("补休")[kind(ast::PhraseKind::compensatory)];
auto const arrangement_def = pos[set(&ast::Phrase::at)] >> day[push_day] >> (arrangement_tail | (eps > verb));
// A sentence may start with a date without its month (2007: …照常公休，17日、25日上班): the
// month is the item's previous date's (notice.cpp). It is an arrangement when a verb follows;
// otherwise it is commentary or page text (下一篇：…8日起可拨打…), as a sentence not starting
// with a date is.
x3::rule<class month_less_class, ast::Phrase> const month_less = "放假安排";
auto const month_less_def = pos[set(&ast::Phrase::at)] >> day_tail[push_day] >> arrangement_tail;

auto const total_def = pos[set(&ast::Phrase::at)] >> lit("共")[kind(ast::PhraseKind::total)] >> &x3::char_('0', '9') >>
                       pos[set(&ast::Phrase::count_at)] > count[set(&ast::Phrase::count)];
auto const joins_def = pos[set(&ast::Phrase::at)] >>
                       (lit("与周末连休") | lit("与周六连休") | lit("与周日连休") | lit("与双休日连休") |
                        lit("与周末相连"))[kind(ast::PhraseKind::joins_weekend)];
auto const no_swap_def = pos[set(&ast::Phrase::at)] >> lit("不调休")[kind(ast::PhraseKind::no_swap)];
// 其中9月3日（星期四）放假 (2015): 其中 glued to the date opens a phrase; 其中， stays commentary.
auto const phrase_def = -lit("其中") >> (total | joins | no_swap | arrangement | month_less);

auto const head_festivals = (pos >> festivals)[push_festival] >>
                            *(((lit("、") | lit("和")) >> pos >> festivals)[push_festival]);
// 一、 · 1、 · 1. · (一) — or none, as news reposts list 元旦：… 春节：… without numbers.
auto const item_number = x3::omit[(lexical::item_numerals >> lit("、")) | (number >> (lit("、") | lit("."))) |
                                  (lit("(") >> lexical::item_numerals >> lit(")"))];
// The colon may be missing after a numbered head (2009: 三、清明节4月4日至6日放假).
inline auto const mark_numbered = [](auto& ctx) { x3::_val(ctx).numbered = true; };
inline auto const if_numbered = [](auto& ctx) { x3::_pass(ctx) = x3::_val(ctx).numbered; };
// A newspaper's heading instead of the item head (北京晚报 2008: 元旦放假3天⏎2007年12月30日至…): only
// when a date follows at once, so 今年春节放假7天，… in running text is not a head.
inline auto const set_heading_count = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx).heading_count_at = boost::fusion::at_c<0>(a);
  x3::_val(ctx).heading_count = boost::fusion::at_c<1>(a);
};
auto const item_head_def = pos[set(&ast::Item::at)] >> -item_number[mark_numbered] >> head_festivals >>
                           (lit(":") | (eps[if_numbered] >> &day) |
                            (lit("放假") >> (pos >> number >> lit("天"))[set_heading_count] >> &day));

auto const signature_def = lit("国务院办公厅") >> (full_date[assign] | chinese_date[assign]);
auto const date_at_end = full_date >> eoi;  // an unsigned date closing the text: the notice's date
// An item head starts with a numeral, a digit, "(" or a festival: tested first, so that the item
// head rule (which builds an Item each time it is tried) runs only where one can start.
auto const at_item_head = &(lexical::item_numerals | char_('0', '9') | lit("(") | festivals) >> item_head;
auto const other_sentence = !day >> +(char_ - sentence_sep - at_item_head - signature);
inline auto const set_end = [](auto& ctx) { x3::_val(ctx).end = x3::_attr(ctx); };
auto const item_def = item_head[assign] >>
                      *(sentence_sep | (!date_at_end >> (phrase >> pos)[push_phrase]) | other_sentence) >> pos[set_end];

auto const title = lit("关于") >> pos >> year4 >> lit("年部分节假日安排");
auto const doc_number = doc_prefixes >> lit("[") >> year4 >> lit("]") >> number >> lit("号");
auto const intro = lit("现将") >> pos >> year4 >> lit("年");
// 发布2019年部分节假日安排 · 就2021年元旦……作出具体安排 · 明确了2008年部分节假日的安排
// (Two expressions, each with its action: as one alternative their attribute would be a variant.)
auto const news_year = (lit("发布") | lit("就")) >> pos >> year4 >> lit("年");
auto const news_year_plain = &x3::char_('0', '9') >> pos >> year4 >> lit("年部分节假日");
auto const header_mention = title[year_mention(&ast::Notice::title_year)] | doc_number[set_number] |
                           intro[year_mention(&ast::Notice::intro_year)] |
                           news_year[year_mention(&ast::Notice::news_year)] |
                           news_year_plain[year_mention(&ast::Notice::news_year)];
auto const notice_def = *(!at_item_head >> (header_mention | char_)) >> *item[push_item] >>
                        -(signature[set(&ast::Notice::published)] | date_at_end[set(&ast::Notice::published)]) >> *char_;
// What comes before a notice's salutation when a site's summary there looks like items (②春节:…):
// only its title, 文号 and year are read.
x3::rule<class notice_header_class, ast::Notice> const notice_header = "通知标题";
auto const notice_header_def = *(header_mention | char_);

// ---- special notices (延长 / 调整 / 纪念日): the body after the salutation or title ----------
//
//   special_notice = { sep | item_number | doc_number | special_signature | special_phrase | other }
//   special_phrase = extension | phrase
//   extension      = "延长", [year, "年"], festival, "假期至", day_tail    (* 延长2020年春节假期至2月2日 *)
//
// Every sentence that starts with a date must read as an arrangement, as in a yearly notice.

x3::rule<class extension_class, ast::Phrase> const extension = "延长……假期至M月D日";
x3::rule<class special_phrase_class, ast::Phrase> const special_phrase = "放假安排";
x3::rule<class special_signature_class, ast::DayRef> const special_signature = "落款（国务院（办公厅） YYYY年M月D日）";
x3::rule<class special_notice_class, ast::SpecialNotice> const special_notice = "专项通知";
x3::rule<class publication_date_class, ast::DayRef> const publication_date = "发布日期";
x3::rule<class doc_number_class, ast::SpecialNotice> const doc_number_rule = "文号";
auto const doc_number_rule_def = doc_number[set_number];

auto const extension_def = pos[set(&ast::Phrase::at)] >> lit("延长") >> -x3::omit[year4 >> lit("年")] >>
                           x3::omit[festivals] >> lit("假期") >> lit("至")[kind(ast::PhraseKind::extend_to)] >>
                           day_tail[push_day];
auto const special_phrase_def = extension | phrase;
auto const special_signature_def = (lit("国务院办公厅") | lit("国务院")) >> (full_date[assign] | chinese_date[assign]);
auto const special_other = !day >> +(char_ - sentence_sep - special_signature);
auto const special_notice_def =
    *(sentence_sep | item_number | doc_number[set_number] | special_signature[set(&ast::SpecialNotice::signed_on)] |
      (special_phrase >> pos)[push_phrase] | special_other);

// 发布日期：2019-03-22 · [发布日期]2019-03-22 · 发布日期：2015年12月10日 (metadata blocks of gov.cn and
// its mirrors). 发布时间 of a repost site is its own posting time, so it is not read.
inline auto const set_iso_date = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx).at = boost::fusion::at_c<0>(a);
  x3::_val(ctx).year = boost::fusion::at_c<1>(a);
  x3::_val(ctx).month = boost::fusion::at_c<2>(a);
  x3::_val(ctx).day = boost::fusion::at_c<3>(a);
};
// Months and days of two digits at most: line breaks are gone, so the next line's item number may follow.
inline x3::uint_parser<unsigned, 10, 1, 2> const two_digits{};
auto const iso_date = (pos >> year4 >> lit("-") >> two_digits >> lit("-") >> two_digits)[set_iso_date];
auto const publication_date_def = lit("发布日期") >> -lit("]") >> -lit(":") >> (iso_date | full_date[assign]);

BOOST_SPIRIT_DEFINE(verb, count, arrangement, month_less, total, joins, no_swap, phrase,
                    item_head, item, signature, notice, notice_header,
                    extension, special_phrase, special_signature, special_notice, publication_date, doc_number_rule)

}  // namespace shixian::notice::grammar
