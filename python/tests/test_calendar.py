"""The calendar functions against hand-computed dates and against the C++ library (through its CLI)."""
import datetime

import numpy as np
import pytest

import shixian

D = datetime.date


def test_import_is_the_installed_or_built_package_not_the_source_folder():
    assert hasattr(shixian, "_shixian") or shixian.__file__
    assert "_shixian" in shixian.is_workday.__module__ or shixian.is_workday.__module__ == "shixian._shixian"


# --- hand-computed dates --------------------------------------------------------------------------

def test_2016_national_day_makeup_weekend_days_are_working_days():
    # 国办发明电〔2015〕18号: 10/1–10/7 off, Saturday 10/8 and Sunday 10/9 worked.
    assert shixian.is_workday(D(2016, 10, 8)) is True
    assert shixian.is_workday(D(2016, 10, 9)) is True
    assert shixian.is_workday(D(2016, 10, 7)) is False
    assert shixian.is_workday(D(2016, 10, 10)) is True
    info = shixian.day_info(D(2016, 10, 8))
    assert (info.kind, info.kind_zh, info.festival, info.projected) == ("makeup_work", "调休上班", "国庆节", False)
    assert shixian.day_info(D(2016, 10, 3)).kind == "holiday"
    assert shixian.day_info(D(2016, 10, 6)).kind == "swapped_rest"
    assert shixian.day_info(D(2016, 10, 2)).kind == "holiday"   # Sunday, but one of the 3 statutory days
    assert shixian.day_info(D(2016, 10, 15)).kind == "weekend"


def test_add_workdays_counts_from_the_next_day_across_the_break():
    # 形成文件 on Friday 9/30: 10/8 (Sat, 调休上班) is the 1st working day, 10/9 the 2nd, 10/10 the 3rd.
    assert shixian.add_workdays(D(2016, 9, 30), 1) == D(2016, 10, 8)
    assert shixian.add_workdays(D(2016, 9, 30), 3) == D(2016, 10, 10)
    assert shixian.add_workdays(D(2016, 10, 1), 3) == D(2016, 10, 10)   # a rest-day start is not rolled
    assert shixian.add_workdays(D(2016, 10, 8), -1) == D(2016, 9, 30)
    assert shixian.add_workdays(D(2016, 10, 3), 0) == D(2016, 10, 3)
    assert shixian.workdays_between(D(2016, 9, 30), D(2016, 10, 10)) == 3
    assert shixian.workdays_between(D(2016, 10, 10), D(2016, 9, 30)) == -3


def test_2024_leap_day():
    assert shixian.is_workday(D(2024, 2, 29)) is True          # a Thursday before no holiday
    assert shixian.add_workdays(D(2024, 2, 28), 1) == D(2024, 2, 29)
    assert shixian.add_workdays(D(2024, 2, 29), 1) == D(2024, 3, 1)
    # 2024 春节: 2/10–2/17 off, Sunday 2/4 and Sunday 2/18 worked (国办发明电〔2023〕7号).
    assert shixian.day_info("2024-02-04").kind == "makeup_work"
    assert shixian.day_info("2024-02-18").kind == "makeup_work"
    assert shixian.workdays_between(D(2024, 2, 9), D(2024, 2, 18)) == 1
    arr = np.array(["2024-02-28", "2024-02-29", "2024-03-01"], dtype="datetime64[D]")
    assert shixian.add_workdays(arr, 1).tolist() == [D(2024, 2, 29), D(2024, 3, 1), D(2024, 3, 4)]


