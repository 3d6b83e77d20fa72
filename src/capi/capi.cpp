// The C API (include/shixian/shixian.h): handles wrap the C++ objects, every
// entry point catches whatever C++ throws, errors become shixian_error objects.
// No rule or calendar logic here: each function forwards to the library.
#include "shixian/shixian.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <new>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "shixian/calendar.hpp"
#include "shixian/check.hpp"
#include "shixian/evaluate.hpp"
#include "shixian/holidays.hpp"
#include "shixian/overlay.hpp"
#include "shixian/parse.hpp"
#include "shixian/version.hpp"

static_assert(sizeof(shixian_status) == sizeof(int), "shixian_status is passed as an int (JNA, ctypes)");
// The C enums are the C++ ones by value (the casts in this file rely on it).
static_assert(SHIXIAN_MAKEUP_WORKDAY == static_cast<int>(shixian::DayKind::makeup_workday));
static_assert(SHIXIAN_CONTINUOUS == static_cast<int>(shixian::Obligation::continuous));
static_assert(SHIXIAN_INVALID_RULE == static_cast<int>(shixian::Verdict::invalid_rule));
static_assert(SHIXIAN_VERDICT_COUNT == shixian::kVerdictCount);
static_assert(sizeof(shixian_day_kind) == sizeof(int) && sizeof(shixian_obligation) == sizeof(int) &&
                  sizeof(shixian_verdict) == sizeof(int),
              "the *_name functions read their enum as an int");

struct shixian_error {
  shixian_status status;
  shixian::Error error;
  std::string full;  // to_string(), kept for shixian_error_string
  std::vector<std::string> needed;  // missing_context: what would do
};

struct shixian_calendar {
  shixian::Calendar calendar;
};

struct shixian_rule {
  shixian::Rule rule;
  shixian::Evaluator evaluator;
};

struct shixian_report {
  shixian::Report report;
  std::string csv;
};

// The Checker reads the index by reference: each call refills the same index
// object, so the Checker (and its cache of compiled rules) lives as long as
// the handle.
struct shixian_checker {
  explicit shixian_checker(shixian::CheckOptions options) : checker(std::move(options), index) {}
  shixian::PublicationIndex index;
  shixian::Checker checker;
  shixian::TaskRecord task;
  std::vector<shixian_finding> findings;
  std::string strings;  // the findings' labels, messages and needed lists, each NUL-terminated
  struct Offsets {
    size_t label, message, needed;
  };
  std::vector<Offsets> offsets;  // into strings, while it grows (kept: no allocation per call)
};

namespace {

shixian_status status_of(shixian::ErrorCode code) {
  switch (code) {
    case shixian::ErrorCode::invalid_argument: return SHIXIAN_INVALID_ARGUMENT;
    case shixian::ErrorCode::out_of_range: return SHIXIAN_OUT_OF_RANGE;
    case shixian::ErrorCode::parse_error: return SHIXIAN_PARSE_ERROR;
    case shixian::ErrorCode::missing_context: return SHIXIAN_MISSING_CONTEXT;
    case shixian::ErrorCode::projected_year: return SHIXIAN_PROJECTED_YEAR;
    case shixian::ErrorCode::io_error: return SHIXIAN_IO_ERROR;
  }
  return SHIXIAN_INTERNAL;
}

// Reports `e` through the out-parameter (if any); returns its status.
shixian_status fail(shixian_error** out, shixian_status status, shixian::Error e) {
  if (out) {
    *out = nullptr;
    try {
      auto* made = new shixian_error{status, std::move(e), {}, {}};
      made->full = made->error.to_string();
      *out = made;
    } catch (...) {
      return SHIXIAN_OUT_OF_MEMORY;  // the status still says what happened
    }
  }
  return status;
}
shixian_status fail(shixian_error** out, const shixian::Error& e) { return fail(out, status_of(e.code), e); }
shixian_status fail(shixian_error** out, const shixian::EvalError& e) {
  const shixian_status status = fail(out, status_of(e.error.code), e.error);
  if (out && *out) (*out)->needed = e.needed;
  return status;
}
shixian_status fail(shixian_error** out, shixian_status status, const char* message) {
  shixian::Error e;
  e.code = status == SHIXIAN_OUT_OF_RANGE ? shixian::ErrorCode::out_of_range : shixian::ErrorCode::invalid_argument;
  e.message = message;
  return fail(out, status, std::move(e));
}
shixian_status null_argument(shixian_error** out, const char* name) {
  return fail(out, SHIXIAN_INVALID_ARGUMENT, (std::string("参数为空：") + name).c_str());
}
shixian_status bad_minute(shixian_error** out) {
  return fail(out, SHIXIAN_INVALID_ARGUMENT, "事件时刻必须在0到1439分钟之间（-1：只有日期）");
}
bool valid_minute(int32_t minute) { return minute >= -1 && minute <= 1439; }
shixian_status ok(shixian_error** out) {
  if (out) *out = nullptr;
  return SHIXIAN_OK;
}

// Runs `body` (which returns a status), turning C++ exceptions into statuses.
template <typename Body>
shixian_status guarded(shixian_error** error, Body body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail(error, SHIXIAN_OUT_OF_MEMORY, "内存不足");
  } catch (const std::exception& e) {
    return fail(error, SHIXIAN_INTERNAL, (std::string("内部错误：") + e.what()).c_str());
  } catch (...) {
    return fail(error, SHIXIAN_INTERNAL, "内部错误");
  }
}

