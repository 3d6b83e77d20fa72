SET search_path = shixian, public;
SET datestyle = ISO, YMD;
SELECT canonical('形成文件后三个工作日公开');
SELECT canonical('每季度末');
SELECT canonical(r) = canonical(canonical(r)) AS stable
  FROM (VALUES ('形成文件后三个工作日公开'), ('7月底前启动，9月底前完成'), ('每季度末')) AS t(r);
SELECT parse('形成文件后3个工作日内公开') ->> 'kind' AS kind,
       parse('形成文件后3个工作日内公开') ->> 'canonical' AS canonical,
       jsonb_array_length(parse('7月底前启动，9月底前完成') -> 'items') AS items;
SELECT canonical(NULL) IS NULL AS null_in_null_out;
