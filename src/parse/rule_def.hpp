#pragma once

#include "parse/anchor.hpp"
#include "parse/common.hpp"
#include "parse/labels.hpp"
#include "parse/lexical.hpp"
#include "parse/recurrence.hpp"
#include "parse/relative.hpp"
#include "parse/rule.hpp"

namespace shixian::grammar {

namespace rule_detail {
using namespace lex;
using x3::lit;

// Each alternative logs its kind after its parts; order matters (PEG):
// counts before anchors (年内至少5次 is not 年内), anchors before amounts
// (3月底前 vs 3个月内), fixed words before open-vocabulary triggers, and
// the direct form 签订3日内 last.
template <class P>
constexpr auto kind(Field f, P const& p) {
  return cap(f, rb[p >> -label]);
}

auto const qualifier = -cap(Field::principle, "原则上") >> -kw("后续", "并", "继续", "同时");

auto const item_def = qualifier >>
                      (kind(Field::k_count, lead >> count) | kind(Field::k_display, lead >> display) |
                       kind(Field::k_recurrence, lead >> recurrence) | kind(Field::k_holiday, holiday) |
                       kind(Field::k_anchor, -frame >> -modal >> (in_year | (-kw("于", "在") >> anchor))) | kind(Field::k_relative, relative_implicit) |
                       kind(Field::k_continuous, continuous) | kind(Field::k_ongoing, ongoing) |
                       kind(Field::k_unspecified, unspecified) | kind(Field::k_relative, relative_triggered) |
                       kind(Field::k_timely, timely) | kind(Field::k_gate_prevails, gate_prevails) |
                       kind(Field::k_external, external) | kind(Field::k_gate_wait, gate_wait) |
                       kind(Field::k_event_deadline, event_deadline) | kind(Field::k_relative, relative_direct) |
                       dangling_trigger);

auto const entry = rb['(' >> L(labels::item.zh)[item] >> *(*sep >> item) >> *sep >> L(labels::rparen.zh)[')']] |
                   L(labels::item.zh)[item];

// ，在村公示栏公开: after the last item and a comma, a clause that is no item and holds no
// time word (lowering checks) belongs to that item's label. Items are tried
// first at every separator, so a clause that parses as an item stays one.
auto const tail_text = !label_no_start >> open_text(any_char - hard_sep - '(' - ')');
auto const tail = (lit(',') >> cap(Field::tail, tail_text)) | (lit('(') >> cap(Field::tail_paren, tail_text) >> ')');

// !eoi: at the end nothing can start, so do not try every item kind there.
auto const rule_def = *sep >> entry >> *(*sep >> !x3::eoi >> entry) >> -rb[!x3::eoi >> tail] >> *sep >>
                      L(labels::end.zh)[x3::eoi];
}  // namespace rule_detail

using rule_detail::item_def;
using rule_detail::rule_def;

BOOST_SPIRIT_DEFINE(item, rule)

}  // namespace shixian::grammar
