#include "check/reader.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cerrno>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "common/text.hpp"

namespace shixian::detail {

namespace {

constexpr std::size_t kChunk = 1 << 20;         // bytes read at a time
constexpr std::size_t kSniff = 64 * 1024;       // bytes checked for the encoding up front
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// A full-width space (U+3000), as spreadsheets leave them around values.
bool ideographic_space_at(std::string_view s, std::size_t i) {
  return s[i] == '\xE3' && s[i + 1] == '\x80' && s[i + 2] == '\x80';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  while (s.size() >= 3 && ideographic_space_at(s, 0)) s.remove_prefix(3);
  while (s.size() >= 3 && ideographic_space_at(s, s.size() - 3)) s.remove_suffix(3);
  return s;
}

std::string fold(std::string_view s) {
  std::string out(trim(s));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Line and character column of byte `offset` in `text` (both 1-based).
std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view text, std::size_t offset) {
  std::uint32_t line = 0, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') ++line, column = 1;
    else if ((c & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

}  // namespace

namespace {

// UTF-8 validation as a shift-based DFA (RFC 3629's well-formed byte
// sequences): kUtf8Dfa[byte] holds, for each state, the next state in six
// bits at offset 6 × state, and states are kept pre-multiplied by 6. One
// table load and a shift per byte: the load does not depend on the state,
// and the shift needs no mask (x86 shifts take the count mod 64, so the
// `& 63` compiles away), so the chain is one cycle a byte.
enum : unsigned { kAccept = 0, kReject = 1, kCont1 = 2, kCont2 = 3, kAfterE0 = 4, kAfterED = 5, kAfterF0 = 6,
                  kCont3 = 7, kAfterF4 = 8, kStates = 9 };

constexpr std::array<std::uint64_t, 256> kUtf8Dfa = [] {
  std::array<std::uint64_t, 256> t{};
  for (auto& row : t) {
    for (unsigned state = 0; state < kStates; ++state) row |= std::uint64_t{6 * kReject} << (6 * state);
  }
  auto go = [&](unsigned lo, unsigned hi, unsigned from, unsigned to) {
    for (unsigned b = lo; b <= hi; ++b) {
      t[b] = (t[b] & ~(std::uint64_t{63} << (6 * from))) | (std::uint64_t{6 * to} << (6 * from));
    }
  };
  go(0x00, 0x7F, kAccept, kAccept);
  go(0x80, 0xBF, kCont1, kAccept);   // continuation bytes
  go(0x80, 0xBF, kCont2, kCont1);
  go(0x80, 0xBF, kCont3, kCont2);
  go(0xA0, 0xBF, kAfterE0, kCont1);  // no overlong 3-byte forms
  go(0x80, 0x9F, kAfterED, kCont1);  // no surrogates
  go(0x90, 0xBF, kAfterF0, kCont2);  // no overlong 4-byte forms
  go(0x80, 0x8F, kAfterF4, kCont2);  // nothing above U+10FFFF
  go(0xC2, 0xDF, kAccept, kCont1);
  go(0xE0, 0xE0, kAccept, kAfterE0);
  go(0xE1, 0xEC, kAccept, kCont2);
  go(0xED, 0xED, kAccept, kAfterED);
  go(0xEE, 0xEF, kAccept, kCont2);
  go(0xF0, 0xF0, kAccept, kAfterF0);
  go(0xF1, 0xF3, kAccept, kCont3);
  go(0xF4, 0xF4, kAccept, kAfterF4);
  return t;
}();

// Valid and complete? The fast check; find_invalid_utf8 locates the byte when not.
bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::uint64_t state = 0;  // only its low six bits mean anything
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if ((state & 63) == 0 && (w & 0x8080808080808080ULL) == 0) continue;  // ASCII
    for (std::size_t k = 0; k < 8; ++k) state = kUtf8Dfa[p[i + k]] >> (state & 63);
    if ((state & 63) == 6 * kReject) return false;
  }
  for (; i < n; ++i) state = kUtf8Dfa[p[i]] >> (state & 63);
  return (state & 63) == 0;
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view s, bool allow_truncated_tail) {
  if (valid_utf8(s)) return std::string_view::npos;
  // Rare: an error or a cut-off tail. Walk the sequences to say where.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // The common case in Chinese text: a 3-byte sequence (U+0800–U+FFFF, no surrogates).
    if ((c & 0xF0) == 0xE0 && i + 2 < n) {
      const unsigned char c1 = p[i + 1], c2 = p[i + 2];
      if ((c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80 && (c != 0xE0 || c1 >= 0xA0) && (c != 0xED || c1 < 0xA0)) {
        i += 3;
        continue;
      }
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
    else return i;
    if (i + len > n) return allow_truncated_tail ? std::string_view::npos : i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

RecordReader::~RecordReader() {
  if (file_) std::fclose(file_);
  if (iconv_) iconv_close(static_cast<iconv_t>(iconv_));
}

expected<std::unique_ptr<RecordReader>, Error> RecordReader::open(const std::string& path, const ReadOptions& options,
                                                                  std::vector<ColumnSpec> columns) {
  std::unique_ptr<RecordReader> r(new RecordReader());
  r->name_ = path;
  r->columns_ = std::move(columns);
  r->file_ = std::fopen(path.c_str(), "rb");
  if (!r->file_) {
    return unexpected(Error{ErrorCode::io_error, "无法读取文件：" + std::string(std::strerror(errno)), {}, path});
  }
  if (std::fseek(r->file_, 0, SEEK_END) == 0) {
    const long size = std::ftell(r->file_);
    if (size > 0) r->size_ = static_cast<std::uint64_t>(size);
    std::fseek(r->file_, 0, SEEK_SET);
  }
  r->jsonl_ = options.format == FileFormat::jsonl ||
              (options.format == FileFormat::automatic && (ends_with(path, ".jsonl") || ends_with(path, ".ndjson") ||
                                                          ends_with(path, ".JSONL")));
  auto ok = r->start(options);
  if (!ok.has_value()) return unexpected(std::move(ok).error());
  return r;
}

expected<std::unique_ptr<RecordReader>, Error> RecordReader::from_string(std::string text, std::string name,
                                                                         const ReadOptions& options,
                                                                         std::vector<ColumnSpec> columns) {
  std::unique_ptr<RecordReader> r(new RecordReader());
  r->name_ = std::move(name);
  r->columns_ = std::move(columns);
  r->size_ = text.size();
  r->text_ = std::move(text);
  r->jsonl_ = options.format == FileFormat::jsonl ||
              (options.format == FileFormat::automatic && (ends_with(r->name_, ".jsonl") || ends_with(r->name_, ".ndjson")));
  auto ok = r->start(options);
  if (!ok.has_value()) return unexpected(std::move(ok).error());
  return r;
}

bool RecordReader::restrict_to(FileCut cut, std::uint64_t end) {
  if (!file_ || consumed_ > end) return false;
  begin_ = cut.offset, end_ = end;
  if (cut.offset == 0) return true;  // the first part: go on from the header
  if (std::fseek(file_, static_cast<long>(cut.offset), SEEK_SET) != 0) return false;
  buf_.clear(), pos_ = 0, eof_ = false;
  raw_carry_.clear(), raw_eof_ = false;
  consumed_ = cut.offset;
  next_line_ = cut.line;
  return true;
}

namespace {

// How many bytes of [b, e) equal c. A plain loop into a 32-bit counter, which
// the compiler turns into byte compares 16 or 32 at a time (std::count's
// 64-bit difference type keeps GCC 12 from doing so).
std::uint32_t count_byte(const char* b, const char* e, char c) {
  std::uint32_t n = 0;
  for (; b < e; ++b) n += *b == c ? 1u : 0u;
  return n;
}

}  // namespace

expected<std::vector<FileCut>, Error> record_cuts(const std::string& path, bool csv, std::size_t parts) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return unexpected(Error{ErrorCode::io_error, "无法读取文件：" + std::string(std::strerror(errno)), {}, path});
  std::fseek(file, 0, SEEK_END);
  const long size = std::ftell(file);
  std::fseek(file, 0, SEEK_SET);
  std::vector<FileCut> cuts{FileCut{}};
  std::vector<char> chunk(kChunk);
  std::uint64_t at = 0;        // file offset of chunk[0]
  std::uint32_t newlines = 0;  // before the scan position
  bool quoted = false;         // CSV: inside a quoted value at the scan position
  std::uint64_t target = static_cast<std::uint64_t>(size) / parts;
  while (cuts.size() < parts) {
    const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), file);
    if (got == 0) break;
    const char* b = chunk.data();
    std::size_t i = 0;
    while (i < got && cuts.size() < parts) {
      // Bulk-count up to the target, then look for the first newline outside quotes.
      const std::size_t stop =
          target <= at + i ? i : static_cast<std::size_t>(std::min<std::uint64_t>(got, target - at));
      newlines += count_byte(b + i, b + stop, '\n');
      if (csv) quoted ^= (count_byte(b + i, b + stop, '"') & 1) != 0;
      i = stop;
      for (; i < got; ++i) {
        if (b[i] == '"' && csv) quoted = !quoted;
        if (b[i] != '\n') continue;
        ++newlines;
        if (quoted) continue;
        cuts.push_back({at + i + 1, newlines + 1});
        target = static_cast<std::uint64_t>(size) / parts * cuts.size();
        ++i;
        break;
      }
    }
    at += got;
  }
  std::fclose(file);
  if (cuts.back().offset >= static_cast<std::uint64_t>(size)) cuts.pop_back();  // a cut at the very end
  return cuts;
}

std::size_t RecordReader::read_raw(char* out, std::size_t n) {
  std::size_t got = 0;
  if (consumed_ >= end_) {
    raw_eof_ = true;
    return 0;
  }
  n = static_cast<std::size_t>(std::min<std::uint64_t>(n, end_ - consumed_));
  if (file_) {
    got = std::fread(out, 1, n, file_);
  } else {
    got = std::min(n, text_.size() - text_pos_);
    std::memcpy(out, text_.data() + text_pos_, got);
    text_pos_ += got;
    if (text_pos_ == text_.size()) std::string().swap(text_);  // release the input early
  }
  consumed_ += got;
  if (got < n) raw_eof_ = true;
  return got;
}

bool RecordReader::fill() {
  if (raw_eof_ && raw_carry_.empty()) return false;
  if (!gb18030_) {  // UTF-8: straight into the buffer
    // No more than what is left (plus one byte, to see the end): small
    // inputs do not pay for a whole chunk.
    const std::size_t want =
        size_ > consumed_ ? static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, size_ - consumed_ + 1)) : kChunk;
    const std::size_t before = buf_.size();
    buf_.resize(before + want);
    const std::size_t got = raw_eof_ ? 0 : read_raw(buf_.data() + before, want);
    buf_.resize(before + got);
    return got > 0 || !raw_eof_;
  }
  std::string raw;
  raw.resize(kChunk);
  std::size_t got = raw_eof_ ? 0 : read_raw(raw.data(), raw.size());
  raw.resize(got);
  std::string in = std::move(raw_carry_);
  raw_carry_.clear();
  in.append(raw);
  if (in.empty()) return false;
  const std::size_t before = buf_.size();
  std::size_t in_left = in.size();
  char* in_ptr = in.data();
  // Room for the worst case, once: every byte invalid and replaced by U+FFFD
  // (3 bytes); valid GB18030 never grows more than that in UTF-8.
  buf_.resize(before + in_left * kReplacement.size() + 16);
  char* out_ptr = buf_.data() + before;
  std::size_t out_left = buf_.size() - before;
  while (in_left > 0) {
    if (iconv(static_cast<iconv_t>(iconv_), &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1)) {
      break;
    }
    if (errno == EINVAL && !raw_eof_) {  // an incomplete sequence at the end of this chunk
      raw_carry_.assign(in_ptr, in_left);
      break;
    }
    // Not GB18030 (or cut off at the end of the file): mark it, go on.
    std::memcpy(out_ptr, kReplacement.data(), kReplacement.size());
    out_ptr += kReplacement.size(), out_left -= kReplacement.size();
    ++invalid_gb_;
    ++in_ptr, --in_left;
  }
  buf_.resize(static_cast<std::size_t>(out_ptr - buf_.data()));
  return buf_.size() > before || !raw_eof_ || !raw_carry_.empty();
}

expected<bool, Error> RecordReader::start(const ReadOptions& options) {
  auto fail = [&](std::string message, std::size_t offset = std::string::npos) -> expected<bool, Error> {
    Error e{ErrorCode::invalid_argument, std::move(message), {}, name_};
    if (offset != std::string::npos) {
      auto [line, column] = line_column(buf_, offset);
      e.where.line = line + 1, e.where.column = column;
    }
    return unexpected(std::move(e));
  };
  if (options.encoding == Encoding::gb18030) {
    // Look at the raw bytes first: converting UTF-8 as GB18030 would garble it silently.
    std::string head(kSniff, '\0');
    head.resize(read_raw(head.data(), head.size()));
    if (head.starts_with("\xEF\xBB\xBF")) {
      return fail("指定了GB18030编码，但文件以UTF-8的BOM开头；它是UTF-8文件，请去掉编码选项");
    }
    const bool non_ascii = std::any_of(head.begin(), head.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (non_ascii && find_invalid_utf8(head, !raw_eof_) == std::string_view::npos) {
      return fail("指定了GB18030编码，但文件内容是有效的UTF-8；请去掉编码选项");
    }
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return fail("本系统不支持GB18030转换（iconv）");
    iconv_ = cd;
    gb18030_ = true;
    raw_carry_ = std::move(head);
  }
  while (buf_.size() < kSniff && fill()) {
  }
  if (buf_.size() < kSniff) eof_ = raw_eof_ && raw_carry_.empty();
  if (!gb18030_) {
    if (buf_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
    const std::string_view head = std::string_view(buf_).substr(pos_, kSniff);
    const std::size_t bad = find_invalid_utf8(head, !eof_);
    if (bad != std::string_view::npos) {
      return fail(
          "不是有效的UTF-8文本；若文件为GB18030/GBK编码（Excel另存为CSV时常见），请指定编码 gb18030"
          "（命令行：--encoding gb18030）",
          pos_ + bad);
    }
  } else if (invalid_gb_ > 0 && buf_.size() < 4 * kSniff) {
    return fail("不是有效的GB18030文本（含无法转换的字节）");
  }
  if (jsonl_) {
    mapped_.assign(columns_.size(), false);
    present_.assign(columns_.size(), false);
    values_.assign(columns_.size(), {});
    value_src_.assign(columns_.size(), 0);
    return true;
  }
  // The header row.
  std::vector<InputProblem> problems;
  for (;;) {
    std::string error;
    std::size_t error_at = 0;
    const int r = parse_csv_record(&error, &error_at);
    if (r == 0) {
      if (!eof_) {
        buf_.erase(0, pos_), pos_ = 0;
        if (!fill()) eof_ = true;
        continue;
      }
    }
    if (r == -1) return fail("表头行无法解析：" + error, pos_ + error_at);
    // Blank lines before the header are not the header: such a file is not empty.
    if (fields_.size() == 1 && field(0).empty() && (pos_ < buf_.size() || !eof_)) continue;
    break;
  }
  if (fields_.empty() || (fields_.size() == 1 && field(0).empty())) {
    return fail("文件为空，没有表头行");
  }
  std::vector<std::string> header;
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    header.push_back(fold(field(f)));
  }
  map_header(header);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c].required && !mapped_[c]) {
      std::string names;
      for (auto n : columns_[c].names) names += (names.empty() ? "" : "、") + std::string(n);
      std::string seen;
      for (const auto& h : header) seen += (seen.empty() ? "" : ", ") + h;
      seen = clip(seen, 200);  // a file that is one 10 MB line must not become a 10 MB message
      Error e{ErrorCode::invalid_argument, "表头缺少必需的列“" + std::string(columns_[c].names[0]) + "”（可写作：" +
                                               names + "；表头为：" + seen + "）",
              {1, 1, 0}, name_};
      return unexpected(std::move(e));
    }
  }
  return true;
}

