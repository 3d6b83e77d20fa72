-- add_workdays three ways over the same :rows rows (psql variable rows; plpgsql_rows: the sample
-- the PL/pgSQL loop runs on). Each query sums the results so that output costs nothing.
\set ON_ERROR_STOP on
\timing off
SET max_parallel_workers_per_gather = 0;  -- one core each; parallel query is measured separately
DROP TABLE IF EXISTS starts, calendar, workdays;
CREATE TABLE starts AS
  SELECT ('2016-01-01'::date + (random() * 3000)::int) AS d, 1 + (random() * 29)::int AS n
    FROM generate_series(1, :rows);
-- The hand-made approach: every day with the working days up to it, and the working days numbered.
CREATE TABLE calendar AS
  SELECT d::date, count(*) FILTER (WHERE shixian.is_workday(d::date)) OVER (ORDER BY d) AS n
    FROM generate_series('2001-01-01'::date, '2100-12-31', '1 day') AS d;
CREATE TABLE workdays AS SELECT d, n FROM calendar WHERE shixian.is_workday(d);
ALTER TABLE calendar ADD PRIMARY KEY (d);
ALTER TABLE workdays ADD PRIMARY KEY (n);
CREATE UNIQUE INDEX ON workdays (d);
CREATE FUNCTION pg_temp.add_workdays_loop(start date, days int) RETURNS date LANGUAGE plpgsql STABLE AS $$
DECLARE cur date := start; remaining int := days;
BEGIN
  WHILE remaining > 0 LOOP
    cur := cur + 1;
    IF EXISTS (SELECT 1 FROM workdays w WHERE w.d = cur) THEN remaining := remaining - 1; END IF;
  END LOOP;
  RETURN cur;
END $$;
VACUUM ANALYZE starts, calendar, workdays;
SELECT count(*) AS wrong FROM (SELECT * FROM starts LIMIT 10000) s JOIN calendar c ON c.d = s.d
  JOIN workdays w ON w.n = c.n + s.n WHERE w.d <> shixian.add_workdays(s.d, s.n);
SELECT count(*) AS wrong_loop FROM (SELECT * FROM starts LIMIT 200) s
 WHERE pg_temp.add_workdays_loop(s.d, s.n) <> shixian.add_workdays(s.d, s.n);
\timing on
\echo extension
SELECT sum(shixian.add_workdays(d, n) - date '2000-01-01') FROM starts;
\echo calendar_table
SELECT sum(w.d - date '2000-01-01') FROM starts s JOIN calendar c ON c.d = s.d JOIN workdays w ON w.n = c.n + s.n;
\echo plpgsql_loop
SELECT sum(pg_temp.add_workdays_loop(d, n) - date '2000-01-01') FROM (SELECT * FROM starts LIMIT :plpgsql_rows) s;
\echo baseline_date_plus_n
SELECT sum((d + n) - date '2000-01-01') FROM starts;
