#include "common/fields.hpp"

#include "common/text.hpp"

namespace shixian::detail {

namespace {
bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
}  // namespace

std::optional<Error> not_text(std::string_view file, std::string_view source) {
  for (std::size_t i = 0; i < file.size();) {
    const std::size_t at = i;
    if (file[i] == '\0') {
      return make_error(ErrorCode::invalid_argument, "输入含有NUL字节，不是文本文件", file, at, source);
    }
    // U+FFFD stands for a byte that does not decode, unless the file really holds one.
    if (next_code_point(file, i) == 0xFFFD && !(i - at == 3 && file.substr(at, 3) == "\xEF\xBF\xBD")) {
      return make_error(ErrorCode::invalid_argument, "不是有效的UTF-8文本（GB18030/GBK编码的文件请先转为UTF-8）", file,
                        at, source);
    }
  }
  return std::nullopt;
}

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
