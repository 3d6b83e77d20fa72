/* File: postgres/src/pg.c
 *
 * The extension: fmgr entry points (pg_shixian_*: shixian_* are the C API's)
 * that convert arguments and results and call the library through its C API
 * (shixian/shixian.h) — nothing else. The
 * C API catches every C++ exception inside the library, so a PostgreSQL
 * error raised here (ereport's longjmp) unwinds only C frames. Objects the C
 * API hands out (errors, rules, strings) are freed before any ereport, so an
 * error leaks nothing; the check's checker lives for the backend.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

#include "shixian/shixian.h"

PG_MODULE_MAGIC;

/* PostgreSQL dates count from 2000-01-01, the library's from 1970-01-01. */
#define SX_EPOCH_SHIFT (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE)
/* The library is asked about years 0–9999 only (its messages print dates as yyyy-mm-dd);
 * anything else — ±infinity, 4713 BC, 5874897 AD — is out of the calendar here. */
#define SX_YEAR_0 (-719528)    /* 0000-01-01 in library days */
#define SX_YEAR_10000 2932897  /* 10000-01-01 */

static const shixian_calendar *china(void) {
  static const shixian_calendar *calendar = NULL;
  if (calendar == NULL) calendar = shixian_calendar_china();
  if (calendar == NULL) ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("shixian: out of memory")));
  return calendar;
}

static DateADT to_pg(int32 day) { return (DateADT) (day - SX_EPOCH_SHIFT); }

static char *iso(int32 day) {
  char *out = palloc(SHIXIAN_DATE_BUFFER);
  shixian_date_format(day, out);
  return out;
}

static void out_of_calendar(const char *what) pg_attribute_noreturn();
static void out_of_calendar(const char *what) {
  const char *first = iso(shixian_calendar_first_day(china())), *last = iso(shixian_calendar_last_day(china()));
  ereport(ERROR, (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                  errmsg("%s: 日期超出日历范围（%s 至 %s）", what, first, last),
                  errdetail("日历范围（%s 至 %s）", first, last)));
}

/* A date in library days, or false beyond years 0–9999. */
static bool library_day(DateADT d, int32 *out) {
  int64 day;
  if (DATE_NOT_FINITE(d)) return false;
  day = (int64) d + SX_EPOCH_SHIFT;
  if (day < SX_YEAR_0 || day >= SX_YEAR_10000) return false;
  *out = (int32) day;
  return true;
}

static int32 day_arg(DateADT d, const char *what) {
  int32 day;
  if (!library_day(d, &day)) out_of_calendar(what);
  return day;
}

/* How an error of the library is raised: which SQLSTATE, and the caret line. */
typedef enum error_kind {
  CALENDAR_ERROR, /* a query of the calendar: the library's code decides */
  RULE_ERROR,     /* canonical, parse: the rule's caret line under any positioned error */
  DUE_ERROR,      /* due: the caret line under a parse error only */
  EVENT_ERROR     /* an event's date that does not read: 22007, the caret under the value */
} error_kind;

static int sqlstate_of(const shixian_error *e, error_kind kind) {
  if (kind == EVENT_ERROR) return ERRCODE_INVALID_DATETIME_FORMAT;
  switch (shixian_error_code(e)) {
    case SHIXIAN_INVALID_ARGUMENT: return ERRCODE_INVALID_PARAMETER_VALUE;
    case SHIXIAN_OUT_OF_RANGE:
      /* A positioned out-of-range error of a rule is a rule too long: a bad parameter, not a date overflow. */
      return kind != CALENDAR_ERROR && shixian_error_column(e) > 0 ? ERRCODE_INVALID_PARAMETER_VALUE
                                                                   : ERRCODE_DATETIME_VALUE_OUT_OF_RANGE;
    case SHIXIAN_PARSE_ERROR: return ERRCODE_INVALID_TEXT_REPRESENTATION;
    case SHIXIAN_MISSING_CONTEXT: return ERRCODE_INVALID_PARAMETER_VALUE;
    case SHIXIAN_PROJECTED_YEAR: return ERRCODE_DATETIME_VALUE_OUT_OF_RANGE;
    case SHIXIAN_OUT_OF_MEMORY: return ERRCODE_OUT_OF_MEMORY;
    default: return ERRCODE_INTERNAL_ERROR;
  }
}

