"""parse / canonical / due / explain / extract against the C++ results and the golden data."""
import datetime
import json
import pathlib

import numpy as np
import pytest

import shixian

D = datetime.date


def golden_rows(source):
    for line in (source / "tests/data/due_2016.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        rule, context, expected = line.split("\t")
        year, events, policy = None, {}, {}
        if context != "-":
            for part in context.split(";"):
                if part.startswith("year="):
                    year = int(part[5:])
                elif part.startswith("event:"):
                    name, value = part[6:].rsplit("=", 1)
                    events[name] = value
                elif part.startswith("policy:"):
                    key, value = part[7:].split("=", 1)
                    policy[key] = value
        yield rule, year, events, policy, expected


def render(schedule):
    if schedule.classification != "checkable" and len(schedule) == 0:
        return schedule.classification
    return " | ".join(f"{d.label} {d.due_string}" + (" provisional" if d.provisional else "") for d in schedule)


def test_due_matches_the_hand_computed_golden_file(source):
    rows = list(golden_rows(source))
    assert len(rows) > 50
    for rule, year, events, policy, expected in rows:
        if expected.startswith("error:"):
            with pytest.raises(shixian.Error) as e:
                shixian.due(rule, year=year, events=events, policy=policy)
            assert e.value.code == expected[6:], rule
        else:
            assert render(shixian.due(rule, year=year, events=events, policy=policy)) == expected, (rule, events)


def test_due_matches_the_cli_json(cli_due):
    cases = [("形成文件后3个工作日公开", {"形成文件": "2016-09-30"}, None),
             ("每季度末", {}, 2027), ("7月底前启动，9月底前完成", {}, 2016), ("每月至少1次", {}, 2016),
             ("公示不得少于5个工作日", {"公示开始": "2016-09-28"}, None)]
    for rule, events, year in cases:
        args = [a for name, value in events.items() for a in ("--event", f"{name}={value}")]
        if year:
            args += ["--year", str(year)]
        ref = cli_due(rule, *args)
        got = shixian.due(rule, year=year, events=events)
        assert got.canonical == ref["canonical"] and got.classification == ref["classification"]
        assert [d.label for d in got] == [d["label"] for d in ref["deadlines"]]
        assert [d.due_string or None for d in got] == [d["due"] for d in ref["deadlines"]]
        assert [d.period_start.isoformat() if d.period_start else None for d in got] == \
            [d["period_start"] for d in ref["deadlines"]]
        assert [d.provisional for d in got] == [d["provisional"] for d in ref["deadlines"]]
        assert [d.assumed for d in got] == [d["assumed"] for d in ref["deadlines"]]
        assert [d.type for d in got] == [d["type"] for d in ref["deadlines"]]


def test_due_objects_and_context_kinds():
    s = shixian.due("形成文件后3个工作日公开", events={"文件形成": D(2016, 9, 30)})
    d = s[0]
    assert (d.label, d.due, d.period, d.provisional, d.time) == ("公开", D(2016, 10, 10), (D(2016, 9, 30), D(2016, 10, 10)), False, None)
    assert len(s) == 1 and list(s)[0].due == d.due and s[-1].due == d.due
    with pytest.raises(IndexError):
        s[1]
    hour = shixian.due("突发事件发生后24小时内", events={"突发事件": datetime.datetime(2016, 10, 1, 9, 30)})
    assert hour[0].due_string == "2016-10-02T09:30" and hour[0].time == datetime.time(9, 30)
    assert shixian.due("突发事件发生后24小时内", events={"突发事件": np.datetime64("2016-10-01T09:30")})[0].due_string == "2016-10-02T09:30"
    projected = shixian.due("9月底前", year=2027)
    assert projected[0].due == D(2027, 9, 30) and projected[0].provisional is True
    assert shixian.due("及时公开", events={"信息形成": "2016-09-30"}, policy={"timely": 5})[0].due == D(2016, 10, 12)
    assert shixian.due("长期推进").classification == "ongoing"
    with pytest.raises(shixian.ProjectedYearError):
        shixian.due("9月底前", year=2027, calendar=shixian.Calendar(strict=True))


def test_missing_context_and_policy_errors():
    with pytest.raises(shixian.MissingContextError) as e:
        shixian.due("于人大批复后30个工作日内", events={"形成文件": "2016-09-30"})
    assert isinstance(e.value, ValueError) and "人大批复" in e.value.needed[0]
    with pytest.raises(shixian.MissingContextError) as e:
        shixian.due("9月底前")
    assert e.value.needed == ["计划年度"]
    with pytest.raises(shixian.InvalidArgumentError, match="timely"):
        shixian.due("及时公开", events={"信息形成": "2016-09-30"}, policy={"no_such_key": 1})
    with pytest.raises(shixian.InvalidArgumentError, match="收到文件"):
        shixian.due("收到文件后5日内", events={"收到文件": "2016-13-01"})
    with pytest.raises(shixian.InvalidArgumentError):
        shixian.due("收到文件后5日内", events=[("收到文件", "2016-10-01")])


def test_parse_and_parse_errors_carry_offset_and_caret(cli):
    r = shixian.parse("形成文件后三个工作日公开")
    ref = json.loads(cli("parse", "形成文件后三个工作日公开", "--json").stdout)
    assert r["canonical"] == "形成文件后3个工作日内公开" == ref["canonical"]
    assert r["items"] == ref["items"] and r["kind"] == ref["kind"]
    assert shixian.canonical("三个工作日以内") == "3个工作日内"
    with pytest.raises(shixian.ParseError) as e:
        shixian.parse("形成文件后3个工作")
    err = e.value
    assert isinstance(err, ValueError) and isinstance(err, shixian.Error)
    assert (err.line, err.column, err.offset, err.code) == (1, 7, 6, "parse_error")
    assert err.message == "第7个字符处：期望时间单位（个工作日、日、小时、周、个月、年）"
    assert err.caret.splitlines()[0] == "1 | 形成文件后3个工作"
    # the caret sits under the 7th character: 6 full-width characters before it (12 columns) and "3" (1)
    assert err.caret.splitlines()[1].index("^") == len("  | ") + 11
    assert err.expected and err.message_en
    assert "^" in str(err)
    with pytest.raises(shixian.ParseError):
        shixian.due("形成文件后3个工作", events={"形成文件": "2016-09-30"})
    with pytest.raises(shixian.OutOfRangeError):
        shixian.parse("日" * 5000)
    import pickle
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is shixian.ParseError and again.offset == 6 and again.caret == err.caret


def test_explain_matches_the_cli(cli):
    ours = shixian.explain("形成文件后3个工作日公开", events={"形成文件": "2016-09-30"})
    assert "2016-10-08（周六，调休上班）" in ours
    ref = cli("explain", "形成文件后3个工作日公开", "--event", "形成文件=2016-09-30").stdout
    assert ref.split("计算：\n", 1)[1] == ours  # the CLI prints the same trace after the rule's description
    for rule, args, kwargs in (("每季度末", ["--year", "2027"], {"year": 2027}),
                               ("于人大批复后30个工作日内", [], {})):  # the second: missing context, in the trace
        ref = cli("explain", rule, *args, check=False).stdout
        assert ref.split("计算：\n", 1)[1] == shixian.explain(rule, **kwargs)


def test_extract_matches_the_annotation(source):
    doc = source / "tests/data/extract/anju-2016.txt"
    result = shixian.extract(doc)
    assert result["year"] == 2016
    spans = {(f["start"], f["end"]) for f in result["found"]} | {(u["start"], u["end"]) for u in result["unrecognized"]}
    annotated = []
    for line in (source / "tests/data/extract/anju-2016.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        start, end, text, canonical, kind = line.split("\t")[:5]
        annotated.append((int(start), int(end), canonical, kind))
    assert {(s, e) for s, e, _, _ in annotated} == spans
    by_span = {(f["start"], f["end"]): f for f in result["found"]}
    for s, e, canonical, kind in annotated:
        if (s, e) in by_span and kind not in ("unrecognized", "pending"):
            assert by_span[(s, e)]["canonical"] == canonical
    text = doc.read_text(encoding="utf-8")
    assert shixian.extract(text)["found"] == result["found"]  # a str is the text itself
    assert shixian.extract(text, year=2017)["year"] == 2017
    first = result["found"][0]
    assert text[first["start"]:first["end"]] == first["text"]  # offsets in characters


def test_extract_same_as_above_says_whose_rule():
    rows = "事项 | 内容 | 公开时限 | 主体\nA | B | 及时公开 | 区府\nC | D | 同上 | 区府\n"
    found = shixian.extract(rows)["found"]
    assert [(f["text"], f["canonical"], f["note"]) for f in found] == [
        ("及时公开", "及时公开", ""), ("同上", "及时公开", "同上：沿用第2行的规定（及时公开）")]
    bad = shixian.extract("事项 | 内容 | 公开时限 | 主体\nC | D | 同上 | 区府\n")["unrecognized"]
    assert [u["reason"] for u in bad] == ["“同上”：上面没有可沿用的行"]


def test_extract_tasks_matches_the_cli(source, cli):
    pd = pytest.importorskip("pandas")
    doc = source / "tests/data/extract/shi-2017-fengong.txt"
    table = shixian.extract_tasks(doc)
    assert isinstance(table, pd.DataFrame) and len(table) > 0
    ref = cli("extract", doc, "--tasks").stdout
    assert table.attrs["csv"] == ref
    with pytest.raises(shixian.FileError):
        shixian.extract(pathlib.Path("/nonexistent/plan.txt"))
    with pytest.raises(shixian.InvalidArgumentError):
        shixian.extract(b"bytes")


def test_year_arguments_are_checked_like_the_cli():
    with pytest.raises(shixian.OutOfRangeError, match="超出日历范围"):
        shixian.due("9月底前", year=99999)
    with pytest.raises(shixian.OutOfRangeError):
        shixian.due("9月底前", year=1900)
    with pytest.raises(shixian.InvalidArgumentError, match="整数"):
        shixian.due("9月底前", year="2016")
    with pytest.raises(shixian.InvalidArgumentError):
        shixian.due("9月底前", year=True)
    with pytest.raises(shixian.InvalidArgumentError, match="事件“a”"):
        shixian.due("a后3日内", events={"a": 5})
    with pytest.raises(shixian.OutOfRangeError):
        shixian.extract("2016年政务公开工作要点", year=3000)
    assert shixian.due("9月底前", year=2100)[0].due == D(2100, 9, 30)


def test_text_that_is_not_utf8_encodable_is_an_error_not_a_crash():
    with pytest.raises(shixian.InvalidArgumentError, match="UTF-8"):
        shixian.extract("形成文件后\ud8003个工作日")
    with pytest.raises(TypeError):
        shixian.parse("\ud800")
    with pytest.raises(shixian.OutOfRangeError):
        shixian.add_workdays("2016-01-04", 2 ** 70)
    with pytest.raises(shixian.InvalidArgumentError, match="as_of"):
        shixian.check("tasks.csv", "publications.csv", as_of=None)