void RecordReader::map_header(const std::vector<std::string>& header) {
  mapped_.assign(columns_.size(), false);
  present_.assign(columns_.size(), false);
  values_.assign(columns_.size(), {});
  value_src_.assign(columns_.size(), 0);
  field_to_column_.assign(header.size(), -1);
  header_fields_ = header.size();
  for (std::size_t f = 0; f < header.size(); ++f) {
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (mapped_[c]) continue;
      for (auto n : columns_[c].names) {
        if (header[f] == n) {
          field_to_column_[f] = static_cast<int>(c);
          mapped_[c] = true;
          break;
        }
      }
      if (field_to_column_[f] >= 0) break;
    }
  }
}

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

// High bit set in each byte of w equal to c; the lowest such bit is exact
// (higher ones may be false positives, which callers never look at).
constexpr std::uint64_t bytes_equal(std::uint64_t w, char c) {
  const std::uint64_t x = w ^ (kOnes * static_cast<unsigned char>(c));
  return (x - kOnes) & ~x & kHigh;
}

// The end of an unquoted field starting at i: the first ',', '\n' or '\r', or n.
// Sixteen bytes at a time with SSE2 (every x86-64 has it), else eight in a
// word: most of a register is field text.
std::size_t unquoted_field_end(const char* b, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i stops = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)), _mm_cmpeq_epi8(v, cr));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(stops));
    if (mask != 0) return i + static_cast<std::size_t>(std::countr_zero(mask));
  }
