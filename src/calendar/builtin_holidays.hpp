// The holidays/*.txt files compiled into the library (generated .cpp).
#pragma once

#include <span>
#include <string_view>

namespace shixian::detail {

struct BuiltinYearFile {
  std::string_view name;  // "2016.txt"
  std::string_view text;
};

std::span<const BuiltinYearFile> builtin_year_files();

}  // namespace shixian::detail
