#include "parse/relative_def.hpp"

namespace shixian::grammar {
BOOST_SPIRIT_INSTANTIATE(relative_implicit_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(relative_triggered_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(relative_direct_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(timely_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(event_deadline_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(gate_wait_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(gate_prevails_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(dangling_trigger_type, iterator_type, context_type)
}  // namespace shixian::grammar
