// Focused tests of the rule language: AST contents, spans, triggers, the
// event lexicon, numerals, errors (positions, messages, carets), limits,
// robustness, and a round-trip property over generated ASTs.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>

#include "parse/lower.hpp"
#include "shixian/parse.hpp"
#include "time_vocabulary.hpp"

namespace shixian::ast {
// gtest prints rules by their canonical form.
void PrintTo(const Rule& r, std::ostream* os) { *os << canonical(r) << " [" << to_string(r.kind) << "]"; }
void PrintTo(const Item& it, std::ostream* os) { *os << canonical(Rule{RuleKind::deadline, {it}}); }
}  // namespace shixian::ast

namespace {

using namespace shixian;
using namespace shixian::ast;

Rule must_parse(std::string_view text) {
  auto r = parse(text);
  EXPECT_TRUE(r) << text << ": " << (r ? "" : r.error().error.message);
  return r ? *r : Rule{};
}

ParseError must_fail(std::string_view text) {
  auto r = parse(text);
  EXPECT_FALSE(r) << text << " parsed as " << (r ? canonical(*r) : "");
  return r ? ParseError{} : r.error();
}

// By value: callers pass temporaries (clause<T>(must_parse(…))).
template <class T>
T clause(const Rule& r, std::size_t i = 0) {
  if (i >= r.items.size() || !std::holds_alternative<T>(r.items[i].clause)) {
    ADD_FAILURE() << "item " << i << " of " << canonical(r) << " has another type";
    return T{};
  }
  return std::get<T>(r.items[i].clause);
}

std::string_view slice(std::string_view text, Span s) { return text.substr(s.begin, s.end - s.begin); }

// ---- AST contents ----------------------------------------------------------

TEST(RelativeDeadline, WorkingDaysAfterTrigger) {
  const Rule r = must_parse("形成文件后3个工作日公开");
  ASSERT_EQ(r.items.size(), 1u);
  const auto& d = clause<RelativeDeadline>(r);
  EXPECT_EQ(d.trigger.text, "形成文件");
  EXPECT_EQ(d.trigger.event, "形成文件");
  EXPECT_EQ(d.direction, Direction::after);
  EXPECT_EQ(d.amount.value, 3u);
  EXPECT_EQ(d.amount.unit, Unit::working_days);
  EXPECT_EQ(r.items[0].label, "公开");
  EXPECT_EQ(r.kind, RuleKind::deadline);
}

TEST(RelativeDeadline, UnitsAndDirections) {
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("签订起3天内")).amount.unit, Unit::days);
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("突发事件发生后24小时内")).amount.unit, Unit::hours);
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("送达后2周内")).amount.unit, Unit::weeks);
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("决定送达后1个月内")).amount.unit, Unit::months);
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("形成文件后1年内")).amount.unit, Unit::years);
  const auto& advance = clause<RelativeDeadline>(must_parse("提前2个工作日发布信息"));
  EXPECT_EQ(advance.direction, Direction::before);
  EXPECT_TRUE(advance.trigger.implicit());
  const auto& before = clause<RelativeDeadline>(must_parse("检修前2个工作日"));
  EXPECT_EQ(before.direction, Direction::before);
  EXPECT_EQ(before.trigger.text, "检修");
}

TEST(Trigger, StripsPrepositionsAndZhiRi) {
  // SPEC §2's own examples.
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("于人大批复后30个工作日内")).trigger.text, "人大批复");
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("自文件公开之日起3个工作日内")).trigger.text, "文件公开");
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("在执行政策前3个工作日")).trigger.text, "执行政策");
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("经人大批复后，在20个工作日内公开")).trigger.text, "人大批复");
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("从收到文件起2个工作日内")).trigger.text, "收到文件");
}

TEST(Trigger, ImplicitWhenNoneNamed) {
  EXPECT_TRUE(clause<RelativeDeadline>(must_parse("在3个工作日内予以公开")).trigger.implicit());
  EXPECT_TRUE(clause<RelativeDeadline>(must_parse("24小时内")).trigger.implicit());
  EXPECT_TRUE(clause<Timely>(must_parse("及时公开")).trigger.implicit());
  EXPECT_TRUE(clause<Timely>(must_parse("第一时间")).trigger.implicit());
}

TEST(Trigger, OpenVocabularyKeepsInnerRelationalWords) {
  // 起 in 起草 and 后 in 后续 do not end T: only a 后/起/前 followed by an amount does.
  // SPEC §8: the subject written ahead of a known event is not part of T.
  const Rule r = must_parse("起草部门收到文件后3个工作日内");
  EXPECT_EQ(clause<RelativeDeadline>(r).trigger.text, "收到文件");
  EXPECT_EQ(r.items[0].subject, "起草部门");
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("起草部门后续事项完成后3个工作日内")).trigger.text, "起草部门后续事项完成");
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("特别重大、重大突发事件发生后，应在24小时内举行新闻发布会"))
                .trigger.text,
            "特别重大、重大突发事件发生");
}