/* Raises the library's error `e` (and frees it): "what: message", DETAIL the
 * position ("source: line 1, column 7: message") and, for a rule or a date,
 * the caret line under `input`; HINT what a missing context would take. */
static void raise_error(const char *what, shixian_error *e, error_kind kind, const char *source, const char *input)
    pg_attribute_noreturn();
static void raise_error(const char *what, shixian_error *e, error_kind kind, const char *source, const char *input) {
  StringInfoData detail, hint;
  char *message;
  int sqlstate;
  if (e == NULL) ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("%s: out of memory", what)));
  sqlstate = sqlstate_of(e, kind);
  message = psprintf("%s: %s", what, shixian_error_message(e));
  initStringInfo(&detail);
  if (shixian_error_source(e)[0] != '\0') source = shixian_error_source(e);
  if (source != NULL) appendStringInfo(&detail, "%s: ", source);
  if (shixian_error_column(e) > 0) {
    appendStringInfo(&detail, "line %u, column %u: ", shixian_error_line(e), shixian_error_column(e));
  }
  appendStringInfoString(&detail, shixian_error_message(e));
  if (input != NULL && input[0] != '\0' && shixian_error_column(e) > 0 &&
      (kind != DUE_ERROR || shixian_error_code(e) == SHIXIAN_PARSE_ERROR)) {
    char *caret = NULL;
    if (shixian_error_render(e, input, &caret, NULL) == SHIXIAN_OK) appendStringInfo(&detail, "\n%s", caret);
    shixian_free(caret);
  }
  initStringInfo(&hint);
  for (size_t i = 0; i < shixian_error_needed_count(e); ++i) {
    appendStringInfoString(&hint, i == 0 ? "needed: " : ", ");
    appendStringInfoString(&hint, shixian_error_needed(e, i));
  }
  shixian_error_free(e);
  ereport(ERROR, (errcode(sqlstate), errmsg("%s", message), errdetail("%s", detail.data),
                  hint.len > 0 ? errhint("%s", hint.data) : 0));
}

PG_FUNCTION_INFO_V1(pg_shixian_is_workday);
Datum pg_shixian_is_workday(PG_FUNCTION_ARGS) {
  int workday = 0;
  shixian_error *e = NULL;
  if (shixian_calendar_is_workday(china(), day_arg(PG_GETARG_DATEADT(0), "is_workday"), &workday, &e) != SHIXIAN_OK) {
    raise_error("is_workday", e, CALENDAR_ERROR, NULL, NULL);
  }
  PG_RETURN_BOOL(workday != 0);
}

PG_FUNCTION_INFO_V1(pg_shixian_add_workdays);
Datum pg_shixian_add_workdays(PG_FUNCTION_ARGS) {
  int32 out = 0;
  shixian_error *e = NULL;
  if (shixian_calendar_add_workdays(china(), day_arg(PG_GETARG_DATEADT(0), "add_workdays"), PG_GETARG_INT32(1), &out,
                                    &e) != SHIXIAN_OK) {
    raise_error("add_workdays", e, CALENDAR_ERROR, NULL, NULL);
  }
  PG_RETURN_DATEADT(to_pg(out));
}

PG_FUNCTION_INFO_V1(pg_shixian_workdays_between);
Datum pg_shixian_workdays_between(PG_FUNCTION_ARGS) {
  int32 a = day_arg(PG_GETARG_DATEADT(0), "workdays_between"), b = day_arg(PG_GETARG_DATEADT(1), "workdays_between");
  int32 out = 0;
  shixian_error *e = NULL;
  if (shixian_calendar_workdays_between(china(), a, b, &out, &e) != SHIXIAN_OK) {
    raise_error("workdays_between", e, CALENDAR_ERROR, NULL, NULL);
  }
  PG_RETURN_INT32(out);
}

PG_FUNCTION_INFO_V1(pg_shixian_next_workday);
Datum pg_shixian_next_workday(PG_FUNCTION_ARGS) {
  int32 out = 0;
  shixian_error *e = NULL;
  if (shixian_calendar_add_workdays(china(), day_arg(PG_GETARG_DATEADT(0), "next_workday"), 1, &out, &e) != SHIXIAN_OK) {
    raise_error("next_workday", e, CALENDAR_ERROR, NULL, NULL);
  }
  PG_RETURN_DATEADT(to_pg(out));
}

