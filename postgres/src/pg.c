/* File: postgres/src/pg.c
 *
 * The server side of the extension: fmgr entry points, argument and result
 * conversion, set-returning functions and ereport. All library work goes
 * through core.h (C++ in core.cpp, which never calls the server), so a
 * PostgreSQL error raised here unwinds only C frames.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

#include "core.h"

PG_MODULE_MAGIC;

/* PostgreSQL dates count from 2000-01-01, the library's from 1970-01-01. */
#define SX_EPOCH_SHIFT ((int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE))

static int64 to_sx(DateADT d) {
  if (DATE_NOT_FINITE(d)) return d < 0 ? PG_INT64_MIN : PG_INT64_MAX;
  return (int64) d + SX_EPOCH_SHIFT;
}
static DateADT to_pg(int64 d) { return (DateADT) (d - SX_EPOCH_SHIFT); }

static void raise_sx(int status, const sx_error *err) pg_attribute_noreturn();
static void raise_sx(int status, const sx_error *err) {
  int code;
  switch (status) {
    case SX_BAD_DATE: code = ERRCODE_INVALID_DATETIME_FORMAT; break;
    case SX_OUT_OF_RANGE: code = ERRCODE_DATETIME_VALUE_OUT_OF_RANGE; break;
    case SX_BAD_PARAM: code = ERRCODE_INVALID_PARAMETER_VALUE; break;
    case SX_PARSE: code = ERRCODE_INVALID_TEXT_REPRESENTATION; break;
    case SX_NO_MEMORY: code = ERRCODE_OUT_OF_MEMORY; break;
    default: code = ERRCODE_INTERNAL_ERROR; break;
  }
  ereport(ERROR, (errcode(code), errmsg("%s", err->message),
                  err->detail[0] ? errdetail("%s", err->detail) : 0,
                  err->hint[0] ? errhint("%s", err->hint) : 0));
}
#define CHECKED(call)                     \
  do {                                    \
    sx_error err_;                        \
    int status_ = call;                   \
    if (status_ != SX_OK) raise_sx(status_, &err_); \
  } while (0)
#define ERR (&err_)

PG_FUNCTION_INFO_V1(shixian_is_workday);
Datum shixian_is_workday(PG_FUNCTION_ARGS) {
  int out = 0;
  CHECKED(sx_is_workday(to_sx(PG_GETARG_DATEADT(0)), &out, ERR));
  PG_RETURN_BOOL(out != 0);
}

PG_FUNCTION_INFO_V1(shixian_add_workdays);
Datum shixian_add_workdays(PG_FUNCTION_ARGS) {
  int64 out = 0;
  CHECKED(sx_add_workdays(to_sx(PG_GETARG_DATEADT(0)), PG_GETARG_INT32(1), &out, ERR));
  PG_RETURN_DATEADT(to_pg(out));
}

PG_FUNCTION_INFO_V1(shixian_workdays_between);
Datum shixian_workdays_between(PG_FUNCTION_ARGS) {
  int32 out = 0;
  CHECKED(sx_workdays_between(to_sx(PG_GETARG_DATEADT(0)), to_sx(PG_GETARG_DATEADT(1)), &out, ERR));
  PG_RETURN_INT32(out);
}

PG_FUNCTION_INFO_V1(shixian_next_workday);
Datum shixian_next_workday(PG_FUNCTION_ARGS) {
  int64 out = 0;
  CHECKED(sx_next_workday(to_sx(PG_GETARG_DATEADT(0)), &out, ERR));
  PG_RETURN_DATEADT(to_pg(out));
}

PG_FUNCTION_INFO_V1(shixian_day_kind);
Datum shixian_day_kind(PG_FUNCTION_ARGS) {
  const char *kind = NULL, *festival = NULL;
  size_t festival_len = 0;
  CHECKED(sx_day_kind(to_sx(PG_GETARG_DATEADT(0)), &kind, &festival, &festival_len, ERR));
  PG_RETURN_TEXT_P(cstring_to_text(kind));
}

