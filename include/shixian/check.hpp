// File: shixian/check.hpp
//
// Compliance checks over a plan's task register (任务分工表) and the log of
// what was actually published: for every deadline of every task, a verdict —
// on time, late (by how many working and calendar days), missing, pending,
// a 公示 displayed too briefly, too few publications, or why it cannot be
// checked.
//
//   task register (CSV / JSON Lines) ──TaskReader──▶ TaskRecord ─┐
//   publication log (CSV / JSON Lines) ──PublicationReader──▶    │
//        PublicationIndex ──────────────────────────────────────┤
//                                                     Checker::check(task)
//                                                                ▼
//                                          one Finding per deadline ──▶ Report
//
// Streaming: the publication log is held in memory (compactly, sorted by
// task id); tasks are read, checked and forgotten one at a time. Each
// distinct rule text is parsed and compiled once (a cache keyed by text).
//
// How publications are matched to deadlines (docs/CHECK.md has the long form):
//   - A publication belongs to a task by `task_id`. An optional `obligation`
//     (1-based index of the rule within the task's rule cell) restricts it to
//     that rule; without it, it counts for every rule of the task.
//   - Publications dated after the as-of day are ignored (not yet happened).
//   - by-deadlines of one rule are matched in due order, in two passes. A
//     deadline's window starts at
//       relative (T后N…):  the trigger date T;
//       anchors (M月底前): January 1 of the plan year;
//       recurrences:       the period's first day (每月: the 1st of the month);
//       backward (提前N个工作日, T前N日): January 1 of the deadline's year.
//     Pass 1 (on time): each deadline takes the latest publication not yet
//     taken inside [window start, due] (the latest, so that when a period
//     holds two, the earlier stays free to be a late one for an earlier
//     period: each period needs its own publication). Pass 2 (late): each
//     deadline still without one takes the earliest untaken publication after
//     its due date, if it comes by the next deadline's due date (else it is
//     no late report for this period), with the lateness. None → missing when the due date is
//     before the as-of day, else pending (the as-of day itself is pending).
//   - count deadlines (年内至少N次, 每月至少1次) count every publication
//     dated inside the period; ≥ N → on_time; fewer with the period over →
//     count_short; fewer with the period still running → pending.
//   - 公示 durations (公示不得少于5个工作日) take the earliest publication
//     (at or after the 公示开始 event, when given): its display interval is
//     [published, withdrawn] inclusive, or [published, as-of] when no
//     withdrawal is recorded (still on display). Long enough → on_time;
//     withdrawn too early → too_short; still on display and not yet long
//     enough → pending; nothing published → missing when the 公示开始 date is
//     known and passed, else pending.
//   - 全年 (continuous) needs at least one publication in the year and is
//     judged on its check day (12/31): pending until the as-of day passes it.
//
// Example:
//   shixian::CheckOptions options;
//   options.as_of = shixian::Date{2016y / December / 31d};
//   options.year = 2016;
//   auto report = shixian::check_files("tasks.csv", "published.csv", options);
//   if (report) std::cout << shixian::render_text(*report);
#pragma once

#include <array>
#include <cstdint>
#include <iosfwd>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shixian/calendar.hpp"
#include "shixian/date.hpp"
#include "shixian/error.hpp"
#include "shixian/evaluate.hpp"
#include "shixian/expected.hpp"

