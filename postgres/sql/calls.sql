-- The set-returning functions called every way SQL allows: in FROM (the executor gives the row
-- type it expects), in the select list (it may not), through LATERAL, and inside a plpgsql
-- RETURN QUERY; the rows are the same each time. Also the checker kept across rows with
-- different as_of days (it is rebuilt when as_of changes).
SET search_path = shixian, public;
SET datestyle = ISO, YMD;
SELECT due('7月底前启动，9月底前完成', 2016);
SELECT (due('7月底前启动，9月底前完成', 2016)).label;
SELECT holiday_blocks(2016) LIMIT 2;
SELECT ("check"('形成文件后3个工作日公开', 2016, '{"形成文件": "2016-09-30"}', '{2016-10-11}', '{}', '2016-12-31')).verdict;
SELECT a.d, c.verdict, c.due, c.late_workdays
  FROM (VALUES (date '2016-10-09'), ('2016-10-10'), ('2016-10-11'), ('2016-12-31'), ('2016-10-09')) AS a(d)
  CROSS JOIN LATERAL "check"('形成文件后3个工作日公开', 2016, '{"形成文件": "2016-09-30"}', '{2016-10-11}', '{}', a.d) c;
CREATE FUNCTION public.due_rows(rule text) RETURNS SETOF record LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT d.label, d.due FROM shixian.due(rule, 2016) d;
END $$;
SELECT * FROM public.due_rows('每季度末') AS t(label text, due date);
-- A column definition list that does not match is the server's error, not a crash.
SELECT * FROM due('9月底前完成', 2016) AS t(label int);
