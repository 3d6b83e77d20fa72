// The vectorised calendar operations (calendar_ops.cpp): scalars or array-likes
// of dates in, Python scalars or numpy arrays (pandas objects for pandas input) out.
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>

#include "shixian/calendar.hpp"

namespace shixian::python {

namespace py = pybind11;

/// Where numpy's roll= moves a date before the offset is applied (none: shixian's add_workdays).
enum class RollMode { none, raise, nat, following, preceding, modified_following, modified_preceding };
/// numpy's names: raise, nat, forward/following, backward/preceding, modifiedfollowing, modifiedpreceding.
RollMode roll_mode(std::string_view roll);

/// A day as Python sees it (DayInfo's string_view festival copied: the object may outlive a Calendar).
struct PyDayInfo {
  Date date;
  bool workday;
  std::string kind;
  std::string kind_zh;
  std::string festival;
  bool projected;
};

/// `out`: None, or numpy's out= array (dtype and shape of the result, C-contiguous, writeable).
py::object is_workday_impl(const Calendar& cal, py::handle dates, py::handle out);
py::object add_workdays_impl(const Calendar& cal, py::handle dates, py::handle offsets, RollMode mode,
                             py::handle out);
/// numpy_count=false: shixian's (a, b]; true: numpy's [a, b).
py::object between_impl(const Calendar& cal, py::handle a, py::handle b, bool numpy_count, py::handle out);
PyDayInfo day_info_of(const DayInfo& info);
py::object day_info_impl(const Calendar& cal, py::handle dates);

}  // namespace shixian::python
