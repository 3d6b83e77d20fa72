// The parts of the _shixian extension module, one file each.
#pragma once

#include <pybind11/pybind11.h>

#include <optional>

#include "shixian/calendar.hpp"
#include "shixian/evaluate.hpp"

namespace shixian::python {

namespace py = pybind11;

void bind_calendar(py::module_& m);
void bind_rules(py::module_& m);
void bind_check(py::module_& m);
/// After bind_calendar: the C-API fast path for plain-date scalar calls (fast_scalars.cpp).
void install_scalar_fast_paths(py::module_& m);

/// The Calendar a `calendar=` argument names: None → Calendar::china().
const Calendar& calendar_of(py::handle calendar);
/// A `year=` argument: None → nullopt; an int within [first, last] (the calendar's years, as the
/// CLI's --year); anything else an InvalidArgument / OutOfRange error.
std::optional<int> year_arg(py::handle year, int first, int last);
/// The same within the calendar's range.
std::optional<int> year_arg(py::handle year, const Calendar& calendar);
/// A Policy from a `policy=` dict {key: value} (set_policy keys); None → the defaults.
Policy policy_from(py::handle policy);

}  // namespace shixian::python
