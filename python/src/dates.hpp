// Dates between Python and shixian::Date, without a Python loop per element:
// scalars (datetime.date, datetime.datetime, numpy.datetime64, "yyyy-mm-dd")
// convert directly; everything else (arrays, lists, pandas Series and
// DatetimeIndex) goes through one numpy conversion to datetime64[D] and is then
// read as int64 days since 1970-01-01, which is exactly Date's representation.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <optional>

#include "shixian/date.hpp"

namespace shixian::python {

namespace py = pybind11;

inline constexpr std::int64_t kNaT = INT64_MIN;  // numpy's NaT

/// A Python object kept for the life of the process, for function-local statics: never released,
/// because a static py::object would be decref'd at exit, after the interpreter is gone.
inline py::handle forever(py::object o) { return o.release(); }
/// numpy's datetime64[D] dtype.
inline py::dtype day_dtype() {
  static const py::handle dtype = forever(py::dtype("datetime64[D]"));
  return py::reinterpret_borrow<py::dtype>(dtype);
}

/// Call once from the module init (numpy's C API, datetime C API).
void init_dates();

/// The date of a scalar, or nullopt when `value` is not a scalar date (an
/// array, list, Series…). NaT → kNaT through `days`. Raises for a scalar of
/// the wrong kind or a bad string.
std::optional<std::int64_t> scalar_days(py::handle value);

/// Any array-like of dates as a C-contiguous datetime64[D] array.
py::array as_day_array(py::handle value);
/// Any array-like of integers as a C-contiguous int64 array.
py::array as_int_array(py::handle value);

/// An int64 day count as a Date; raises OutOfRange for values no calendar holds.
Date to_date(std::int64_t days, std::size_t index = 0, std::size_t size = 1);

py::object date_object(Date d);
/// A new datetime64[D] array with `shape`.
py::array new_day_array(const std::vector<py::ssize_t>& shape);

/// pandas: when `like` is a Series or an Index, `result` in the same shape and
/// index (Series → Series; DatetimeIndex → Index); otherwise `result` itself.
py::object like_input(py::handle like, py::object result);

}  // namespace shixian::python