TEST(Trigger, NamedPeriod) {
  const auto& d = clause<RelativeDeadline>(must_parse("复议期届满后5个工作日公开"));
  EXPECT_EQ(d.trigger.period, "复议期");
  EXPECT_EQ(d.amount.value, 5u);
  EXPECT_EQ(clause<RelativeDeadline>(must_parse("公示期满后3个工作日内")).trigger.period, "公示期");
}

TEST(Lexicon, AliasesResolveToOneKey) {
  EXPECT_EQ(canonical_event("文件形成"), "形成文件");
  EXPECT_EQ(canonical_event("形成文件"), "形成文件");
  EXPECT_EQ(canonical_event("收文"), "收到文件");
  EXPECT_EQ(canonical_event("签订合同"), "合同签订");
  EXPECT_EQ(canonical_event("复议期满"), "复议期届满");
  EXPECT_EQ(canonical_event("没有这个事件"), std::nullopt);
  EXPECT_EQ(canonical_event(""), std::nullopt);
  // Rules naming the event either way are equal.
  EXPECT_EQ(must_parse("文件形成后3个工作日内"), must_parse("形成文件后3个工作日内"));
  EXPECT_EQ(must_parse("收文后5个工作日内"), must_parse("收到文件后5个工作日内"));
  EXPECT_NE(must_parse("检修后5个工作日内"), must_parse("收到文件后5个工作日内"));
}

TEST(CalendarAnchor, Kinds) {
  auto a = clause<CalendarAnchor>(must_parse("次年1月中旬前"));
  EXPECT_EQ(a.year.kind, YearKind::next);
  EXPECT_EQ(a.kind, AnchorKind::xun);
  EXPECT_EQ(a.month, 1u);
  EXPECT_EQ(a.xun, Xun::middle);
  EXPECT_TRUE(a.before);
  a = clause<CalendarAnchor>(must_parse("2016年第2季度末"));
  EXPECT_EQ(a.year.kind, YearKind::explicit_year);
  EXPECT_EQ(a.year.value, 2016);
  EXPECT_EQ(a.kind, AnchorKind::quarter_end);
  EXPECT_EQ(a.quarter, 2u);
  EXPECT_EQ(clause<CalendarAnchor>(must_parse("9月前")).kind, AnchorKind::month_before);
  EXPECT_EQ(clause<CalendarAnchor>(must_parse("年中")).kind, AnchorKind::mid_year);
  EXPECT_EQ(clause<CalendarAnchor>(must_parse("上半年")).kind, AnchorKind::first_half);
  EXPECT_EQ(clause<CalendarAnchor>(must_parse("年内")).kind, AnchorKind::year_end);
  EXPECT_EQ(clause<CalendarAnchor>(must_parse("2016年\n12月底前")).year.value, 2016);
}

TEST(CalendarAnchor, ListsAndMilestones) {
  const Rule list = must_parse("9月9日、11月25日前");
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(clause<CalendarAnchor>(list, 0).day, 9u);
  EXPECT_EQ(clause<CalendarAnchor>(list, 1).month, 11u);
  EXPECT_EQ(list.kind, RuleKind::deadline);
  const Rule m = must_parse("7月底前启动，9月底前完成");
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_EQ(m.items[0].label, "启动");
  EXPECT_EQ(m.items[1].label, "完成");
  EXPECT_EQ(m.kind, RuleKind::milestones);
  // A seed cell wrote the two milestones without a separator.
  EXPECT_EQ(must_parse("7月底前启动9月底前完成"), m);
  EXPECT_EQ(must_parse("年中督查，年底考核").kind, RuleKind::milestones);
}

TEST(EventGates, WaitAndPrevails) {
  const Rule r = must_parse("2016年9月前完成（以区人大常委会审议时间为准）");
  ASSERT_EQ(r.items.size(), 2u);
  const auto& g = clause<EventGate>(r, 1);
  EXPECT_EQ(g.kind, GateKind::prevails);
  EXPECT_EQ(g.trigger.text, "区人大常委会审议");
  const auto& w = clause<EventGate>(must_parse("待省、市级部门公开行政审批地方标准后"));
  EXPECT_EQ(w.kind, GateKind::wait_for);
  EXPECT_EQ(w.trigger.text, "省、市级部门公开行政审批地方标准");
  EXPECT_EQ(clause<EventDeadline>(must_parse("市依申请公开系统正式投入使用前")).trigger.text, "市依申请公开系统正式投入使用");
}