def test_2027_is_projected_and_strict_mode_refuses_it():
    src = shixian.year_source(2027)
    assert src.official is False and src.number == "" and "推算" in src.title
    assert shixian.year_source(2016).official is True and shixian.year_source(2016).number
    # 2027-10-01 is a Friday, 国庆节 (projected: 10/1–10/3 statutory, no make-up weekends).
    info = shixian.day_info(D(2027, 10, 1))
    assert info.projected is True and info.kind == "holiday" and info.festival
    assert shixian.is_workday(D(2027, 10, 9)) is False  # a Saturday, never a make-up day when projected
    strict = shixian.Calendar(strict=True)
    assert strict.is_workday(D(2016, 10, 8)) is True
    with pytest.raises(shixian.ProjectedYearError) as e:
        strict.is_workday(D(2027, 10, 1))
    assert isinstance(e.value, ValueError) and e.value.code == "projected_year"
    with pytest.raises(shixian.ProjectedYearError):
        shixian.add_workdays(np.array(["2026-12-30"], dtype="datetime64[D]"), 5, calendar=strict)


def test_holiday_blocks_2016():
    blocks = shixian.holiday_blocks(2016)
    national = [b for b in blocks if "国庆" in b.festival]
    assert len(national) == 1
    assert (national[0].first, national[0].last, national[0].days) == (D(2016, 10, 1), D(2016, 10, 7), 7)
    spring = [b for b in blocks if b.festival == "春节"][0]
    assert (spring.first, spring.last) == (D(2016, 2, 7), D(2016, 2, 13))
    assert [b.first for b in blocks] == sorted(b.first for b in blocks)


# --- the same answers as the C++ library ----------------------------------------------------------

@pytest.mark.parametrize("year", [2016, 2020, 2024, 2027])
def test_every_day_of_a_year_matches_the_cli(cli_calendar, year):
    rows = cli_calendar(year)
    days = np.array([r[0] for r in rows], dtype="datetime64[D]")
    work = shixian.is_workday(days)
    assert work.dtype == bool and work.tolist() == [r[1] == "work" for r in rows]
    info = shixian.day_info(days)
    assert info["kind"].tolist() == [r[2] for r in rows]
    assert info["festival"].tolist() == [r[3] for r in rows]
    assert info["projected"].tolist() == [r[4] != "official" for r in rows]
    # scalar and vectorised calls agree
    for k in range(0, len(rows), 37):
        assert shixian.is_workday(days[k]) == work[k]
        assert shixian.day_info(rows[k][0]).kind == rows[k][2]


def test_add_workdays_against_a_count_of_the_cli_calendar(cli_calendar):
    rows = [r for y in (2015, 2016, 2017) for r in cli_calendar(y)]
    days = np.array([r[0] for r in rows], dtype="datetime64[D]")
    work = np.array([r[1] == "work" for r in rows])
    positions = np.flatnonzero(work)
    starts = np.arange(300, 700)
    for n in (1, 3, 20, -1, -5):
        # the n-th working day strictly after (before) each start, by counting the CLI's days
        idx = np.searchsorted(positions, starts, side="right") + n - 1 if n > 0 else \
            np.searchsorted(positions, starts, side="left") + n
        expected = days[positions[idx]]
        assert (shixian.add_workdays(days[starts], n) == expected).all()
        assert (shixian.workdays_between(days[starts], expected) == n).all()


def test_vectorised_identities_over_random_dates():
    rng = np.random.default_rng(7)
    start = np.datetime64("2002-03-01") + rng.integers(0, 35000, 20000).astype("timedelta64[D]")
    n = rng.integers(-300, 300, start.size)
    end = shixian.add_workdays(start, n)
    assert end.dtype == np.dtype("datetime64[D]") and end.shape == start.shape
    assert (shixian.workdays_between(start, end) == n).all()
    assert shixian.is_workday(end[n != 0]).all()
    # broadcasting and 2-D shapes
    grid = start[:12].reshape(3, 4)
    assert shixian.add_workdays(grid, 5).shape == (3, 4)
    assert (shixian.add_workdays(grid, np.arange(4)) == shixian.add_workdays(grid, np.broadcast_to(np.arange(4), (3, 4)))).all()
    assert shixian.add_workdays(np.datetime64("2016-09-30"), np.array([1, 2, 3])).tolist() == [
        D(2016, 10, 8), D(2016, 10, 9), D(2016, 10, 10)]


