"""The README's Python example, line by line: what it shows is what the package prints."""
import datetime
import re

import numpy as np
import pytest

import shixian


def test_readme_example(source):
    readme = (source / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python"):readme.index("## The holiday data")]
    assert repr(shixian.add_workdays(datetime.date(2016, 9, 30), 3)) in section
    assert repr(shixian.day_info("2016-10-08")) in section
    s = shixian.due("形成文件后3个工作日公开", events={"文件形成": "2016-09-30"})
    assert repr((s, s[0].due, s[0].period)) in section
    assert repr(shixian.due("每季度末", year=2027)[3]) in section
    with pytest.raises(shixian.ParseError) as e:
        shixian.parse("形成文件后3个工作")
    assert f"{e.value.offset} {e.value.column}\n{e.value.caret}" in section
    holidays = np.arange(np.datetime64("2016-10-03"), np.datetime64("2016-10-08"))
    assert (shixian.busday_count("2016-09-30", "2016-10-10"),
            np.busday_count("2016-09-30", "2016-10-10", holidays=holidays)) == (3, 1)
    assert "(3, 1)" in section
    pytest.importorskip("pandas")
    findings, summary = shixian.check(source / "examples/check/tasks.csv", source / "examples/check/publications.csv",
                                      as_of="2016-12-31")
    assert repr(summary["summary_line"]) in section
    late = findings[findings.verdict == "late"][["task_id", "rule", "due", "published", "late_workdays"]].head(2)
    shown = re.sub(r"\s+", " ", late.to_string())
    assert shown in re.sub(r"\s+", " ", section)
