// Needs nothing but the shixian package: no Boost, no data files.
#include <shixian/calendar.hpp>

#include <iostream>

int main() {
  using namespace std::chrono;
  const auto due = shixian::Calendar::china().add_workdays(shixian::Date{2016y / September / 30d}, 3);
  if (!due || shixian::to_string(*due) != "2016-10-10") return 1;
  std::cout << "due " << shixian::to_string(*due) << "\n";
  return 0;
}
