// Tables written one row per line — the 主动公开基本目录 as pasted from a web
// table (| between cells), as an HTML table turned to text (tabs), or as a
// converted document whose columns are gaps of spaces — read as cells. The
// scanner uses the cells as boundaries (a rule never spans two cells) and
// reads the cells of a time column (公开时限 …) as whole rules; --tasks reads
// the rows. Byte offsets throughout; valid UTF-8 is assumed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace shixian::detail {

enum class Separator : std::uint8_t { none, pipe, tab, gap };

struct Cell {
  std::size_t begin = 0, end = 0;  ///< bytes of the document, trimmed; begin == end for an empty cell
  std::size_t column = 0;          ///< display column (CJK = 2) where the text starts in its line
};

/// The cells of `line` (which starts at byte `at` of the document) and the
/// separator that splits them: | or ｜ (a leading and trailing one ignored),
/// else tabs (a leading one ignored), else gaps — runs of spaces two columns
/// wide or more (two spaces, one U+3000) between text. Empty when the line
/// has fewer than two cells.
std::vector<Cell> split_cells(std::string_view line, std::size_t at, Separator& sep);

/// Whether a column header names the time limit of the row, so that its cells
/// are rules (SPEC §8): 公开时限, 时限, 完成时限, 时间要求, 办理时限, 公开时间,
/// 更新时限 — the whole header, spaces and a parenthesized note aside.
bool is_time_column(std::string_view header);

struct TableRow {
  std::vector<Cell> cells;    ///< one per header column (empty cells where the line has none)
  bool continuation = false;  ///< a gap-layout line that continues the row above (a wrapped cell)
};

/// A table: a header line of three or more cells, one of them a time column,
/// and the rows after it in the same layout (blank lines between rows
/// allowed), up to the first line that is not a row.
struct Table {
  Separator separator = Separator::none;
  std::vector<Cell> header;
  std::vector<TableRow> rows;
  std::size_t time_column = 0;  ///< the first time column
};

/// `candidates`, when given, has one entry per line: false where the line
/// cannot hold cells (no |, ｜, two tabs, two spaces or U+3000), so that a
/// caller who has read every character already spares the searches.
std::vector<Table> one_line_tables(std::string_view text, const std::vector<bool>* candidates = nullptr);

/// Every column gap of the document's gap-layout lines (inside tables or
/// not): [begin, end) byte ranges of the spaces between two cells.
std::vector<std::pair<std::size_t, std::size_t>> column_gaps(std::string_view text,
                                                             const std::vector<bool>* candidates = nullptr);

}  // namespace shixian::detail
