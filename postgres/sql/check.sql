SET search_path = shixian, public;
SET datestyle = ISO, YMD;
-- One task, three logs: on time, late (by one working day: 10/11), nothing published.
SELECT verdict, due, published, late_workdays, late_days, message
  FROM "check"('形成文件后3个工作日公开', NULL, '{"形成文件": "2016-09-30"}', '{2016-10-10}', '{}', '2016-12-31');
SELECT verdict, due, published, late_workdays, late_days
  FROM "check"('形成文件后3个工作日公开', NULL, '{"形成文件": "2016-09-30"}', '{2016-10-11}', '{}', '2016-12-31');
SELECT verdict, due, message
  FROM "check"('形成文件后3个工作日公开', NULL, '{"形成文件": "2016-09-30"}', '{}', '{}', '2016-12-31');
-- Not due yet on the as-of day.
SELECT verdict FROM "check"('形成文件后3个工作日公开', NULL, '{"形成文件": "2016-09-30"}', '{}', '{}', '2016-10-09');
-- A milestone rule: one row per deadline.
SELECT obligation, label, verdict, due, published
  FROM "check"('7月底前启动，9月底前完成', 2016, '{}', '{2016-07-20, 2016-10-08}', '{}', '2016-12-31');
-- A display period: withdrawn[i] ends the display of published[i].
SELECT verdict, required, found, message
  FROM "check"('公示期不少于5个工作日', 2016, '{}', '{2016-09-26}', '{2016-09-28}', '2016-12-31');
-- Missing context and an unparsable rule are verdicts, not errors (a register has such rows).
SELECT verdict, message FROM "check"('人大批复后10个工作日内公开', 2016, '{}', '{}', '{}', '2016-12-31');
SELECT verdict FROM "check"('形成文件后3个工作', 2016, '{}', '{}', '{}', '2016-12-31');

-- Two rules in one cell: obligations[i] says which rule a publication is for.
SELECT obligation, verdict, due, published
  FROM "check"('7月底前完成；9月底前完成', 2016, '{}', '{2016-07-20}', '{}', '2016-12-31', '{2}');
SELECT obligation, verdict, due, published
  FROM "check"('7月底前完成；9月底前完成', 2016, '{}', '{2016-07-20}', '{}', '2016-12-31', '{1}');
-- A register joined to its log with array_agg, checked in one query.
CREATE TEMP TABLE tasks (id text PRIMARY KEY, rule text, year int, events jsonb);
CREATE TEMP TABLE publications (task_id text, published date, withdrawn date);
INSERT INTO tasks VALUES
  ('T1', '形成文件后3个工作日公开', 2016, '{"形成文件": "2016-09-30"}'),
  ('T2', '形成文件后3个工作日公开', 2016, '{"形成文件": "2016-09-30"}'),
  ('T3', '每季度末', 2016, '{}'),
  ('T4', '形成文件后20个工作日内公开', 2016, '{"形成文件": "2016-12-20"}');
INSERT INTO publications VALUES
  ('T1', '2016-10-08', NULL), ('T2', '2016-10-12', NULL),
  ('T3', '2016-03-31', NULL), ('T3', '2016-06-30', NULL), ('T3', '2016-10-09', NULL);
SELECT t.id, c.label, c.verdict, c.due, c.published
  FROM tasks t
  LEFT JOIN LATERAL (SELECT array_agg(p.published ORDER BY p.published) AS published,
                            array_agg(p.withdrawn ORDER BY p.published) AS withdrawn
                       FROM publications p WHERE p.task_id = t.id) l ON true,
       LATERAL "check"(t.rule, t.year, t.events, l.published, l.withdrawn, '2016-12-31') c
 ORDER BY t.id, c.due;
-- The README's queries: overdue tasks, and the on-time rate by lead unit.
ALTER TABLE tasks ADD COLUMN lead text;
UPDATE tasks SET lead = CASE WHEN id IN ('T1', 'T2') THEN '区发改局' ELSE '区财政局' END;
ALTER TABLE publications ADD COLUMN obligation int;
SELECT t.id, t.lead, c.label, c.due, c.verdict, c.late_workdays
  FROM tasks t
  LEFT JOIN (SELECT task_id, array_agg(published ORDER BY published) AS published,
                    array_agg(withdrawn ORDER BY published) AS withdrawn,
                    array_agg(obligation ORDER BY published) AS obligations
               FROM publications GROUP BY task_id) l ON l.task_id = t.id
  CROSS JOIN LATERAL "check"(t.rule, t.year, t.events, l.published, l.withdrawn, '2016-12-31', l.obligations) c
 WHERE c.verdict IN ('late', 'missing')
 ORDER BY c.due, t.id;
SELECT t.lead,
       round(count(*) FILTER (WHERE c.verdict = 'on_time') * 1.0 /
             count(*) FILTER (WHERE c.verdict IN ('on_time', 'late', 'missing', 'too_short', 'count_short')), 3) AS on_time_rate
  FROM tasks t
  LEFT JOIN (SELECT task_id, array_agg(published ORDER BY published) AS published,
                    array_agg(withdrawn ORDER BY published) AS withdrawn,
                    array_agg(obligation ORDER BY published) AS obligations
               FROM publications GROUP BY task_id) l ON l.task_id = t.id
  CROSS JOIN LATERAL "check"(t.rule, t.year, t.events, l.published, l.withdrawn, '2016-12-31', l.obligations) c
 GROUP BY t.lead ORDER BY t.lead;
