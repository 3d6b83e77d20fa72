// Rules shared by the other groups: units, amounts, trailing labels.
// DECLARE here, DEFINE in common_def.hpp, INSTANTIATE in common.cpp.
#pragma once

#include "parse/config.hpp"

namespace shixian::grammar {

using unit_type = x3::rule<class unit_class>;
using amount_unit_type = x3::rule<class amount_unit_class>;
using label_type = x3::rule<class label_class>;

unit_type const unit = "unit";
amount_unit_type const amount_unit = "amount_unit";
label_type const label = "label";

BOOST_SPIRIT_DECLARE(unit_type, amount_unit_type, label_type)

}  // namespace shixian::grammar
