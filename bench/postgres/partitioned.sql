-- The pre-joined register (tasks_with_log, from parallel.sql) partitioned by lead unit
-- (PARTITION BY LIST, one partition per unit: the benchmark register is all plan year 2016, so
-- by unit is the split it has): the whole check serial and with 2 workers (Parallel Append), per
-- unit with partition-wise aggregation, and one unit's tasks (partition pruning) against the
-- same filter on the unpartitioned table. EXPLAIN shows each plan.
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS register;
CREATE TABLE register (LIKE tasks_with_log) PARTITION BY LIST (lead);
SELECT format('CREATE TABLE register_%s PARTITION OF register FOR VALUES IN (%L)', row_number() OVER (ORDER BY lead), lead)
  FROM (SELECT DISTINCT lead FROM tasks_with_log) u \gexec
INSERT INTO register SELECT * FROM tasks_with_log;
VACUUM ANALYZE register;
SELECT count(*) AS partitions FROM pg_inherits WHERE inhparent = 'register'::regclass;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
\timing on
\echo partitioned_serial
SET max_parallel_workers_per_gather = 0;
SELECT count(*) FILTER (WHERE c.verdict IN ('late', 'missing')) AS failures, count(*)
  FROM register t
  CROSS JOIN LATERAL shixian."check"(t.rule, t.year, t.events, t.published, t.withdrawn, '2016-12-31', t.obligations) c;
\echo partitioned_parallel_2
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT count(*)
  FROM register t
  CROSS JOIN LATERAL shixian."check"(t.rule, t.year, t.events, t.published, t.withdrawn, '2016-12-31', t.obligations) c;
SELECT count(*) FILTER (WHERE c.verdict IN ('late', 'missing')) AS failures, count(*)
  FROM register t
  CROSS JOIN LATERAL shixian."check"(t.rule, t.year, t.events, t.published, t.withdrawn, '2016-12-31', t.obligations) c;
\echo partitionwise_by_unit_parallel_2
SET enable_partitionwise_aggregate = on;
EXPLAIN (COSTS OFF) SELECT t.lead, count(*) FILTER (WHERE c.verdict IN ('late', 'missing')) AS failures, count(*)
  FROM register t
  CROSS JOIN LATERAL shixian."check"(t.rule, t.year, t.events, t.published, t.withdrawn, '2016-12-31', t.obligations) c
 GROUP BY t.lead;
SELECT t.lead, count(*) FILTER (WHERE c.verdict IN ('late', 'missing')) AS failures, count(*)
  FROM register t
  CROSS JOIN LATERAL shixian."check"(t.rule, t.year, t.events, t.published, t.withdrawn, '2016-12-31', t.obligations) c
 GROUP BY t.lead ORDER BY t.lead;
\echo one_unit_partitioned_serial
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT count(*)
  FROM register t
  CROSS JOIN LATERAL shixian."check"(t.rule, t.year, t.events, t.published, t.withdrawn, '2016-12-31', t.obligations) c
 WHERE t.lead = '区财政局';
SELECT count(*) FILTER (WHERE c.verdict IN ('late', 'missing')) AS failures, count(*)
  FROM register t
  CROSS JOIN LATERAL shixian."check"(t.rule, t.year, t.events, t.published, t.withdrawn, '2016-12-31', t.obligations) c
 WHERE t.lead = '区财政局';
\echo one_unit_unpartitioned_serial
SELECT count(*) FILTER (WHERE c.verdict IN ('late', 'missing')) AS failures, count(*)
  FROM tasks_with_log t
  CROSS JOIN LATERAL shixian."check"(t.rule, t.year, t.events, t.published, t.withdrawn, '2016-12-31', t.obligations) c
 WHERE t.lead = '区财政局';
