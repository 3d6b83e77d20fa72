"""check() from paths and from DataFrames, against `shixian check --format csv`."""
import csv
import io

import numpy as np
import pytest

import shixian
from shixian import _check


def cli_rows(cli, tasks, publications, as_of="2016-12-31"):
    out = cli("check", tasks, "--publications", publications, "--as-of", as_of, "--format", "csv").stdout
    return list(csv.DictReader(io.StringIO(out)))


def as_cli_text(findings):
    """Our DataFrame's rows in the CLI's CSV spelling, for a field-by-field comparison."""
    def day(v):
        return "" if v is None or (isinstance(v, float) and np.isnan(v)) or str(v) == "NaT" else str(v)[:10]

    def minute(v):
        s = day(v)
        if not s:
            return ""
        text = str(v)
        return text[:10] if text[11:16] in ("", "00:00") else text[:10] + "T" + text[11:16]

    rows = []
    for r in findings.to_dict("records"):
        due = day(r["due"]) + ("T" + r["due_time"] if r["due_time"] else "")
        rows.append({"task_id": r["task_id"], "obligation": str(r["obligation"]), "line": str(r["line"]),
                     "lead": r["lead"], "title": r["title"], "rule": r["rule"], "label": r["label"],
                     "verdict": r["verdict"], "due": due, "period_start": day(r["period_start"]),
                     "period_end": day(r["period_end"]), "published": minute(r["published"]),
                     "withdrawn": minute(r["withdrawn"]), "provisional": "true" if r["provisional"] else "false",
                     "message": r["message"], "needed": r["needed"]})
    return rows


KEYS = ["task_id", "obligation", "line", "lead", "title", "rule", "label", "verdict", "due", "period_start",
        "period_end", "published", "withdrawn", "provisional", "message", "needed"]


def test_check_from_paths_matches_the_cli(source, cli):
    pytest.importorskip("pandas")
    tasks, pubs = source / "examples/check/tasks.csv", source / "examples/check/publications.csv"
    findings, summary = shixian.check(tasks, pubs, as_of="2016-12-31")
    ref = cli_rows(cli, tasks, pubs)
    assert len(findings) == len(ref) > 5
    ours = as_cli_text(findings)
    for a, b in zip(ours, ref):
        assert {k: a[k] for k in KEYS} == {k: b[k] for k in KEYS}
    for r, b in zip(findings.to_dict("records"), ref):
        for k in ("late_workdays", "late_days", "required", "found"):
            assert (str(r[k]) if r[k] or b[k] else "") == b[k], k
    assert summary["tasks"] > 0 and summary["deadlines"] == len(ref)
    assert sum(summary["counts"].values()) == len(ref)
    assert summary["counts"]["late"] == sum(r["verdict"] == "late" for r in ref)
    # the report text is the one `shixian check` prints
    text = cli("check", tasks, "--publications", pubs, "--as-of", "2016-12-31").stdout
    assert summary["text"] == text
    assert summary["summary_line"].startswith("检查")


def test_check_from_dataframes_equals_check_from_paths(source):
    pd = pytest.importorskip("pandas")
    tasks, pubs = source / "examples/check/tasks.csv", source / "examples/check/publications.csv"
    by_path, s1 = shixian.check(tasks, pubs, as_of="2016-12-31")
    t = pd.read_csv(tasks, dtype=str, keep_default_na=False)
    p = pd.read_csv(pubs, dtype=str, keep_default_na=False)
    by_frame, s2 = shixian.check(t, p, as_of=np.datetime64("2016-12-31"))
    cols = [c for c in by_path.columns if c != "line"]
    pd.testing.assert_frame_equal(by_path[cols], by_frame[cols])
    assert s1["counts"] == s2["counts"]
    # dates as datetime64 columns, as a pandas user would have them
    iso = p[p["published"].str.fullmatch(r"\d{4}-\d{2}-\d{2}")]
    assert 0 < len(iso) < len(p)  # the example log also has a row written 2016年5月20日
    p2 = iso.copy()
    p2["published"] = pd.to_datetime(p2["published"])
    by_dates, _ = shixian.check(t, p2, as_of="2016-12-31")
    by_strings, _ = shixian.check(t, iso, as_of="2016-12-31")
    assert by_dates["verdict"].tolist() == by_strings["verdict"].tolist()
    # one table and one path
    mixed, _ = shixian.check(t, pubs, as_of="2016-12-31")
    assert mixed["verdict"].tolist() == by_path["verdict"].tolist()
    only_summary = shixian.check(tasks, pubs, as_of="2016-12-31", findings=False)
    assert only_summary.findings is None and only_summary.summary["counts"] == s1["counts"]


