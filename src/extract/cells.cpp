#include "extract/cells.hpp"

#include <algorithm>
#include <string>

#include "common/text.hpp"

namespace shixian::detail {

namespace {

// Width of a space-like character at line[i] (0 if none) and its length in bytes.
std::size_t space_width(std::string_view line, std::size_t i, std::size_t& len) {
  if (line[i] == ' ') return len = 1, 1;
  if (line.substr(i).starts_with("\xE3\x80\x80")) return len = 3, 2;  // U+3000
  if (line.substr(i).starts_with("\xC2\xA0")) return len = 2, 1;      // NBSP
  return len = 0, 0;
}

bool is_blank_byte(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Trims [b, e) of `line` of spaces (ASCII, U+3000, NBSP) and tabs.
void trim(std::string_view line, std::size_t& b, std::size_t& e) {
  std::size_t len;
  while (b < e && (is_blank_byte(line[b]) || space_width(line, b, len))) b += is_blank_byte(line[b]) ? 1 : len;
  while (e > b) {
    if (is_blank_byte(line[e - 1])) {
      --e;
    } else if (e - b >= 3 && line.substr(e - 3, 3) == "\xE3\x80\x80") {
      e -= 3;
    } else if (e - b >= 2 && line.substr(e - 2, 2) == "\xC2\xA0") {
      e -= 2;
    } else {
      break;
    }
  }
}

std::size_t columns(std::string_view line, std::size_t b) { return display_width(line.substr(0, b)); }

bool only_rule_marks(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || c == ':' || c == ' '; });
}

std::string_view header_text(std::string_view text, const Cell& c) { return text.substr(c.begin, c.end - c.begin); }

// At least two separators (three cells) and a 时.
bool could_be_header(std::string_view line) {
  auto twice = [&](char c) {
    const std::size_t p = line.find(c);
    return p != std::string_view::npos && line.find(c, p + 1) != std::string_view::npos;
  };
  const bool separated = twice('|') || twice('\t') || line.find("  ") != std::string_view::npos ||
                         line.find("\xE3\x80\x80") != std::string_view::npos || line.find("｜") != std::string_view::npos;
  return separated && line.find("时") != std::string_view::npos;
}

}  // namespace

std::vector<Cell> split_cells(std::string_view line, std::size_t at, Separator& sep) {
  std::vector<Cell> cells;
  auto add = [&](std::size_t b, std::size_t e) {
    trim(line, b, e);
    if (b == e) b = e = std::min(b, line.size());
    cells.push_back(Cell{at + b, at + e, columns(line, b)});
  };
  const bool pipe = line.find('|') != std::string_view::npos || line.find("｜") != std::string_view::npos;
  if (pipe || line.find('\t') != std::string_view::npos) {
    sep = pipe ? Separator::pipe : Separator::tab;
    std::size_t b = 0;
    for (std::size_t i = 0; i <= line.size();) {
      std::size_t len = 0;
      if (i == line.size()) {
        len = 1;
      } else if (pipe ? line[i] == '|' : line[i] == '\t') {
        len = 1;
      } else if (pipe && line.substr(i).starts_with("｜")) {
        len = 3;
      }
      if (len == 0) {
        ++i;
        continue;
      }
      add(b, std::min(i, line.size()));
      i += len;
      b = i;
    }
    // | a | b | and a leading tab (an HTML table's first <td>) open no cell.
    std::size_t first = 0, last = line.size();
    trim(line, first, last);
    if (!cells.empty() && cells.front().begin == cells.front().end && (pipe || line.starts_with('\t')))
      cells.erase(cells.begin());
    if (pipe && !cells.empty() && cells.back().begin == cells.back().end && last > first &&
        (line[last - 1] == '|' || line.substr(0, last).ends_with("｜")))
      cells.pop_back();
  } else {
    sep = Separator::gap;
    std::size_t b = 0, i = 0;
    std::size_t first = 0, last = line.size();
    trim(line, first, last);
    i = b = first;
    while (i < last) {
      std::size_t len, run = 0, k = i;
      while (k < last && space_width(line, k, len)) run += space_width(line, k, len), k += len;
      if (run >= 2) {
        add(b, i);
        b = i = k;
      } else {
        i = k > i ? k : i + utf8_length(static_cast<unsigned char>(line[i]));
      }
    }
    if (b < last) add(b, last);
  }
  if (cells.size() < 2) {
    sep = Separator::none;
    cells.clear();
  }
  return cells;
}

bool is_time_column(std::string_view header) {
  std::string h;
  for (std::size_t i = 0; i < header.size();) {
    std::size_t len;
    if (is_blank_byte(header[i])) {
      ++i;
    } else if (space_width(header, i, len)) {
      i += len;
    } else {
      h += header[i++];
    }
  }
  // 公开时限（工作日） / 公开时限(工作日): the note aside.
  for (std::string_view open : {"（", "("})
    if (const std::size_t p = h.find(open); p != std::string::npos && p > 0) h.resize(p);
  for (std::string_view name : {"公开时限", "时限", "完成时限", "时间要求", "办理时限", "公开时间", "更新时限"})
    if (h == name) return true;
  return false;
}

