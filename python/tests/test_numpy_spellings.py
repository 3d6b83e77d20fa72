"""is_busday / busday_offset / busday_count: numpy's names and conventions, shixian's calendar.

numpy is given the same calendar as far as it can hold one (weekmask 1111100 and, as
holidays, shixian's Monday–Friday rest days); the answers must then agree everywhere
except where a 调休 make-up Saturday/Sunday is involved, which numpy cannot express."""
import datetime

import numpy as np
import pytest

import shixian

D = datetime.date


@pytest.fixture(scope="module")
def span():
    days = np.arange(np.datetime64("2014-01-01"), np.datetime64("2019-01-01"))
    info = shixian.day_info(days)
    weekday = (days.astype("int64") + 3) % 7  # 0 = Monday
    holidays = days[(~info["workday"]) & (weekday < 5)]
    makeup = days[info["kind"] == "makeup_work"]
    return days, holidays, makeup


def test_is_busday_agrees_with_numpy_except_on_makeup_days(span):
    days, holidays, makeup = span
    ours = shixian.is_busday(days)
    theirs = np.is_busday(days, holidays=holidays)
    differ = days[ours != theirs]
    assert differ.size == makeup.size and (differ == makeup).all()
    assert shixian.is_busday(np.datetime64("2016-10-08")) is True and not np.is_busday(np.datetime64("2016-10-08"))


def test_busday_count_is_half_open_like_numpy(span):
    days, holidays, makeup = span
    rng = np.random.default_rng(3)
    a = days[rng.integers(400, days.size - 400, 5000)]
    b = a + rng.integers(-300, 300, a.size).astype("timedelta64[D]")
    ours = shixian.busday_count(a, b)
    theirs = np.busday_count(a, b, holidays=holidays)
    # numpy's count misses exactly the make-up days inside [min, max)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    inside = ((makeup[None, :] >= lo[:, None]) & (makeup[None, :] < hi[:, None])).sum(axis=1)
    assert (np.abs(ours - theirs) == inside).all()
    assert (np.sign(ours) * np.sign(b - a).astype(int) >= 0).all()
    # hand-computed: [2016-09-30, 2016-10-10) holds 9/30, 10/8, 10/9
    assert shixian.busday_count("2016-09-30", "2016-10-10") == 3
    assert shixian.busday_count("2016-10-10", "2016-09-30") == -3
    assert np.busday_count("2016-09-30", "2016-10-10", holidays=holidays) == 1
    # and the relation to workdays_between's (start, end]
    assert shixian.workdays_between("2016-09-29", "2016-10-09") == shixian.busday_count("2016-09-30", "2016-10-10")


def test_busday_offset_rolls_like_numpy(span):
    days, holidays, makeup = span
    ordinary = days[~np.isin(days, makeup)]
    rng = np.random.default_rng(5)
    start = ordinary[rng.integers(0, ordinary.size - 600, 3000)]
    for roll in ("forward", "following", "backward", "preceding", "modifiedfollowing", "modifiedpreceding"):
        for n in (0, 1, 5):
            ours = shixian.busday_offset(start, n, roll=roll)
            theirs = np.busday_offset(start, n, roll=roll, holidays=holidays)
            # agree unless a make-up day lies between the start and the answers (numpy skips it)
            lo = np.minimum(start, np.minimum(ours, theirs)) - np.timedelta64(7, "D")
            hi = np.maximum(ours, theirs) + np.timedelta64(7, "D")
            near = ((makeup[None, :] >= lo[:, None]) & (makeup[None, :] <= hi[:, None])).any(axis=1)
            assert (ours[~near] == theirs[~near]).all(), (roll, n)
            assert ((ours != theirs) <= near).all()


