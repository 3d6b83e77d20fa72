#include "parse/rule_def.hpp"

namespace shixian::grammar {
BOOST_SPIRIT_INSTANTIATE(item_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(rule_type, iterator_type, context_type)
}  // namespace shixian::grammar
