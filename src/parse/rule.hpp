// The top of the grammar: one item (a clause with its label), and a rule as
// a list of items and parenthesized asides, separated by ，；、。 or newlines
// (or nothing, as in "7月底前启动9月底前完成").
#pragma once

#include "parse/config.hpp"

namespace shixian::grammar {

using item_type = x3::rule<class item_class>;
using rule_type = x3::rule<class rule_class>;

item_type const item = "item";
rule_type const rule = "rule";

BOOST_SPIRIT_DECLARE(item_type, rule_type)

}  // namespace shixian::grammar