#endif
  static_assert(std::endian::native == std::endian::little, "the word scan reads bytes in little-endian order");
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, b + i, 8);
    const std::uint64_t stops = bytes_equal(w, ',') | bytes_equal(w, '\n') | bytes_equal(w, '\r');
    if (stops != 0) return i + static_cast<std::size_t>(std::countr_zero(stops) / 8);
  }
  while (i < n && b[i] != ',' && b[i] != '\n' && b[i] != '\r') ++i;
  return i;
}

}  // namespace

// One CSV record (RFC 4180, plus: CRLF or LF, quotes inside unquoted fields
// taken literally) starting at buf_[pos_].
int RecordReader::parse_csv_record(std::string* error, std::size_t* error_at) {
  scratch_.clear();
  fields_.clear();
  const char* const b = buf_.data();
  const std::size_t n = buf_.size();
  std::size_t i = pos_;
  std::uint32_t newlines = 0;  // inside quoted values, then the record's own
  for (;;) {
    const auto src = static_cast<std::uint32_t>(i - pos_);
    if (i < n && b[i] == '"') {
      // Quoted: unescaped into scratch_.
      const auto begin = static_cast<std::uint32_t>(scratch_.size()) | kInScratch;
      const std::size_t open = i;
      ++i;
      for (;;) {
        const void* q = std::memchr(b + i, '"', n - i);
        if (!q) {
          if (!eof_) return 0;
          *error = "引号未闭合";
          *error_at = open - pos_;
          return -1;
        }
        const std::size_t qi = static_cast<std::size_t>(static_cast<const char*>(q) - b);
        scratch_.append(b + i, qi - i);
        newlines += static_cast<std::uint32_t>(std::count(b + i, b + qi, '\n'));
        i = qi + 1;
        if (i >= n && !eof_) return 0;
        if (i < n && b[i] == '"') {
          scratch_ += '"';
          ++i;
          continue;
        }
        break;
      }
      while (i < n && (b[i] == ' ' || b[i] == '\t')) ++i;
      if (i < n && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
        *error = "引号闭合后应为逗号或换行（字段内的引号须写成两个引号\"\"）";
        *error_at = i - pos_;
        return -1;
      }
      fields_.push_back({begin, static_cast<std::uint32_t>(scratch_.size()), src});
    } else {
      // Unquoted: the value is the bytes themselves, viewed in buf_.
      const std::size_t j = unquoted_field_end(b, i, n);
      if (j >= n && !eof_) return 0;
      fields_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), src});
      i = j;
    }
    if (i >= n) break;
    if (b[i] == ',') {
      ++i;
      continue;
    }
    if (b[i] == '\r') {
      if (i + 1 >= n && !eof_) return 0;
      if (i + 1 < n && b[i + 1] == '\n') ++newlines, i += 2;
      else ++i;
    } else {
      ++newlines, ++i;
    }
    break;
  }
  record_begin_ = pos_;
  line_ = next_line_;
  next_line_ += newlines;
  pos_ = i;
  return 1;
}

