// libFuzzer target: holiday year files parse or fail with a message, and
// whatever parses builds a calendar and round-trips through format_year_file.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "shixian/calendar.hpp"
#include "shixian/holidays.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto year = shixian::parse_year_file(text);
  if (!year) {
    if (year.error().message.empty()) std::abort();
    return 0;
  }
  const auto again = shixian::parse_year_file(shixian::format_year_file(*year));
  if (!again || !(*again == *year)) std::abort();
  shixian::CalendarOptions options;
  options.years.push_back(*year);
  options.first_year = options.last_year = year->year;  // one year: fast
  (void)shixian::Calendar::build(options);
  return 0;
}
