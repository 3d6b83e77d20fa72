// The scalar fast path of is_workday, add_workdays and workdays_between: a
// call with plain datetime.date / datetime.datetime arguments (and an int n)
// on the national calendar answers here, in a METH_FASTCALL function of the
// C API, without pybind11's argument dispatch (about a third of the time of a
// scalar call). Anything else — arrays, pandas, strings, keywords, another
// calendar, an error to report — goes to the pybind11 function, which stays
// the one definition of the behaviour.
#include <pybind11/pybind11.h>

#include <datetime.h>

#include <chrono>
#include <deque>
#include <string>

#include "bindings.hpp"
#include "shixian/calendar.hpp"

namespace shixian::python {

namespace {

// Exact date or datetime (not a subclass such as pandas.Timestamp or NaT: those take the full path).
bool plain_date(PyObject* o) { return Py_TYPE(o) == PyDateTimeAPI->DateType || Py_TYPE(o) == PyDateTimeAPI->DateTimeType; }

Date date_of(PyObject* o) {
  using namespace std::chrono;
  return Date{year{PyDateTime_GET_YEAR(o)} / month{static_cast<unsigned>(PyDateTime_GET_MONTH(o))} /
              day{static_cast<unsigned>(PyDateTime_GET_DAY(o))}};
}

PyObject* date_result(Date d) {
  const auto ymd = d.ymd();
  return PyDate_FromDate(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                         static_cast<unsigned>(ymd.day()));
}

// `self` is the pybind11 function the call falls back to.
PyObject* is_workday_fast(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  if (nargs == 1 && kwnames == nullptr && plain_date(args[0])) {
    auto r = Calendar::china().is_workday(date_of(args[0]));
    if (r.has_value()) return PyBool_FromLong(*r ? 1 : 0);
  }
  return PyObject_Vectorcall(self, args, static_cast<std::size_t>(nargs), kwnames);
}

PyObject* add_workdays_fast(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  if (nargs == 2 && kwnames == nullptr && plain_date(args[0]) && PyLong_CheckExact(args[1])) {
    int overflow = 0;
    const long n = PyLong_AsLongAndOverflow(args[1], &overflow);
    if (overflow == 0 && n > -1000000 && n < 1000000) {
      auto r = Calendar::china().add_workdays(date_of(args[0]), static_cast<int>(n));
      if (r.has_value()) return date_result(*r);
    }
  }
  return PyObject_Vectorcall(self, args, static_cast<std::size_t>(nargs), kwnames);
}

PyObject* workdays_between_fast(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  if (nargs == 2 && kwnames == nullptr && plain_date(args[0]) && plain_date(args[1])) {
    auto r = Calendar::china().workdays_between(date_of(args[0]), date_of(args[1]));
    if (r.has_value()) return PyLong_FromLong(*r);
  }
  return PyObject_Vectorcall(self, args, static_cast<std::size_t>(nargs), kwnames);
}

// Replaces m.<name> by a C function with the fast path, keeping the name and docstring.
void wrap(py::module_& m, const char* name, _PyCFunctionFastWithKeywords fast) {
  static std::deque<std::string> docs;      // PyMethodDef keeps pointers: both live as long as the process
  static std::deque<PyMethodDef> methods;
  py::object fallback = m.attr(name);
  docs.push_back(py::str(fallback.attr("__doc__")).cast<std::string>());
  methods.push_back(PyMethodDef{name, reinterpret_cast<PyCFunction>(reinterpret_cast<void*>(fast)),
                                METH_FASTCALL | METH_KEYWORDS, docs.back().c_str()});
  PyObject* f = PyCFunction_NewEx(&methods.back(), fallback.ptr(), m.attr("__name__").ptr());
  if (f == nullptr) throw py::error_already_set();
  m.attr(name) = py::reinterpret_steal<py::object>(f);
}

}  // namespace

void install_scalar_fast_paths(py::module_& m) {
  PyDateTime_IMPORT;  // the datetime C API is per translation unit
  if (PyDateTimeAPI == nullptr) throw py::error_already_set();
  wrap(m, "is_workday", is_workday_fast);
  wrap(m, "add_workdays", add_workdays_fast);
  wrap(m, "workdays_between", workdays_between_fast);
}

}  // namespace shixian::python
