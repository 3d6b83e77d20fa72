#include "errors.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

namespace py = pybind11;

namespace shixian::python {

void raise(Error error, std::string caret) { throw PythonError{std::move(error), std::move(caret), {}, {}, {}}; }

void raise(const ParseError& e, std::string_view input) {
  throw PythonError{e.error, render_error(input, e.error, e.length), e.message_en, {}, e.expected};
}

void raise(const EvalError& e) { throw PythonError{e.error, {}, {}, e.needed, {}}; }

void raise_at(Error error, std::size_t index, std::size_t size) {
  if (size > 1 || index > 0) error.message = "第" + std::to_string(index) + "个元素（从0起）：" + error.message;
  raise(std::move(error));
}

void raise_invalid(std::string message) { raise(Error{ErrorCode::invalid_argument, std::move(message), {}, {}}); }

void register_errors(py::module_& m) {
  (void)m;
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const PythonError& e) {
      // Built by shixian._errors so that the classes stay plain Python (picklable, documented in the stubs).
      py::gil_scoped_acquire gil;
      const py::object make = py::module_::import("shixian._errors").attr("_make");
      const Location& w = e.error.where;
      py::object offset = w.column != 0 ? py::object(py::int_(w.offset)) : py::object(py::none());
      py::object exc = make(to_string(e.error.code), e.error.message, e.error.source, w.line, w.column, offset,
                            e.caret, e.message_en, e.needed, e.expected);
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
    } catch (const bad_expected_access& e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());  // a binding bug, never bad input
    }
  });
}

}  // namespace shixian::python
