#include "parse/recurrence_def.hpp"

namespace shixian::grammar {
BOOST_SPIRIT_INSTANTIATE(frequency_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(recurrence_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(holiday_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(count_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(display_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(continuous_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(ongoing_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(unspecified_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(external_type, iterator_type, context_type)
}  // namespace shixian::grammar
