#include "parse/common_def.hpp"

namespace shixian::grammar {
BOOST_SPIRIT_INSTANTIATE(unit_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(amount_unit_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(label_type, iterator_type, context_type)
}  // namespace shixian::grammar
