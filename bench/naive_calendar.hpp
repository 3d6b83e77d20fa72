// The baseline a hand-written program would use: a hash set of the days that
// break the Monday–Friday rule, and a day-by-day loop. Built from the same
// data as shixian so that both answer identically.
#pragma once

#include <absl/container/flat_hash_set.h>

#include "shixian/calendar.hpp"

namespace shixian::bench {

class NaiveCalendar {
 public:
  explicit NaiveCalendar(const Calendar& source) {
    for (Date d = source.first_day(); d <= source.last_day(); d += 1) {
      if (*source.is_workday(d) == d.is_weekend()) exceptions_.insert(d.days_since_epoch());
    }
  }
  bool is_workday(Date d) const { return d.is_weekend() == exceptions_.contains(d.days_since_epoch()); }
  Date add_workdays(Date d, int n) const {
    const int step = n > 0 ? 1 : -1;
    for (int left = n > 0 ? n : -n; left > 0;) {
      d += step;
      if (is_workday(d)) --left;
    }
    return d;
  }
  int workdays_between(Date a, Date b) const {  // (a, b], a <= b
    int count = 0;
    for (Date d = a + 1; d <= b; d += 1) count += is_workday(d) ? 1 : 0;
    return count;
  }

 private:
  absl::flat_hash_set<std::int32_t> exceptions_;
};

}  // namespace shixian::bench
