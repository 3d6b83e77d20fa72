// Errors cross into Python as the shixian.Error hierarchy (shixian/_errors.py):
// the C++ side throws PythonError, a translator registered once turns it into
// the matching Python class with the message, position and caret rendering.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shixian/error.hpp"
#include "shixian/evaluate.hpp"
#include "shixian/parse.hpp"

namespace pybind11 {
class module_;
}

namespace shixian::python {

struct PythonError {
  Error error;
  std::string caret;                  ///< render_error() of the input, when the input is known
  std::string message_en;
  std::vector<std::string> needed;    ///< missing context: event names or 计划年度
  std::vector<std::string> expected;  ///< parse errors: what the grammar expected
};

[[noreturn]] void raise(Error error, std::string caret = {});
/// A parse error of `input` with its caret line.
[[noreturn]] void raise(const ParseError& error, std::string_view input);
[[noreturn]] void raise(const EvalError& error);
/// An error about element `index` of an array argument ("第3个元素：…").
[[noreturn]] void raise_at(Error error, std::size_t index, std::size_t size);
[[noreturn]] void raise_invalid(std::string message);

void register_errors(pybind11::module_& m);

}  // namespace shixian::python