// A NUL-terminated copy of a label or festival name that lives for the
// process (the C++ views are not promised to be NUL-terminated).
const char* c_string(std::string_view text) {
  if (text.empty()) return "";
  static std::mutex mutex;
  static std::unordered_set<std::string> pool;
  const std::lock_guard lock(mutex);
  return pool.emplace(text).first->c_str();
}

char* copy_out(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

const shixian::Calendar& calendar_or_china(const shixian_calendar* c) {
  return c ? c->calendar : shixian::Calendar::china();
}

shixian::expected<std::string, shixian::Error> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    shixian::Error e;
    e.code = shixian::ErrorCode::io_error;
    e.message = "无法读取文件";
    e.source = path;
    return shixian::unexpected(std::move(e));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The name of a C enum's value, read by the integer (a C caller may pass any
// value; the C++ to_string functions return NUL-terminated literals). By
// reference: copying an out-of-range enum is already a load of an invalid value.
template <class CppEnum, class CEnum>
const char* enum_name(const CEnum& c, int first, int last) {
  int value;
  std::memcpy(&value, &c, sizeof value);
  if (value < first || value > last) return "unknown";
  return std::string_view(shixian::to_string(static_cast<CppEnum>(value))).data();
}

}  // namespace

extern "C" {

const char* shixian_status_name(shixian_status status) {
  // By the integer: a C caller may pass any value, which is no valid C++ enumerator.
  int value;
  std::memcpy(&value, &status, sizeof value);
  switch (value) {
    case SHIXIAN_OK: return "ok";
    case SHIXIAN_INVALID_ARGUMENT: return "invalid_argument";
    case SHIXIAN_OUT_OF_RANGE: return "out_of_range";
    case SHIXIAN_PARSE_ERROR: return "parse_error";
    case SHIXIAN_MISSING_CONTEXT: return "missing_context";
    case SHIXIAN_PROJECTED_YEAR: return "projected_year";
    case SHIXIAN_IO_ERROR: return "io_error";
    case SHIXIAN_BUFFER_TOO_SMALL: return "buffer_too_small";
    case SHIXIAN_OUT_OF_MEMORY: return "out_of_memory";
    case SHIXIAN_INTERNAL: return "internal";
  }
  return "unknown";
}

shixian_status shixian_error_code(const shixian_error* error) { return error->status; }
const char* shixian_error_message(const shixian_error* error) { return error->error.message.c_str(); }
const char* shixian_error_string(const shixian_error* error) { return error->full.c_str(); }
const char* shixian_error_source(const shixian_error* error) { return error->error.source.c_str(); }
uint32_t shixian_error_line(const shixian_error* error) { return error->error.where.line; }
uint32_t shixian_error_column(const shixian_error* error) { return error->error.where.column; }
uint32_t shixian_error_offset(const shixian_error* error) { return error->error.where.offset; }
void shixian_error_free(shixian_error* error) { delete error; }

shixian_status shixian_error_render(const shixian_error* error, const char* input, char** text, shixian_error** failure) {
  return guarded(failure, [&] {
    if (!error) return null_argument(failure, "error");
    if (!input) return null_argument(failure, "input");
    if (!text) return null_argument(failure, "text");
    *text = copy_out(error->error.where.column > 0 ? shixian::render_error(input, error->error) : std::string());
    return ok(failure);
  });
}

size_t shixian_error_needed_count(const shixian_error* error) { return error ? error->needed.size() : 0; }
const char* shixian_error_needed(const shixian_error* error, size_t index) {
  return error && index < error->needed.size() ? error->needed[index].c_str() : nullptr;
}

void shixian_free(void* p) { std::free(p); }

const char* shixian_version(void) { return SHIXIAN_VERSION_STRING; }

// --- dates -----------------------------------------------------------------

shixian_status shixian_date_parse(const char* iso, int32_t* days, shixian_error** error) {
  return guarded(error, [&] {
    if (!iso) return null_argument(error, "iso");
    if (!days) return null_argument(error, "days");
    auto d = shixian::parse_iso_date(iso);
    if (!d.has_value()) return fail(error, d.error());
    *days = d->days_since_epoch();
    return ok(error);
  });
}

shixian_status shixian_date_from_ymd(int32_t year, int32_t month, int32_t day, int32_t* days, shixian_error** error) {
  return guarded(error, [&] {
    if (!days) return null_argument(error, "days");
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      // from_ymd takes unsigned: keep negative values from wrapping into valid-looking ones.
      return fail(error, SHIXIAN_INVALID_ARGUMENT, month < 1 || month > 12 ? "月份必须在1到12之间" : "日必须在1到31之间");
    }
    auto d = shixian::Date::from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    if (!d.has_value()) return fail(error, d.error());
    *days = d->days_since_epoch();
    return ok(error);
  });
}

