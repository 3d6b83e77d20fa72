/* File: shixian/shixian.h
 *
 * The C API of shixian: the Chinese working-day calendar (statutory holidays,
 * 调休 make-up working days), time rules compiled into due dates, and
 * compliance checks, for every language that is not C++ (C, Java through
 * JNA, Python through ctypes, Go through cgo, .NET through P/Invoke).
 * It is a thin layer over the C++ library (shixian/calendar.hpp,
 * shixian/evaluate.hpp, shixian/check.hpp): the same answers, nothing
 * computed twice. This header is the manual.
 *
 * Conventions (they hold for every function unless its comment says otherwise)
 * - C11, no C++ type and no exception crosses this boundary. Link with
 *   -lshixian (pkg-config --libs shixian); the library is C++ inside, so a
 *   static link also needs the C++ runtime (pkg-config --static adds it).
 * - Dates are `int32_t` days since 1970-01-01 (1970-01-01 is 0, 2016-10-10 is
 *   17084), civil dates in China Standard Time. shixian_date_parse() and
 *   shixian_date_format() convert from and to ISO "yyyy-mm-dd".
 * - Strings are UTF-8 and NUL-terminated, in and out.
 * - Every function that can fail returns a shixian_status (SHIXIAN_OK == 0)
 *   and writes its result through an out-parameter only on success. Its last
 *   parameter `shixian_error** error` may be NULL; when not NULL it receives,
 *   on failure, an error object the caller owns and frees with
 *   shixian_error_free() (and NULL on success). The error carries the code,
 *   the message (Chinese, as the CLI prints it) and the position: line,
 *   column and offset counted in characters, 1-based (offset 0-based).
 * - Ownership: a handle or string returned through an out-parameter belongs to
 *   the caller: handles are freed by their *_free function, strings (char*)
 *   by shixian_free(). Every *_free function and shixian_free accept NULL.
 *   Fixed-size results (shixian_day_info, shixian_deadline) are written into
 *   caller-owned memory; variable-length arrays use a caller-owned buffer with
 *   a capacity (see shixian_rule_due); a checker's findings are the
 *   checker's, valid until its next call (see shixian_checker_check).
 * - Threads: calendars and rules are immutable once made; any number of threads
 *   may query the same calendar or rule at once. A checker is one thread's.
 *   Errors, reports and strings belong to whoever received them and must not
 *   be freed while another thread reads them. No function keeps global state
 *   besides the built-in calendar (built once on first use, thread-safe).
 *
 * Example (C):
 *   const shixian_calendar* china = shixian_calendar_china();
 *   int32_t formed, due;
 *   shixian_date_parse("2016-09-30", &formed, NULL);      // 形成文件, a Friday
 *   shixian_calendar_add_workdays(china, formed, 3, &due, NULL);
 *   char iso[SHIXIAN_DATE_BUFFER];
 *   shixian_date_format(due, iso);                        // "2016-10-10": 10/8 (Sat, 调休上班) is the 1st
 *
 *   shixian_rule* rule; shixian_error* err;
 *   if (shixian_rule_parse("形成文件后3个工作", NULL, &rule, &err) != SHIXIAN_OK) {
 *     fprintf(stderr, "%s\n", shixian_error_message(err));   // 第7个字符处：期望时间单位（…）
 *     shixian_error_free(err);
 *   }
 */
#ifndef SHIXIAN_SHIXIAN_H
#define SHIXIAN_SHIXIAN_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define SHIXIAN_C_API
#else
#define SHIXIAN_C_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Status codes, errors, memory, version                                     */
/* ------------------------------------------------------------------------ */

typedef enum shixian_status {
  SHIXIAN_OK = 0,
  SHIXIAN_INVALID_ARGUMENT = 1, /* malformed input text (dates, numbers, files) or a NULL pointer */
  SHIXIAN_OUT_OF_RANGE = 2,     /* well-formed but outside the calendar's range or the limits */
  SHIXIAN_PARSE_ERROR = 3,      /* a rule or file that does not match the grammar */
  SHIXIAN_MISSING_CONTEXT = 4,  /* an event date or the plan year the rule needs */
  SHIXIAN_PROJECTED_YEAR = 5,   /* strict calendar: the year has no official notice */
  SHIXIAN_IO_ERROR = 6,         /* a file that cannot be read */
  SHIXIAN_BUFFER_TOO_SMALL = 7, /* the caller's buffer is too small; the size needed was written */
  SHIXIAN_OUT_OF_MEMORY = 8,
  SHIXIAN_INTERNAL = 9          /* a bug in shixian: please report it */
} shixian_status;

