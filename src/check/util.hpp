// Small helpers of the check stage: id hashing, timestamps, event lists,
// splitting a rule cell into rules, CSV/JSON escaping.
#pragma once

#include "common/text.hpp"  // append_json_string

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shixian/evaluate.hpp"

namespace shixian::detail {

/// FNV-1a, 64 bits.
inline std::uint64_t hash_id(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

/// "2016-10-01", "2016/10/01", "2016-10-01 09:30", "2016-10-01T09:30:00".
expected<EventTime, Error> parse_timestamp(std::string_view text);

/// "形成文件=2016-09-30;人大批复=2016-01-29" (also ； , ， and newlines between
/// entries, ＝ for =). false with a message naming the bad entry.
bool parse_events(std::string_view text, std::vector<std::pair<std::string, EventTime>>& out, std::string& message);

/// A rule cell split at ；/; and line breaks outside brackets, each piece
/// trimmed of spaces and a final 。; empty pieces dropped.
std::vector<std::string_view> split_rules(std::string_view cell);

/// "2016-10-10" / "2016-10-02T09:30" appended without printf (years 0–9999;
/// others through shixian::to_string).
void append_date(std::string& out, Date d);
void append_time(std::string& out, const EventTime& t);

/// Quoted when it holds a comma, quote, CR or LF (RFC 4180).
void append_csv_field(std::string& out, std::string_view s);

}  // namespace shixian::detail
