-- Parallel query over the loaded register: the check query with 0 and 2 workers (an aggregate,
-- so the Gather sits below it). The register is pre-joined to its log once (tasks_with_log).
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS tasks_with_log;
CREATE TABLE tasks_with_log AS
  SELECT t.*, l.published, l.withdrawn, l.obligations
    FROM tasks t
    LEFT JOIN (SELECT task_id, array_agg(published ORDER BY published) AS published,
                      array_agg(withdrawn ORDER BY published) AS withdrawn,
                      array_agg(obligation ORDER BY published) AS obligations
                 FROM publications GROUP BY task_id) l ON l.task_id = t.id;
VACUUM ANALYZE tasks_with_log;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
\timing on
\echo serial
SET max_parallel_workers_per_gather = 0;
SELECT count(*) FILTER (WHERE c.verdict IN ('late', 'missing')) AS failures, count(*)
  FROM tasks_with_log t
  CROSS JOIN LATERAL shixian."check"(t.rule, t.year, t.events, t.published, t.withdrawn, '2016-12-31', t.obligations) c;
\echo parallel_2
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT count(*)
  FROM tasks_with_log t
  CROSS JOIN LATERAL shixian."check"(t.rule, t.year, t.events, t.published, t.withdrawn, '2016-12-31', t.obligations) c;
SELECT count(*) FILTER (WHERE c.verdict IN ('late', 'missing')) AS failures, count(*)
  FROM tasks_with_log t
  CROSS JOIN LATERAL shixian."check"(t.rule, t.year, t.events, t.published, t.withdrawn, '2016-12-31', t.obligations) c;