namespace {

// Where the line starting at `at` ends: its '\n', or the end of the text.
std::size_t line_end(std::string_view text, std::size_t at) {
  const std::size_t nl = text.find('\n', at);
  return nl == std::string_view::npos ? text.size() : nl;
}

// A line the caller ruled out (it cannot hold cells).
bool skipped(const std::vector<bool>* candidates, std::size_t line_no) {
  return candidates && line_no < candidates->size() && !(*candidates)[line_no];
}

}  // namespace

std::vector<Table> one_line_tables(std::string_view text, const std::vector<bool>* candidates) {
  std::vector<Table> tables;
  Table* open = nullptr;
  std::size_t at = 0;
  for (std::size_t line_no = 0; at <= text.size(); ++line_no) {
    const std::size_t nl = line_end(text, at);
    if (!open && skipped(candidates, line_no)) {
      if (nl == text.size()) break;
      at = nl + 1;
      continue;
    }
    std::string_view line = text.substr(at, nl - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    // Outside a table only a header matters: three cells or more, one naming
    // a time column (时限 / 时间). Most lines fail the first searches.
    if (!open && !candidates && !could_be_header(line)) {
      at = nl + 1;
      continue;
    }
    Separator sep = Separator::none;
    auto cells = split_cells(line, at, sep);
    std::size_t b = 0, e = line.size();
    trim(line, b, e);
    const bool blank = b == e;
    if (open && !blank) {
      const bool indented = b > 0 && open->separator == Separator::gap;
      if (cells.empty() && indented) {  // a wrapped cell: one piece of text, placed by its column
        cells.push_back(Cell{at + b, at + e, columns(line, b)});
        sep = Separator::gap;
      }
      if (sep != open->separator || cells.empty()) {
        open = nullptr;
      } else if (!(sep == Separator::pipe &&
                   std::all_of(cells.begin(), cells.end(),
                               [&](const Cell& c) { return only_rule_marks(header_text(text, c)); }))) {
        TableRow row;
        row.continuation = indented && sep == Separator::gap && cells.size() < open->header.size();
        const std::size_t n = open->header.size();
        row.cells.resize(n, Cell{cells.front().begin, cells.front().begin, 0});
        if (cells.size() == n || sep != Separator::gap) {
          for (std::size_t k = 0; k < std::min(n, cells.size()); ++k) row.cells[k] = cells[k];
        } else {
          // Fewer (or more) cells than columns: each goes to the nearest
          // header column at or after the previous one's.
          std::size_t next = 0;
          for (const Cell& c : cells) {
            std::size_t best = next;
            for (std::size_t k = next; k < n; ++k) {
              const auto dist = [&](std::size_t j) {
                const auto h = open->header[j].column;
                return h > c.column ? h - c.column : c.column - h;
              };
              if (dist(k) < dist(best)) best = k;
            }
            if (best >= n) break;
            row.cells[best] = c;
            next = best + 1;
          }
        }
        open->rows.push_back(std::move(row));
      }
    }
    if (!open && cells.size() >= 3) {
      for (std::size_t k = 0; k < cells.size(); ++k) {
        if (!is_time_column(header_text(text, cells[k]))) continue;
        tables.push_back(Table{sep, cells, {}, k});
        open = &tables.back();
        break;
      }
    }
    at = nl + 1;
  }
  return tables;
}

std::vector<std::pair<std::size_t, std::size_t>> column_gaps(std::string_view text,
                                                             const std::vector<bool>* candidates) {
  std::vector<std::pair<std::size_t, std::size_t>> gaps;
  std::size_t at = 0;
  for (std::size_t line_no = 0; at < text.size(); ++line_no) {
    const std::size_t nl = line_end(text, at);
    if (skipped(candidates, line_no)) {
      if (nl == text.size()) break;
      at = nl + 1;
      continue;
    }
    const std::string_view line = text.substr(at, nl - at);
    // Only a line with two spaces or a U+3000, and no | or tab, has gaps.
    if ((line.find("  ") == std::string_view::npos && line.find("\xE3\x80\x80") == std::string_view::npos) ||
        line.find_first_of("|\t") != std::string_view::npos) {
      at = nl + 1;
      continue;
    }
    Separator sep = Separator::none;
    const auto cells = split_cells(line, at, sep);
    if (sep == Separator::gap)
      for (std::size_t k = 1; k < cells.size(); ++k) gaps.emplace_back(cells[k - 1].end, cells[k].begin);
    at = nl + 1;
  }
  return gaps;
}

}  // namespace shixian::detail
