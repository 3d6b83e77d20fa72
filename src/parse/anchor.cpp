#include "parse/anchor_def.hpp"

namespace shixian::grammar {
BOOST_SPIRIT_INSTANTIATE(anchor_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(period_due_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(in_year_type, iterator_type, context_type)
}  // namespace shixian::grammar
