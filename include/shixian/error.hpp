// File: shixian/error.hpp
//
// One error type for everything shixian reports to a user: bad dates, bad
// holiday files, rules that do not parse, missing context. Errors are values
// (returned in `expected`), never exceptions, and they say where: the
// character (not byte) offset, line and column in the input they came from.
//
// Example:
//   auto d = shixian::parse_iso_date("2016-02-30");
//   // d.error().message == "日期不存在：2016年2月只有29天"
//   // d.error().where.column == 9   (1-based, counted in characters)
#pragma once

#include <cstdint>
#include <string>

namespace shixian {

enum class ErrorCode : std::uint8_t {
  invalid_argument,  ///< malformed input text (dates, numbers, files)
  out_of_range,      ///< well-formed but outside what the calendar covers or the limits allow
  parse_error,       ///< a rule or document that does not match the grammar
  missing_context,   ///< an event date or plan year that the computation needs
  projected_year,    ///< strict mode: the year has no official notice, only a projection
  io_error,          ///< a file that cannot be read or written
};

/// Where in an input an error is. All counts are 1-based and in Unicode
/// characters (code points); 0 means "not known / not applicable".
struct Location {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t offset = 0;  ///< 0-based character offset from the start of the input
  friend bool operator==(const Location&, const Location&) = default;
};

struct Error {
  ErrorCode code = ErrorCode::invalid_argument;
  std::string message;  ///< a sentence for the user, in Chinese, without the location
  Location where;
  std::string source;   ///< the file or input the location refers to, if any

  /// "source:line:column: message" with whatever parts are known.
  std::string to_string() const;
};

/// One way to read every error type (Error, ParseError, EvalError): the
/// message and where it is. Overloads for the others are next to them.
inline const std::string& message_of(const Error& e) { return e.message; }
inline const Location& location_of(const Error& e) { return e.where; }
inline ErrorCode code_of(const Error& e) { return e.code; }

/// The name of a code as used in JSON output ("parse_error", ...).
const char* to_string(ErrorCode code);

}  // namespace shixian