static shixian_day_info day_info(DateADT d, const char *what) {
  shixian_day_info info;
  shixian_error *e = NULL;
  if (shixian_calendar_day_info(china(), day_arg(d, what), &info, &e) != SHIXIAN_OK) {
    raise_error(what, e, CALENDAR_ERROR, NULL, NULL);
  }
  return info;
}

PG_FUNCTION_INFO_V1(pg_shixian_day_kind);
Datum pg_shixian_day_kind(PG_FUNCTION_ARGS) {
  PG_RETURN_TEXT_P(cstring_to_text(shixian_day_kind_name(day_info(PG_GETARG_DATEADT(0), "day_kind").kind)));
}

PG_FUNCTION_INFO_V1(pg_shixian_festival);
Datum pg_shixian_festival(PG_FUNCTION_ARGS) {
  shixian_day_info info = day_info(PG_GETARG_DATEADT(0), "day_kind");
  if (info.festival[0] == '\0') PG_RETURN_NULL();
  PG_RETURN_TEXT_P(cstring_to_text(info.festival));
}

/* A materialized set-returning function's tuplestore and descriptor. */
static Tuplestorestate *begin_rows(FunctionCallInfo fcinfo, TupleDesc *desc) {
  ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
  if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) || !(rsinfo->allowedModes & SFRM_Materialize)) {
    ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED), errmsg("set-valued function called in context that cannot accept a set")));
  }
  /* The row type the executor expects when it gives one (a function in FROM): InitMaterializedSRF
   * would otherwise rebuild it from pg_proc on every call — measured, a third of the check
   * query's time over a 1M-task register. */
  InitMaterializedSRF(fcinfo, rsinfo->expectedDesc != NULL ? MAT_SRF_USE_EXPECTED_DESC : 0);
  *desc = rsinfo->setDesc;
  return rsinfo->setResult;
}

PG_FUNCTION_INFO_V1(pg_shixian_holiday_blocks);
Datum pg_shixian_holiday_blocks(PG_FUNCTION_ARGS) {
  shixian_holiday_block buffer[32], *blocks = buffer;
  size_t count = 0;
  shixian_error *e = NULL;
  TupleDesc desc;
  Tuplestorestate *store;
  shixian_status status = shixian_calendar_holiday_blocks(china(), PG_GETARG_INT32(0), blocks, lengthof(buffer), &count, &e);
  if (status == SHIXIAN_BUFFER_TOO_SMALL) {
    shixian_error_free(e);
    blocks = palloc(sizeof(shixian_holiday_block) * count);
    status = shixian_calendar_holiday_blocks(china(), PG_GETARG_INT32(0), blocks, count, &count, &e);
  }
  if (status != SHIXIAN_OK) raise_error("holiday_blocks", e, CALENDAR_ERROR, NULL, NULL);
  store = begin_rows(fcinfo, &desc);
  for (size_t i = 0; i < count; ++i) {
    Datum values[3];
    bool nulls[3] = {false, false, false};
    values[0] = CStringGetTextDatum(blocks[i].festival);
    values[1] = DateADTGetDatum(to_pg(blocks[i].first));
    values[2] = DateADTGetDatum(to_pg(blocks[i].last));
    tuplestore_putvalues(store, desc, values, nulls);
  }
  return (Datum) 0;
}

/* The rule compiled (freed by the caller), or the error raised as `kind`. */
static shixian_rule *rule_of(const char *text, const char *what, error_kind kind) {
  shixian_rule *rule = NULL;
  shixian_error *e = NULL;
  if (shixian_rule_parse(text, china(), &rule, &e) != SHIXIAN_OK) raise_error(what, e, kind, NULL, text);
  return rule;
}

/* A string of the library (for shixian_free) as text, the string freed. */
static text *take_text(char *s) {
  text *t = cstring_to_text(s);
  shixian_free(s);
  return t;
}

PG_FUNCTION_INFO_V1(pg_shixian_canonical);
Datum pg_shixian_canonical(PG_FUNCTION_ARGS) {
  shixian_rule *rule = rule_of(text_to_cstring(PG_GETARG_TEXT_PP(0)), "canonical", RULE_ERROR);
  char *out = NULL;
  shixian_error *e = NULL;
  shixian_status status = shixian_rule_canonical(rule, &out, &e);
  shixian_rule_free(rule);
  if (status != SHIXIAN_OK) raise_error("canonical", e, RULE_ERROR, NULL, NULL);
  PG_RETURN_TEXT_P(take_text(out));
}

