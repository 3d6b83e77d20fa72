// The line-and-field layer shared by the project's plain-text file formats
// (holidays/YYYY.txt, overlays): `#` comments, blank-separated fields that
// remember their byte offset, and ISO dates whose errors point into the file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shixian/date.hpp"
#include "shixian/error.hpp"
#include "shixian/expected.hpp"

namespace shixian::detail {

struct Field {
  std::string_view text;
  std::size_t offset;  // byte offset in the whole file
};

/// Why `file` is not text, located: a NUL byte (a binary file) or invalid UTF-8
/// (a GB18030/GBK export); nullopt when it is text.
std::optional<Error> not_text(std::string_view file, std::string_view source);

/// The fields of one line (blank = space, tab, CR; a BOM at offset 0), up to a `#` comment.
std::vector<Field> fields_of(std::string_view line, std::size_t line_offset);

/// The rest of `line` from byte `from`, comment and surrounding blanks removed.
std::string_view rest_of_line(std::string_view line, std::size_t from);

/// Appends " first" or " first..last": a date or an inclusive range as the text formats write it.
void append_date_range(std::string& out, Date first, Date last);

/// An ISO date field; on error, the message of parse_iso_date at its exact column in `file`.
expected<Date, Error> date_field(std::string_view file, Field field, std::string_view source);

}  // namespace shixian::detail
