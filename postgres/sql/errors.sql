-- Bad input is a PostgreSQL error with a SQLSTATE and the position in DETAIL; never a crash.
SET search_path = shixian, public;
SET datestyle = ISO, YMD;
-- err(q): the SQLSTATE, message and DETAIL that q raises.
CREATE FUNCTION public.err(q text, OUT state text, OUT message text, OUT detail text) LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  state := 'none';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
END $$;
SELECT (public.err(q)).* FROM (VALUES
  ($q$SELECT shixian.is_workday('2000-12-31')$q$),
  ($q$SELECT shixian.is_workday('infinity')$q$),
  ($q$SELECT shixian.add_workdays('-infinity', 1)$q$),
  ($q$SELECT shixian.add_workdays('2016-09-30', 2147483647)$q$),
  ($q$SELECT shixian.canonical('形成文件后3个工作')$q$),
  ($q$SELECT shixian.due('9月底前完成')$q$),
  ($q$SELECT shixian.due('形成文件后3个工作日公开', events => '{"形成文件": "2016-02-30"}')$q$),
  ($q$SELECT shixian.due('9月底前完成', 2147483647)$q$),
  ($q$SELECT shixian.canonical(repeat('后', 5000))$q$)) AS t(q);
SELECT is_workday('2000-12-31');
SELECT is_workday('infinity');
SELECT add_workdays('-infinity', 1);
SELECT add_workdays('4713-01-01 BC', 1);
SELECT add_workdays('5874897-12-31', 1);
SELECT add_workdays('2016-09-30', 2147483647);
SELECT add_workdays('2016-09-30', -2147483648);
SELECT workdays_between('2001-01-01', 'infinity');
SELECT * FROM holiday_blocks(-2147483648);
SELECT * FROM holiday_blocks(2147483647);
SELECT canonical('形成文件后3个工作');
SELECT parse('');
SELECT canonical(repeat('后', 5000));
SELECT * FROM due('形成文件后3个工作日公开');
SELECT * FROM due('9月底前完成');
SELECT * FROM due('9月底前完成', 2147483647);
SELECT * FROM due('形成文件后3个工作日公开', events => '{"形成文件": "2016-02-30"}');
SELECT * FROM due('形成文件后3个工作日公开', events => '{"形成文件": 20160930}');
SELECT * FROM due('形成文件后3个工作日公开', events => '["形成文件"]');
SELECT * FROM due('形成文件后3个工作日公开', events => '{"形成文件": "2099-12-31"}');
SELECT * FROM "check"('形成文件后3个工作日公开', 2016, '{}', '{2016-10-10}', '{2016-10-11,2016-10-12}', '2016-12-31');
SELECT * FROM "check"('形成文件后3个工作日公开', 2016, '{}', '{infinity}', '{}', '2016-12-31');
SELECT * FROM "check"('形成文件后3个工作日公开', 2016, '{}', '{2016-10-10}', '{}', '2016-12-31', '{-1}');
SELECT * FROM "check"('形成文件后3个工作日公开', 2016, '{}', '{2016-10-10}', '{}', '2016-12-31', '{1,2}');
SELECT * FROM "check"('形成文件后3个工作日公开', 2016, '{}', '{}', '{}', NULL);
-- Garbage rules: each an error or rows, the backend stays up.
DO $$
DECLARE r text; n int; ok int := 0; bad int := 0;
BEGIN
  FOREACH r IN ARRAY ARRAY['每', '后后后', '12月32日前', '每0个工作日', '第99999999999季度', '形成文件后-3个工作日',
                           '年年年年年年', '9月底前启动，', '，，，', '形成文件后999999999个工作日', repeat('每季度末', 1100),
                           '每月10日前', '形成文件后3个工作日内公开；每季度末', E'\u00e9\u0301', E'\u200b每季度末',
                           '2016年2月30日前', '每年12月31日前', repeat('（', 3000)]
  LOOP
    BEGIN
      SELECT count(*) INTO n FROM shixian.due(r, 2016, '{"形成文件": "2016-09-30"}');
      ok := ok + 1;
    EXCEPTION WHEN data_exception THEN bad := bad + 1;
    END;
  END LOOP;
  RAISE NOTICE 'rules: % gave rows, % a data exception', ok, bad;
END $$;
-- Fuzz-ish: 3000 strings drawn from the rule alphabet (seeded), through canonical, due and check.
SELECT setseed(0.17);
CREATE TEMP TABLE garbage AS
  SELECT i, string_agg(substr('形成文件后前内日个工作月底季度每年第一二三十百启动完成公开，；、至不少于小时周及时0123456789-() ',
                              1 + floor(random() * 72)::int, 1 + floor(random() * 2)::int), '') AS r
    FROM generate_series(1, 3000) AS i, generate_series(1, 1 + i % 13) AS j
   GROUP BY i;
DO $$
DECLARE g record; n int; rows int := 0; errors int := 0;
BEGIN
  FOR g IN SELECT r FROM garbage LOOP
    BEGIN
      SELECT count(*) INTO n FROM shixian.due(g.r, 2016, '{"形成文件": "2016-09-30"}');
      rows := rows + 1;
    EXCEPTION WHEN data_exception THEN errors := errors + 1;
    END;
    BEGIN
      PERFORM shixian.canonical(g.r);
    EXCEPTION WHEN data_exception THEN NULL;
    END;
    SELECT count(*) INTO n FROM shixian."check"(g.r, 2016, '{"形成文件": "2016-09-30"}', '{2016-10-10}', '{}', '2016-12-31');
  END LOOP;
  RAISE NOTICE 'fuzz: % strings, each rows or a data exception', rows + errors;
END $$;
SELECT 1 AS still_alive;