PG_FUNCTION_INFO_V1(pg_shixian_parse);
Datum pg_shixian_parse(PG_FUNCTION_ARGS) {
  shixian_rule *rule = rule_of(text_to_cstring(PG_GETARG_TEXT_PP(0)), "parse", RULE_ERROR);
  char *json = NULL, *copy;
  shixian_error *e = NULL;
  shixian_status status = shixian_rule_json(rule, &json, &e);
  shixian_rule_free(rule);
  if (status != SHIXIAN_OK) raise_error("parse", e, RULE_ERROR, NULL, NULL);
  copy = pstrdup(json);
  shixian_free(json);
  return DirectFunctionCall1(jsonb_in, CStringGetDatum(copy));
}

/* The events argument, a jsonb object of event name → "yyyy-mm-dd[Thh:mm]":
 * its shape is checked here, the dates later by events_of(). */
typedef struct event_texts {
  char **names, **values;
  size_t count;
} event_texts;

static event_texts read_events(FunctionCallInfo fcinfo, int arg) {
  event_texts out = {NULL, NULL, 0};
  Jsonb *jb;
  JsonbIterator *it;
  JsonbValue v;
  JsonbIteratorToken token;
  size_t capacity;
  if (PG_ARGISNULL(arg)) return out;
  jb = PG_GETARG_JSONB_P(arg);
  if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb)) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("shixian: events must be a jsonb object"),
                    errdetail("for example '{\"形成文件\": \"2016-09-30\"}'")));
  }
  capacity = JB_ROOT_COUNT(jb) + 1;
  out.names = palloc(sizeof(char *) * capacity);
  out.values = palloc(sizeof(char *) * capacity);
  it = JsonbIteratorInit(&jb->root);
  while ((token = JsonbIteratorNext(&it, &v, true)) != WJB_DONE) {
    if (token == WJB_KEY) {
      out.names[out.count] = pnstrdup(v.val.string.val, v.val.string.len);
    } else if (token == WJB_VALUE) {
      if (v.type != jbvString) {
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("shixian: event \"%s\" must be a date string", out.names[out.count]),
                        errdetail("for example \"2016-09-30\" or \"2016-09-30T09:30\"")));
      }
      out.values[out.count++] = pnstrdup(v.val.string.val, v.val.string.len);
    }
  }
  return out;
}

/* The events' dates read by the library; one that does not read is 22007. */
static shixian_event *events_of(const event_texts *texts) {
  shixian_event *events = palloc(sizeof(shixian_event) * (texts->count + 1));
  for (size_t i = 0; i < texts->count; ++i) {
    shixian_error *e = NULL;
    events[i].name = texts->names[i];
    if (shixian_event_time_parse(texts->values[i], &events[i].date, &events[i].minute, &e) != SHIXIAN_OK) {
      raise_error(psprintf("shixian: event \"%s\" has no valid date", texts->names[i]), e, EVENT_ERROR,
                  psprintf("events.%s", texts->names[i]), texts->values[i]);
    }
  }
  return events;
}

/* A plan year the calendar cannot hold (the evaluator would carry it into dates beyond any calendar). */
static void check_year(int32 year, const char *what) {
  static int first = 0, last = 0; /* the calendar's years, once per backend */
  if (first == 0) {
    int month, day;
    j2date(shixian_calendar_first_day(china()) + UNIX_EPOCH_JDATE, &first, &month, &day);
    j2date(shixian_calendar_last_day(china()) + UNIX_EPOCH_JDATE, &last, &month, &day);
  }
  if (year < first || year > last) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s: 计划年度 %d 超出日历范围", what, year),
                    errdetail("日历范围 %d–%d 年", first, last)));
  }
}