/* "ok", "invalid_argument", "out_of_range", "parse_error", "missing_context",
 * "projected_year", "io_error", "buffer_too_small", "out_of_memory",
 * "internal"; "unknown" for other values. Static storage; never fails. */
SHIXIAN_C_API const char* shixian_status_name(shixian_status status);

/* An error object: what went wrong and where. Owned by the caller. */
typedef struct shixian_error shixian_error;

/* Accessors: valid while the error lives; `error` must not be NULL. Never fail. */
SHIXIAN_C_API shixian_status shixian_error_code(const shixian_error* error);
/* The sentence for the user (UTF-8), without the position. */
SHIXIAN_C_API const char* shixian_error_message(const shixian_error* error);
/* "source:line:column: message" with whatever parts are known. */
SHIXIAN_C_API const char* shixian_error_string(const shixian_error* error);
/* The file or input the position refers to ("" when none). */
SHIXIAN_C_API const char* shixian_error_source(const shixian_error* error);
/* 1-based line and column in characters (code points); 0 when not known. */
SHIXIAN_C_API uint32_t shixian_error_line(const shixian_error* error);
SHIXIAN_C_API uint32_t shixian_error_column(const shixian_error* error);
/* 0-based character offset from the start of the input. */
SHIXIAN_C_API uint32_t shixian_error_offset(const shixian_error* error);
SHIXIAN_C_API void shixian_error_free(shixian_error* error);

/* The line of `input` the error points into, with its character underlined,
 * aligned by display width (full-width characters take two columns):
 *   "1 | 形成文件后3个工作\n  |            ^^ 第7个字符处：期望时间单位（…）\n"
 * `input` is the text the failed call was given (the rule, the date). A new
 * string for shixian_free(); "" when the error has no column. */
SHIXIAN_C_API shixian_status shixian_error_render(const shixian_error* error, const char* input, char** text,
                                                  shixian_error** failure);
/* SHIXIAN_MISSING_CONTEXT from shixian_rule_due: the things that would do
 * (event names as the rule writes them, or "计划年度"), 0 and NULL otherwise
 * and for index >= count. Valid while the error lives; never fail. */
SHIXIAN_C_API size_t shixian_error_needed_count(const shixian_error* error);
SHIXIAN_C_API const char* shixian_error_needed(const shixian_error* error, size_t index);

/* Frees a string this library returned (char** out-parameters). NULL is fine. */
SHIXIAN_C_API void shixian_free(void* p);

/* "0.1.0": the library's version at run time (compare SHIXIAN_VERSION_* of
 * shixian/version.hpp at build time). Static storage; never fails. */
SHIXIAN_C_API const char* shixian_version(void);

/* ------------------------------------------------------------------------ */
/* Dates                                                                     */
/* ------------------------------------------------------------------------ */

/* Enough for any date shixian_date_format writes, NUL included. */
#define SHIXIAN_DATE_BUFFER 16

/* Parses exactly "yyyy-mm-dd" (ASCII or full-width digits). Errors name the
 * column and say why ("日期不存在：2016年2月只有29天"). */
SHIXIAN_C_API shixian_status shixian_date_parse(const char* iso, int32_t* days, shixian_error** error);
/* Checked construction from year, month (1–12), day (1–31). */
SHIXIAN_C_API shixian_status shixian_date_from_ymd(int32_t year, int32_t month, int32_t day, int32_t* days,
                                                   shixian_error** error);
/* Writes "yyyy-mm-dd" (years outside 0–9999 with a sign) into `out`, which
 * holds at least SHIXIAN_DATE_BUFFER bytes. Never fails. */
SHIXIAN_C_API void shixian_date_format(int32_t days, char out[SHIXIAN_DATE_BUFFER]);

/* An event's time as registers write it: "2016-09-30", "2016-09-30T09:30" or
 * "2016-09-30 09:30". *minute receives minutes since 00:00, or -1 for a date
 * alone. Errors name the column ("日期不存在：2016年2月只有29天"). */