def test_inputs_of_every_kind():
    expect = D(2016, 10, 10)
    for value in (D(2016, 9, 30), datetime.datetime(2016, 9, 30, 23, 59), np.datetime64("2016-09-30"),
                  np.datetime64("2016-09-30T18:00"), np.datetime64("2016-09-30T10:00:00.000000000"), "2016-09-30",
                  np.array("2016-09-30", dtype="datetime64[D]")):
        assert shixian.add_workdays(value, 3) == expect, value
    assert shixian.add_workdays(["2016-09-30", "2016-10-01"], 3).tolist() == [expect, expect]
    assert shixian.add_workdays([D(2016, 9, 30)], 3).tolist() == [expect]
    assert shixian.add_workdays(np.array(["2016-09-30T20:00"], dtype="datetime64[m]"), 3).tolist() == [expect]
    assert shixian.add_workdays(np.array([], dtype="datetime64[D]"), 3).size == 0
    nat = shixian.add_workdays(np.array(["NaT", "2016-09-30"], dtype="datetime64[D]"), 3)
    assert np.isnat(nat[0]) and nat[1] == np.datetime64("2016-10-10")


def test_bad_inputs_raise_clear_errors():
    with pytest.raises(shixian.InvalidArgumentError, match="2月只有29天"):
        shixian.is_workday("2016-02-30")
    with pytest.raises(shixian.OutOfRangeError) as e:
        shixian.is_workday(D(1999, 1, 1))
    assert isinstance(e.value, ValueError)
    with pytest.raises(shixian.OutOfRangeError, match="第2个元素"):
        shixian.is_workday(np.array(["2016-01-01", "2050-01-01", "2101-01-01"], dtype="datetime64[D]"))
    with pytest.raises(shixian.InvalidArgumentError, match="NaT"):
        shixian.is_workday(np.array(["NaT"], dtype="datetime64[D]"))
    with pytest.raises(shixian.InvalidArgumentError):
        shixian.is_workday(20160930)
    with pytest.raises(shixian.InvalidArgumentError):
        shixian.is_workday(np.array([1.5, 2.5]))
    with pytest.raises(shixian.InvalidArgumentError):
        shixian.add_workdays(D(2016, 9, 30), np.array([1.5]))
    with pytest.raises(shixian.OutOfRangeError):
        shixian.add_workdays(D(2016, 9, 30), 10 ** 9)
    with pytest.raises(shixian.OutOfRangeError):
        shixian.add_workdays(D(2100, 12, 1), 100)
    with pytest.raises(ValueError):  # numpy's broadcasting error
        shixian.workdays_between(np.array(["2016-01-01"] * 3, dtype="M8[D]"), np.array(["2016-01-01"] * 2, dtype="M8[D]"))
    with pytest.raises(shixian.InvalidArgumentError):
        shixian.is_workday(D(2016, 1, 1), calendar="national")


def test_pandas_series_and_datetimeindex():
    pd = pytest.importorskip("pandas")
    idx = pd.date_range("2016-09-28", "2016-10-11", freq="D", name="day")
    s = pd.Series(idx, index=range(10, 10 + len(idx)), name="formed")
    work = shixian.is_workday(s)
    assert isinstance(work, pd.Series) and list(work.index) == list(s.index) and work.name == "formed"
    assert work.tolist() == [True, True, True] + [False] * 7 + [True, True, True, True]
    due = shixian.add_workdays(s, 3)
    assert isinstance(due, pd.Series) and due.iloc[2] == pd.Timestamp("2016-10-10")
    due_idx = shixian.add_workdays(idx, 3)
    assert isinstance(due_idx, pd.DatetimeIndex) and due_idx[2] == pd.Timestamp("2016-10-10")
    assert shixian.is_workday(pd.Timestamp("2016-10-08")) is True
    frame = shixian.day_info(s)
    assert list(frame.index) == list(s.index) and frame.loc[20, "kind"] == "makeup_work"
    counts = shixian.workdays_between(s, s + pd.Timedelta(days=10))
    assert isinstance(counts, pd.Series)