PG_FUNCTION_INFO_V1(shixian_festival);
Datum shixian_festival(PG_FUNCTION_ARGS) {
  const char *kind = NULL, *festival = NULL;
  size_t festival_len = 0;
  CHECKED(sx_day_kind(to_sx(PG_GETARG_DATEADT(0)), &kind, &festival, &festival_len, ERR));
  if (festival_len == 0) PG_RETURN_NULL();
  PG_RETURN_TEXT_P(cstring_to_text_with_len(festival, (int) festival_len));
}

/* A materialized set-returning function's tuplestore and descriptor. */
static Tuplestorestate *begin_rows(FunctionCallInfo fcinfo, TupleDesc *desc) {
  ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
  if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) || !(rsinfo->allowedModes & SFRM_Materialize)) {
    ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED), errmsg("set-valued function called in context that cannot accept a set")));
  }
  InitMaterializedSRF(fcinfo, 0);
  *desc = rsinfo->setDesc;
  return rsinfo->setResult;
}

PG_FUNCTION_INFO_V1(shixian_holiday_blocks);
Datum shixian_holiday_blocks(PG_FUNCTION_ARGS) {
  sx_block blocks[64];
  size_t count = 0;
  TupleDesc desc;
  Tuplestorestate *store;
  CHECKED(sx_holiday_blocks(PG_GETARG_INT32(0), blocks, lengthof(blocks), &count, ERR));
  store = begin_rows(fcinfo, &desc);
  for (size_t i = 0; i < count; ++i) {
    Datum values[3];
    bool nulls[3] = {false, false, false};
    values[0] = PointerGetDatum(cstring_to_text_with_len(blocks[i].festival, (int) blocks[i].festival_len));
    values[1] = DateADTGetDatum(to_pg(blocks[i].first));
    values[2] = DateADTGetDatum(to_pg(blocks[i].last));
    tuplestore_putvalues(store, desc, values, nulls);
  }
  return (Datum) 0;
}

static text *rule_arg(FunctionCallInfo fcinfo, int i) { return PG_GETARG_TEXT_PP(i); }

PG_FUNCTION_INFO_V1(shixian_canonical);
Datum shixian_canonical(PG_FUNCTION_ARGS) {
  text *rule = rule_arg(fcinfo, 0);
  const char *out = NULL;
  size_t out_len = 0;
  CHECKED(sx_canonical(VARDATA_ANY(rule), VARSIZE_ANY_EXHDR(rule), &out, &out_len, ERR));
  PG_RETURN_TEXT_P(cstring_to_text_with_len(out, (int) out_len));
}

PG_FUNCTION_INFO_V1(shixian_parse);
Datum shixian_parse(PG_FUNCTION_ARGS) {
  text *rule = rule_arg(fcinfo, 0);
  const char *json = NULL;
  CHECKED(sx_parse_json(VARDATA_ANY(rule), VARSIZE_ANY_EXHDR(rule), &json, ERR));
  return DirectFunctionCall1(jsonb_in, CStringGetDatum(pstrdup(json)));
}

/* The events argument: a jsonb object of event name → "yyyy-mm-dd[Thh:mm]". */
static void read_events(FunctionCallInfo fcinfo, int arg, sx_events *out) {
  Jsonb *jb;
  JsonbIterator *it;
  JsonbValue v;
  JsonbIteratorToken token;
  size_t capacity, n = 0;
  sx_text *names, *values;
  out->count = 0, out->names = out->values = NULL;
  if (PG_ARGISNULL(arg)) return;
  jb = PG_GETARG_JSONB_P(arg);
  if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb)) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("shixian: events must be a jsonb object"),
                    errdetail("for example '{\"形成文件\": \"2016-09-30\"}'")));
  }
  capacity = JB_ROOT_COUNT(jb) + 1;
  names = palloc(sizeof(sx_text) * capacity);
  values = palloc(sizeof(sx_text) * capacity);
  it = JsonbIteratorInit(&jb->root);
  while ((token = JsonbIteratorNext(&it, &v, true)) != WJB_DONE) {
    if (token == WJB_KEY) {
      names[n].data = v.val.string.val, names[n].len = (size_t) v.val.string.len;
    } else if (token == WJB_VALUE) {
      if (v.type != jbvString) {
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("shixian: event \"%.*s\" must be a date string", (int) names[n].len, names[n].data),
                        errdetail("for example \"2016-09-30\" or \"2016-09-30T09:30\"")));
      }
      values[n].data = v.val.string.val, values[n].len = (size_t) v.val.string.len;
      ++n;
    }
  }
  out->names = names, out->values = values, out->count = n;
}