bool RecordReader::next(std::vector<InputProblem>& problems) {
  return jsonl_ ? next_jsonl(problems) : next_csv(problems);
}

bool RecordReader::next_csv(std::vector<InputProblem>& problems) {
  for (;;) {
    if (pos_ >= buf_.size()) {
      if (eof_) return false;
      buf_.clear(), pos_ = 0;
      if (!fill()) eof_ = true;
      if (buf_.empty() && eof_) return false;
    }
    std::string error;
    std::size_t error_at = 0;
    const int r = parse_csv_record(&error, &error_at);
    if (r == 0) {
      buf_.erase(0, pos_), pos_ = 0;
      if (!fill()) eof_ = true;
      continue;
    }
    if (r == -1) {
      // Report, then skip to the next line and go on.
      auto [dl, column] = line_column(std::string_view(buf_).substr(pos_), error_at);
      problems.push_back({name_, next_line_ + dl, column, "无法解析的CSV行：" + error});
      const std::size_t nl = buf_.find('\n', pos_ + error_at);
      const std::size_t end = nl == std::string::npos ? buf_.size() : nl + 1;
      next_line_ += static_cast<std::uint32_t>(std::count(buf_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                                          buf_.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
      pos_ = end;
      continue;
    }
    const std::string_view record = std::string_view(buf_).substr(record_begin_, pos_ - record_begin_);
    // A blank line.
    if (fields_.size() == 1 && field(0).empty()) continue;
    if (!gb18030_) {
      const std::size_t bad = find_invalid_utf8(record);
      if (bad != std::string_view::npos) {
        auto [dl, column] = line_column(record, bad);
        problems.push_back({name_, line_ + dl, column, "含无效的UTF-8字节，本行跳过"});
        continue;
      }
    }
    if (fields_.size() > header_fields_) {
      problems.push_back({name_, line_, 0,
                          "本行有" + std::to_string(fields_.size()) + "个字段，表头只有" +
                              std::to_string(header_fields_) + "个（含逗号的内容须加引号），本行跳过"});
      continue;
    }
    std::fill(present_.begin(), present_.end(), false);
    for (std::size_t f = 0; f < fields_.size(); ++f) {
      const int c = field_to_column_[f];
      if (c < 0) continue;
      std::string_view value = field(f);
      // Most values have nothing to trim: look at their ends before calling trim.
      if (!value.empty() && (is_space(value.front()) || is_space(value.back()) || value.front() == '\xE3' ||
                             value.back() == '\x80')) {
        value = trim(value);
      }
      values_[static_cast<std::size_t>(c)] = value;
      value_src_[static_cast<std::size_t>(c)] = fields_[f].src;
      present_[static_cast<std::size_t>(c)] = !values_[static_cast<std::size_t>(c)].empty();
    }
    return true;
  }
}

namespace {

// A JSON value parser for one flat object per line; nested objects and
// arrays of strings are flattened into "k=v;k=v" / "a;b".
struct JsonLine {
  std::string_view s;
  std::size_t i = 0;
  std::string error;

  void ws() {
    while (i < s.size() && is_space(s[i])) ++i;
  }
  bool fail(std::string message) {
    error = std::move(message);
    return false;
  }
  static void put_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) out += static_cast<char>(0xC0 | (cp >> 6)), out += static_cast<char>(0x80 | (cp & 0x3F));
    else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  bool hex4(std::uint32_t& v) {
    if (i + 4 > s.size()) return fail("\\u后应有4位十六进制数");
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s[i++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint32_t>(c - 'A' + 10);
      else return fail("\\u后应有4位十六进制数");
    }
    return true;
  }
  bool string(std::string& out) {
    if (i >= s.size() || s[i] != '"') return fail("应为字符串");
    ++i;
    for (;;) {
      const std::size_t start = i;
      while (i < s.size() && s[i] != '"' && s[i] != '\\') ++i;
      out.append(s.data() + start, i - start);
      if (i >= s.size()) return fail("字符串未闭合");
      if (s[i] == '"') {
        ++i;
        return true;
      }
      ++i;
      if (i >= s.size()) return fail("字符串未闭合");
      const char e = s[i++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t lo = 0;
            if (i + 2 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return fail("代理对不完整");
            i += 2;
            if (!hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return fail("代理对不完整");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          put_utf8(out, cp);
          break;
        }
        default: return fail("未知的转义符");
      }
    }
  }
  // A scalar as text; false with error for bad input. `absent` for null.
  bool scalar(std::string& out, bool& absent) {
    ws();
    absent = false;
    if (i >= s.size()) return fail("缺少值");
    if (s[i] == '"') return string(out);
    if (s.substr(i, 4) == "null") return i += 4, absent = true, true;
    if (s.substr(i, 4) == "true") return i += 4, out += "true", true;
    if (s.substr(i, 5) == "false") return i += 5, out += "false", true;
    const std::size_t start = i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '-' || s[i] == '+' || s[i] == '.' ||
                            s[i] == 'e' || s[i] == 'E'))
      ++i;
    if (i == start) return fail("无法识别的值");
    out.append(s.substr(start, i - start));
    return true;
  }
  bool value(std::string& out, bool& absent) {
    ws();
    if (i < s.size() && s[i] == '{') {  // {"形成文件":"2016-09-30"} → 形成文件=2016-09-30
      ++i;
      ws();
      bool first = true;
      if (i < s.size() && s[i] == '}') return ++i, true;
      for (;;) {
        ws();
        if (!first) out += ';';
        first = false;
        if (!string(out)) return false;
        ws();
        if (i >= s.size() || s[i] != ':') return fail("应为冒号");
        ++i;
        out += '=';
        bool null = false;
        if (!scalar(out, null)) return false;
        ws();
        if (i < s.size() && s[i] == ',') {
          ++i;
          continue;
        }
        if (i < s.size() && s[i] == '}') return ++i, true;
        return fail("应为逗号或}");
      }
    }
    if (i < s.size() && s[i] == '[') {
      ++i;
      ws();
      if (i < s.size() && s[i] == ']') return ++i, true;
      bool first = true;
      for (;;) {
        if (!first) out += ';';
        first = false;
        bool null = false;
        if (!scalar(out, null)) return false;
        ws();
        if (i < s.size() && s[i] == ',') {
          ++i;
          continue;
        }
        if (i < s.size() && s[i] == ']') return ++i, true;
        return fail("应为逗号或]");
      }
    }
    return scalar(out, absent);
  }
};

}  // namespace