SHIXIAN_C_API shixian_status shixian_event_time_parse(const char* text, int32_t* date, int32_t* minute,
                                                      shixian_error** error);

/* ------------------------------------------------------------------------ */
/* Calendars                                                                 */
/* ------------------------------------------------------------------------ */

/* An immutable working-day calendar. Queries are O(1); thread-safe. */
typedef struct shixian_calendar shixian_calendar;

/* The national calendar (2001–2026 from the State Council's notices, later
 * years projected from the law up to 2100). Built once on first use
 * (thread-safe), lives for the whole process; freeing it does nothing.
 * Never fails (NULL only if memory ran out on first use). */
SHIXIAN_C_API const shixian_calendar* shixian_calendar_china(void);

/* Flags for shixian_calendar_from_files. */
#define SHIXIAN_CALENDAR_STRICT 1u     /* refuse (SHIXIAN_PROJECTED_YEAR) queries touching a projected year */
#define SHIXIAN_CALENDAR_NO_BUILTIN 2u /* leave out the built-in 2001–2026 data: only the year files */

/* A calendar from holidays/YYYY.txt-format year files (a newly published
 * notice, or years before 2001; a later file wins over an earlier one for the
 * same year) and overlay files (holidays/OVERLAYS.md: regional festivals, a
 * unit's closures; applied in order after the national data). Either array
 * may be NULL when its count is 0. Errors name the file, line and column.
 * The result is owned by the caller: shixian_calendar_free(). */
SHIXIAN_C_API shixian_status shixian_calendar_from_files(const char* const* year_files, size_t year_file_count,
                                                         const char* const* overlay_files, size_t overlay_file_count,
                                                         unsigned flags, shixian_calendar** calendar,
                                                         shixian_error** error);
/* Frees a calendar from shixian_calendar_from_files; no rule compiled against
 * it may be used afterwards. NULL and shixian_calendar_china() do nothing. */
SHIXIAN_C_API void shixian_calendar_free(const shixian_calendar* calendar);

/* First and last day the calendar covers. Never fail. */
SHIXIAN_C_API int32_t shixian_calendar_first_day(const shixian_calendar* calendar);
SHIXIAN_C_API int32_t shixian_calendar_last_day(const shixian_calendar* calendar);

/* *workday = 1 for a working day (工作日, including 调休上班), 0 for a rest day.
 * SHIXIAN_OUT_OF_RANGE outside the calendar. */
SHIXIAN_C_API shixian_status shixian_calendar_is_workday(const shixian_calendar* calendar, int32_t day, int* workday,
                                                         shixian_error** error);
/* n > 0: the n-th working day strictly after `day`; n < 0: the |n|-th strictly
 * before; n == 0: `day`. The start day is never counted (SPEC §2), even when
 * it is a rest day. */
SHIXIAN_C_API shixian_status shixian_calendar_add_workdays(const shixian_calendar* calendar, int32_t day, int32_t n,
                                                           int32_t* result, shixian_error** error);
/* Working days in (a, b] when a <= b, minus those in [b, a) when b < a, so that
 * workdays_between(d, add_workdays(d, n)) == n. */
SHIXIAN_C_API shixian_status shixian_calendar_workdays_between(const shixian_calendar* calendar, int32_t a, int32_t b,
                                                               int32_t* count, shixian_error** error);

typedef enum shixian_day_kind {
  SHIXIAN_WORKDAY = 0,           /* 工作日: an ordinary Monday–Friday */
  SHIXIAN_WEEKEND = 1,           /* 周末 (also one inside a holiday break) */
  SHIXIAN_STATUTORY_HOLIDAY = 2, /* 法定节假日 */
  SHIXIAN_SWAPPED_REST_DAY = 3,  /* 调休休息日: a Monday–Friday made a rest day */
  SHIXIAN_MAKEUP_WORKDAY = 4     /* 调休上班: a Saturday or Sunday made a working day */
} shixian_day_kind;

typedef struct shixian_day_info {
  int32_t date;
  int workday;              /* 1: working day */
  shixian_day_kind kind;
  int projected;            /* 1: the day's year has no notice (projected from the law) */
  const char* festival;     /* "" when none; valid for the life of the process */
} shixian_day_info;

