#include "extract/text.hpp"

#include "common/text.hpp"

namespace shixian::detail {

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) detail::append_utf8(out, c);
  return out;
}

Text::Buffers& Text::acquire(std::unique_ptr<Buffers>& own) {
  thread_local Buffers shared;
  if (!shared.in_use) {
    shared.in_use = true;
    return shared;
  }
  own = std::make_unique<Buffers>();
  return *own;
}

namespace {

// A CJK character (3 bytes in UTF-8, U+3400 and up) starting at byte i?
bool cjk_at(const unsigned char* p, std::size_t n, std::size_t i) {
  if (i + 2 >= n || (p[i] >> 4) != 0xE) return false;
  const char32_t cp = ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
  return cp >= 0x3400 && cp < 0xA000;
}

// Is the single space at byte i one of a letter-spaced word (获 取 信 息)? It
// stands between two CJK characters, and one of them has a space on its
// other side too; 社会救助 各地配套 (words apart) keeps its space.
bool letter_spaced(const unsigned char* p, std::size_t n, std::size_t i, std::size_t prev_start,
                   const std::u32string& cps) {
  if (cps.empty() || cps.back() < 0x3400 || cps.back() >= 0xA000 || prev_start + 3 != i) return false;
  if (!cjk_at(p, n, i + 1)) return false;
  const bool space_before = prev_start > 0 && p[prev_start - 1] == ' ' && (prev_start < 2 || p[prev_start - 2] != ' ');
  const bool space_after = i + 4 < n && p[i + 4] == ' ' && (i + 5 >= n || p[i + 5] != ' ');
  return space_before || space_after;
}

}  // namespace

Text::~Text() { buf_.in_use = false; }

Text::Text(std::string_view utf8)
    : buf_(acquire(own_)), utf8_(utf8), cps_(buf_.cps), off_(buf_.off), lines_(buf_.lines), chars_(buf_.chars),
      cell_lines_(buf_.cell_lines) {
  buf_.in_use = true;
  cps_.clear();
  off_.clear();
  lines_.clear();
  chars_.clear();
  cell_lines_.clear();
  cps_.reserve(utf8.size());
  off_.reserve(utf8.size() + 1);
  lines_.push_back(0);
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  std::uint32_t drops = 0;  // invisible characters dropped so far
  bool folded = false, cells = false, any_cells = false;  // cells: in the current line
  std::uint32_t tabs = 0;
  bool seen = false;  // text in the current line
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    char32_t cp;
    std::size_t len;
    if (c < 0x80) {
      cp = c;
      len = 1;
      // Indentation is no gap: two spaces count after text only.
      if (c == ' ' && letter_spaced(p, n, i, off_.empty() ? n : off_.back(), cps_)) [[unlikely]] {
        // 制 定 或 获 取 信 息之日起: characters spaced apart read as one word.
        folded = true;
        if (drops++ == 0)
          for (std::uint32_t k = 0; k < cps_.size(); ++k) chars_.push_back(k);
        i += 1;
        continue;
      }
      if (c <= ' ' || c == '|') [[unlikely]] {
        if (c == '|' || (c == '\t' && tabs++ > 0) || (c == ' ' && seen && cps_.back() == U' ')) cells = true;
      } else {
        seen = true;
      }
    } else {
      if ((c >> 5) == 0x6 && i + 1 < n) {
        cp = ((c & 0x1F) << 6) | (p[i + 1] & 0x3F);
        len = 2;
      } else if ((c >> 4) == 0xE && i + 2 < n) {
        cp = ((c & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
        len = 3;
      } else if ((c >> 3) == 0x1E && i + 3 < n) {
        cp = ((c & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
        len = 4;
      } else {
        cp = 0xFFFD;
        len = 1;
      }
      if (!detail::reads_as_itself(cp)) [[unlikely]] {
        if (detail::is_invisible(cp)) {
          folded = true;
          // The first drop starts the map back to the characters as written.
          if (drops++ == 0)
            for (std::uint32_t k = 0; k < cps_.size(); ++k) chars_.push_back(k);
          i += len;
          continue;
        }
        const char32_t plain = detail::fold_bracket(detail::fold_full_width(cp));
        cp = detail::fold_character(cp);
        folded = folded || cp != plain;  // a traditional character: slices differ from the words read
        cells = cells || (cp == U' ' && seen) || cp == U'|';  // U+3000 (two columns wide), ｜
      }
      seen = seen || cp != U' ';
    }
    off_.push_back(static_cast<std::uint32_t>(i));
    if (drops > 0) [[unlikely]] chars_.push_back(static_cast<std::uint32_t>(cps_.size()) + drops);
    cps_.push_back(cp);
    if (cp == U'\n') {
      lines_.push_back(static_cast<std::uint32_t>(cps_.size()));
      cell_lines_.push_back(cells);
      any_cells = any_cells || cells;
      cells = seen = false;
      tabs = 0;
    }
    i += len;
  }
  off_.push_back(static_cast<std::uint32_t>(n));
  if (drops > 0) chars_.push_back(static_cast<std::uint32_t>(cps_.size()) + drops);
  folded_ = folded;
  cell_lines_.push_back(cells);
  may_have_cells_ = any_cells || cells;
  dropped_ = drops > 0;
}

}  // namespace shixian::detail