bool RecordReader::next_jsonl(std::vector<InputProblem>& problems) {
  for (;;) {
    std::size_t nl = buf_.find('\n', pos_);
    while (nl == std::string::npos && !eof_) {
      buf_.erase(0, pos_), pos_ = 0;
      if (!fill()) eof_ = true;
      nl = buf_.find('\n', pos_);
    }
    if (pos_ >= buf_.size()) return false;
    const std::size_t end = nl == std::string::npos ? buf_.size() : nl;
    record_begin_ = pos_;
    line_ = next_line_++;
    std::string_view text = std::string_view(buf_).substr(pos_, end - pos_);
    pos_ = nl == std::string::npos ? buf_.size() : nl + 1;
    if (trim(text).empty()) continue;
    if (!gb18030_) {
      const std::size_t bad = find_invalid_utf8(text);
      if (bad != std::string_view::npos) {
        problems.push_back({name_, line_, line_column(text, bad).second, "含无效的UTF-8字节，本行跳过"});
        continue;
      }
    }
    JsonLine j{text, 0, {}};
    scratch_.clear();
    std::fill(present_.begin(), present_.end(), false);
    std::vector<std::pair<std::size_t, std::pair<std::uint32_t, std::uint32_t>>> spans;  // column, scratch range
    bool ok = true;
    j.ws();
    if (j.i >= text.size() || text[j.i] != '{') ok = j.fail("每行应为一个JSON对象（以{开头）");
    else ++j.i;
    j.ws();
    if (ok && j.i < text.size() && text[j.i] == '}') {
      ++j.i;
    } else {
      while (ok) {
        j.ws();
        std::string key;
        if (!j.string(key)) {
          ok = false;
          break;
        }
        j.ws();
        if (j.i >= text.size() || text[j.i] != ':') {
          ok = j.fail("应为冒号");
          break;
        }
        ++j.i;
        j.ws();
        const std::size_t src = j.i;
        const std::size_t begin = scratch_.size();
        bool absent = false;
        if (!j.value(scratch_, absent)) {
          ok = false;
          break;
        }
        const std::string folded = fold(key);
        for (std::size_t c = 0; c < columns_.size(); ++c) {
          if (std::find(columns_[c].names.begin(), columns_[c].names.end(), folded) == columns_[c].names.end()) continue;
          mapped_[c] = true;
          if (!absent && !present_[c]) {
            present_[c] = true;
            value_src_[c] = static_cast<std::uint32_t>(src);
            spans.push_back({c, {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(scratch_.size())}});
          }
          break;
        }
        j.ws();
        if (j.i < text.size() && text[j.i] == ',') {
          ++j.i;
          continue;
        }
        if (j.i < text.size() && text[j.i] == '}') {
          ++j.i;
          break;
        }
        ok = j.fail("应为逗号或}");
      }
    }
    if (ok) {
      j.ws();
      if (j.i != text.size()) ok = j.fail("对象之后还有多余内容");
    }
    if (!ok) {
      problems.push_back({name_, line_, line_column(text, j.i).second, "无法解析的JSON行：" + j.error});
      continue;
    }
    for (const auto& [c, range] : spans) {
      values_[c] = trim(std::string_view(scratch_).substr(range.first, range.second - range.first));
      present_[c] = !values_[c].empty();
    }
    return true;
  }
}

InputProblem RecordReader::problem(std::size_t c, std::string message) const {
  InputProblem p{name_, line_, 0, std::move(message)};
  if (c < value_src_.size()) {
    const std::string_view record = std::string_view(buf_).substr(record_begin_);
    auto [dl, column] = line_column(record, value_src_[c]);
    p.line = line_ + dl;
    // Column of the value within its line: count from the line start.
    p.column = column;
  }
  return p;
}

}  // namespace shixian::detail
