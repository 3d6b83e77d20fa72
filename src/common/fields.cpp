#include "common/fields.hpp"

#include "common/text.hpp"

namespace shixian::detail {

namespace {
bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
}  // namespace

std::vector<Field> fields_of(std::string_view line, std::size_t line_offset) {
  std::vector<Field> out;
  // A UTF-8 BOM (Windows editors write one) at the very start of the file is not a field.
  std::size_t i = line_offset == 0 && line.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < line.size()) {
    while (i < line.size() && blank(line[i])) ++i;
    if (i >= line.size() || line[i] == '#') break;
    const std::size_t start = i;
    while (i < line.size() && !blank(line[i]) && line[i] != '#') ++i;
    out.push_back({line.substr(start, i - start), line_offset + start});
  }
  return out;
}

std::string_view rest_of_line(std::string_view line, std::size_t from) {
  std::string_view rest = line.substr(from);
  if (const auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  const auto first = rest.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return rest.substr(first, rest.find_last_not_of(" \t\r") - first + 1);
}

void append_date_range(std::string& out, Date first, Date last) {
  // append(), not `" " + …`: GCC 12 warns falsely (-Wrestrict, PR 105651) on the latter.
  out.append(" ").append(to_string(first));
  if (last != first) out.append("..").append(to_string(last));
}

expected<Date, Error> date_field(std::string_view file, Field field, std::string_view source) {
  auto d = parse_iso_date(field.text);
  if (d) return d;
  // Re-anchor the field-relative character offset on the whole file.
  std::size_t byte = 0;
  for (std::uint32_t k = 0; k < d.error().where.offset && byte < field.text.size(); ++k) {
    byte += utf8_length(static_cast<unsigned char>(field.text[byte]));
  }
  return unexpected(make_error(ErrorCode::invalid_argument, d.error().message, file, field.offset + byte, source));
}

}  // namespace shixian::detail
