// Streaming record input for the check stage: bytes (file or string, UTF-8
// or GB18030 through iconv) → records (CSV with a header row, or JSON Lines)
// → values by column, with the line and character column of each value for
// error messages. Memory stays at one read chunk plus the longest record.
#pragma once

#include <cstdint>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "shixian/check.hpp"

namespace shixian::detail {

/// A record boundary in a file: its byte offset and the line that starts there.
struct FileCut {
  std::uint64_t offset = 0;
  std::uint32_t line = 1;
};

/// A column the caller wants, under any of its names (compared after
/// trimming spaces and ASCII case folding).
struct ColumnSpec {
  std::vector<std::string_view> names;
  bool required = false;
};

class RecordReader {
 public:
  /// `columns`: what the caller reads; their indices are the positions in
  /// the vector. Errors: unreadable file, encoding, header (CSV).
  static expected<std::unique_ptr<RecordReader>, Error> open(const std::string& path, const ReadOptions& options,
                                                             std::vector<ColumnSpec> columns);
  static expected<std::unique_ptr<RecordReader>, Error> from_string(std::string text, std::string name,
                                                                    const ReadOptions& options,
                                                                    std::vector<ColumnSpec> columns);
  ~RecordReader();

  /// The next record; false at the end. A record that cannot be split into
  /// values (bad quoting, bad JSON, bad UTF-8) is reported and skipped.
  bool next(std::vector<InputProblem>& problems);
  /// The value of column `c` in the current record ("" when absent).
  std::string_view value(std::size_t c) const { return present_[c] ? values_[c] : std::string_view(); }
  bool has(std::size_t c) const { return present_[c]; }
  /// Does the file have the column at all (CSV header / any JSON key seen)?
  bool has_column(std::size_t c) const { return mapped_[c]; }
  std::uint32_t line() const { return line_; }
  /// A problem located at column c's value (or at the record when c is npos).
  InputProblem problem(std::size_t c, std::string message) const;
  const std::string& name() const { return name_; }
  std::uint64_t position() const { return consumed_; }
  std::uint64_t size() const { return size_; }
  bool jsonl() const { return jsonl_; }
  std::uint64_t part_position() const { return consumed_ - begin_; }
  std::uint64_t part_size() const { return std::min(end_, size_) - begin_; }
  bool from_file() const { return file_ != nullptr; }
  /// Reads only the records that start in [cut.offset, end) (a cut from
  /// record_cuts()). Call after open(), before the first next(); false when
  /// the reader has already read past `end` (nothing changed then).
  bool restrict_to(FileCut cut, std::uint64_t end);

 private:
  RecordReader() = default;
  expected<bool, Error> start(const ReadOptions& options);
  bool fill();  // appends more bytes to buf_; false at the end of input
  std::size_t read_raw(char* out, std::size_t n);
  bool next_csv(std::vector<InputProblem>& problems);
  bool next_jsonl(std::vector<InputProblem>& problems);
  // CSV: parse one record at buf_[pos_]; 1 done, 0 needs more input, -1 malformed
  int parse_csv_record(std::string* error, std::size_t* error_at);
  void map_header(const std::vector<std::string>& header);
  std::uint32_t column_of(std::size_t record_offset) const;

  std::string name_;
  std::vector<ColumnSpec> columns_;
  bool jsonl_ = false;
  // input
  std::FILE* file_ = nullptr;
  std::string text_;          // from_string input
  std::size_t text_pos_ = 0;
  bool gb18030_ = false;
  void* iconv_ = nullptr;     // iconv_t
  std::string raw_carry_;     // undecoded GB18030 tail
  bool raw_eof_ = false;
  std::uint64_t consumed_ = 0, size_ = 0;
  std::uint64_t begin_ = 0, end_ = UINT64_MAX;  // restrict_to(): this part of the file
  std::uint32_t invalid_gb_ = 0;
  // decoded UTF-8 buffer
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  std::uint32_t next_line_ = 1;
  // current record
  std::uint32_t line_ = 0;
  std::size_t record_begin_ = 0;         // offset in buf_ (valid until next())
  // CSV fields of the current record: unquoted ones as ranges of buf_,
  // quoted ones unescaped into scratch_ (begin marked kInScratch).
  static constexpr std::uint32_t kInScratch = 1u << 31;
  std::string_view field(std::size_t f) const {
    const Field& field = fields_[f];
    const std::uint32_t begin = field.begin & ~kInScratch;
    const char* source = (field.begin & kInScratch) != 0 ? scratch_.data() : buf_.data();
    return std::string_view(source + begin, field.end - begin);
  }
  struct Field {
    std::uint32_t begin, end;  // in buf_, or in scratch_ when begin has kInScratch
    std::uint32_t src;         // byte offset in the record, for error columns
  };
  std::string scratch_;
  std::vector<Field> fields_;
  std::vector<std::string_view> values_;
  std::vector<std::uint32_t> value_src_;  // record-relative byte offset of each value
  std::vector<bool> present_, mapped_;
  std::vector<int> field_to_column_;      // CSV: field index → column (-1: ignored)
  std::size_t header_fields_ = 0;
};

/// Where to cut a file into `parts` pieces of about equal size, each starting
/// at a record: after a newline outside quotes (CSV: an even number of '"'
/// before it; JSON Lines: any newline). In GB18030 neither byte occurs inside
/// a character, so the cut is sound for both encodings. The first cut is
/// {0, 1}; fewer than `parts` cuts when the file is too short.
expected<std::vector<FileCut>, Error> record_cuts(const std::string& path, bool csv, std::size_t parts);

/// Valid UTF-8? `allow_truncated_tail`: an incomplete sequence at the very end is fine.
/// Returns the byte offset of the first invalid byte, or npos.
std::size_t find_invalid_utf8(std::string_view s, bool allow_truncated_tail = false);

}  // namespace shixian::detail