namespace shixian {

// ---------------------------------------------------------------------------
// Verdicts (a CLI/CSV/JSON contract: the names are fixed).
// ---------------------------------------------------------------------------

enum class Verdict : std::uint8_t {
  on_time,        ///< 按时
  late,           ///< 逾期: published after the due date
  missing,        ///< 缺失: due before the as-of day, nothing published
  pending,        ///< 未到期: not due yet (or a 公示 still on display)
  too_short,      ///< 公示期不足: displayed shorter than the minimum
  count_short,    ///< 次数不足: at least N required, M found
  not_checkable,  ///< 无法检查: ongoing / unspecified / external / no date
  needs_context,  ///< 缺少事件日期: an event date (or the plan year) is missing
  invalid_rule,   ///< 规则无法解析: the rule text does not parse
};
inline constexpr std::size_t kVerdictCount = 9;

/// "on_time", "late", … (the contract names above).
const char* to_string(Verdict v);
/// 按时, 逾期, 缺失, 未到期, 公示期不足, 次数不足, 无法检查, 缺少事件日期, 规则无法解析.
std::string_view chinese_name(Verdict v);
/// late, missing, too_short, count_short: what makes `shixian check` exit 1.
constexpr bool is_failure(Verdict v) {
  return v == Verdict::late || v == Verdict::missing || v == Verdict::too_short || v == Verdict::count_short;
}
/// The verdicts that count in the on-time rate: on_time and the failures.
constexpr bool is_decided(Verdict v) { return v == Verdict::on_time || is_failure(v); }

// ---------------------------------------------------------------------------
// Input records.
// ---------------------------------------------------------------------------

/// One row of the task register.
struct TaskRecord {
  std::string id;     ///< unique within the register
  std::string title;  ///< 事项
  std::string lead;   ///< 牵头单位 (several joined by 、 count for each)
  std::string units;  ///< 责任单位 (optional)
  std::string rule;   ///< as written; several rules separated by ；/; each become an obligation
  std::optional<int> year;  ///< plan year; CheckOptions::year when absent
  std::vector<std::pair<std::string, EventTime>> events;  ///< 形成文件=2016-09-30 …
  std::uint32_t line = 0;  ///< 1-based line in the register where the row starts
};

/// One row of the publication log.
struct PublicationRecord {
  std::string task_id;
  EventTime published;
  std::optional<EventTime> withdrawn;  ///< end of display (公示 durations)
  std::string url;
  std::string title;
  std::uint16_t obligation = 0;  ///< 1-based rule index in the task's cell; 0: any
  std::uint32_t line = 0;
};

/// A row that could not be used, or a warning about the inputs.
struct InputProblem {
  std::string file;
  std::uint32_t line = 0;    ///< 1-based; 0: the whole file
  std::uint32_t column = 0;  ///< 1-based, in characters; 0: not known
  std::string message;       ///< Chinese
  std::string to_string() const;  ///< "file:line:column: message"
};

/// Text encoding of an input file. UTF-8 (with or without a BOM) is the
/// default; GB18030 (Excel exports of government spreadsheets) is converted
/// only when asked for: a file whose first 64 KiB are not valid UTF-8 is
/// refused with a message naming the option, never guessed.
enum class Encoding : std::uint8_t { utf8, gb18030 };
/// "utf-8" / "utf8" / "gb18030" / "gbk" (GBK is a subset of GB18030).
expected<Encoding, Error> parse_encoding(std::string_view name);

enum class FileFormat : std::uint8_t { automatic, csv, jsonl };

struct ReadOptions {
  Encoding encoding = Encoding::utf8;
  FileFormat format = FileFormat::automatic;  ///< automatic: by extension (.jsonl/.ndjson), else CSV
};

namespace detail {
class RecordReader;
template <typename Reader>
expected<std::vector<Reader>, Error> open_parts(const std::string& path, const ReadOptions& options, std::size_t parts);
}  // namespace detail

/// Reads a task register row by row. Header names are matched in English
/// (id, title, lead, units, rule, year, events) or Chinese (编号/序号, 事项/工作事项,
/// 牵头单位, 责任单位, 时限要求/公开时限/时间要求, 年度, 事件).
class TaskReader {
 public:
  /// Errors (exit 2 in the CLI): the file cannot be read, bad encoding, no
  /// header, no id or rule column.
  static expected<TaskReader, Error> open(const std::string& path, const ReadOptions& options = {});
  static expected<TaskReader, Error> from_string(std::string text, std::string name, const ReadOptions& options = {});
  /// Readers for up to `parts` consecutive pieces of the register, as
  /// PublicationReader::open_parts. Each checks duplicate ids within its own
  /// piece; shares_ids_with() finds those repeated across pieces.
  static expected<std::vector<TaskReader>, Error> open_parts(const std::string& path, const ReadOptions& options,
                                                             std::size_t parts);
  /// After reading: did this reader see an id that `earlier` saw too?
  bool shares_ids_with(const TaskReader& earlier) const;
  TaskReader(TaskReader&&) noexcept;
  TaskReader& operator=(TaskReader&&) noexcept;
  ~TaskReader();