PG_FUNCTION_INFO_V1(pg_shixian_due);
Datum pg_shixian_due(PG_FUNCTION_ARGS) {
  char *rule_text;
  event_texts texts;
  shixian_event *events;
  int32 year = 0; /* the C API's "no plan year" */
  shixian_rule *rule;
  shixian_deadline buffer[16], *deadlines = buffer;
  size_t count = 0;
  shixian_error *e = NULL;
  shixian_status status;
  TupleDesc desc;
  Tuplestorestate *store;
  if (PG_ARGISNULL(0)) {
    begin_rows(fcinfo, &desc);
    return (Datum) 0;
  }
  rule_text = text_to_cstring(PG_GETARG_TEXT_PP(0));
  texts = read_events(fcinfo, 2);
  if (!PG_ARGISNULL(1)) check_year(year = PG_GETARG_INT32(1), "due");
  events = events_of(&texts);
  rule = rule_of(rule_text, "due", DUE_ERROR);
  status = shixian_rule_due(rule, year, events, texts.count, deadlines, lengthof(buffer), &count, &e);
  if (status == SHIXIAN_BUFFER_TOO_SMALL) {
    shixian_error_free(e);
    deadlines = palloc(sizeof(shixian_deadline) * count);
    status = shixian_rule_due(rule, year, events, texts.count, deadlines, count, &count, &e);
  }
  shixian_rule_free(rule);
  if (status != SHIXIAN_OK) raise_error("due", e, DUE_ERROR, NULL, rule_text);
  store = begin_rows(fcinfo, &desc);
  for (size_t i = 0; i < count; ++i) {
    const shixian_deadline *d = &deadlines[i];
    Datum values[7];
    bool nulls[7] = {false, false, false, false, false, false, false};
    values[0] = CStringGetTextDatum(d->label);
    values[1] = DateADTGetDatum(to_pg(d->due));
    nulls[1] = !d->has_due;
    nulls[2] = !d->has_due || d->minute < 0;
    if (!nulls[2]) {
      values[2] = TimestampGetDatum(date2timestamp_no_overflow(to_pg(d->due)) + (int64) d->minute * USECS_PER_MINUTE);
    }
    values[3] = DateADTGetDatum(to_pg(d->period_start));
    values[4] = DateADTGetDatum(to_pg(d->period_end));
    values[5] = BoolGetDatum(d->provisional != 0);
    values[6] = CStringGetTextDatum(shixian_obligation_name(d->type));
    tuplestore_putvalues(store, desc, values, nulls);
  }
  return (Datum) 0;
}

/* A one-dimensional array argument (NULL: none) deconstructed. */
static Datum *array_arg(FunctionCallInfo fcinfo, int arg, Oid type, const char *message, bool **nulls, int *count) {
  ArrayType *a;
  Datum *elems = NULL;
  *count = 0, *nulls = NULL;
  if (PG_NARGS() <= arg || PG_ARGISNULL(arg)) return NULL;
  a = PG_GETARG_ARRAYTYPE_P(arg);
  if (ARR_NDIM(a) > 1) ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s", message)));
  deconstruct_array(a, type, 4, true, TYPALIGN_INT, &elems, nulls, count);
  return elems;
}

/* The backend's checker: it keeps the rules it compiled across the rows of a
 * query; made anew when as_of changes. */
static shixian_checker *checker = NULL;
static int32 checker_as_of = 0;

static shixian_checker *checker_for(int32 as_of) {
  if (checker == NULL || checker_as_of != as_of) {
    shixian_check_options options = {as_of, 0, china()};
    shixian_error *e = NULL;
    shixian_checker_free(checker);
    checker = NULL;
    if (shixian_checker_new(&options, &checker, &e) != SHIXIAN_OK) raise_error("check", e, CALENDAR_ERROR, NULL, NULL);
    checker_as_of = as_of;
  }
  return checker;
}