/* Kind, festival and projection flag of a day, into caller-owned *info. */
SHIXIAN_C_API shixian_status shixian_calendar_day_info(const shixian_calendar* calendar, int32_t day,
                                                       shixian_day_info* info, shixian_error** error);
/* "workday", "weekend", "holiday", "swapped_rest", "makeup_work" (the names
 * of the CLI's TSV and JSON); "unknown" for other values. Static storage. */
SHIXIAN_C_API const char* shixian_day_kind_name(shixian_day_kind kind);

/* A maximal run of rest days holding a festival's rest days (国庆节 10/1–10/7). */
typedef struct shixian_holiday_block {
  int32_t first;
  int32_t last;         /* inclusive */
  const char* festival; /* as the notice names it (国庆节、中秋节 when merged); valid for the life of the process */
} shixian_holiday_block;

/* The holiday blocks of `year`, in date order, into the caller's array of
 * `capacity` entries; *count receives their number. Too small a capacity:
 * nothing written but *count, SHIXIAN_BUFFER_TOO_SMALL (the national calendar
 * has at most 8 a year: 2015, with 抗战胜利纪念日; an overlay may add more).
 * SHIXIAN_OUT_OF_RANGE for a year outside the calendar. */
SHIXIAN_C_API shixian_status shixian_calendar_holiday_blocks(const shixian_calendar* calendar, int32_t year,
                                                             shixian_holiday_block* blocks, size_t capacity,
                                                             size_t* count, shixian_error** error);

/* ------------------------------------------------------------------------ */
/* Rules                                                                     */
/* ------------------------------------------------------------------------ */

/* A time rule parsed and compiled against a calendar with the default policy
 * (SPEC). Immutable; thread-safe. */
typedef struct shixian_rule shixian_rule;

/* Parses and compiles one rule ("形成文件后3个工作日公开", "每季度末",
 * "7月底前启动，9月底前完成"). `calendar` NULL means shixian_calendar_china();
 * otherwise it must outlive the rule. Errors (SHIXIAN_PARSE_ERROR,
 * SHIXIAN_OUT_OF_RANGE for overlong input, SHIXIAN_INVALID_ARGUMENT for bad
 * UTF-8) carry the character position and what was expected there. */
SHIXIAN_C_API shixian_status shixian_rule_parse(const char* text, const shixian_calendar* calendar, shixian_rule** rule,
                                                shixian_error** error);
SHIXIAN_C_API void shixian_rule_free(shixian_rule* rule);

/* The one canonical phrase ("形成文件后三个工作日公开" → "形成文件后3个工作日内公开"),
 * a new string for shixian_free(). */
SHIXIAN_C_API shixian_status shixian_rule_canonical(const shixian_rule* rule, char** canonical, shixian_error** error);
/* The structured form as JSON ({"kind":"deadline","canonical":…,"items":[…]}), for shixian_free(). */
SHIXIAN_C_API shixian_status shixian_rule_json(const shixian_rule* rule, char** json, shixian_error** error);

/* An event's date for shixian_rule_due: "形成文件" on `date` (or a synonym
 * from the event lexicon: 文件形成 ≡ 形成文件). */
typedef struct shixian_event {
  const char* name;
  int32_t date;
  int32_t minute; /* minutes since 00:00 [0, 1439] for hour rules; -1: date only */
} shixian_event;

typedef enum shixian_obligation {
  SHIXIAN_BY = 0,           /* publish by `due` */
  SHIXIAN_COUNT = 1,        /* at least `at_least` publications in [period_start, period_end] */
  SHIXIAN_MIN_DURATION = 2, /* a display lasting >= min_days days and >= min_working_days working days */
  SHIXIAN_CONTINUOUS = 3    /* 全年: throughout the period */
} shixian_obligation;

/* "by", "count", "min_duration", "continuous"; "unknown" for other values. Static storage. */
SHIXIAN_C_API const char* shixian_obligation_name(shixian_obligation obligation);