TEST(Recurrence, SeasonStartOffset) {
  auto r = clause<Recurrence>(must_parse("流行季节（4-10月）每月定期发布"));
  EXPECT_EQ(r.frequency, Frequency::monthly);
  ASSERT_TRUE(r.season);
  EXPECT_EQ(r.season->name, "流行季节");
  EXPECT_EQ(r.season->from_month, 4u);
  EXPECT_EQ(r.season->to_month, 10u);
  r = clause<Recurrence>(must_parse("自2016年起每季度应向社会公开"));
  EXPECT_EQ(r.start_year, 2016);
  EXPECT_EQ(r.frequency, Frequency::quarterly);
  r = clause<Recurrence>(must_parse("每季度结束后15个工作日内"));
  ASSERT_TRUE(r.offset);
  EXPECT_EQ(r.offset->value, 15u);
  EXPECT_EQ(must_parse("每季度末"), must_parse("按季"));
  r = clause<Recurrence>(must_parse("每月10日前公开上月数据"));
  ASSERT_TRUE(r.due);
  EXPECT_EQ(r.due->month, 0u);
  EXPECT_EQ(r.due->day, 10u);
  r = clause<Recurrence>(must_parse("每年3月底前"));
  ASSERT_TRUE(r.due);
  EXPECT_EQ(r.due->kind, AnchorKind::month_end);
  EXPECT_EQ(r.due->month, 3u);
  EXPECT_EQ(clause<Recurrence>(must_parse("每月底前")).due->kind, AnchorKind::month_end);
  EXPECT_TRUE(clause<HolidayRecurrence>(must_parse("在重大节日前发布")).major);
  EXPECT_FALSE(clause<HolidayRecurrence>(must_parse("节前")).major);
}

TEST(CountConstraint, Forms) {
  auto c = clause<CountConstraint>(must_parse("年内至少5次"));
  EXPECT_EQ(c.scope, CountScope::within_year);
  EXPECT_EQ(c.at_least, 5u);
  const Rule p = must_parse("原则上每月一次");
  c = clause<CountConstraint>(p);
  EXPECT_EQ(c.scope, CountScope::each_period);
  EXPECT_EQ(c.period, Frequency::monthly);
  EXPECT_EQ(c.at_least, 1u);
  EXPECT_TRUE(p.items[0].in_principle);
  const Rule v = must_parse("年内至少听取一次政务公开工作汇报");
  EXPECT_EQ(clause<CountConstraint>(v).verb, "听取");
  EXPECT_EQ(v.items[0].label, "政务公开工作汇报");
  EXPECT_EQ(canonical(v), "年内听取至少1次政务公开工作汇报");
  EXPECT_EQ(canonical(must_parse("年内解读重要政策措施不少于1次")), "年内解读重要政策措施至少1次");
  EXPECT_EQ(clause<CountConstraint>(must_parse("不少于1次")).scope, CountScope::plan);
}

TEST(DisplayInterval, Forms) {
  auto d = clause<DisplayInterval>(must_parse("公示不得少于3个工作日"));
  EXPECT_EQ(d.what, "公示");
  EXPECT_EQ(d.minimum.unit, Unit::working_days);
  EXPECT_EQ(must_parse("7个公示工作日"), must_parse("公示不得少于7个工作日"));
  EXPECT_EQ(must_parse("公示期不得少于3个工作日"), must_parse("公示3个工作日"));
  d = clause<DisplayInterval>(must_parse("不得少于5日，其中必须含1个以上工作日"));
  EXPECT_EQ(d.minimum.unit, Unit::days);
  EXPECT_EQ(d.minimum.value, 5u);
  EXPECT_EQ(d.min_working_days, 1u);
}

TEST(OpenObligations, Words) {
  EXPECT_EQ(must_parse("全年工作").kind, RuleKind::continuous);
  EXPECT_EQ(must_parse("长期推进").kind, RuleKind::ongoing);
  EXPECT_EQ(must_parse("常态化管理").kind, RuleKind::ongoing);
  EXPECT_EQ(must_parse("适时发布").kind, RuleKind::unspecified);
  EXPECT_EQ(clause<Unspecified>(must_parse("不定期")).word, UnspecifiedWord::irregular);
  EXPECT_EQ(clause<Unspecified>(must_parse("定期")).word, UnspecifiedWord::periodic);
  EXPECT_EQ(clause<ExternalReference>(must_parse("按预算法规定时限完成")).reference, "预算法规定时限");
  EXPECT_EQ(must_parse("按照财政部相关部署，全年工作").kind, RuleKind::external);
  EXPECT_EQ(clause<Timely>(must_parse("实时查询")).kind, Timeliness::real_time);
  EXPECT_EQ(clause<Timely>(must_parse("与文件同步公开")).kind, Timeliness::synchronous);
}

