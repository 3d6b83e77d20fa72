// The notice checker: reads the grammar's tree of one notice (notice/ast.hpp)
// into dates and checks them — a yearly notice's items (checker.cpp), a special
// notice's change and its application to the year it amends (amend.cpp).
// Internal to src/notice; notice.cpp decides what the page is and calls it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "notice/ast.hpp"
#include "notice/normalize.hpp"
#include "shixian/date.hpp"
#include "shixian/error.hpp"
#include "shixian/expected.hpp"
#include "shixian/holidays.hpp"

namespace shixian::notice {

// string_view::find walks every candidate first byte, and in UTF-8 Chinese
// the lead bytes repeat constantly; memmem (two-way) does not.
std::size_t find_in(std::string_view text, std::string_view needle, std::size_t from = 0);

/// 2020年1月26日
std::string cn_date(Date d);

/// 周一 … 周日 (ISO weekday 1 … 7).
std::string_view weekday_word(unsigned iso);

// One resolved date with where it was written.
struct Placed {
  Date date;
  ast::Pos at;
};

// The State Council's salutation: every notice of its own has one (a local
// notice addresses its own units, a news story none).
constexpr std::string_view kSalutation = "自治区、直辖市人民政府";

// A title on the page (normalized text): where it starts, what it says.
struct Title {
  std::size_t at = std::string_view::npos;
  std::string text;
};

// The special notices that changed a year after its yearly notice.
enum class SpecialKind { extension, adjustment, memorial };

std::optional<SpecialKind> special_kind(std::string_view title);

// What a special notice changes: one festival's days, read like a yearly item.
struct SpecialChange {
  SpecialKind kind = SpecialKind::adjustment;
  std::string festival;
  std::string title;
  std::string number;
  int year = 0;
  ast::Pos at = nullptr;  // the title
  std::optional<Date> signed_on;
  std::set<Date> off, work;
  std::optional<Placed> extend_to;  // 延长……假期至D
  std::optional<Placed> resume;     // D起正常上班
};

class NoticeChecker {
 public:
  NoticeChecker(std::string_view original, const notice::NormalizedText& normalized, std::string_view source)
      : original_(original), normalized_(normalized), source_(source) {}

  void set_segment_end(const char* end) { segment_end_ = end; }

  // A yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知).
  expected<YearArrangement, Error> read_yearly(const ast::Notice& notice);

  // The year file is the contract: what we return must read back as itself.
  std::optional<Error> check_round_trip(const YearArrangement& result) const;

  // A special notice's body (延长/调整/纪念日): one festival's changed days.
  // The festival and kind come from the title; the year from the title, else
  // from the first date written with its year, else from the signature.
  expected<SpecialChange, Error> read_special(const ast::SpecialNotice& notice, const Title& title, SpecialKind kind);

  // The special notice applied to the year it changes: the festival's lines
  // replaced (调整, 纪念日) or its break extended (延长, cancelling the make-up
  // days it covers), the other festivals untouched, and an `amended` line.
  expected<YearArrangement, Error> amend(const YearArrangement& base, const SpecialChange& c, Amendment record) const;

  Error error_at(ast::Pos p, ErrorCode code, std::string message) const;

  std::uint32_t line_of(ast::Pos p) const { return error_at(p, ErrorCode::invalid_argument, {}).where.line; }

  // Where the grammar stopped, placed right after the last character it read:
  // when line breaks or spaces come between (…10月4日⏎七、国庆节), the place
  // is the end of the line that lacks its verb, not the start of the next.
  Error error_after_read(ast::Pos p, ErrorCode code, std::string message) const;

  std::string_view text() const { return normalized_.text; }
  ast::Pos at_offset(std::size_t i) const { return normalized_.text.data() + i; }

  // The title of the notice around normalized offset `i`: from the 国务院(办公厅)
  // before the last 关于 at or before `i` to the next 通知.
  Title title_around(std::size_t i) const;

  std::vector<std::size_t> salutations() const;

  // A paste cut off inside the last item: no signature, no closing sentence
  // (节假日期间……, the issuer, a news source line) after the last arrangement, and no sentence end.
  // Importing it would drop what was cut (the 上班 days of the last festival),
  // so it is refused, naming the item — or the next one, when only its head
  // survived (…放假，共3天。六、国庆节、).
  std::optional<Error> check_complete(const ast::Notice& notice) const;

 private:
  struct ItemDays {
    std::string name;  // 国庆节、中秋节
    ast::Pos at;
    bool extend = false;  // 与周末连休 / 补休: the adjacent weekend belongs to the break
    std::vector<Placed> off;
    std::vector<Placed> work;
    std::optional<Placed> extend_to;  // 延长……假期至D (special notices)
    std::optional<Placed> resume;     // D起正常上班
  };

  std::optional<Error> find_year(const ast::Notice& notice);

  // A written date → Date. `previous` supplies an omitted month and year
  // (至3日, 、31日); a bare December date of 元旦 is in the year before.
  expected<Date, Error> resolve(const ast::DayRef& ref, const Date* previous, bool new_year_item) const;

  std::optional<Error> read_item(const ast::Item& item);

  // D起正常上班 (a yearly item): D is the day after the break.
  std::optional<Error> check_resume(const ItemDays& item) const;

  std::optional<Error> check_count(unsigned count, ast::Pos at, std::pair<Date, Date> range) const;

  // No day may be named twice (off in two festivals, off and work, work twice).
  std::optional<Error> check_days();

  std::optional<Error> check_festivals(const ast::Notice& notice) const;

  // 4月4日放假，与周末连休 / 5月1日放假，5月2日补休: the break includes the
  // adjacent Saturday and Sunday unless the notice makes them working days.
  void extend_to_weekends();

  std::string_view original_;
  const notice::NormalizedText& normalized_;
  const char* segment_end_ = nullptr;  // the end of the notice being read, when the page carries two
  std::string_view source_;
  int year_ = 0;
  std::map<std::string, ast::Pos> festival_at_;
  std::vector<ItemDays> items_;
};

}  // namespace shixian::notice