PG_FUNCTION_INFO_V1(pg_shixian_check);
Datum pg_shixian_check(PG_FUNCTION_ARGS) {
  shixian_task task = {NULL, 0, NULL, 0};
  event_texts texts;
  Datum *published, *withdrawn, *obligations;
  bool *published_nulls, *withdrawn_nulls, *obligation_nulls;
  int published_count, withdrawn_count, obligation_count;
  size_t n = 0, count = 0;
  int32 as_of;
  shixian_publication *pubs;
  const shixian_finding *findings = NULL;
  shixian_error *e = NULL;
  TupleDesc desc;
  Tuplestorestate *store;
  if (PG_ARGISNULL(5)) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("shixian: check needs as_of (the day the check is made)")));
  }
  if (PG_ARGISNULL(0)) {
    begin_rows(fcinfo, &desc);
    return (Datum) 0;
  }
  task.rule = text_to_cstring(PG_GETARG_TEXT_PP(0));
  texts = read_events(fcinfo, 2);
  published = array_arg(fcinfo, 3, DATEOID, "shixian: publication dates must be a one-dimensional date[]",
                        &published_nulls, &published_count);
  withdrawn = array_arg(fcinfo, 4, DATEOID, "shixian: publication dates must be a one-dimensional date[]",
                        &withdrawn_nulls, &withdrawn_count);
  obligations = array_arg(fcinfo, 6, INT4OID, "shixian: obligations must be a one-dimensional integer[]",
                          &obligation_nulls, &obligation_count);
  if (obligation_count > published_count) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("shixian: more obligations than published dates"),
                    errdetail("obligations[i] is the rule published[i] is for; %d published, %d obligations",
                              published_count, obligation_count)));
  }
  if (withdrawn_count > published_count) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("shixian: more withdrawn dates than published ones"),
                    errdetail("withdrawn[i] is the end of the display of published[i]; %d published, %d withdrawn",
                              published_count, withdrawn_count)));
  }
  if (!library_day(PG_GETARG_DATEADT(5), &as_of)) out_of_calendar("check (as_of)");
  if (!PG_ARGISNULL(1)) check_year(task.year = PG_GETARG_INT32(1), "check");
  task.events = events_of(&texts);
  task.event_count = texts.count;
  pubs = palloc(sizeof(shixian_publication) * (published_count + 1));
  for (int i = 0; i < published_count; ++i) {
    shixian_publication *p = &pubs[n];
    if (published_nulls[i]) continue; /* array_agg of a left join: no publication */
    p->has_withdrawn = i < withdrawn_count && !withdrawn_nulls[i];
    if (!library_day(DatumGetDateADT(published[i]), &p->published) ||
        (p->has_withdrawn && !library_day(DatumGetDateADT(withdrawn[i]), &p->withdrawn))) {
      out_of_calendar("check (published/withdrawn)");
    }
    if (!p->has_withdrawn) p->withdrawn = 0;
    p->published_minute = p->withdrawn_minute = -1;
    p->obligation = 0;
    ++n;
  }
  /* obligations[i] goes with published[i]; numbered as the publications that remain. */
  n = 0;
  for (int i = 0; i < published_count; ++i) {
    int32 obligation;
    if (published_nulls[i]) continue;
    obligation = i < obligation_count && !obligation_nulls[i] ? DatumGetInt32(obligations[i]) : 0;
    if (obligation < 0 || (uint32) obligation > SHIXIAN_MAX_OBLIGATION) {
      ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                      errmsg("check: obligations[%zu] = %d is not a rule number (1, 2, …; 0 or NULL: any)", n + 1,
                             obligation)));
    }
    pubs[n++].obligation = (uint32) obligation;
  }
  if (shixian_checker_check(checker_for(as_of), &task, pubs, n, &findings, &count, &e) != SHIXIAN_OK) {
    raise_error("check", e, CALENDAR_ERROR, NULL, NULL);
  }
  store = begin_rows(fcinfo, &desc);
  for (size_t i = 0; i < count; ++i) {
    const shixian_finding *f = &findings[i];
    Datum values[14];
    bool nulls[14];
    memset(nulls, 0, sizeof nulls);
    values[0] = Int32GetDatum((int32) f->obligation);
    values[1] = CStringGetTextDatum(f->label);
    values[2] = CStringGetTextDatum(shixian_verdict_name(f->verdict));
    values[3] = DateADTGetDatum(to_pg(f->due)), nulls[3] = !f->has_due;
    values[4] = DateADTGetDatum(to_pg(f->period_start)), nulls[4] = !f->has_period;
    values[5] = DateADTGetDatum(to_pg(f->period_end)), nulls[5] = !f->has_period;
    values[6] = DateADTGetDatum(to_pg(f->published)), nulls[6] = !f->has_published;
    values[7] = DateADTGetDatum(to_pg(f->withdrawn)), nulls[7] = !f->has_withdrawn;
    values[8] = Int32GetDatum(f->late_workdays);
    values[9] = Int32GetDatum(f->late_days);
    values[10] = Int32GetDatum((int32) f->required);
    values[11] = Int32GetDatum((int32) f->found);
    values[12] = BoolGetDatum(f->provisional != 0);
    nulls[13] = f->message[0] == '\0';
    if (!nulls[13]) values[13] = CStringGetTextDatum(f->message);
    tuplestore_putvalues(store, desc, values, nulls);
  }
  return (Datum) 0;
}
