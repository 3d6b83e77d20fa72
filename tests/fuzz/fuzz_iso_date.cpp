// libFuzzer target: ISO date parsing never crashes, and what it accepts round-trips.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "shixian/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto d = shixian::parse_iso_date(text);
  if (d && shixian::parse_iso_date(shixian::to_string(*d)).value() != *d) std::abort();
  if (!d && d.error().message.empty()) std::abort();
  return 0;
}
