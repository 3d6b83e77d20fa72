-- shixian 1.0: every function calls the library through its C API (src/pg.c); nothing is computed in SQL.
\echo Use "CREATE EXTENSION shixian" to load this file. \quit

-- Volatility: the calendar is compiled into the shared library (State Council notices 2001–2026,
-- later years projected from the law). A new notice replaces a projected year, and installing the
-- new library changes results for the same arguments: the calendar functions are STABLE, not
-- IMMUTABLE, so no index or stored generated column silently keeps the old answer. canonical() and
-- parse() read only the rule text: IMMUTABLE. All are PARALLEL SAFE (per-backend state only).

CREATE FUNCTION is_workday(date) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pg_shixian_is_workday' LANGUAGE C STRICT STABLE PARALLEL SAFE;
CREATE FUNCTION add_workdays(date, integer) RETURNS date
  AS 'MODULE_PATHNAME', 'pg_shixian_add_workdays' LANGUAGE C STRICT STABLE PARALLEL SAFE;
CREATE FUNCTION workdays_between(date, date) RETURNS integer
  AS 'MODULE_PATHNAME', 'pg_shixian_workdays_between' LANGUAGE C STRICT STABLE PARALLEL SAFE;
CREATE FUNCTION next_workday(date) RETURNS date
  AS 'MODULE_PATHNAME', 'pg_shixian_next_workday' LANGUAGE C STRICT STABLE PARALLEL SAFE;
CREATE FUNCTION day_kind(date) RETURNS text
  AS 'MODULE_PATHNAME', 'pg_shixian_day_kind' LANGUAGE C STRICT STABLE PARALLEL SAFE;
CREATE FUNCTION festival(date) RETURNS text
  AS 'MODULE_PATHNAME', 'pg_shixian_festival' LANGUAGE C STRICT STABLE PARALLEL SAFE;
CREATE FUNCTION holiday_blocks(year integer)
  RETURNS TABLE (festival text, first_day date, last_day date)
  AS 'MODULE_PATHNAME', 'pg_shixian_holiday_blocks' LANGUAGE C STRICT STABLE PARALLEL SAFE ROWS 10;

CREATE FUNCTION canonical(rule text) RETURNS text
  AS 'MODULE_PATHNAME', 'pg_shixian_canonical' LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION parse(rule text) RETURNS jsonb
  AS 'MODULE_PATHNAME', 'pg_shixian_parse' LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION due(rule text, year integer DEFAULT NULL, events jsonb DEFAULT '{}')
  RETURNS TABLE (label text, due date, due_at timestamp, period_start date, period_end date,
                 provisional boolean, kind text)
  AS 'MODULE_PATHNAME', 'pg_shixian_due' LANGUAGE C CALLED ON NULL INPUT STABLE PARALLEL SAFE ROWS 2;

CREATE FUNCTION "check"(rule text, year integer DEFAULT NULL, events jsonb DEFAULT '{}',
                        published date[] DEFAULT '{}', withdrawn date[] DEFAULT '{}',
                        as_of date DEFAULT current_date, obligations integer[] DEFAULT NULL)
  RETURNS TABLE (obligation integer, label text, verdict text, due date, period_start date,
                 period_end date, published date, withdrawn date, late_workdays integer,
                 late_days integer, required integer, found integer, provisional boolean, message text)
  AS 'MODULE_PATHNAME', 'pg_shixian_check' LANGUAGE C CALLED ON NULL INPUT STABLE PARALLEL SAFE ROWS 2;
-- published[i], withdrawn[i] (NULL: still displayed) and obligations[i] (the 1-based rule of a
-- cell with several rules separated by ；, NULL or 0: any) describe one publication.