typedef struct shixian_deadline {
  const char* label;         /* 完成, 启动, 公开 …; valid for the life of the process */
  shixian_obligation type;
  int has_due;               /* 0 only for a min_duration with no known start */
  int32_t due;               /* by the end of this day (or at `minute`) */
  int32_t minute;            /* hour rules: minutes since 00:00; -1: end of day */
  int32_t period_start;      /* the period the deadline covers, inclusive */
  int32_t period_end;
  uint32_t at_least;         /* count */
  uint32_t min_days;         /* min_duration */
  uint32_t min_working_days; /* min_duration */
  int provisional;           /* 1: rests on a projected calendar year */
  uint32_t item;             /* index of the rule item it comes from */
} shixian_deadline;

/* The rule's deadlines for plan year `year` (0: none given) and the events
 * given, into the caller's array `deadlines` of `capacity` entries; *count
 * receives the number of deadlines. When capacity is too small nothing is
 * written but *count, and the status is SHIXIAN_BUFFER_TOO_SMALL (call again
 * with a larger buffer; `deadlines` may be NULL when capacity is 0). A rule
 * that needs an event or the year not given fails with SHIXIAN_MISSING_CONTEXT
 * and a message naming it (需要事件"人大批复"的日期). Rules without a deadline
 * (长期推进, 适时) give *count == 0. Thread-safe; allocates nothing visible. */
SHIXIAN_C_API shixian_status shixian_rule_due(const shixian_rule* rule, int32_t year, const shixian_event* events,
                                              size_t event_count, shixian_deadline* deadlines, size_t capacity,
                                              size_t* count, shixian_error** error);

/* ------------------------------------------------------------------------ */
/* Compliance checks                                                         */
/* ------------------------------------------------------------------------ */

/* The result of checking a task register against a publication log. */
typedef struct shixian_report shixian_report;

typedef struct shixian_check_options {
  int32_t as_of;                       /* deadlines after this day are pending */
  int32_t year;                        /* plan year for rows without one; 0: none */
  const shixian_calendar* calendar;    /* NULL: shixian_calendar_china() */
} shixian_check_options;

/* Verdict indices for shixian_report_count (the CLI's names). */
typedef enum shixian_verdict {
  SHIXIAN_ON_TIME = 0, SHIXIAN_LATE, SHIXIAN_MISSING, SHIXIAN_PENDING, SHIXIAN_TOO_SHORT,
  SHIXIAN_COUNT_SHORT, SHIXIAN_NOT_CHECKABLE, SHIXIAN_NEEDS_CONTEXT, SHIXIAN_INVALID_RULE,
  SHIXIAN_VERDICT_COUNT
} shixian_verdict;

/* Reads the task register and the publication log (CSV or JSON Lines, the
 * formats of docs/CHECK.md) and checks every task, as `shixian check` does.
 * Fails only for unusable input (a missing file, no header): bad rows are
 * counted in the report. Uses up to two threads inside; the call itself is
 * reentrant. The report is the caller's: shixian_report_free(). */
SHIXIAN_C_API shixian_status shixian_check_files(const char* tasks_path, const char* publications_path,
                                                 const shixian_check_options* options, shixian_report** report,
                                                 shixian_error** error);
SHIXIAN_C_API void shixian_report_free(shixian_report* report);
/* Deadlines with the verdict; 0 for a verdict out of range. Never fails. */
SHIXIAN_C_API uint64_t shixian_report_count(const shixian_report* report, shixian_verdict verdict);
/* Tasks checked. Never fails. */
SHIXIAN_C_API uint64_t shixian_report_tasks(const shixian_report* report);
/* The report a person reads (Chinese, as `shixian check` prints it), for shixian_free(). */
SHIXIAN_C_API shixian_status shixian_report_text(const shixian_report* report, char** text, shixian_error** error);
/* Every finding as CSV (the header of `shixian check --csv` first), for shixian_free(). */
SHIXIAN_C_API shixian_status shixian_report_csv(const shixian_report* report, char** csv, shixian_error** error);

/* "on_time", "late", "missing", "pending", "too_short", "count_short",
 * "not_checkable", "needs_context", "invalid_rule" (the CLI's names);
 * "unknown" for other values. Static storage. */
SHIXIAN_C_API const char* shixian_verdict_name(shixian_verdict verdict);

