// libFuzzer target: overlay files parse or fail with a message; accepted
// overlays compose into a calendar.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "shixian/calendar.hpp"
#include "shixian/overlay.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto overlay = shixian::parse_overlay(text);
  if (!overlay) {
    if (overlay.error().message.empty()) std::abort();
    return 0;
  }
  shixian::CalendarOptions options;
  options.overlays.push_back(*overlay);
  options.first_year = options.last_year = 2016;  // one year: fast; other years' dates are range errors
  (void)shixian::Calendar::build(options);
  return 0;
}