TEST(RuleKind, Names) {
  EXPECT_STREQ(to_string(RuleKind::deadline), "deadline");
  EXPECT_STREQ(to_string(RuleKind::milestones), "milestones");
  EXPECT_STREQ(to_string(RuleKind::recurring), "recurring");
  EXPECT_STREQ(to_string(RuleKind::count), "count");
  EXPECT_STREQ(to_string(RuleKind::duration), "duration");
  EXPECT_STREQ(to_string(RuleKind::timely), "timely");
  EXPECT_STREQ(to_string(RuleKind::continuous), "continuous");
  EXPECT_STREQ(to_string(RuleKind::ongoing), "ongoing");
  EXPECT_STREQ(to_string(RuleKind::unspecified), "unspecified");
  EXPECT_STREQ(to_string(RuleKind::external), "external");
}

// ---- spans ----------------------------------------------------------------

TEST(Spans, ItemsTriggersAmountsInInputBytes) {
  const std::string text = "形成文件后3个工作日公开；收到文件后及时发布";
  const Rule r = must_parse(text);
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_EQ(slice(text, r.items[0].span), "形成文件后3个工作日公开");
  EXPECT_EQ(slice(text, r.items[1].span), "收到文件后及时发布");
  EXPECT_EQ(slice(text, clause<RelativeDeadline>(r).trigger.span), "形成文件");
  EXPECT_EQ(slice(text, clause<RelativeDeadline>(r).amount.span), "3个工作日");
}

TEST(Spans, PointIntoTheOriginalAfterNormalization) {
  // Full-width digits and stray spaces are normalized away before parsing;
  // spans still cover the original bytes.
  const std::string text = "　形成文件后 ３ 个工作日内";
  const Rule r = must_parse(text);
  EXPECT_EQ(slice(text, clause<RelativeDeadline>(r).amount.span), "３ 个工作日");
  EXPECT_EQ(slice(text, r.items[0].span), "形成文件后 ３ 个工作日内");
  const std::string p = "原则上每月一次";
  EXPECT_EQ(slice(p, must_parse(p).items[0].span), p);
}

// ---- numerals ----------------------------------------------------------------