def test_check_as_of_and_year_change_verdicts(source):
    tasks, pubs = source / "examples/check/tasks.csv", source / "examples/check/publications.csv"
    early = shixian.check(tasks, pubs, as_of="2016-03-01", findings=False).summary
    late = shixian.check(tasks, pubs, as_of="2016-12-31", findings=False).summary
    assert early["counts"]["pending"] > late["counts"]["pending"]


def test_check_without_pandas_gives_a_list_of_dicts(source, monkeypatch):
    monkeypatch.setattr(_check, "_pd", None)
    tasks, pubs = source / "examples/check/tasks.csv", source / "examples/check/publications.csv"
    findings, summary = shixian.check(tasks, pubs, as_of="2016-12-31")
    assert isinstance(findings, list) and isinstance(findings[0], dict)
    assert findings[0]["task_id"] == "Q01" and findings[0]["verdict"] == "on_time"
    assert findings[0]["due"] == np.datetime64("2016-10-10")
    assert len(findings) == summary["deadlines"]


def test_check_bad_input(tmp_path, source):
    pd = pytest.importorskip("pandas")
    with pytest.raises(shixian.FileError):
        shixian.check(tmp_path / "missing.csv", source / "examples/check/publications.csv", as_of="2016-12-31")
    no_header = tmp_path / "t.csv"
    no_header.write_text("", encoding="utf-8")
    with pytest.raises(shixian.Error):
        shixian.check(no_header, source / "examples/check/publications.csv", as_of="2016-12-31")
    with pytest.raises(shixian.InvalidArgumentError):
        shixian.check(source / "examples/check/tasks.csv", source / "examples/check/publications.csv", as_of="2016-02-30")
    with pytest.raises(TypeError):
        shixian.check(42, 43, as_of="2016-12-31")
    # bad rows are problems in the summary, not exceptions
    t = pd.DataFrame([{"id": "A", "rule": "形成文件后3个工作日公开", "events": "形成文件=2016-13-40", "year": 2016},
                      {"id": "B", "rule": "9月底前", "year": 2016}])
    p = pd.DataFrame([{"task_id": "B", "published": "2016-09-30"}, {"task_id": "Z", "published": "2016-09-30"}])
    findings, summary = shixian.check(t, p, as_of="2016-12-31")
    assert summary["problems_total"] >= 1
    assert findings.loc[findings["task_id"] == "B", "verdict"].tolist() == ["on_time"]


def test_check_year_policy_and_calendar_arguments():
    pd = pytest.importorskip("pandas")
    tasks = pd.DataFrame([{"id": "A", "title": "季度报告", "lead": "办公室", "rule": "9月底前"},
                          {"id": "B", "title": "信息公开", "lead": "办公室", "rule": "及时公开", "events": "信息形成=2016-09-30"}])
    pubs = pd.DataFrame([{"task_id": "A", "published": "2016-09-30"}, {"task_id": "B", "published": "2016-10-12"}])
    no_year, _ = shixian.check(tasks, pubs, as_of="2016-12-31")
    assert no_year.set_index("task_id").loc["A", "verdict"] == "needs_context"
    with_year, summary = shixian.check(tasks, pubs, as_of="2016-12-31", year=2016)
    by_id = with_year.set_index("task_id")
    assert by_id.loc["A", "verdict"] == "on_time" and by_id.loc["A", "due"] == pd.Timestamp("2016-09-30")
    # 及时 = 20 working days by default (on time); 5 by policy: due 10/12 (10/8, 10/9 are working days), on time
    assert by_id.loc["B", "verdict"] == "on_time"
    strict5, _ = shixian.check(tasks, pubs, as_of="2016-12-31", year=2016, policy={"timely": 4})
    assert strict5.set_index("task_id").loc["B", "verdict"] == "late"
    assert strict5.set_index("task_id").loc["B", "due"] == pd.Timestamp("2016-10-11")
    tasks_2027 = tasks.assign(events=["", "信息形成=2027-09-30"])
    pubs_2027 = pubs.assign(published=["2027-09-30", "2027-10-12"])
    projected, _ = shixian.check(tasks_2027, pubs_2027, as_of="2027-12-31", year=2027)
    assert projected["verdict"].tolist() == ["on_time", "on_time"] and projected["provisional"].all()
    refused, _ = shixian.check(tasks_2027, pubs_2027, as_of="2027-12-31", year=2027,
                               calendar=shixian.Calendar(strict=True))
    assert refused["verdict"].tolist() == ["not_checkable", "not_checkable"]
    assert refused["message"].str.startswith("严格模式：2027年").all()
    with pytest.raises(shixian.OutOfRangeError):
        shixian.check(tasks, pubs, as_of="2016-12-31", year=2200)
