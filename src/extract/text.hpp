// A document as code points, with the byte offset of each (for slicing the
// UTF-8 original) and its line starts. Valid UTF-8 is assumed.
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
  std::uint32_t line_of(std::size_t i) const {
    return static_cast<std::uint32_t>(std::upper_bound(lines_.begin(), lines_.end(), i) - lines_.begin());
  }

 private:
  struct Buffers {
    std::u32string cps;
    std::vector<std::uint32_t> off;    // size() + 1 entries
    std::vector<std::uint32_t> lines;  // character index where each line starts
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
};

}  // namespace shixian::detail