void shixian_date_format(int32_t days, char out[SHIXIAN_DATE_BUFFER]) {
  try {
    const std::string s = shixian::to_string(shixian::Date::from_days(days));
    const std::size_t n = s.size() < SHIXIAN_DATE_BUFFER - 1 ? s.size() : SHIXIAN_DATE_BUFFER - 1;
    std::memcpy(out, s.data(), n);
    out[n] = '\0';
  } catch (...) {
    out[0] = '\0';
  }
}

shixian_status shixian_event_time_parse(const char* text, int32_t* date, int32_t* minute, shixian_error** error) {
  return guarded(error, [&] {
    if (!text) return null_argument(error, "text");
    if (!date) return null_argument(error, "date");
    if (!minute) return null_argument(error, "minute");
    auto t = shixian::parse_event_time(text);
    if (!t.has_value()) return fail(error, t.error());
    *date = t->date.days_since_epoch();
    *minute = t->minute;
    return ok(error);
  });
}

// --- calendars ---------------------------------------------------------------

const shixian_calendar* shixian_calendar_china(void) {
  // Layout-compatible wrapper around the library's own instance, made once.
  try {
    static const shixian_calendar* china = new shixian_calendar{shixian::Calendar::china()};
    return china;
  } catch (...) {
    return nullptr;
  }
}

