-- The calendar functions against dates checked by hand in the 2016 notice
-- (国办发明电〔2015〕18号): 国庆节 10/1–10/7, make-up working Saturday 10/8 and Sunday 10/9.
SET search_path = shixian, public;
SET datestyle = ISO, YMD;
SELECT d, is_workday(d), day_kind(d), festival(d)
  FROM (VALUES ('2016-09-30'::date), ('2016-10-01'), ('2016-10-07'), ('2016-10-08'), ('2016-10-09'),
               ('2016-10-10'), ('2016-10-15'), ('2016-02-08')) AS t(d);
-- SPEC §2: the start day never counts; 10/8 (Saturday, 调休上班) is the first working day.
SELECT add_workdays('2016-09-30', 1) AS first, add_workdays('2016-09-30', 3) AS third,
       add_workdays('2016-10-10', -3) AS back3, add_workdays('2016-10-01', 0) AS zero;
SELECT workdays_between('2016-09-30', '2016-10-10') AS forward,
       workdays_between('2016-10-10', '2016-09-30') AS backward,
       workdays_between('2016-01-01', '2016-12-31') AS year_2016;
SELECT next_workday('2016-09-30'), next_workday('2016-10-07'), next_workday('2016-10-08');
-- workdays_between(d, add_workdays(d, n)) = n over a whole year of days and several n.
SELECT count(*) AS violations
  FROM generate_series('2016-01-01'::date, '2016-12-31', '1 day') AS g(d),
       (VALUES (1), (3), (20), (-5), (250)) AS n(n)
 WHERE workdays_between(g.d::date, add_workdays(g.d::date, n.n)) <> n.n;
SELECT * FROM holiday_blocks(2016);
SELECT count(*) AS blocks_2030 FROM holiday_blocks(2030);
-- Projected years (no notice yet) are marked provisional by due(); the calendar still answers.
SELECT is_workday('2100-12-31'), add_workdays('2001-01-04', -1);
