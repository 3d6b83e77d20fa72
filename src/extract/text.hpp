// A document as code points, with the byte offset of each (for slicing the
// UTF-8 original) and its line starts. Valid UTF-8 is assumed. The code
// points are read the way the rule normalizer reads them (SPEC §8
// "Characters": detail::fold_character, invisible characters dropped), so the
// scanner's words match 個工作日 and 每\u200B月; slices are the original bytes,
// and char_index() maps back to the characters as written.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace shixian::detail {

std::string to_utf8(std::u32string_view text);

class Text {
 public:
  explicit Text(std::string_view utf8);
  ~Text();
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;

  std::size_t size() const { return cps_.size(); }
  char32_t operator[](std::size_t i) const { return cps_[i]; }
  bool starts_with(std::size_t i, std::u32string_view w) const {
    return i <= cps_.size() && std::u32string_view(cps_).substr(i).starts_with(w);
  }
  std::u32string_view view(std::size_t b, std::size_t e) const { return std::u32string_view(cps_).substr(b, e - b); }
  std::string_view slice(std::size_t b, std::size_t e) const { return utf8_.substr(off_[b], off_[e] - off_[b]); }
  std::string bytes(std::size_t b, std::size_t e) const { return std::string(slice(b, e)); }
  /// The character offset, as written, of code point i (i may be size()).
  std::uint32_t char_index(std::size_t i) const {
    return dropped_ ? chars_[i] : static_cast<std::uint32_t>(i);
  }
  /// The code point at or after byte b of the original.
  std::size_t index_of_byte(std::size_t b) const {
    return static_cast<std::size_t>(std::lower_bound(off_.begin(), off_.end(), b) - off_.begin());
  }
  /// Reads code point i as c from now on (the scanner marks column gaps as tabs).
  void mark(std::size_t i, char32_t c) { cps_[i] = c; }
  /// Whether a traditional character was folded or an invisible one dropped:
  /// a slice then spells words differently from the code points (full-width
  /// punctuation, folded too, never occurs inside a word).
  bool folded() const { return folded_; }
  /// Whether a line has a |, ｜, two tabs, two spaces or a U+3000: only such a
  /// line can hold table cells. One entry per line, from line 0.
  const std::vector<bool>& cell_lines() const { return cell_lines_; }
  bool may_have_cells() const { return may_have_cells_; }
  std::uint32_t line_of(std::size_t i) const {
    return static_cast<std::uint32_t>(std::upper_bound(lines_.begin(), lines_.end(), i) - lines_.begin());
  }

 private:
  struct Buffers {
    std::u32string cps;
    std::vector<std::uint32_t> off;    // size() + 1 entries
    std::vector<std::uint32_t> lines;  // character index where each line starts
    std::vector<std::uint32_t> chars;  // size() + 1 character offsets as written, once one was dropped
    std::vector<bool> cell_lines;
    bool in_use = false;
  };
  // Per-thread buffers reused across documents (no page faults for the
  // large arrays on every call); a second live Text in the thread gets its own.
  static Buffers& acquire(std::unique_ptr<Buffers>& own);

  std::unique_ptr<Buffers> own_;
  Buffers& buf_;
  std::string_view utf8_;
  std::u32string& cps_;
  std::vector<std::uint32_t>& off_;
  std::vector<std::uint32_t>& lines_;
  std::vector<std::uint32_t>& chars_;
  std::vector<bool>& cell_lines_;
  bool folded_ = false;
  bool dropped_ = false;  // an invisible character was dropped: chars_ maps back
  bool may_have_cells_ = false;
};

}  // namespace shixian::detail