shixian_status shixian_calendar_from_files(const char* const* year_files, size_t year_file_count,
                                           const char* const* overlay_files, size_t overlay_file_count, unsigned flags,
                                           shixian_calendar** calendar, shixian_error** error) {
  return guarded(error, [&] {
    if (!calendar) return null_argument(error, "calendar");
    if (year_file_count && !year_files) return null_argument(error, "year_files");
    if (overlay_file_count && !overlay_files) return null_argument(error, "overlay_files");
    shixian::CalendarOptions options;
    options.strict = (flags & SHIXIAN_CALENDAR_STRICT) != 0;
    options.builtin_data = (flags & SHIXIAN_CALENDAR_NO_BUILTIN) == 0;
    for (size_t i = 0; i < year_file_count; ++i) {
      if (!year_files[i]) return null_argument(error, "year_files[i]");
      auto text = read_file(year_files[i]);
      if (!text.has_value()) return fail(error, text.error());
      auto year = shixian::parse_year_file(*text, year_files[i]);
      if (!year.has_value()) return fail(error, year.error());
      options.years.push_back(std::move(*year));
    }
    for (size_t i = 0; i < overlay_file_count; ++i) {
      if (!overlay_files[i]) return null_argument(error, "overlay_files[i]");
      auto text = read_file(overlay_files[i]);
      if (!text.has_value()) return fail(error, text.error());
      auto overlay = shixian::parse_overlay(*text, overlay_files[i]);
      if (!overlay.has_value()) return fail(error, overlay.error());
      options.overlays.push_back(std::move(*overlay));
    }
    auto built = shixian::Calendar::build(options);
    if (!built.has_value()) return fail(error, built.error());
    *calendar = new shixian_calendar{std::move(*built)};
    return ok(error);
  });
}

void shixian_calendar_free(const shixian_calendar* calendar) {
  if (calendar && calendar != shixian_calendar_china()) delete calendar;
}

int32_t shixian_calendar_first_day(const shixian_calendar* calendar) {
  return calendar->calendar.first_day().days_since_epoch();
}
int32_t shixian_calendar_last_day(const shixian_calendar* calendar) {
  return calendar->calendar.last_day().days_since_epoch();
}

shixian_status shixian_calendar_is_workday(const shixian_calendar* calendar, int32_t day, int* workday,
                                           shixian_error** error) {
  return guarded(error, [&] {
    if (!calendar) return null_argument(error, "calendar");
    if (!workday) return null_argument(error, "workday");
    auto r = calendar->calendar.is_workday(shixian::Date::from_days(day));
    if (!r.has_value()) return fail(error, r.error());
    *workday = *r ? 1 : 0;
    return ok(error);
  });
}

shixian_status shixian_calendar_add_workdays(const shixian_calendar* calendar, int32_t day, int32_t n, int32_t* result,
                                             shixian_error** error) {
  return guarded(error, [&] {
    if (!calendar) return null_argument(error, "calendar");
    if (!result) return null_argument(error, "result");
    auto r = calendar->calendar.add_workdays(shixian::Date::from_days(day), n);
    if (!r.has_value()) return fail(error, r.error());
    *result = r->days_since_epoch();
    return ok(error);
  });
}

shixian_status shixian_calendar_workdays_between(const shixian_calendar* calendar, int32_t a, int32_t b, int32_t* count,
                                                 shixian_error** error) {
  return guarded(error, [&] {
    if (!calendar) return null_argument(error, "calendar");
    if (!count) return null_argument(error, "count");
    auto r = calendar->calendar.workdays_between(shixian::Date::from_days(a), shixian::Date::from_days(b));
    if (!r.has_value()) return fail(error, r.error());
    *count = *r;
    return ok(error);
  });
}

shixian_status shixian_calendar_day_info(const shixian_calendar* calendar, int32_t day, shixian_day_info* info,
                                         shixian_error** error) {
  return guarded(error, [&] {
    if (!calendar) return null_argument(error, "calendar");
    if (!info) return null_argument(error, "info");
    auto r = calendar->calendar.day(shixian::Date::from_days(day));
    if (!r.has_value()) return fail(error, r.error());
    info->date = r->date.days_since_epoch();
    info->workday = r->workday ? 1 : 0;
    info->kind = static_cast<shixian_day_kind>(r->kind);
    info->projected = r->projected ? 1 : 0;
    info->festival = c_string(r->festival);
    return ok(error);
  });
}

const char* shixian_day_kind_name(shixian_day_kind kind) {
  return enum_name<shixian::DayKind>(kind, SHIXIAN_WORKDAY, SHIXIAN_MAKEUP_WORKDAY);
}