/* Checking one task at a time, for callers that hold the register and the
 * log themselves (a database: the PostgreSQL extension; a program's own
 * records): the same matching and verdicts as shixian_check_files, one call
 * per task with the task's publications.
 *
 *   shixian_checker* checker;
 *   shixian_check_options options = {as_of, 0, NULL};
 *   shixian_checker_new(&options, &checker, NULL);
 *   shixian_event formed = {"形成文件", formed_day, -1};
 *   shixian_task task = {"形成文件后3个工作日公开", 2016, &formed, 1};
 *   shixian_publication log[] = {{published_day, -1, 0, 0, -1, 0}};
 *   const shixian_finding* findings; size_t n;
 *   shixian_checker_check(checker, &task, log, 1, &findings, &n, NULL);
 *   // findings[0].verdict == SHIXIAN_ON_TIME …
 *   shixian_checker_free(checker);
 *
 * A checker keeps every rule text it has compiled (a cache: checking a
 * register of a few distinct rules compiles each once). It is not
 * thread-safe: one checker per thread. */
typedef struct shixian_checker shixian_checker;

/* options->calendar (NULL: the national one) must outlive the checker. */
SHIXIAN_C_API shixian_status shixian_checker_new(const shixian_check_options* options, shixian_checker** checker,
                                                 shixian_error** error);
SHIXIAN_C_API void shixian_checker_free(shixian_checker* checker);

/* The largest rule number a publication can name (shixian_publication.obligation). */
#define SHIXIAN_MAX_OBLIGATION 65535u

/* One row of the task register. */
typedef struct shixian_task {
  const char* rule;            /* as written; several rules separated by ； are obligations 1, 2, … */
  int32_t year;                /* plan year; 0: the checker's options->year */
  const shixian_event* events; /* may be NULL when event_count is 0 */
  size_t event_count;
} shixian_task;

/* One publication of the task. */
typedef struct shixian_publication {
  int32_t published;
  int32_t published_minute; /* minutes since 00:00; -1: date only */
  int has_withdrawn;        /* 1: the display ended on `withdrawn` (公示); 0: still displayed */
  int32_t withdrawn;
  int32_t withdrawn_minute; /* -1: date only */
  uint32_t obligation;      /* the 1-based rule of the task's cell it is for; 0: any */
} shixian_publication;

/* One deadline's verdict. Strings are NUL-terminated, owned by the checker and
 * valid until its next shixian_checker_check or shixian_checker_free. */
typedef struct shixian_finding {
  uint32_t obligation;        /* 1-based rule index within the task's cell */
  const char* label;          /* 公开, 完成 …; "" when the rule has no deadline */
  shixian_verdict verdict;
  shixian_obligation type;
  int has_due;
  int32_t due;
  int32_t due_minute;         /* hour rules: minutes since 00:00; -1: end of day */
  int has_period;             /* 0: the rule gave no period (invalid_rule, needs_context …) */
  int32_t period_start, period_end;
  int has_published;          /* the publication that decided the verdict */
  int32_t published;
  int has_withdrawn;
  int32_t withdrawn;
  int32_t late_workdays;      /* late: working days after the due date (0: later on the due day) */
  int32_t late_days;          /* late: calendar days after the due date */
  uint32_t required, found;   /* count: N required, M found; too_short: minimum and what the display had */
  int provisional;            /* 1: rests on a projected calendar year */
  const char* message;        /* needs_context: 需要事件"人大批复"的日期; invalid_rule: the parse error; "" when none */
  const char* needed;         /* needs_context: the missing event names, joined by 、; "" otherwise */
} shixian_finding;

/* Checks one task against its publications (any order): *findings receives
 * the checker's array of *count findings, one per deadline (one per rule for
 * rules that give none), in the task's rule order. A rule that does not parse
 * or lacks an event is a finding (invalid_rule, needs_context), not an error;
 * the call fails only for bad arguments (a NULL pointer, an obligation above
 * SHIXIAN_MAX_OBLIGATION, a minute outside [-1, 1439]). */
SHIXIAN_C_API shixian_status shixian_checker_check(shixian_checker* checker, const shixian_task* task,
                                                   const shixian_publication* publications, size_t publication_count,
                                                   const shixian_finding** findings, size_t* count,
                                                   shixian_error** error);

#ifdef __cplusplus
}
#endif

#endif /* SHIXIAN_SHIXIAN_H */
