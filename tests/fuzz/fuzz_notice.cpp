// libFuzzer target: notice import never crashes; an accepted notice yields a
// year file that parses back. Each input is read as a yearly notice and, with
// a publication date and a year to amend, as a special notice (issue 19).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "shixian/holidays.hpp"
#include "shixian/notice.hpp"

namespace {

void check(const shixian::expected<shixian::YearArrangement, shixian::Error>& year) {
  if (!year) {
    if (year.error().message.empty()) std::abort();
    return;
  }
  if (!shixian::parse_year_file(shixian::format_year_file(*year))) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(shixian::parse_holiday_notice(text));
  static const shixian::YearArrangement base = shixian::parse_year_file(
                                                   "year 2020\n"
                                                   "春节 off 2020-01-24..2020-01-30 work 2020-01-19 2020-02-01\n"
                                                   "劳动节 off 2020-05-01..2020-05-05 work 2020-04-26 2020-05-09\n")
                                                   .value();
  shixian::NoticeImportOptions options;
  options.published = "2020-01-27";
  check(shixian::import_holiday_notice(text, options));
  options.onto = base;
  check(shixian::import_holiday_notice(text, options));
  return 0;
}