shixian_status shixian_calendar_holiday_blocks(const shixian_calendar* calendar, int32_t year,
                                               shixian_holiday_block* blocks, size_t capacity, size_t* count,
                                               shixian_error** error) {
  return guarded(error, [&] {
    if (!calendar) return null_argument(error, "calendar");
    if (!count) return null_argument(error, "count");
    if (capacity && !blocks) return null_argument(error, "blocks");
    auto r = calendar->calendar.holiday_blocks(year);
    if (!r.has_value()) return fail(error, r.error());
    *count = r->size();
    if (r->size() > capacity) return fail(error, SHIXIAN_BUFFER_TOO_SMALL, "假期数组容量不足（所需数量已写入 count）");
    for (size_t i = 0; i < r->size(); ++i) {
      const shixian::HolidayBlock& b = (*r)[i];
      blocks[i] = shixian_holiday_block{b.first.days_since_epoch(), b.last.days_since_epoch(), c_string(b.festival)};
    }
    return ok(error);
  });
}

// --- rules -------------------------------------------------------------------

shixian_status shixian_rule_parse(const char* text, const shixian_calendar* calendar, shixian_rule** rule,
                                  shixian_error** error) {
  return guarded(error, [&] {
    if (!text) return null_argument(error, "text");
    if (!rule) return null_argument(error, "rule");
    auto parsed = shixian::parse_rule(text);
    if (!parsed.has_value()) return fail(error, parsed.error());
    auto* made = new shixian_rule{std::move(*parsed), {}};
    made->evaluator = shixian::compile(made->rule, calendar_or_china(calendar));
    *rule = made;
    return ok(error);
  });
}

void shixian_rule_free(shixian_rule* rule) { delete rule; }

shixian_status shixian_rule_canonical(const shixian_rule* rule, char** canonical, shixian_error** error) {
  return guarded(error, [&] {
    if (!rule) return null_argument(error, "rule");
    if (!canonical) return null_argument(error, "canonical");
    *canonical = copy_out(shixian::canonical(rule->rule));
    return ok(error);
  });
}

shixian_status shixian_rule_json(const shixian_rule* rule, char** json, shixian_error** error) {
  return guarded(error, [&] {
    if (!rule) return null_argument(error, "rule");
    if (!json) return null_argument(error, "json");
    *json = copy_out(shixian::to_json(rule->rule));
    return ok(error);
  });
}

shixian_status shixian_rule_due(const shixian_rule* rule, int32_t year, const shixian_event* events, size_t event_count,
                                shixian_deadline* deadlines, size_t capacity, size_t* count, shixian_error** error) {
  return guarded(error, [&] {
    if (!rule) return null_argument(error, "rule");
    if (!count) return null_argument(error, "count");
    if (event_count && !events) return null_argument(error, "events");
    if (capacity && !deadlines) return null_argument(error, "deadlines");
    shixian::Context context;
    if (year != 0) context.year(year);
    for (size_t i = 0; i < event_count; ++i) {
      if (!events[i].name) return null_argument(error, "events[i].name");
      if (!valid_minute(events[i].minute)) return bad_minute(error);
      shixian::EventTime time{shixian::Date::from_days(events[i].date), static_cast<std::int16_t>(events[i].minute)};
      context.event(events[i].name, time);
    }
    auto schedule = rule->evaluator.evaluate(context);
    if (!schedule.has_value()) return fail(error, schedule.error());
    *count = schedule->size();
    if (schedule->size() > capacity) {
      return fail(error, SHIXIAN_BUFFER_TOO_SMALL, "期限数组容量不足（所需数量已写入 count）");
    }
    for (size_t i = 0; i < schedule->size(); ++i) {
      const shixian::Deadline& d = (*schedule)[i];
      shixian_deadline& out = deadlines[i];
      out.label = c_string(d.label);
      out.type = static_cast<shixian_obligation>(d.type);
      out.has_due = d.has_due ? 1 : 0;
      out.due = d.due.days_since_epoch();
      out.minute = d.minute;
      out.period_start = d.period_start.days_since_epoch();
      out.period_end = d.period_end.days_since_epoch();
      out.at_least = d.at_least;
      out.min_days = d.min_days;
      out.min_working_days = d.min_working_days;
      out.provisional = d.provisional ? 1 : 0;
      out.item = d.item;
    }
    return ok(error);
  });
}