  /// The next usable row into `out`; rows that cannot be used go to
  /// `problems` and are skipped. false at the end of the file.
  bool next(TaskRecord& out, std::vector<InputProblem>& problems);
  /// Bytes consumed so far and the file size (for a progress bar; size 0 when unknown).
  std::uint64_t position() const;
  std::uint64_t size() const;
  /// Bytes of this reader's piece read so far.
  std::uint64_t part_position() const;

 private:
  template <typename Reader>
  friend expected<std::vector<Reader>, Error> detail::open_parts(const std::string&, const ReadOptions&, std::size_t);
  explicit TaskReader(std::unique_ptr<detail::RecordReader> r);
  std::unique_ptr<detail::RecordReader> reader_;
  void grow_seen();
  std::size_t seen_slot(std::uint64_t hash) const;  // the slot holding `hash`, or the empty one it would take
  std::vector<std::uint64_t> seen_;        // open-addressing set of id hashes (duplicate ids); 0: empty
  std::vector<std::uint32_t> seen_lines_;  // the line each was first seen on (written once, read for a duplicate)
  std::size_t seen_count_ = 0;
};

/// Reads a publication log: task_id, published (date or date-time), and
/// optional withdrawn, url, title, obligation. Chinese headers: 任务编号,
/// 发布时间/发布日期, 撤下时间/撤除日期, 链接/网址, 标题, 规则序号.
class PublicationReader {
 public:
  static expected<PublicationReader, Error> open(const std::string& path, const ReadOptions& options = {});
  /// Readers for up to `parts` consecutive pieces of one file, cut at record
  /// boundaries, that together read exactly what open() reads (line numbers
  /// included): a large log read on several threads. One reader for small
  /// files and anything that is not a regular file.
  static expected<std::vector<PublicationReader>, Error> open_parts(const std::string& path,
                                                                    const ReadOptions& options, std::size_t parts);
  static expected<PublicationReader, Error> from_string(std::string text, std::string name,
                                                        const ReadOptions& options = {});
  PublicationReader(PublicationReader&&) noexcept;
  PublicationReader& operator=(PublicationReader&&) noexcept;
  ~PublicationReader();
  bool next(PublicationRecord& out, std::vector<InputProblem>& problems);
  /// Leaves `url` and `title` of the records empty (PublicationIndex keeps
  /// neither): two string copies a row less for a large log.
  void skip_url_and_title() { keep_text_ = false; }
  /// Bytes of this reader's part of the file read so far, and the part's
  /// size (0 when unknown): to size the index before it grows by doubling.
  std::uint64_t part_position() const;
  std::uint64_t part_size() const;

 private:
  template <typename Reader>
  friend expected<std::vector<Reader>, Error> detail::open_parts(const std::string&, const ReadOptions&, std::size_t);
  explicit PublicationReader(std::unique_ptr<detail::RecordReader> r);
  std::unique_ptr<detail::RecordReader> reader_;
  bool keep_text_ = true;
};

// ---------------------------------------------------------------------------
// The publication index: every publication, grouped by task id.
// ---------------------------------------------------------------------------

class PublicationIndex {
 public:
  /// What the matcher needs of one publication (24 bytes; no strings).
  struct Entry {
    EventTime published;
    EventTime withdrawn;  ///< date == Date{} and minute == -2 when absent
    std::uint32_t line = 0;
    std::uint16_t obligation = 0;
    bool has_withdrawn() const { return withdrawn.minute != -2; }
  };