PG_FUNCTION_INFO_V1(shixian_due);
Datum shixian_due(PG_FUNCTION_ARGS) {
  text *rule;
  sx_events events;
  const sx_due_row *rows = NULL;
  size_t count = 0;
  TupleDesc desc;
  Tuplestorestate *store;
  if (PG_ARGISNULL(0)) {
    begin_rows(fcinfo, &desc);
    return (Datum) 0;
  }
  rule = rule_arg(fcinfo, 0);
  read_events(fcinfo, 2, &events);
  CHECKED(sx_due(VARDATA_ANY(rule), VARSIZE_ANY_EXHDR(rule), !PG_ARGISNULL(1), PG_ARGISNULL(1) ? 0 : PG_GETARG_INT32(1),
                 &events, &rows, &count, ERR));
  store = begin_rows(fcinfo, &desc);
  for (size_t i = 0; i < count; ++i) {
    const sx_due_row *r = &rows[i];
    Datum values[7];
    bool nulls[7] = {false, false, false, false, false, false, false};
    values[0] = PointerGetDatum(cstring_to_text_with_len(r->label, (int) r->label_len));
    values[1] = DateADTGetDatum(to_pg(r->due));
    nulls[1] = !r->has_due;
    nulls[2] = !r->has_due || r->due_minute < 0;
    if (!nulls[2]) {
      values[2] = TimestampGetDatum(date2timestamp_no_overflow(to_pg(r->due)) + (int64) r->due_minute * USECS_PER_MINUTE);
    }
    values[3] = DateADTGetDatum(to_pg(r->period_start));
    values[4] = DateADTGetDatum(to_pg(r->period_end));
    values[5] = BoolGetDatum(r->provisional != 0);
    values[6] = CStringGetTextDatum(r->kind);
    tuplestore_putvalues(store, desc, values, nulls);
  }
  return (Datum) 0;
}

/* A date[] argument as int64 days (NULL array: none; NULL element: absent). */
static int64 *date_array(FunctionCallInfo fcinfo, int arg, bool **element_nulls, int *count) {
  ArrayType *a;
  Datum *elems;
  int64 *out;
  *count = 0, *element_nulls = NULL;
  if (PG_ARGISNULL(arg)) return NULL;
  a = PG_GETARG_ARRAYTYPE_P(arg);
  if (ARR_NDIM(a) > 1) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("shixian: publication dates must be a one-dimensional date[]")));
  }
  deconstruct_array(a, DATEOID, sizeof(DateADT), true, TYPALIGN_INT, &elems, element_nulls, count);
  out = palloc(sizeof(int64) * (*count + 1));
  for (int i = 0; i < *count; ++i) out[i] = (*element_nulls)[i] ? 0 : to_sx(DatumGetDateADT(elems[i]));
  return out;
}

/* An int[] argument (NULL array: none). */
static int32 *int_array(FunctionCallInfo fcinfo, int arg, bool **element_nulls, int *count) {
  ArrayType *a;
  Datum *elems;
  int32 *out;
  *count = 0, *element_nulls = NULL;
  if (PG_NARGS() <= arg || PG_ARGISNULL(arg)) return NULL;
  a = PG_GETARG_ARRAYTYPE_P(arg);
  if (ARR_NDIM(a) > 1) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("shixian: obligations must be a one-dimensional integer[]")));
  }
  deconstruct_array(a, INT4OID, sizeof(int32), true, TYPALIGN_INT, &elems, element_nulls, count);
  out = palloc(sizeof(int32) * (*count + 1));
  for (int i = 0; i < *count; ++i) out[i] = (*element_nulls)[i] ? 0 : DatumGetInt32(elems[i]);
  return out;
}

