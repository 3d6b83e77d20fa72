SET search_path = shixian, public;
SET datestyle = ISO, YMD;
SELECT * FROM due('形成文件后3个工作日公开', events => '{"形成文件": "2016-09-30"}');
-- An alias of the event through the lexicon (文件形成 ≡ 形成文件).
SELECT due FROM due('形成文件后3个工作日公开', events => '{"文件形成": "2016-09-30"}');
SELECT * FROM due('7月底前启动，9月底前完成', 2016);
SELECT label, due, period_start, period_end FROM due('每季度末', 2016);
-- An hour rule: due_at carries the time.
SELECT due, due_at FROM due('收到申请后24小时内答复', events => '{"收到申请": "2016-09-30T09:30"}');
-- A projected year: provisional.
SELECT due, provisional FROM due('9月底前完成', 2040);
-- A rule without a deadline: no rows.
SELECT count(*) FROM due('长期推进');
SELECT count(*) FROM due(NULL);