def test_year_files_and_overlays(tmp_path, source):
    guangxi = shixian.Calendar(overlays=[source / "examples/overlays/guangxi-sanyuesan.txt"])
    assert shixian.is_workday(D(2016, 4, 8)) is True
    assert guangxi.is_workday(D(2016, 4, 8)) is False
    assert shixian.is_workday(D(2016, 4, 8), calendar=guangxi) is False
    # a (hypothetical) notice for 2027 in the year-file format: Saturday 10/9 becomes a make-up working day
    notice = tmp_path / "2027.txt"
    notice.write_text("year       2027\ntitle      测试用2027年安排\nnumber     测试〔2026〕1号\npublished  2026-11-01\n\n"
                      "国庆节     off 2027-10-01..2027-10-07  work 2027-09-26 2027-10-09\n", encoding="utf-8")
    with_notice = shixian.Calendar(years=[notice])
    assert shixian.is_workday(D(2027, 10, 9)) is False
    assert with_notice.is_workday(D(2027, 10, 9)) is True
    assert with_notice.day_info(D(2027, 10, 9)).kind == "makeup_work"
    assert with_notice.day_info(D(2027, 10, 5)).projected is False
    assert with_notice.year_source(2027).official is True and with_notice.year_source(2027).number == "测试〔2026〕1号"
    assert with_notice.add_workdays(D(2027, 9, 30), 1) == D(2027, 10, 8)   # Friday after the break
    assert with_notice.add_workdays(D(2027, 10, 8), 1) == D(2027, 10, 9)   # then the make-up Saturday
    assert shixian.add_workdays(D(2027, 10, 8), 1, calendar=with_notice) == D(2027, 10, 9)
    assert shixian.add_workdays(D(2027, 10, 8), 1) == D(2027, 10, 11)      # projected: no make-up days
    bad = tmp_path / "bad.txt"
    bad.write_text("year 2027\n国庆节 off 2027-13-01\n", encoding="utf-8")
    with pytest.raises(shixian.Error) as e:
        shixian.Calendar(years=[bad])
    assert e.value.line >= 1 and e.value.source.endswith("bad.txt")
    with pytest.raises(shixian.FileError) as e:
        shixian.Calendar(overlays=[tmp_path / "missing.txt"])
    assert isinstance(e.value, OSError)
    assert shixian.Calendar(years=notice).is_workday(D(2027, 10, 9)) is True          # one path, not a list
    assert shixian.Calendar(years=(p for p in [notice])).is_workday(D(2027, 10, 9)) is True  # any iterable
    with pytest.raises(shixian.InvalidArgumentError):
        shixian.Calendar(overlays=5)
    small = shixian.Calendar(first_year=2010, last_year=2020)
    assert small.first_day == D(2010, 1, 1) and small.last_day == D(2020, 12, 31)
    with pytest.raises(shixian.OutOfRangeError):
        small.is_workday(D(2021, 1, 4))


