-- The check query over a register and log exported by bench/gen_check.py (psql variables tasks,
-- publications: absolute CSV paths). Loads them, then times the whole register checked in SQL.
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS tasks_csv, publications_csv, tasks, publications;
CREATE TABLE tasks_csv (id text, title text, lead text, units text, rule text, year int, events text);
CREATE TABLE publications_csv (task_id text, published text, withdrawn text, url text, title text, obligation int);
COPY tasks_csv FROM :'tasks' (FORMAT csv, HEADER);
COPY publications_csv FROM :'publications' (FORMAT csv, HEADER);
-- Events as jsonb ({"形成文件": "2016-09-30"}), publications as dates.
CREATE TABLE tasks AS
  SELECT id, title, lead, rule, year,
         coalesce((SELECT jsonb_object_agg(split_part(e, '=', 1), split_part(e, '=', 2))
                     FROM regexp_split_to_table(events, ';') AS e WHERE e <> ''), '{}') AS events
    FROM tasks_csv;
CREATE TABLE publications AS
  SELECT task_id, left(published, 10)::date AS published, left(nullif(withdrawn, ''), 10)::date AS withdrawn, obligation
    FROM publications_csv;
DROP TABLE tasks_csv, publications_csv;
VACUUM ANALYZE tasks, publications;
SELECT count(*) AS tasks FROM tasks;
SELECT count(*) AS publications FROM publications;
\timing on
-- Where the check query's time goes: the log aggregated into arrays alone (no check).
\echo log_aggregation_only
SELECT count(*), sum(cardinality(published))
  FROM (SELECT task_id, array_agg(published ORDER BY published) AS published,
               array_agg(withdrawn ORDER BY published) AS withdrawn,
               array_agg(obligation ORDER BY published) AS obligations
          FROM publications GROUP BY task_id) l;
\echo check_query
SELECT c.verdict, count(*)
  FROM tasks t
  LEFT JOIN (SELECT task_id, array_agg(published ORDER BY published) AS published,
                    array_agg(withdrawn ORDER BY published) AS withdrawn,
                    array_agg(obligation ORDER BY published) AS obligations
               FROM publications GROUP BY task_id) l ON l.task_id = t.id
  CROSS JOIN LATERAL shixian."check"(t.rule, t.year, t.events, l.published, l.withdrawn, '2016-12-31', l.obligations) c
 GROUP BY c.verdict ORDER BY c.verdict;