  PublicationIndex();
  ~PublicationIndex();
  PublicationIndex(const PublicationIndex&);
  PublicationIndex(PublicationIndex&&) noexcept;
  PublicationIndex& operator=(const PublicationIndex&);
  PublicationIndex& operator=(PublicationIndex&&) noexcept;

  void add(const PublicationRecord& p);
  /// Room for this many more publications (an estimate saves the doubling
  /// of the vectors: up to half of the memory for a large log).
  void reserve(std::size_t publications);
  /// Takes over the publications of another index (both before finish()),
  /// e.g. one filled from another part of the log on another thread. Nothing
  /// is copied: each stays a part of its own.
  void append(PublicationIndex&& other);
  /// Groups each part's publications by task id, each group in date order
  /// (a counting sort: linear), the parts on threads of their own. Call once
  /// after the last add() / append().
  void finish();
  /// The task's publications in date order (then line), into `out` (cleared
  /// first). Marks the id as used.
  void of(std::string_view task_id, std::vector<const Entry*>& out) const;
  /// The same, as copies appended to `out` (for a reader on another thread:
  /// one contiguous stream, no pointers into the index to chase).
  void append_of(std::string_view task_id, std::vector<Entry>& out) const;
  /// A hint that of(task_id) comes soon: starts loading its table slots.
  void prefetch(std::string_view task_id) const;
  std::size_t size() const;
  /// Task ids of the log that no of() call asked for, with the line of their
  /// first publication (unknown task ids, once every task was checked): the
  /// `limit` with the lowest lines, in line order.
  std::vector<std::pair<std::string, std::uint32_t>> unused_ids(std::size_t limit = SIZE_MAX) const;
  /// How many ids no of() call asked for.
  std::size_t unused_count() const;

 private:
  struct Part;  // one part of the log: its hash table and entries (src/check/check.cpp)
  template <typename Visit>
  std::size_t visit_groups(std::string_view task_id, Visit visit) const;  // visit(first, count) per part; parts found
  std::vector<Part> parts_;  // never empty
};

// ---------------------------------------------------------------------------
// Checking.
// ---------------------------------------------------------------------------

struct CheckOptions {
  /// Deadlines after this day are pending; publications after it are ignored.
  /// The CLI defaults it to today in UTC+8.
  Date as_of;
  /// Plan year for rows without one.
  std::optional<int> year;
  /// Must outlive the Checker.
  const Calendar* calendar = &Calendar::china();
  Policy policy;
};

/// One deadline's verdict. The string_views point into the task being
/// checked and the Checker's cache: valid until the next check() call.
struct Finding {
  std::string_view task_id, title, lead, units;
  std::uint32_t line = 0;        ///< the task's line in the register
  std::uint16_t obligation = 0;  ///< 1-based rule index within the task's cell
  std::string_view rule;         ///< that rule's text
  std::string_view label;        ///< 公开, 完成, 启动 … ("" when the rule has no deadline)
  Verdict verdict = Verdict::not_checkable;
  Obligation type = Obligation::by;
  bool has_due = false;
  Date due;
  std::int16_t due_minute = -1;  ///< hour rules: minutes since 00:00; -1: end of day
  /// The days a publication must fall in to meet this deadline (docs/CHECK.md
  /// has the table by rule kind): by-deadlines [window start, due]; counts
  /// and 全年 the period counted; a 公示 [公示开始, its earliest last day].
  Date period_start, period_end;
  bool has_published = false;
  EventTime published;           ///< the publication that decided the verdict
  std::optional<EventTime> withdrawn;
  std::uint32_t publication_line = 0;
  std::int32_t late_workdays = 0;  ///< late: working days after the due date (0: later on the due day)
  std::int32_t late_days = 0;      ///< late: calendar days after the due date
  std::uint32_t required = 0;      ///< count: N; too_short: minimum (working days if the rule counts them, else days)
  std::uint32_t found = 0;         ///< count: M; too_short / duration: what the display had, same unit
  bool provisional = false;        ///< rests on a projected calendar year (SPEC §1)
  std::uint8_t assumed = 0;        ///< Assumption bits of shixian/evaluate.hpp
  std::string_view message;        ///< needs_context: 需要事件"人大批复"的日期; invalid_rule: the parse error; …
  std::string_view needed;         ///< needs_context: the missing event names, joined by 、
  /// count: the publications counted (`found` of them), in date order;
  /// valid as long as the string_views.
  std::span<const PublicationIndex::Entry* const> counted;
};

/// "2016-10-10" or "2016-10-02T09:30" ("" when !has_due).
std::string due_string(const Finding& f);
/// "T1 line 3 #1 公开: late due 2016-10-10 published 2016-10-12"; GoogleTest
/// (and HasVerdict's failure message) prints Findings with it.
std::ostream& operator<<(std::ostream& out, const Finding& f);

class Checker {
 public:
  Checker(CheckOptions options, const PublicationIndex& publications);
  ~Checker();
  Checker(Checker&&) noexcept;

