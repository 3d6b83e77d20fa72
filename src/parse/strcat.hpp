// cat("a", s, "b"): string concatenation by appends. GCC 12 warns falsely
// (-Wrestrict, PR 105651) on long operator+ chains of std::string.
#pragma once

#include <string>
#include <string_view>

namespace shixian::grammar {

template <class... Parts>
std::string cat(const Parts&... parts) {
  std::string out;
  (out.append(std::string_view(parts)), ...);
  return out;
}

}  // namespace shixian::grammar
