#include "calendar/lunar.hpp"
namespace shixian::detail {
FestivalDates festival_dates(int year) {
  using namespace std::chrono;
  Date base{std::chrono::year{year}/February/8d};
  return {base-1, base, Date{std::chrono::year{year}/April/4d}, Date{std::chrono::year{year}/June/9d}, Date{std::chrono::year{year}/September/15d}};
}
}
