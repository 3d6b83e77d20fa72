// The extension module shixian._shixian; the package shixian re-exports it.
#include <pybind11/pybind11.h>

#include "bindings.hpp"
#include "dates.hpp"
#include "errors.hpp"

PYBIND11_MODULE(_shixian, m) {
  using namespace shixian::python;
  m.doc() = "shixian (时限): the Chinese working-day calendar, disclosure time rules and checks (C++ core).";
  init_dates();
  register_errors(m);
  bind_calendar(m);
  install_scalar_fast_paths(m);
  bind_rules(m);
  bind_check(m);
}
