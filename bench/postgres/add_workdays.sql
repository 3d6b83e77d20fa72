-- add_workdays over the same :rows rows, the extension against the calendar-table queries people
-- write (psql variables rows; plpgsql_rows and correlated_rows: the samples the two per-row loops
-- run on, scaled by the reader). Each query sums its results so that output costs nothing, and
-- each is checked against the extension on a sample first (wrong = 0).
\set ON_ERROR_STOP on
\timing off
SET max_parallel_workers_per_gather = 0;  -- one core each; parallel query is measured separately
DROP TABLE IF EXISTS starts, days, calendar, workdays, due_table;
CREATE TABLE starts AS
  SELECT ('2016-01-01'::date + (random() * 3000)::int) AS d, 1 + (random() * 29)::int AS n
    FROM generate_series(1, :rows);
-- What a unit maintains by hand: every day and whether it is a working day (the holiday table).
CREATE TABLE days AS
  SELECT d::date, shixian.is_workday(d::date) AS workday
    FROM generate_series('2001-01-01'::date, '2100-12-31', '1 day') AS d;
ALTER TABLE days ADD PRIMARY KEY (d);
CREATE INDEX ON days (d) WHERE workday;
-- Precomputed from it: every day with the working days up to it (calendar), and the working days
-- numbered (workdays): the two-lookup calendar-table join.
CREATE TABLE calendar AS SELECT d, count(*) FILTER (WHERE workday) OVER (ORDER BY d) AS n FROM days;
CREATE TABLE workdays AS SELECT d, row_number() OVER (ORDER BY d) AS n FROM days WHERE workday;
ALTER TABLE calendar ADD PRIMARY KEY (d);
ALTER TABLE workdays ADD PRIMARY KEY (n);
CREATE UNIQUE INDEX ON workdays (d);
-- The idealised one: the answer itself precomputed for every start day and n in 1–30 (1.1M rows),
-- one lookup per row.
CREATE TABLE due_table AS
  SELECT c.d, k AS n, w.d AS due FROM calendar c CROSS JOIN generate_series(1, 30) AS k JOIN workdays w ON w.n = c.n + k;
ALTER TABLE due_table ADD PRIMARY KEY (d, n);
CREATE FUNCTION pg_temp.add_workdays_loop(start date, days int) RETURNS date LANGUAGE plpgsql STABLE AS $$
DECLARE cur date := start; remaining int := days;
BEGIN
  WHILE remaining > 0 LOOP
    cur := cur + 1;
    IF EXISTS (SELECT 1 FROM workdays w WHERE w.d = cur) THEN remaining := remaining - 1; END IF;
  END LOOP;
  RETURN cur;
END $$;
VACUUM ANALYZE starts, days, calendar, workdays, due_table;
SELECT count(*) AS wrong FROM (SELECT * FROM starts LIMIT 10000) s JOIN calendar c ON c.d = s.d
  JOIN workdays w ON w.n = c.n + s.n WHERE w.d <> shixian.add_workdays(s.d, s.n);
SELECT count(*) AS wrong_due_table FROM (SELECT * FROM starts LIMIT 10000) s JOIN due_table t ON (t.d, t.n) = (s.d, s.n)
 WHERE t.due <> shixian.add_workdays(s.d, s.n);
SELECT count(*) AS wrong_correlated FROM (SELECT * FROM starts LIMIT 1000) s
 WHERE (SELECT w.d FROM days w WHERE w.workday AND w.d > s.d ORDER BY w.d OFFSET s.n - 1 LIMIT 1)
       <> shixian.add_workdays(s.d, s.n);
SELECT count(*) AS wrong_loop FROM (SELECT * FROM starts LIMIT 200) s
 WHERE pg_temp.add_workdays_loop(s.d, s.n) <> shixian.add_workdays(s.d, s.n);
-- The plans the planner picks for the joins (hash joins at these sizes).
EXPLAIN (COSTS OFF) SELECT sum(w.d - date '2000-01-01') FROM starts s JOIN calendar c ON c.d = s.d JOIN workdays w ON w.n = c.n + s.n;
EXPLAIN (COSTS OFF) SELECT sum(t.due - date '2000-01-01') FROM starts s JOIN due_table t ON (t.d, t.n) = (s.d, s.n);
\timing on
\echo extension
SELECT sum(shixian.add_workdays(d, n) - date '2000-01-01') FROM starts;
\echo calendar_table
SELECT sum(w.d - date '2000-01-01') FROM starts s JOIN calendar c ON c.d = s.d JOIN workdays w ON w.n = c.n + s.n;
\echo due_table_single_join
SELECT sum(t.due - date '2000-01-01') FROM starts s JOIN due_table t ON (t.d, t.n) = (s.d, s.n);
\echo row_number_self_join
WITH numbered AS (SELECT d, workday, count(*) FILTER (WHERE workday) OVER (ORDER BY d) AS n FROM days)
SELECT sum(w.d - date '2000-01-01')
  FROM starts s JOIN numbered c ON c.d = s.d JOIN numbered w ON w.n = c.n + s.n AND w.workday;
\echo correlated_subquery
SELECT sum((SELECT w.d FROM days w WHERE w.workday AND w.d > s.d ORDER BY w.d OFFSET s.n - 1 LIMIT 1) - date '2000-01-01')
  FROM (SELECT * FROM starts LIMIT :correlated_rows) s;
\echo plpgsql_loop
SELECT sum(pg_temp.add_workdays_loop(d, n) - date '2000-01-01') FROM (SELECT * FROM starts LIMIT :plpgsql_rows) s;
\echo floor_date_plus_n
SELECT sum((d + n) - date '2000-01-01') FROM starts;
\echo floor_sum_n
SELECT sum(n) FROM starts;
\echo floor_count
SELECT count(*) FROM starts;
