// What the check-reader fuzz targets share: how a fuzz input is read (the
// format and encoding the bytes suggest, as a user's file would be given) and
// the invariant every reported input problem keeps.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "shixian/check.hpp"

namespace shixian::fuzz {

/// JSON Lines when the first non-blank byte (after a BOM) is '{', else CSV —
/// so the CSV and JSONL seeds each reach their own reader.
inline ReadOptions read_options_for(std::string_view text, Encoding encoding) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const auto first = text.find_first_not_of(" \t\r\n");
  ReadOptions options;
  options.encoding = encoding;
  options.format = first != std::string_view::npos && text[first] == '{' ? FileFormat::jsonl : FileFormat::csv;
  return options;
}

/// The encodings worth trying: UTF-8 always; GB18030 too when the bytes have
/// any non-ASCII byte (the iconv path and its refusal of valid UTF-8).
inline std::vector<Encoding> encodings_for(std::string_view text) {
  std::vector<Encoding> out{Encoding::utf8};
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    out.push_back(Encoding::gb18030);
  }
  return out;
}

/// A problem names its file, says something, and points at a line that exists.
inline void check_problems(const std::vector<InputProblem>& problems, std::string_view text, std::string_view name) {
  const auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const auto& p : problems) {
    if (p.file != name || p.message.empty() || p.line > lines) std::abort();
  }
}

/// An open error names the file and says something.
inline void check_open_error(const Error& e, std::string_view name) {
  if (e.message.empty() || e.source != name) std::abort();
}

}  // namespace shixian::fuzz
