// File: postgres/src/core.cpp
//
// The library side of the extension: each sx_* entry point (core.h) calls the
// shixian library and turns its expected<> results into a status code and a
// message. Nothing here calls the server (no palloc, no ereport), and every
// exception (std::bad_alloc above all) is caught at the boundary, so neither
// a C++ exception nor a PostgreSQL longjmp ever crosses the other's frames.
// No calendar or rule logic lives here: it is all the library's.
#include "core.h"

#include <cstdio>
#include <cstring>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "shixian/calendar.hpp"
#include "shixian/check.hpp"
#include "shixian/evaluate.hpp"
#include "shixian/parse.hpp"

namespace {

using shixian::Calendar;
using shixian::Date;
using shixian::Error;

void copy_text(char* out, std::size_t size, const std::string& text) {
  std::size_t n = std::min(size - 1, text.size());
  // Never cut a UTF-8 sequence in half: the server checks encodings.
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  std::memcpy(out, text.data(), n);
  out[n] = '\0';
}

void clear(sx_error* err) { err->message[0] = err->detail[0] = err->hint[0] = '\0'; }

int status_of(shixian::ErrorCode code) {
  switch (code) {
    case shixian::ErrorCode::invalid_argument: return SX_BAD_PARAM;
    case shixian::ErrorCode::out_of_range: return SX_OUT_OF_RANGE;
    case shixian::ErrorCode::parse_error: return SX_PARSE;
    case shixian::ErrorCode::missing_context: return SX_BAD_PARAM;
    case shixian::ErrorCode::projected_year: return SX_OUT_OF_RANGE;
    case shixian::ErrorCode::io_error: return SX_INTERNAL;
  }
  return SX_INTERNAL;
}

// The error's position in words, then the message: "第7个字符（第1行第7列）：…".
std::string positioned(const Error& e) {
  std::string s;
  if (!e.source.empty()) s += e.source + ": ";
  if (e.where.column > 0) {
    s += "line " + std::to_string(e.where.line) + ", column " + std::to_string(e.where.column) + ": ";
  }
  return s + e.message;
}

int fail(sx_error* err, int status, const std::string& message, const std::string& detail = {},
         const std::string& hint = {}) {
  copy_text(err->message, sizeof err->message, message);
  copy_text(err->detail, sizeof err->detail, detail);
  copy_text(err->hint, sizeof err->hint, hint);
  return status;
}

// A rule's error has a position in the rule; too long a rule is a bad parameter, not a date overflow.
int rule_status(const Error& e) {
  return e.where.column > 0 && e.code == shixian::ErrorCode::out_of_range ? SX_BAD_PARAM : status_of(e.code);
}

int fail(sx_error* err, const char* what, const Error& e, std::string_view input = {}) {
  std::string detail = positioned(e);
  if (!input.empty() && e.where.column > 0) detail += "\n" + shixian::render_error(input, e);
  return fail(err, input.empty() ? status_of(e.code) : rule_status(e), std::string(what) + ": " + e.message, detail);
}

// Calls body() with every exception turned into a status.
template <typename Body>
int guarded(sx_error* err, Body body) noexcept {
  try {
    clear(err);
    return body();
  } catch (const std::bad_alloc&) {
    return fail(err, SX_NO_MEMORY, "shixian: out of memory");
  } catch (const std::exception& e) {
    return fail(err, SX_INTERNAL, std::string("shixian: internal error: ") + e.what());
  } catch (...) {
    return fail(err, SX_INTERNAL, "shixian: internal error");
  }
}

// A date from the server: int64 days since 1970 (±infinity and extremes included).
// Beyond years 0–9999 the library is never asked (its messages print dates by year_month_day).
std::optional<Date> to_date(std::int64_t day) {
  constexpr std::int64_t kYear0 = -719528, kYear10000 = 2932897;  // 0000-01-01, 10000-01-01
  if (day < kYear0 || day >= kYear10000) return std::nullopt;
  return Date::from_days(static_cast<std::int32_t>(day));
}

int out_of_calendar(sx_error* err, const char* what) {
  const Calendar& cal = Calendar::china();
  const std::string range = "（" + shixian::to_string(cal.first_day()) + " 至 " + shixian::to_string(cal.last_day()) + "）";
  return fail(err, SX_OUT_OF_RANGE, std::string(what) + ": 日期超出日历范围" + range, "日历范围" + range);
}

// A plan year the calendar cannot hold (the evaluator would carry it into dates beyond any calendar).
bool bad_year(int has_year, int32_t year, const char* what, sx_error* err, int& status) {
  const Calendar& cal = Calendar::china();
  if (!has_year || (year >= cal.first_day().year() && year <= cal.last_day().year())) return false;
  status = fail(err, SX_BAD_PARAM, std::string(what) + ": 计划年度 " + std::to_string(year) + " 超出日历范围",
                "日历范围 " + std::to_string(cal.first_day().year()) + "–" + std::to_string(cal.last_day().year()) + " 年");
  return true;
}

std::string_view view(const sx_text& t) { return {t.data, t.len}; }

// Events from the SQL side into (name, time) pairs; a date that does not read is 22007.
int read_events(const sx_events* events, std::vector<std::pair<std::string, shixian::EventTime>>& out,
                sx_error* err) {
  out.clear();
  if (events == nullptr) return SX_OK;
  for (std::size_t i = 0; i < events->count; ++i) {
    auto t = shixian::parse_event_time(view(events->values[i]));
    if (!t.has_value()) {
      std::string name(view(events->names[i]));
      Error e = t.error();
      e.source = "events." + name;
      return fail(err, SX_BAD_DATE, "shixian: event \"" + name + "\" has no valid date: " + e.message,
                  positioned(e) + "\n" + shixian::render_error(view(events->values[i]), e));
    }
    out.emplace_back(std::string(view(events->names[i])), *t);
  }
  return SX_OK;
}

// Per-backend state (a backend is one thread). Rows handed to the C side live here.
std::vector<sx_due_row> due_rows;
std::string text_result;
std::vector<std::pair<std::string, shixian::EventTime>> event_scratch;

struct CheckState {
  shixian::PublicationIndex index;
  std::optional<shixian::Checker> checker;  // keeps its compiled-rule cache across calls with one as_of
  Date as_of;
  std::vector<sx_check_row> rows;
  std::vector<std::string> messages;
  shixian::TaskRecord task;
};
CheckState* check_state = nullptr;

}  // namespace