def test_gil_is_released_so_threads_overlap():
    import threading
    days = np.datetime64("2003-01-01") + (np.arange(2_000_000) % 8000).astype("timedelta64[D]")
    results = []
    threads = [threading.Thread(target=lambda: results.append(shixian.add_workdays(days, 5))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 2 and (results[0] == results[1]).all()


def test_the_package_has_stubs_and_docstrings():
    import pathlib
    package = pathlib.Path(shixian.__file__).parent
    assert (package / "__init__.pyi").exists() and (package / "py.typed").exists()
    stubs = (package / "__init__.pyi").read_text(encoding="utf-8")
    for name in shixian.__all__:
        assert name in stubs, name
        assert getattr(shixian, name).__doc__, name


def test_timezone_aware_values_keep_their_civil_date():
    pd = pytest.importorskip("pandas")
    # 2016-09-30 00:00 in Beijing is 09-29 16:00 UTC: the date is still 9/30 (a UTC conversion would give 10/9)
    s = pd.Series(pd.date_range("2016-09-30", periods=2, tz="Asia/Shanghai"))
    assert shixian.add_workdays(s, 3).tolist() == [pd.Timestamp("2016-10-10")] * 2
    assert shixian.add_workdays(pd.DatetimeIndex(s), 3)[0] == pd.Timestamp("2016-10-10")
    beijing = datetime.timezone(datetime.timedelta(hours=8))
    early = datetime.datetime(2016, 9, 30, 1, 0, tzinfo=beijing)
    assert shixian.add_workdays(early, 3) == D(2016, 10, 10)
    mixed = np.array([early, None, "2016-09-30", pd.Timestamp("2016-09-30"), pd.NaT], dtype=object)
    got = shixian.add_workdays(mixed, 3)
    assert got.dtype == np.dtype("datetime64[D]")
    assert [None if np.isnat(x) else x.item() for x in got] == [D(2016, 10, 10), None, D(2016, 10, 10), D(2016, 10, 10), None]
    assert np.isnat(shixian.add_workdays(pd.NaT, 3))
    with pytest.raises(shixian.InvalidArgumentError, match="NaT"):
        shixian.is_workday(pd.NaT)
    with pytest.raises(shixian.InvalidArgumentError):
        shixian.is_workday([D(2016, 1, 1), 5])


def test_string_arrays_are_read_strictly_like_scalars():
    assert shixian.is_workday(np.array(["2016-10-08", "２０１６－１０－０９"])).tolist() == [True, True]
    with pytest.raises(shixian.InvalidArgumentError, match="第1个元素"):
        shixian.is_workday(np.array(["2016-10-08", "2016"]))
    with pytest.raises(shixian.InvalidArgumentError, match="2月只有29天"):
        shixian.add_workdays(["2016-02-30"], 1)


def test_scalar_fast_path_agrees_with_the_general_one():
    # plain dates take the C-API fast path; keywords, strings, datetime64 and subclasses the general one
    rng = np.random.default_rng(9)
    days = np.datetime64("2003-01-01") + rng.integers(0, 34000, 3000).astype("timedelta64[D]")  # ±400 stays inside
    offsets = rng.integers(-400, 400, days.size)
    vector = shixian.add_workdays(days, offsets)
    work = shixian.is_workday(days)
    for k in range(0, days.size, 7):
        d = days[k].item()
        fast = shixian.add_workdays(d, int(offsets[k]))
        assert fast == vector[k].item() == shixian.add_workdays(d, int(offsets[k]), calendar=None)
        assert shixian.is_workday(d) == work[k] == shixian.is_workday(d, calendar=None)
        dt = datetime.datetime(d.year, d.month, d.day, 23, 59)
        assert shixian.add_workdays(dt, int(offsets[k])) == fast and shixian.is_workday(dt) == work[k]
        assert shixian.workdays_between(d, fast) == int(offsets[k]) == shixian.workdays_between(str(d), fast)
    assert shixian.add_workdays(D(2016, 9, 30), True) == D(2016, 10, 8)  # bool n: as the general path reads it
    with pytest.raises(shixian.OutOfRangeError):
        shixian.add_workdays(D(2016, 9, 30), 10 ** 7)                    # beyond the fast path's bound
    with pytest.raises(TypeError):
        shixian.is_workday()
    with pytest.raises(TypeError):
        shixian.add_workdays(D(2016, 9, 30))
    assert shixian.is_workday.__name__ == "is_workday" and "calendar" in shixian.is_workday.__doc__
