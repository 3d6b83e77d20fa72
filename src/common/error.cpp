#include "shixian/error.hpp"

namespace shixian {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::out_of_range: return "out_of_range";
    case ErrorCode::parse_error: return "parse_error";
    case ErrorCode::missing_context: return "missing_context";
    case ErrorCode::projected_year: return "projected_year";
    case ErrorCode::io_error: return "io_error";
  }
  return "unknown";
}

std::string Error::to_string() const {
  // Appends, not operator+ chains: GCC 12 warns falsely (-Wrestrict, PR 105651) on the latter.
  std::string out;
  if (!source.empty()) out.append(source).append(":");
  if (where.line != 0) {
    out.append(std::to_string(where.line)).append(":").append(std::to_string(where.column)).append(":");
  }
  if (!out.empty()) out.append(" ");
  out.append(message);
  return out;
}

}  // namespace shixian