  using Sink = std::function<void(const Finding&)>;
  /// Checks one task: `sink` receives one Finding per deadline (one per rule
  /// for rules that give no deadline). Returns the number of findings.
  std::size_t check(const TaskRecord& task, const Sink& sink);
  /// Distinct rule texts compiled so far.
  std::size_t compiled_rules() const;
  const CheckOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---------------------------------------------------------------------------
// The report: totals, by unit, and the items a person must look at.
// ---------------------------------------------------------------------------

struct ReportItem {  ///< a Finding that outlives the check
  std::string task_id, title, lead, rule, label, message;
  std::uint32_t line = 0;
  std::uint16_t obligation = 0;
  Verdict verdict = Verdict::late;
  std::string due;        ///< due_string()
  std::string published;  ///< "" when none
  std::int32_t late_workdays = 0, late_days = 0;
  std::uint32_t required = 0, found = 0;
  bool provisional = false;
};

struct UnitTotals {
  std::string unit;
  std::array<std::uint64_t, kVerdictCount> counts{};
  std::uint64_t decided() const;
  std::uint64_t failures() const;
  double on_time_rate() const;  ///< on_time / decided; 1 when nothing was decided
};

struct Report {
  std::string tasks_file, publications_file;
  Date as_of;
  std::optional<int> year;
  std::uint64_t tasks = 0;         ///< tasks checked
  std::uint64_t publications = 0;  ///< publications read
  std::uint64_t rules_compiled = 0;
  std::array<std::uint64_t, kVerdictCount> counts{};
  std::uint64_t provisional = 0;
  std::vector<UnitTotals> units;         ///< by lead unit, worst first (after finish())
  /// Items listed per verdict at most (the earliest due dates are kept), so
  /// that the report stays small for any register; counts[] has the totals
  /// and the csv/jsonl rows every item.
  std::size_t item_limit = 500;
  std::vector<ReportItem> attention;     ///< late, missing, too_short, count_short, in due order (after finish())
  std::vector<ReportItem> unresolved;    ///< needs_context and invalid_rule (after finish())
  std::vector<InputProblem> problems;    ///< bad rows and unknown task ids (the first problem_limit)
  std::size_t problem_limit = 1000;
  std::uint64_t problems_total = 0;      ///< including those not kept
  /// Keeps at most problem_limit problems, counting the rest (call after
  /// readers appended to `problems`).
  void trim_problems();
  /// Reports the log's task ids that no task asked for.
  void add_unknown_ids(const PublicationIndex& index, const std::string& file);