TEST(Numerals, ChineseArabicFullWidth) {
  using grammar::number_value;
  using grammar::NumberStatus;
  auto value = [](std::string_view s) {
    std::uint64_t v = 0;
    return number_value(s, 1'000'000'000ULL, v) == NumberStatus::ok ? static_cast<long long>(v) : -1LL;
  };
  EXPECT_EQ(value("3"), 3);
  EXPECT_EQ(value("三"), 3);
  EXPECT_EQ(value("两"), 2);
  EXPECT_EQ(value("十"), 10);
  EXPECT_EQ(value("十五"), 15);
  EXPECT_EQ(value("二十"), 20);
  EXPECT_EQ(value("二十四"), 24);
  EXPECT_EQ(value("一百零五"), 105);
  EXPECT_EQ(value("三千二百"), 3200);
  EXPECT_EQ(value("二〇一六"), 2016);
  EXPECT_EQ(value("二零一六"), 2016);
  EXPECT_EQ(value("十十"), -1);
  EXPECT_EQ(value("三五"), -1);  // "three to five", not 35
  EXPECT_EQ(value("十百"), -1);
  std::uint64_t v = 0;
  EXPECT_EQ(number_value("99999999999999999999999", 1000, v), NumberStatus::too_large);
  EXPECT_EQ(must_parse("三个工作日内"), must_parse("3个工作日内"));
  EXPECT_EQ(must_parse("３个工作日内"), must_parse("3个工作日内"));
  EXPECT_EQ(must_parse("十五个工作日内"), must_parse("15个工作日内"));
  EXPECT_EQ(must_parse("两个工作日内"), must_parse("2个工作日内"));
  EXPECT_EQ(must_parse("3工作日内"), must_parse("3个工作日以内"));
  EXPECT_EQ(must_parse("二〇一六年十二月底前"), must_parse("2016年12月底前"));
  EXPECT_EQ(canonical(must_parse("三个工作日内")), "3个工作日内");
}

// ---- errors ------------------------------------------------------------------

TEST(Errors, ExpectedUnitWithCharacterColumn) {
  const ParseError e = must_fail("形成文件后3个工作");
  EXPECT_EQ(e.error.code, ErrorCode::parse_error);
  EXPECT_EQ(e.error.where.column, 7u);  // characters, not bytes (byte offset 16)
  EXPECT_EQ(e.error.where.offset, 6u);
  EXPECT_EQ(e.error.message, "第7个字符处：期望时间单位（个工作日、日、小时、周、个月、年）");
  EXPECT_EQ(e.message_en, "at character 7: expected a unit (个工作日, 日, 小时, 周, 个月, 年)");
  ASSERT_EQ(e.expected.size(), 1u);
}

TEST(Errors, OutOfRangeCarriesTheSpan) {
  ParseError e = must_fail("13月底前");
  EXPECT_EQ(e.error.code, ErrorCode::out_of_range);
  EXPECT_EQ(e.error.where.column, 1u);
  EXPECT_EQ(e.length, 2u);
  e = must_fail("2016年2月30日前");
  EXPECT_EQ(e.error.where.column, 8u);
  EXPECT_EQ(e.error.message, "第8个字符处：日期不存在：2月没有30日（最多29日）");
  e = must_fail("形成文件后99999999999个工作日内");
  EXPECT_EQ(e.error.where.column, 6u);
  EXPECT_EQ(e.length, 11u);
  e = must_fail("0个工作日内");
  EXPECT_EQ(e.error.message, "第1个字符处：数量“0”超出范围（应为1到9999）");
  EXPECT_EQ(e.message_en, "at character 1: amount 0 is out of range (1 to 9999)");
}

TEST(Errors, CaretLinesUpUnderWideCharacters) {
  const std::string text = "形成文件后3个工作";
  const ParseError e = must_fail(text);
  EXPECT_EQ(render_error(text, e.error, e.length),
            "1 | 形成文件后3个工作\n"
            "  |            ^^ 第7个字符处：期望时间单位（个工作日、日、小时、周、个月、年）\n");
  const std::string month = "2016年13月底前";
  const ParseError m = must_fail(month);
  EXPECT_EQ(render_error(month, m.error, m.length),
            "1 | 2016年13月底前\n"
            "  |       ^^ 第6个字符处：月份“13”超出范围（应为1到12）\n");
  const std::string multi = "7月底前启动\n13月底前完成";
  const ParseError l = must_fail(multi);
  EXPECT_EQ(l.error.where.line, 2u);
  EXPECT_EQ(render_error(multi, l.error, l.length),
            "2 | 13月底前完成\n"
            "  | ^^ 第1个字符处：月份“13”超出范围（应为1到12）\n");
}

TEST(Errors, LongLinesShowAWindowAroundTheCaret) {
  // 100 characters either side of the error: 40 of them are shown, "..." marks each cut.
  const std::string text = std::string(100, ' ') + "13月底前" + std::string(100, ' ');
  const ParseError e = must_fail(text);
  EXPECT_EQ(e.error.where.column, 101u);
  EXPECT_EQ(render_error(text, e.error, e.length),
            "1 | ..." + std::string(40, ' ') + "13月底前" + std::string(36, ' ') + "...\n" + "  | " +
                std::string(43, ' ') + "^^ 第101个字符处：月份“13”超出范围（应为1到12）\n");
}

TEST(Errors, AtEndOfInput) {
  const std::string text = "形成文件后";
  const ParseError e = must_fail(text);
  EXPECT_EQ(e.error.where.column, 6u);
  EXPECT_EQ(render_error(text, e.error, e.length),
            "1 | 形成文件后\n"
            "  |           ^ 第6个字符处：期望天数或时效词（如“3个工作日”“及时”）\n");
}

TEST(Errors, EmptyAndBlank) {
  EXPECT_EQ(must_fail("").error.message, "第1个字符处：规则为空");
  EXPECT_EQ(must_fail("；；").error.message, "第1个字符处：规则为空");
  EXPECT_EQ(must_fail("   ").error.message, "第1个字符处：规则为空");
}

TEST(Errors, MalformedUtf8) {
  ParseError e = must_fail("3个\xE5工作日");
  EXPECT_EQ(e.error.where.column, 3u);
  EXPECT_EQ(e.error.message, "第3个字符处：无效的UTF-8编码");
  EXPECT_EQ(must_fail("\xFF").error.where.column, 1u);
  EXPECT_EQ(must_fail("\xC0\xAF").error.message, "第1个字符处：无效的UTF-8编码");          // overlong '/'
  EXPECT_EQ(must_fail("\xED\xA0\x80").error.message, "第1个字符处：无效的UTF-8编码");      // surrogate
  EXPECT_EQ(must_fail(std::string("3个工作日内\0", 17)).error.message, "第7个字符处：含有控制字符");
}

TEST(Errors, LengthLimit) {
  std::string text;
  for (std::size_t i = 0; i < kMaxRuleLength + 10; ++i) text += "年";
  const ParseError e = must_fail(text);
  EXPECT_EQ(e.error.code, ErrorCode::out_of_range);
  EXPECT_EQ(e.error.where.column, kMaxRuleLength + 1);
  EXPECT_NE(e.error.message.find("规则过长"), std::string::npos);
  // At the limit it is parsed (and here fails for its content, not its length).
  std::string at_limit;
  for (std::size_t i = 0; i < kMaxRuleLength / 7; ++i) at_limit += "3个工作日内，";
  auto r = parse(at_limit);
  ASSERT_TRUE(r) << r.error().error.message;
  EXPECT_EQ(r->items.size(), kMaxRuleLength / 7);
}

TEST(Errors, ParseRuleReturnsThePlainError) {
  auto r = parse_rule("13月底前");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::out_of_range);
  EXPECT_EQ(r.error().to_string(), "1:1: 第1个字符处：月份“13”超出范围（应为1到12）");
}

