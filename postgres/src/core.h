/* File: postgres/src/core.h
 *
 * The C interface between the PostgreSQL glue (pg.c, plain C: every palloc,
 * ereport and SRF call lives there) and the shixian library (core.cpp, C++).
 * The C++ side never calls into the server, so no PostgreSQL longjmp can cross
 * a C++ frame, and every C++ exception is caught inside core.cpp: each call
 * returns 0 on success or a SQLSTATE-class code with the message in *err.
 *
 * Dates are days since 1970-01-01 (int64, so PostgreSQL's ±infinity and any
 * extreme date arrive unclipped and are refused by range, never wrapped).
 * Strings returned point into per-backend static storage (valid until the next
 * call of the same kind) or into the library's process-lifetime tables.
 */
#ifndef SHIXIAN_PG_CORE_H
#define SHIXIAN_PG_CORE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum sx_status {
  SX_OK = 0,
  SX_BAD_DATE = 1,      /* 22007 invalid_datetime_format: an event date that does not read */
  SX_OUT_OF_RANGE = 2,  /* 22008 datetime_field_overflow: outside the calendar (2001–2100) */
  SX_BAD_PARAM = 3,     /* 22023 invalid_parameter_value: missing context, bad jsonb, bad year */
  SX_PARSE = 4,         /* 22P02 invalid_text_representation: a rule that does not parse */
  SX_NO_MEMORY = 5,     /* 53200 out_of_memory */
  SX_INTERNAL = 6       /* XX000: a bug; never expected */
};

typedef struct sx_error {
  char message[512]; /* short, for errmsg */
  char detail[2048]; /* the positioned message (and the caret line for rules), for errdetail */
  char hint[512];    /* what would do (missing events), for errhint; "" when none */
} sx_error;

int sx_is_workday(int64_t day, int *out, sx_error *err);
int sx_add_workdays(int64_t day, int32_t n, int64_t *out, sx_error *err);
int sx_workdays_between(int64_t a, int64_t b, int32_t *out, sx_error *err);
int sx_next_workday(int64_t day, int64_t *out, sx_error *err);
/* kind: "workday", "weekend", "holiday", "swapped_rest", "makeup_work"; festival "" when none. */
int sx_day_kind(int64_t day, const char **kind, const char **festival, size_t *festival_len, sx_error *err);

typedef struct sx_block {
  int64_t first, last;
  const char *festival;
  size_t festival_len;
} sx_block;
/* Up to `capacity` blocks of the year into `out`; *count set. */
int sx_holiday_blocks(int32_t year, sx_block *out, size_t capacity, size_t *count, sx_error *err);

int sx_canonical(const char *rule, size_t len, const char **out, size_t *out_len, sx_error *err);
int sx_parse_json(const char *rule, size_t len, const char **out_json, sx_error *err); /* NUL-terminated */

/* Events: `count` name/value pairs (value "2016-09-30" or "2016-09-30T09:30"). */
typedef struct sx_text { const char *data; size_t len; } sx_text;
typedef struct sx_events { const sx_text *names; const sx_text *values; size_t count; } sx_events;

typedef struct sx_due_row {
  const char *label; size_t label_len;
  int has_due; int64_t due; int32_t due_minute; /* -1: date only */
  int64_t period_start, period_end;
  int provisional;
  const char *kind; /* "by", "count", "min_duration", "continuous" */
} sx_due_row;
/* has_year 0: no plan year. Rows valid until the next sx_due call. */
int sx_due(const char *rule, size_t len, int has_year, int32_t year, const sx_events *events,
           const sx_due_row **rows, size_t *count, sx_error *err);

/* obligation: the 1-based rule of the task's cell the publication is for; 0: any. */
typedef struct sx_publication { int64_t published; int has_withdrawn; int64_t withdrawn; int32_t obligation; } sx_publication;
typedef struct sx_check_row {
  int32_t obligation;
  const char *label; size_t label_len;
  const char *verdict;
  int has_due; int64_t due; int32_t due_minute;
  int has_period; int64_t period_start, period_end;
  int has_published; int64_t published;
  int has_withdrawn; int64_t withdrawn;
  int32_t late_workdays, late_days, required, found;
  int provisional;
  const char *message; size_t message_len;
} sx_check_row;
/* Rows valid until the next sx_check call. */
int sx_check(const char *rule, size_t len, int has_year, int32_t year, const sx_events *events,
             const sx_publication *publications, size_t publication_count, int64_t as_of,
             const sx_check_row **rows, size_t *count, sx_error *err);

#ifdef __cplusplus
}
#endif
#endif