def test_busday_offset_hand_computed():
    # Saturday 2016-10-01: roll forward to Saturday 10/8 (a make-up working day), then 1 more is Sunday 10/9.
    assert shixian.busday_offset("2016-10-01", 0, roll="forward") == D(2016, 10, 8)
    assert shixian.busday_offset("2016-10-01", 1, roll="forward") == D(2016, 10, 9)
    assert shixian.busday_offset("2016-10-01", 0, roll="backward") == D(2016, 9, 30)
    # modifiedfollowing: 2016-04-30 (Sat, 劳动节 break to 5/2) rolls back into April: 4/29
    assert shixian.busday_offset("2016-04-30", 0, roll="modifiedfollowing") == D(2016, 4, 29)
    assert shixian.busday_offset("2016-04-30", 0, roll="following") == D(2016, 5, 3)
    assert np.isnat(shixian.busday_offset("2016-10-01", 3, roll="nat"))
    with pytest.raises(shixian.InvalidArgumentError, match="不是工作日"):
        shixian.busday_offset("2016-10-01", 3)  # roll='raise', numpy's default
    with pytest.raises(shixian.InvalidArgumentError, match="roll"):
        shixian.busday_offset("2016-10-01", 3, roll="sideways")
    # numpy's rule for a rest-day start differs from add_workdays (SPEC §2: never rolled)
    assert shixian.add_workdays("2016-10-01", 1) == D(2016, 10, 8)
    assert shixian.busday_offset("2016-10-01", 1, roll="forward") == D(2016, 10, 9)


def test_numpy_only_arguments_and_out():
    with pytest.raises(TypeError, match="weekmask"):
        shixian.is_busday("2016-10-08", weekmask="1111100")
    with pytest.raises(TypeError):
        shixian.busday_count("2016-10-01", "2016-10-08", holidays=["2016-10-03"])
    days = np.array(["2016-10-07", "2016-10-08", "2016-10-09"], dtype="datetime64[D]")
    out = np.zeros(3, dtype=bool)
    assert shixian.is_busday(days, out=out) is out and out.tolist() == [False, True, True]
    out_days = np.empty(3, dtype="datetime64[D]")
    r = shixian.busday_offset(days, 1, roll="forward", out=out_days)
    assert r is out_days and out_days[0] == np.datetime64("2016-10-09")
    with pytest.raises(shixian.InvalidArgumentError):
        shixian.is_busday(days, out=np.zeros(2, dtype=bool))
    guangxi_days = shixian.Calendar(strict=True)
    assert shixian.is_busday("2016-10-08", busdaycal=guangxi_days) is True


def test_busday_offset_is_a_roll_then_add_workdays():
    rng = np.random.default_rng(11)
    d = np.datetime64("2005-01-01") + rng.integers(0, 7000, 20000).astype("timedelta64[D]")
    for roll in ("forward", "backward", "modifiedfollowing", "modifiedpreceding"):
        rolled = shixian.busday_offset(d, 0, roll=roll)
        assert shixian.is_workday(rolled).all()
        for k in (-7, -1, 1, 3, 20):
            assert (shixian.busday_offset(d, k, roll=roll) == shixian.add_workdays(rolled, k)).all(), (roll, k)
    # at the calendar's ends the general path reports the error
    with pytest.raises(shixian.OutOfRangeError):
        shixian.busday_offset(np.array(["2100-12-31"], dtype="datetime64[D]"), 1, roll="forward")
    assert shixian.busday_offset(np.array(["2001-01-01"], dtype="datetime64[D]"), 0, roll="forward")[0] == \
        np.datetime64("2001-01-02")


def test_busday_count_at_the_calendar_s_first_day():
    # [2001-01-01, 2001-01-08): 元旦 Monday 1/1 off, Tue–Fri working, Sat/Sun off → 4
    assert shixian.busday_count("2001-01-01", "2001-01-08") == 4
    assert shixian.busday_count("2001-01-08", "2001-01-01") == -4
    assert shixian.busday_count("2001-01-02", "2001-01-08") == 4
    assert shixian.busday_count("2001-01-01", "2001-01-01") == 0
    days = np.arange(np.datetime64("2001-01-01"), np.datetime64("2001-03-01"))
    assert (shixian.busday_count(days[0], days) == np.cumsum(np.r_[0, shixian.is_busday(days)[:-1]])).all()