const char* shixian_obligation_name(shixian_obligation obligation) {
  return enum_name<shixian::Obligation>(obligation, SHIXIAN_BY, SHIXIAN_CONTINUOUS);
}

// --- checks --------------------------------------------------------------------

shixian_status shixian_check_files(const char* tasks_path, const char* publications_path,
                                   const shixian_check_options* options, shixian_report** report,
                                   shixian_error** error) {
  return guarded(error, [&] {
    if (!tasks_path) return null_argument(error, "tasks_path");
    if (!publications_path) return null_argument(error, "publications_path");
    if (!options) return null_argument(error, "options");
    if (!report) return null_argument(error, "report");
    shixian::CheckOptions check;
    check.as_of = shixian::Date::from_days(options->as_of);
    if (options->year != 0) check.year = options->year;
    check.calendar = &calendar_or_china(options->calendar);
    auto* made = new shixian_report{};
    made->csv = shixian::csv_header();
    auto r = shixian::check_files(tasks_path, publications_path, check,
                                  [made](const shixian::Finding& f) { shixian::append_csv(made->csv, f); });
    if (!r.has_value()) {
      delete made;
      return fail(error, r.error());
    }
    made->report = std::move(*r);
    *report = made;
    return ok(error);
  });
}

void shixian_report_free(shixian_report* report) { delete report; }

uint64_t shixian_report_count(const shixian_report* report, shixian_verdict verdict) {
  const int v = static_cast<int>(verdict);
  if (!report || v < 0 || v >= SHIXIAN_VERDICT_COUNT) return 0;
  return report->report.counts[static_cast<std::size_t>(v)];
}

uint64_t shixian_report_tasks(const shixian_report* report) { return report ? report->report.tasks : 0; }

shixian_status shixian_report_text(const shixian_report* report, char** text, shixian_error** error) {
  return guarded(error, [&] {
    if (!report) return null_argument(error, "report");
    if (!text) return null_argument(error, "text");
    *text = copy_out(shixian::render_text(report->report));
    return ok(error);
  });
}

shixian_status shixian_report_csv(const shixian_report* report, char** csv, shixian_error** error) {
  return guarded(error, [&] {
    if (!report) return null_argument(error, "report");
    if (!csv) return null_argument(error, "csv");
    *csv = copy_out(report->csv);
    return ok(error);
  });
}


const char* shixian_verdict_name(shixian_verdict verdict) {
  return enum_name<shixian::Verdict>(verdict, 0, SHIXIAN_VERDICT_COUNT - 1);
}

shixian_status shixian_checker_new(const shixian_check_options* options, shixian_checker** checker,
                                   shixian_error** error) {
  return guarded(error, [&] {
    if (!options) return null_argument(error, "options");
    if (!checker) return null_argument(error, "checker");
    shixian::CheckOptions check;
    check.as_of = shixian::Date::from_days(options->as_of);
    if (options->year != 0) check.year = options->year;
    check.calendar = &calendar_or_china(options->calendar);
    *checker = new shixian_checker(std::move(check));
    return ok(error);
  });
}

void shixian_checker_free(shixian_checker* checker) { delete checker; }