  std::uint64_t deadlines() const;
  std::uint64_t decided() const;
  std::uint64_t failures() const;
  double on_time_rate() const;
  /// Adds one finding to the totals (and to the lists when it needs attention).
  void add(const Finding& f);
  /// Adds the totals, items and problems of a report on the rows that come
  /// after this one's (before finish() of either): the same report as if
  /// one had seen all the rows.
  void merge(Report&& later);
  /// Sorts units worst first and the lists by due date.
  void finish();
  /// The one-line summary for stderr: "检查 48 项任务、120 个期限：按时 80，逾期 5 …；按时率 84.2%".
  std::string summary_line() const;

 private:
  // What add() and merge() work with until finish() (the items kept so far,
  // the lead → units tables): src/check/report.cpp. Copied with the Report.
  struct State;
  class StateHolder {
   public:
    StateHolder();
    ~StateHolder();
    StateHolder(const StateHolder&);
    StateHolder(StateHolder&&) noexcept;
    StateHolder& operator=(const StateHolder&);
    StateHolder& operator=(StateHolder&&) noexcept;
    State& get();  // created when first needed (also after a move)

   private:
    std::unique_ptr<State> state_;
  };
  StateHolder state_;
};

/// The report a person reads (Chinese, aligned columns).
std::string render_text(const Report& report);

/// One CSV / JSON line per finding, for further processing. The header and
/// the field names are a contract (docs/CHECK.md, "Rows", says what each means):
/// task_id,obligation,line,lead,title,rule,label,verdict,due,period_start,period_end,
/// published,withdrawn,late_workdays,late_days,required,found,provisional,needed,message;
/// JSON Lines count rows also have "counted" (the first five publications counted).
std::string csv_header();
void append_csv(std::string& out, const Finding& f);
void append_jsonl(std::string& out, const Finding& f);

/// Progress of check_files: bytes of the register read, its size, tasks checked.
using ProgressFn = std::function<void(std::uint64_t done, std::uint64_t total, std::uint64_t tasks)>;

/// Everything in one call: reads both files, checks every task and returns
/// the report; `each`, when given, also receives every finding as it is made
/// (on the calling thread, in register order). Two threads: the log is read
/// in two parts; then, with `each`, task rows are parsed on a second thread
/// while the previous ones are checked, and without it a register of 8 MB
/// or more is checked in two halves at once and the reports merged (the
/// same report). Errors only for unusable input (a file missing, bad
/// encoding, no header).
expected<Report, Error> check_files(const std::string& tasks_path, const std::string& publications_path,
                                    const CheckOptions& options, const Checker::Sink& each = {},
                                    const ReadOptions& tasks_read = {}, const ReadOptions& publications_read = {},
                                    const ProgressFn& progress = {});

/// The in-memory form, for applications that hold their rows already.
Report check(const std::vector<TaskRecord>& tasks, const std::vector<PublicationRecord>& publications,
             const CheckOptions& options, const Checker::Sink& each = {});

// ---------------------------------------------------------------------------
// Calendar export: iCalendar (RFC 5545).
// ---------------------------------------------------------------------------

struct IcsOptions {
  Date from, to;                ///< deadlines due in [from, to]
  std::string calendar_name = "政务公开期限";
  int remind_days = 1;          ///< a VALARM this many days before (0: none)
  Date stamp;                   ///< DTSTAMP (the CLI uses today, so output is reproducible per day)
};

/// Collects findings and writes one all-day VEVENT per deadline due in
/// [from, to] that is not yet met (on_time findings are left out). UIDs are
/// stable: a hash of task id, rule index, label and due date.
class IcsWriter {
 public:
  explicit IcsWriter(IcsOptions options);
  void add(const Finding& f);
  std::size_t size() const { return events_.size(); }
  /// The whole VCALENDAR, CRLF line endings, lines folded at 75 octets.
  std::string render() const;

 private:
  struct Event {
    std::string uid, summary, description;
    Date due;
    bool provisional;
  };
  IcsOptions options_;
  std::vector<Event> events_;
};

}  // namespace shixian