PG_FUNCTION_INFO_V1(shixian_check);
Datum shixian_check(PG_FUNCTION_ARGS) {
  text *rule;
  sx_events events;
  int64 *published, *withdrawn;
  bool *published_nulls, *withdrawn_nulls;
  int32 *obligations;
  bool *obligation_nulls;
  int published_count, withdrawn_count, obligation_count, n = 0;
  sx_publication *pubs;
  const sx_check_row *rows = NULL;
  size_t count = 0;
  TupleDesc desc;
  Tuplestorestate *store;
  if (PG_ARGISNULL(0) || PG_ARGISNULL(5)) {
    if (PG_ARGISNULL(5)) {
      ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("shixian: check needs as_of (the day the check is made)")));
    }
    begin_rows(fcinfo, &desc);
    return (Datum) 0;
  }
  rule = rule_arg(fcinfo, 0);
  read_events(fcinfo, 2, &events);
  published = date_array(fcinfo, 3, &published_nulls, &published_count);
  withdrawn = date_array(fcinfo, 4, &withdrawn_nulls, &withdrawn_count);
  obligations = int_array(fcinfo, 6, &obligation_nulls, &obligation_count);
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
  pubs = palloc(sizeof(sx_publication) * (published_count + 1));
  for (int i = 0; i < published_count; ++i) {
    if (published_nulls[i]) continue; /* array_agg of a left join: no publication */
    pubs[n].published = published[i];
    pubs[n].has_withdrawn = i < withdrawn_count && !withdrawn_nulls[i];
    pubs[n].withdrawn = pubs[n].has_withdrawn ? withdrawn[i] : 0;
    pubs[n].obligation = i < obligation_count && !obligation_nulls[i] ? obligations[i] : 0;
    ++n;
  }
  CHECKED(sx_check(VARDATA_ANY(rule), VARSIZE_ANY_EXHDR(rule), !PG_ARGISNULL(1), PG_ARGISNULL(1) ? 0 : PG_GETARG_INT32(1),
                   &events, pubs, (size_t) n, to_sx(PG_GETARG_DATEADT(5)), &rows, &count, ERR));
  store = begin_rows(fcinfo, &desc);
  for (size_t i = 0; i < count; ++i) {
    const sx_check_row *r = &rows[i];
    Datum values[14];
    bool nulls[14];
    memset(nulls, 0, sizeof nulls);
    values[0] = Int32GetDatum(r->obligation);
    values[1] = PointerGetDatum(cstring_to_text_with_len(r->label, (int) r->label_len));
    values[2] = CStringGetTextDatum(r->verdict);
    values[3] = DateADTGetDatum(to_pg(r->due)), nulls[3] = !r->has_due;
    values[4] = DateADTGetDatum(to_pg(r->period_start)), nulls[4] = !r->has_period;
    values[5] = DateADTGetDatum(to_pg(r->period_end)), nulls[5] = !r->has_period;
    values[6] = DateADTGetDatum(to_pg(r->published)), nulls[6] = !r->has_published;
    values[7] = DateADTGetDatum(to_pg(r->withdrawn)), nulls[7] = !r->has_withdrawn;
    values[8] = Int32GetDatum(r->late_workdays);
    values[9] = Int32GetDatum(r->late_days);
    values[10] = Int32GetDatum(r->required);
    values[11] = Int32GetDatum(r->found);
    values[12] = BoolGetDatum(r->provisional != 0);
    values[13] = PointerGetDatum(cstring_to_text_with_len(r->message, (int) r->message_len));
    nulls[13] = r->message_len == 0;
    tuplestore_putvalues(store, desc, values, nulls);
  }
  return (Datum) 0;
}