extern "C" {

int sx_is_workday(int64_t day, int* out, sx_error* err) {
  return guarded(err, [&] {
    auto d = to_date(day);
    if (!d) return out_of_calendar(err, "is_workday");
    auto r = Calendar::china().is_workday(*d);
    if (!r.has_value()) return fail(err, "is_workday", r.error());
    *out = *r ? 1 : 0;
    return int{SX_OK};
  });
}

int sx_add_workdays(int64_t day, int32_t n, int64_t* out, sx_error* err) {
  return guarded(err, [&] {
    auto d = to_date(day);
    if (!d) return out_of_calendar(err, "add_workdays");
    auto r = Calendar::china().add_workdays(*d, n);
    if (!r.has_value()) return fail(err, "add_workdays", r.error());
    *out = r->days_since_epoch();
    return int{SX_OK};
  });
}

int sx_workdays_between(int64_t a, int64_t b, int32_t* out, sx_error* err) {
  return guarded(err, [&] {
    auto da = to_date(a), db = to_date(b);
    if (!da || !db) return out_of_calendar(err, "workdays_between");
    auto r = Calendar::china().workdays_between(*da, *db);
    if (!r.has_value()) return fail(err, "workdays_between", r.error());
    *out = *r;
    return int{SX_OK};
  });
}

int sx_next_workday(int64_t day, int64_t* out, sx_error* err) {
  return guarded(err, [&] {
    auto d = to_date(day);
    if (!d) return out_of_calendar(err, "next_workday");
    auto r = Calendar::china().next_workday(*d);
    if (!r.has_value()) return fail(err, "next_workday", r.error());
    *out = r->days_since_epoch();
    return int{SX_OK};
  });
}

int sx_day_kind(int64_t day, const char** kind, const char** festival, size_t* festival_len, sx_error* err) {
  return guarded(err, [&] {
    auto d = to_date(day);
    if (!d) return out_of_calendar(err, "day_kind");
    auto r = Calendar::china().day(*d);
    if (!r.has_value()) return fail(err, "day_kind", r.error());
    *kind = shixian::to_string(r->kind).data();  // static NUL-terminated literals
    *festival = r->festival.data();              // the calendar's table: lives as long as the process
    *festival_len = r->festival.size();
    return int{SX_OK};
  });
}

int sx_holiday_blocks(int32_t year, sx_block* out, size_t capacity, size_t* count, sx_error* err) {
  return guarded(err, [&] {
    auto r = Calendar::china().holiday_blocks(year);
    if (!r.has_value()) return fail(err, "holiday_blocks", r.error());
    if (r->size() > capacity) return fail(err, SX_INTERNAL, "holiday_blocks: more blocks than expected");
    *count = r->size();
    for (std::size_t i = 0; i < r->size(); ++i) {
      const auto& b = (*r)[i];
      out[i] = sx_block{b.first.days_since_epoch(), b.last.days_since_epoch(), b.festival.data(), b.festival.size()};
    }
    return int{SX_OK};
  });
}

int sx_canonical(const char* rule, size_t len, const char** out, size_t* out_len, sx_error* err) {
  return guarded(err, [&] {
    const std::string_view input(rule, len);
    auto r = shixian::parse_rule(input);
    if (!r.has_value()) return fail(err, "canonical", r.error(), input);
    text_result = shixian::canonical(*r);
    *out = text_result.data(), *out_len = text_result.size();
    return int{SX_OK};
  });
}

int sx_parse_json(const char* rule, size_t len, const char** out_json, sx_error* err) {
  return guarded(err, [&] {
    const std::string_view input(rule, len);
    auto r = shixian::parse_rule(input);
    if (!r.has_value()) return fail(err, "parse", r.error(), input);
    text_result = shixian::to_json(*r);
    *out_json = text_result.c_str();
    return int{SX_OK};
  });
}

int sx_due(const char* rule, size_t len, int has_year, int32_t year, const sx_events* events,
           const sx_due_row** rows, size_t* count, sx_error* err) {
  return guarded(err, [&] {
    const std::string_view input(rule, len);
    if (int s = 0; bad_year(has_year, year, "due", err, s)) return s;
    if (int s = read_events(events, event_scratch, err); s != SX_OK) return s;
    shixian::Context context;
    if (has_year) context.year(year);
    for (const auto& [name, time] : event_scratch) context.event(name, time);
    auto r = shixian::due(input, context);
    if (!r.has_value()) {
      const shixian::EvalError& e = r.error();
      std::string hint;
      for (const std::string& n : e.needed) hint += (hint.empty() ? "needed: " : ", ") + n;
      std::string detail = positioned(e.error);
      if (e.error.code == shixian::ErrorCode::parse_error && e.error.where.column > 0) {
        detail += "\n" + shixian::render_error(input, e.error);
      }
      return fail(err, rule_status(e.error), "due: " + e.error.message, detail, hint);
    }
    due_rows.clear();
    for (const shixian::Deadline& d : *r) {
      due_rows.push_back(sx_due_row{d.label.data(), d.label.size(), d.has_due ? 1 : 0, d.due.days_since_epoch(),
                                    d.minute, d.period_start.days_since_epoch(), d.period_end.days_since_epoch(),
                                    d.provisional ? 1 : 0, shixian::to_string(d.type)});
    }
    *rows = due_rows.data(), *count = due_rows.size();
    return int{SX_OK};
  });
}

int sx_check(const char* rule, size_t len, int has_year, int32_t year, const sx_events* events,
             const sx_publication* publications, size_t publication_count, int64_t as_of,
             const sx_check_row** rows, size_t* count, sx_error* err) {
  return guarded(err, [&] {
    auto as_of_date = to_date(as_of);
    if (!as_of_date) return out_of_calendar(err, "check (as_of)");
    if (int st = 0; bad_year(has_year, year, "check", err, st)) return st;
    if (check_state == nullptr) check_state = new CheckState();
    CheckState& s = *check_state;
    shixian::TaskRecord& task = s.task;
    task.id = "t";
    task.rule.assign(rule, len);
    task.year = has_year ? std::optional<int>(year) : std::nullopt;
    if (int st = read_events(events, task.events, err); st != SX_OK) return st;
    for (std::size_t i = 0; i < publication_count; ++i) {
      if (!to_date(publications[i].published) || (publications[i].has_withdrawn && !to_date(publications[i].withdrawn))) {
        return out_of_calendar(err, "check (published/withdrawn)");
      }
    }
    // The Checker holds a reference to the index: refill the same object for
    // every call, and rebuild the Checker only when as_of changes, so the
    // rules it compiled stay cached across the rows of a query.
    if (!s.checker || s.as_of != *as_of_date) {
      s.checker.reset();
      shixian::CheckOptions options;
      options.as_of = *as_of_date;
      s.checker.emplace(std::move(options), s.index);
      s.as_of = *as_of_date;
    }
    s.index = shixian::PublicationIndex{};
    for (std::size_t i = 0; i < publication_count; ++i) {
      shixian::PublicationRecord p;
      p.task_id = task.id;
      p.published.date = *to_date(publications[i].published);
      if (publications[i].has_withdrawn) p.withdrawn = shixian::EventTime{*to_date(publications[i].withdrawn), -1};
      if (publications[i].obligation < 0 || publications[i].obligation > 65535) {
        return fail(err, SX_BAD_PARAM, "check: obligations[" + std::to_string(i + 1) + "] = " +
                    std::to_string(publications[i].obligation) + " is not a rule number (1, 2, …; 0 or NULL: any)");
      }
      p.obligation = static_cast<std::uint16_t>(publications[i].obligation);
      p.line = static_cast<std::uint32_t>(i + 1);
      s.index.add(p);
    }
    s.index.finish();
    s.rows.clear();
    s.messages.clear();
    s.checker->check(task, [&](const shixian::Finding& f) {
      s.messages.emplace_back(f.message);
      sx_check_row row{};
      row.obligation = f.obligation;
      row.label = f.label.data(), row.label_len = f.label.size();  // label: interned by the compiled rule
      row.verdict = shixian::to_string(f.verdict);
      row.has_due = f.has_due ? 1 : 0, row.due = f.due.days_since_epoch(), row.due_minute = f.due_minute;
      row.has_period = f.period_start != Date{} ? 1 : 0;
      row.period_start = f.period_start.days_since_epoch(), row.period_end = f.period_end.days_since_epoch();
      row.has_published = f.has_published ? 1 : 0, row.published = f.published.date.days_since_epoch();
      row.has_withdrawn = f.withdrawn ? 1 : 0;
      row.withdrawn = f.withdrawn ? f.withdrawn->date.days_since_epoch() : 0;
      row.late_workdays = f.late_workdays, row.late_days = f.late_days;
      row.required = static_cast<int32_t>(f.required), row.found = static_cast<int32_t>(f.found);
      row.provisional = f.provisional ? 1 : 0;
      s.rows.push_back(row);
    });
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
      s.rows[i].message = s.messages[i].data(), s.rows[i].message_len = s.messages[i].size();
    }
    *rows = s.rows.data(), *count = s.rows.size();
    return int{SX_OK};
  });
}

}  // extern "C"