shixian_status shixian_checker_check(shixian_checker* checker, const shixian_task* task,
                                     const shixian_publication* publications, size_t publication_count,
                                     const shixian_finding** findings, size_t* count, shixian_error** error) {
  return guarded(error, [&] {
    if (!checker) return null_argument(error, "checker");
    if (!task) return null_argument(error, "task");
    if (!task->rule) return null_argument(error, "task->rule");
    if (task->event_count && !task->events) return null_argument(error, "task->events");
    if (publication_count && !publications) return null_argument(error, "publications");
    if (!findings) return null_argument(error, "findings");
    if (!count) return null_argument(error, "count");
    for (size_t i = 0; i < task->event_count; ++i) {
      if (!task->events[i].name) return null_argument(error, "task->events[i].name");
      if (!valid_minute(task->events[i].minute)) return bad_minute(error);
    }
    for (size_t i = 0; i < publication_count; ++i) {
      const shixian_publication& p = publications[i];
      if (!valid_minute(p.published_minute) || (p.has_withdrawn && !valid_minute(p.withdrawn_minute))) {
        return bad_minute(error);
      }
      if (p.obligation > SHIXIAN_MAX_OBLIGATION) {
        return fail(error, SHIXIAN_INVALID_ARGUMENT, "规则序号超出范围（1至65535；0：任一）");
      }
    }
    shixian::TaskRecord& t = checker->task;
    t.id = "t";
    t.rule = task->rule;
    t.year = task->year != 0 ? std::optional<int>(task->year) : std::nullopt;
    t.events.clear();
    for (size_t i = 0; i < task->event_count; ++i) {
      const shixian_event& e = task->events[i];
      t.events.emplace_back(e.name, shixian::EventTime{shixian::Date::from_days(e.date), static_cast<std::int16_t>(e.minute)});
    }
    checker->index = shixian::PublicationIndex{};
    shixian::PublicationRecord record;
    record.task_id = t.id;
    for (size_t i = 0; i < publication_count; ++i) {
      const shixian_publication& p = publications[i];
      record.published = {shixian::Date::from_days(p.published), static_cast<std::int16_t>(p.published_minute)};
      record.withdrawn.reset();
      if (p.has_withdrawn) {
        record.withdrawn = shixian::EventTime{shixian::Date::from_days(p.withdrawn), static_cast<std::int16_t>(p.withdrawn_minute)};
      }
      record.obligation = static_cast<std::uint16_t>(p.obligation);
      record.line = static_cast<std::uint32_t>(i + 1);
      checker->index.add(record);
    }
    checker->index.finish();
    // Strings go into one buffer as offsets first (it grows while the
    // findings come), pointers are set once it is complete.
    auto& offsets = checker->offsets;
    offsets.clear();
    std::string& strings = checker->strings;
    strings.clear();
    auto keep = [&strings](std::string_view text) {
      const size_t at = strings.size();
      strings.append(text);
      strings.push_back('\0');
      return at;
    };
    checker->findings.clear();
    checker->checker.check(t, [&](const shixian::Finding& f) {
      shixian_finding out{};
      out.obligation = f.obligation;
      out.verdict = static_cast<shixian_verdict>(f.verdict);
      out.type = static_cast<shixian_obligation>(f.type);
      out.has_due = f.has_due ? 1 : 0;
      out.due = f.due.days_since_epoch();
      out.due_minute = f.due_minute;
      out.has_period = f.period_start != shixian::Date{} ? 1 : 0;
      out.period_start = f.period_start.days_since_epoch();
      out.period_end = f.period_end.days_since_epoch();
      out.has_published = f.has_published ? 1 : 0;
      out.published = f.published.date.days_since_epoch();
      out.has_withdrawn = f.withdrawn ? 1 : 0;
      out.withdrawn = f.withdrawn ? f.withdrawn->date.days_since_epoch() : 0;
      out.late_workdays = f.late_workdays;
      out.late_days = f.late_days;
      out.required = f.required;
      out.found = f.found;
      out.provisional = f.provisional ? 1 : 0;
      checker->findings.push_back(out);
      offsets.push_back({keep(f.label), keep(f.message), keep(f.needed)});
    });
    for (size_t i = 0; i < offsets.size(); ++i) {
      checker->findings[i].label = strings.data() + offsets[i].label;
      checker->findings[i].message = strings.data() + offsets[i].message;
      checker->findings[i].needed = strings.data() + offsets[i].needed;
    }
    *findings = checker->findings.data();
    *count = checker->findings.size();
    return ok(error);
  });
}

}  // extern "C"
