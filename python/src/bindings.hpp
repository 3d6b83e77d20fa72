// The parts of the _shixian extension module, one file each.
#pragma once

#include <pybind11/pybind11.h>

#include "shixian/calendar.hpp"
#include "shixian/evaluate.hpp"

namespace shixian::python {

namespace py = pybind11;

void bind_calendar(py::module_& m);
void bind_rules(py::module_& m);
void bind_check(py::module_& m);

/// The Calendar a `calendar=` argument names: None → Calendar::china().
const Calendar& calendar_of(py::handle calendar);
/// A Policy from a `policy=` dict {key: value} (set_policy keys); None → the defaults.
Policy policy_from(py::handle policy);

}  // namespace shixian::python
