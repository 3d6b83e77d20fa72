// libFuzzer target: notice import never crashes; an accepted notice yields a
// year file that parses back.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "shixian/holidays.hpp"
#include "shixian/notice.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto year = shixian::parse_holiday_notice(text);
  if (!year) {
    if (year.error().message.empty()) std::abort();
    return 0;
  }
  if (!shixian::parse_year_file(shixian::format_year_file(*year))) std::abort();
  return 0;
}