// ---- canonical form, JSON, notes ------------------------------------------------

TEST(Canonical, TriggersThatStartLikeAWordGetAPreposition) {
  // T is open vocabulary; printed bare, "全年…后" would read back as 全年.
  const Rule r = must_parse("在全年任务分解后3个工作日内");
  EXPECT_EQ(clause<RelativeDeadline>(r).trigger.text, "全年任务分解");
  EXPECT_EQ(canonical(r), "自全年任务分解后3个工作日内");
  EXPECT_EQ(must_parse(canonical(r)), r);
  EXPECT_EQ(canonical(must_parse("形成文件后3个工作日内")), "形成文件后3个工作日内");
}

TEST(Canonical, SynonymsPrintTheSame) {
  EXPECT_EQ(canonical(must_parse("形成文件后三个工作日以内公开")), "形成文件后3个工作日内公开");
  EXPECT_EQ(canonical(must_parse("自文件公开之日起3个工作日内")), "文件公开后3个工作日内");
  EXPECT_EQ(canonical(must_parse("7月末")), "7月底前");
  EXPECT_EQ(canonical(must_parse("按月、按季公开")), "每月；每季度公开");
}

TEST(Json, StructuredForm) {
  EXPECT_EQ(to_json(must_parse("形成文件后3个工作日公开")),
            R"({"kind":"deadline","canonical":"形成文件后3个工作日内公开","items":[{"type":"relative",)"
            R"("trigger":{"text":"形成文件","event":"形成文件"},"direction":"after",)"
            R"("amount":{"value":3,"unit":"working_days"},"label":"公开","span":[0,34]}]})");
  EXPECT_EQ(to_json(must_parse("7月中旬前")),
            R"({"kind":"deadline","canonical":"7月中旬前","items":[{"type":"anchor","anchor":"xun",)"
            R"("year":"plan","month":7,"xun":"middle","before":true,"span":[0,13]}]})");
}

TEST(Json, EscapesLabels) {
  const std::string json = to_json(must_parse("3个工作日内公开\"通知\"\\附件"));
  EXPECT_NE(json.find(R"("label":"公开\"通知\"\\附件")"), std::string::npos) << json;
}

TEST(Describe, OneSentencePerItem) {
  const auto lines = describe(must_parse("形成文件后3个工作日公开；次年1月中旬前；每季度结束后15个工作日内"));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "相对期限：事件“形成文件”之后3个工作日内（不含事件当日）；动作：公开");
  EXPECT_EQ(lines[1], "日历期限：计划年度的次年1月20日（中旬末），“中旬前”有歧义");
  EXPECT_EQ(lines[2], "周期性：每季度至少一次，期限为每期结束后15个工作日内");
  EXPECT_EQ(describe(must_parse("文件形成后3日内"))[0],
            "相对期限：事件“形成文件”（原文“文件形成”）之后3日（自然日，期满日遇休息日顺延）内（不含事件当日）");
}

