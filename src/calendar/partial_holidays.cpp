// Art. 3 of the 放假办法 by version; see shixian/partial_holidays.hpp.
#include "shixian/partial_holidays.hpp"

namespace shixian {

std::vector<PartialHoliday> partial_holidays(Date d) {
  using namespace std::chrono;
  if (d < Date{1999y / September / 18d}) return {};
  const bool since_2008 = d >= Date{2008y / January / 1d};
  const std::string_view article =
      since_2008 ? "全国年节及纪念日放假办法（2007年修订）第三条" : "全国年节及纪念日放假办法（1999年修订）第三条";
  const unsigned month = d.month(), day = d.day();
  if (month == 3 && day == 8) return {{"妇女节", "妇女", "半天", true, article}};
  if (month == 5 && day == 4) return {{"青年节", "14周岁以上的青年", "半天", true, article}};
  if (month == 6 && day == 1) {
    return {{"儿童节", since_2008 ? "不满14周岁的少年儿童" : "13周岁以下的少年儿童", "1天", false, article}};
  }
  if (month == 8 && day == 1) return {{"建军节", "现役军人", "半天", true, article}};
  return {};
}

}  // namespace shixian
