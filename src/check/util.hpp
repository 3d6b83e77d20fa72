// Small helpers of the check stage: id hashing, timestamps, event lists,
// splitting a rule cell into rules, CSV/JSON escaping.
#pragma once

#include "common/text.hpp"  // append_json_string

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shixian/evaluate.hpp"

namespace shixian::detail {

/// FNV-1a, 64 bits: a hash that never changes (iCalendar UIDs are made of
/// it, and calendars match events by UID across exports).
inline std::uint64_t stable_hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

/// For in-memory tables only (its values may change between versions):
/// eight bytes per multiply instead of FNV's one, so an id or a rule text
/// costs a few cycles; all 64 bits well mixed, as linear probing uses the
/// low ones.
inline std::uint64_t table_hash(std::string_view s) {
  const char* p = s.data();
  std::size_t n = s.size();
  auto load8 = [](const char* q) {
    std::uint64_t w;
    std::memcpy(&w, q, 8);
    return w;
  };
  auto mix = [](std::uint64_t h, std::uint64_t w) {
    h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 31);
  };
  // The length mixed in first, not xor-ed with a word: "A1" and "A10" differ
  // in both, and the two differences must not cancel.
  std::uint64_t h = mix(0x9E3779B97F4A7C15ULL, n);
  if (n >= 8) {
    for (; n > 8; p += 8, n -= 8) h = mix(h, load8(p));
    h = mix(h, load8(p + n - 8));  // the last eight bytes (overlapping the previous word)
  } else if (n >= 4) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    h = mix(h, (std::uint64_t{hi} << 32) | lo);
  } else if (n > 0) {
    const auto a = static_cast<unsigned char>(p[0]), b = static_cast<unsigned char>(p[n / 2]),
               c = static_cast<unsigned char>(p[n - 1]);
    h = mix(h, (std::uint64_t{a} << 16) | (std::uint64_t{b} << 8) | c);
  }
  h = (h ^ (h >> 32)) * 0x94D049BB133111EBULL;
  return h ^ (h >> 29);
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