TEST(PolicyNotes, AmbiguousReadingsAreFlagged) {
  auto has = [](const std::vector<std::string>& notes, std::string_view what) {
    for (const auto& n : notes)
      if (n.find(what) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has(policy_notes(must_parse("7月中旬前")), "中旬前"));
  EXPECT_FALSE(has(policy_notes(must_parse("7月中旬")), "中旬前"));
  EXPECT_TRUE(has(policy_notes(must_parse("9月前")), "9月前"));
  EXPECT_TRUE(has(policy_notes(must_parse("及时发布")), "20个工作日"));
}

// ---- robustness -------------------------------------------------------------

TEST(Robustness, RandomInputNeverThrowsOrHangs) {
  const std::vector<std::string> pieces = {
      "形成文件", "后", "前", "起", "3", "十五", "个", "工作日", "日", "内", "月", "底", "年", "季度", "每", "（",
      "）", "，", "；", "、", "至少", "次", "公示", "不得少于", "其中必须含", "及时", "待", "以", "为准", "\xE5",
      "\xFF", " ", "\n", "按", "规定", "流行季节", "-", "第", "上旬", "中旬", "之日起", "提前", "2016",
      // SPEC §8 vocabulary: none of it may end up inside open text.
      "周", "五", "二", "初", "首", "最后", "一个", "或者", "变更", "信息形成", "该", "公开", "/", "以上"};
  std::mt19937 rng(20161231);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    EXPECT_NO_THROW({
      auto r = parse(text);
      if (r) {
        // Anything that parses must print and re-parse to the same rule, and
        // keep no time word in a label, subject, verb or trigger (SPEC §8).
        EXPECT_EQ(shixian::testing_support::open_text_with_time_word(*r), "") << text;
        auto again = parse(canonical(*r));
        EXPECT_TRUE(again) << text << " → " << canonical(*r);
        if (again) {
          EXPECT_EQ(*again, *r) << text << " → " << canonical(*r);
        }
      } else {
        EXPECT_FALSE(r.error().error.message.empty());
        (void)render_error(text, r.error().error, r.error().length);
      }
    });
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
}

TEST(Robustness, MutatedCorpusPhrasesFailCleanly) {
  // Real phrases with pieces inserted at random character boundaries: every
  // result is either a rule whose canonical form parses, or an error that
  // points inside the input.
  const std::vector<std::string> phrases = {"形成文件后3个工作日公开；收到文件后及时发布", "7月底前启动，9月底前完成",
                                            "流行季节（4-10月）每月定期发布", "不得少于5日，其中必须含1个以上工作日",
                                            "2016年9月前完成（以区人大常委会审议时间为准）", "年内至少听取一次政务公开工作汇报",
                                            "经人大批复后，在20个工作日内公开", "每季度结束后15个工作日内"};
  const std::vector<std::string> pieces = {"后", "前", "起", "3", "十五", "个", "工作日", "月", "底", "年", "（", "）", "，",
                                           "、", "至少", "次", "及时", "待", "以", "按", "第", "之", "全年", "节前", "\xE5"};
  std::mt19937 rng(7);
  int parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = phrases[rng() % phrases.size()];
    for (int e = 0; e < 1 + static_cast<int>(rng() % 3); ++e) {
      std::size_t pos = rng() % (text.size() + 1);
      while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
      text.insert(pos, pieces[rng() % pieces.size()]);
    }
    auto r = parse(text);
    if (r) {
      ++parsed;
      EXPECT_FALSE(r->items.empty());
      for (const Item& it : r->items) EXPECT_LE(it.span.end, text.size()) << text;
      EXPECT_TRUE(parse(canonical(*r))) << text << " → " << canonical(*r);
    } else {
      const Error& e = r.error().error;
      EXPECT_GE(e.where.column, 1u) << text;
      EXPECT_LE(e.where.offset, text.size()) << text;
      EXPECT_EQ(e.message.rfind("第" + std::to_string(e.where.column) + "个字符处：", 0), 0u) << e.message;
    }
  }
  EXPECT_GT(parsed, 1000);
}

TEST(Robustness, LongAdversarialInputIsFast) {
  // Open-vocabulary triggers scan ahead; a long trigger-like text must not
  // go quadratic enough to matter.
  // Open text is bounded (kOpenTextChars), so even 4096 characters of
  // trigger-like or label-like text stay linear.
  for (std::string_view unit : {"后前起", "形成文件", "每月", "、", "年内至少", "待", "公示", "3个"}) {
    std::string text;
    while (text.size() + unit.size() <= kMaxRuleLength * 3 && text.size() / 3 + unit.size() / 3 < kMaxRuleLength)
      text += unit;
    const auto start = std::chrono::steady_clock::now();
    (void)parse(text);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5)) << unit;
  }
}

// ---- round trip over generated ASTs --------------------------------------------

Amount amount(std::mt19937& rng, std::initializer_list<Unit> units) {
  Amount a;
  a.value = 1 + rng() % 60;
  a.unit = *(units.begin() + rng() % units.size());
  return a;
}

Trigger trig(std::mt19937& rng, bool allow_implicit) {
  static const char* events[] = {"形成文件", "收到文件", "人大批复", "执行政策", "检修", "复议期届满", "会议纪要形成",
                                 "市分工方案公布"};
  Trigger t;
  if (allow_implicit && rng() % 3 == 0) return t;
  t.text = events[rng() % std::size(events)];
  t.event = t.text;
  if (t.text == "复议期届满") t.period = "复议期";
  return t;
}

