// libFuzzer target: parsing a rule never crashes or throws; a failure names a
// position inside the input; an accepted rule prints a canonical form that
// parses again, and renders JSON and an explanation; and no accepted rule has
// time vocabulary in a label, subject, count verb or trigger (SPEC §8: a time
// word no construct consumed is an error, never swallowed into open text).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "shixian/parse.hpp"
#include "time_vocabulary.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto rule = shixian::parse(text);
  if (!rule) {
    const auto& e = rule.error();
    if (e.error.message.empty() || e.error.where.column == 0 || e.error.where.offset > size) std::abort();
    if (shixian::render_error(text, e.error, e.length).find('^') == std::string::npos) std::abort();
    return 0;
  }
  if (rule->items.empty()) std::abort();
  if (!shixian::testing_support::open_text_with_time_word(*rule).empty()) std::abort();
  if (!shixian::parse(shixian::canonical(*rule))) std::abort();
  (void)shixian::to_json(*rule);
  (void)shixian::describe(*rule);
  return 0;
}