Clause generate_clause(std::mt19937& rng, bool& labelable) {
  labelable = true;
  const auto freq = [&] { return static_cast<Frequency>(rng() % 6); };
  switch (rng() % 13) {
    case 0: {
      RelativeDeadline r;
      r.trigger = trig(rng, true);
      r.direction = rng() % 2 ? Direction::after : Direction::before;
      r.amount = amount(rng, {Unit::working_days, Unit::days, Unit::hours, Unit::weeks, Unit::months, Unit::years});
      return r;
    }
    case 1: {
      CalendarAnchor a;
      const int y = static_cast<int>(rng() % 3);
      a.year = y == 0 ? YearRef{} : y == 1 ? YearRef{YearKind::explicit_year, 2000 + static_cast<int>(rng() % 30)}
                                           : YearRef{YearKind::next, 0};
      a.kind = static_cast<AnchorKind>(rng() % 9);
      if (a.kind <= AnchorKind::xun) a.month = 1 + rng() % 12;
      if (a.kind == AnchorKind::month_day) a.day = 1 + rng() % 28;
      if (a.kind == AnchorKind::xun) {
        a.xun = static_cast<Xun>(rng() % 3);
        a.before = rng() % 2;
      }
      if (a.kind == AnchorKind::quarter_end) a.quarter = 1 + rng() % 4;
      return a;
    }
    case 2: return EventDeadline{trig(rng, false)};
    case 3: labelable = false; return EventGate{rng() % 2 ? GateKind::wait_for : GateKind::prevails, trig(rng, false)};
    case 4: {
      Recurrence r;
      r.frequency = freq();
      if (rng() % 3 == 0) r.start_year = 2000 + static_cast<int>(rng() % 30);
      if (rng() % 3 == 0) {
        const unsigned from = 1 + rng() % 12;
        r.season = Season{rng() % 2 ? "流行季节" : "", from, from + static_cast<unsigned>(rng() % (13 - from))};
      }
      if (rng() % 3 == 0) {
        r.offset = amount(rng, {Unit::working_days, Unit::days});
      } else if (rng() % 3 == 0 && (r.frequency == Frequency::monthly || r.frequency == Frequency::yearly)) {
        CalendarAnchor due;
        due.kind = rng() % 2 ? AnchorKind::month_day : AnchorKind::xun;
        if (r.frequency == Frequency::yearly) due.month = 1 + rng() % 12;
        if (due.kind == AnchorKind::month_day) due.day = 1 + rng() % 28;
        if (due.kind == AnchorKind::xun) {
          due.xun = static_cast<Xun>(rng() % 3);
          due.before = rng() % 2;
        }
        r.due = due;
      }
      return r;
    }
    case 5: return HolidayRecurrence{rng() % 2 == 0};
    case 6: {
      CountConstraint c;
      c.scope = static_cast<CountScope>(rng() % 3);
      c.period = c.scope == CountScope::each_period ? freq() : Frequency::yearly;
      c.at_least = 1 + rng() % 20;
      static const char* verbs[] = {"", "", "解读重要政策措施", "听取", "组织"};
      c.verb = verbs[rng() % std::size(verbs)];
      return c;
    }
    case 7: {
      DisplayInterval d;
      static const char* whats[] = {"公示", "发放期", ""};
      d.what = whats[rng() % 3];
      d.minimum = amount(rng, {Unit::working_days, Unit::days});
      if (d.minimum.unit == Unit::days && rng() % 2) d.min_working_days = 1 + rng() % d.minimum.value;
      return d;
    }
    case 8: {
      Timely t;
      t.kind = static_cast<Timeliness>(rng() % 5);
      t.trigger = trig(rng, t.kind != Timeliness::synchronous);
      return t;
    }
    case 9: return Continuous{};
    case 10: return Ongoing{static_cast<OngoingWord>(rng() % 3)};
    case 11: return Unspecified{static_cast<UnspecifiedWord>(rng() % 4)};
    default: {
      static const char* refs[] = {"预算法规定时限", "环保部修订发布后的时间要求", "财政部相关部署", "要求"};
      return ExternalReference{refs[rng() % 4]};
    }
  }
}

TEST(RoundTrip, GeneratedAstsPrintAndParseBack) {
  std::mt19937 rng(42);
  static const char* labels[] = {"", "", "公开", "发布", "完成", "启动", "向社会公开"};
  for (int i = 0; i < 3000; ++i) {
    Rule r;
    const int n = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < n; ++k) {
      Item it;
      bool labelable = true;
      it.clause = generate_clause(rng, labelable);
      if (labelable) it.label = labels[rng() % std::size(labels)];
      it.in_principle = rng() % 5 == 0;
      r.items.push_back(it);
    }
    const std::string text = canonical(r);
    auto back = parse(text);
    ASSERT_TRUE(back) << text << "\n" << back.error().error.message;
    EXPECT_EQ(back->items, r.items) << text << "\n→ " << canonical(*back);
    EXPECT_EQ(canonical(*back), text);
  }
}

}  // namespace
