#!/usr/bin/python3
"""The Python package's benchmarks (issue 16), one run, side by side:

1. Vectorised calendar over 1M dates: shixian.add_workdays / busday_offset and
   workdays_between / busday_count against numpy.busday_offset / busday_count
   given the same calendar as far as numpy can hold one (weekmask 1111100 plus
   shixian's Monday–Friday rest days 2001–2030 as holidays, in a
   numpy.busdaycalendar), on the same arrays; the count of numpy's answers that
   differ from shixian's (调休 make-up Saturdays/Sundays, which a weekmask
   cannot express). The C++ cost per call of the same operations
   (bench/calendar_bench, Google Benchmark) is printed beside them.
2. Scalar calls (datetime.date in, datetime.date out) against a faithful
   pure-Python day-by-day implementation written here, the way
   chinese-calendar works (a dict of holidays, a dict of make-up working days,
   a loop stepping one day at a time), at n = 20.
3. shixian.check on the 1M-task benchmark register (bench/gen_check.py, as
   bench/scaling.sh makes it) against `shixian check` on the same files:
   summary only (findings=False) vs --format text; with the findings
   DataFrame vs --format csv.

Debian's numpy/pandas are for /usr/bin/python3. Imports shixian from
--build's python/ folder (the build tree's package) unless --installed.

Usage: python_bench.py [--build DIR] [--size N] [--check N|0] [--installed] [--json FILE]
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def best(fn, repeat=5):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def per_call(fn, calls, repeat=5):
    def run():
        for _ in range(calls):
            fn()
    return best(run, repeat) / calls


class DayByDay:
    """chinese-calendar's approach: holidays and make-up working days as dicts, one day at a time."""

    def __init__(self, holidays, workdays):
        self.holidays = holidays  # date -> festival name
        self.workdays = workdays

    def is_workday(self, date):
        if date in self.workdays:
            return True
        if date in self.holidays:
            return False
        return date.weekday() <= 4

    def add_workdays(self, date, n):
        step = datetime.timedelta(days=1 if n > 0 else -1)
        left = abs(n)
        while left:
            date += step
            if self.is_workday(date):
                left -= 1
        return date

    def workdays_between(self, start, end):
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_workday(day)
        return count


class ChineseCalendarStyle(DayByDay):
    """The same, structured as chinese-calendar's utils are: every is_workday call validates its
    argument (type, and the year against min/max of the holiday dict's keys, recomputed per call),
    and find_workday-style stepping calls is_workday once per day."""

    def _validate_date(self, date):
        if isinstance(date, datetime.datetime):
            date = date.date()
        if not isinstance(date, datetime.date):
            raise NotImplementedError(f"unsupported type {type(date)}")
        min_year, max_year = min(self.holidays.keys()).year, max(self.holidays.keys()).year
        if not min_year <= date.year <= max_year:
            raise NotImplementedError(f"no available data for year {date.year}")
        return date

    def is_workday(self, date):
        date = self._validate_date(date)
        return bool(date in self.workdays.keys() or (date.weekday() <= 4 and date not in self.holidays.keys()))


def vectorised(shixian, size, out):
    rng = np.random.default_rng(42)
    first = np.datetime64("2003-01-01")
    dates = first + rng.integers(0, (np.datetime64("2025-12-31") - first).astype(int) + 1, size).astype("m8[D]")
    ends = dates + rng.integers(1, 3653, size).astype("m8[D]")
    year_days = np.arange(np.datetime64("2001-01-01"), np.datetime64("2031-01-01"))
    info = shixian.day_info(year_days)
    weekday = (year_days.astype("int64") + 3) % 7
    holidays = year_days[(~info["workday"]) & (weekday < 5)]
    cal = np.busdaycalendar(weekmask="1111100", holidays=holidays)
    rows = []

    def row(name, ours_fn, numpy_fn, same_convention_fn):
        ours_t = best(ours_fn)
        numpy_t = best(numpy_fn)
        wrong = int(np.count_nonzero(same_convention_fn() != numpy_fn()))
        rows.append({"op": name, "shixian_ns": ours_t / size * 1e9, "numpy_ns": numpy_t / size * 1e9,
                     "ratio": numpy_t / ours_t, "numpy_wrong": wrong, "size": size})

    row("add_workdays(d, 20) vs numpy.busday_offset(d, 20, roll='forward')",
        lambda: shixian.add_workdays(dates, 20),
        lambda: np.busday_offset(dates, 20, roll="forward", busdaycal=cal),
        lambda: shixian.busday_offset(dates, 20, roll="forward"))
    row("busday_offset(d, 20, roll='forward') vs numpy",
        lambda: shixian.busday_offset(dates, 20, roll="forward"),
        lambda: np.busday_offset(dates, 20, roll="forward", busdaycal=cal),
        lambda: shixian.busday_offset(dates, 20, roll="forward"))
    row("workdays_between(a, b) vs numpy.busday_count(a, b)",
        lambda: shixian.workdays_between(dates, ends),
        lambda: np.busday_count(dates, ends, busdaycal=cal),
        lambda: shixian.busday_count(dates, ends))
    row("busday_count(a, b) vs numpy",
        lambda: shixian.busday_count(dates, ends),
        lambda: np.busday_count(dates, ends, busdaycal=cal),
        lambda: shixian.busday_count(dates, ends))
    out["vectorised"] = rows
    # The same operations in C++ (Google Benchmark), for the cost of the binding per element.
    bench = os.path.join(out["build"], "bench", "calendar_bench")
    if os.path.exists(bench):
        r = subprocess.run([bench, "--benchmark_filter=BM_(AddWorkdays_Shixian/20|WorkdaysBetween_Shixian/3652)$",
                            "--benchmark_format=json", "--benchmark_min_time=0.2"], capture_output=True, text=True)
        if r.returncode == 0:
            out["cpp"] = {b["name"]: b["cpu_time"] for b in json.loads(r.stdout)["benchmarks"]}


def scalar(shixian, out):
    days = np.arange(np.datetime64("2001-01-01"), np.datetime64("2031-01-01"))
    info = shixian.day_info(days)
    as_dates = days.astype(object)
    holidays = {d: f or "休息日" for d, w, k, f in zip(as_dates, info["workday"], info["kind"], info["festival"])
                if not w and k != "weekend"}
    workdays = {d: f for d, k, f in zip(as_dates, info["kind"], info["festival"]) if k == "makeup_work"}
    naive = DayByDay(holidays, workdays)
    styled = ChineseCalendarStyle(holidays, workdays)
    rng = np.random.default_rng(1)
    sample = [datetime.date(2003, 1, 1) + datetime.timedelta(days=int(x)) for x in rng.integers(0, 8000, 512)]
    for d in sample:  # the same answers first
        assert naive.add_workdays(d, 20) == shixian.add_workdays(d, 20), d
        assert naive.is_workday(d) == shixian.is_workday(d), d
        e = d + datetime.timedelta(days=30)
        assert naive.workdays_between(d, e) == shixian.workdays_between(d, e), d
        assert styled.add_workdays(d, 20) == naive.add_workdays(d, 20), d
    rows = []
    it = iter(range(10 ** 9))

    def pick():
        return sample[next(it) & 511]

    spans = [(d, d + datetime.timedelta(30)) for d in sample]

    def span30():
        return spans[next(it) & 511]

    for peer, impl, peer_calls in (("lean day by day", naive, 2000), ("chinese-calendar style", styled, 20)):
        for name, ours, theirs, calls in (
                ("add_workdays(date, 20)", lambda: shixian.add_workdays(pick(), 20),
                 lambda: impl.add_workdays(pick(), 20), 20000),
                ("is_workday(date)", lambda: shixian.is_workday(pick()), lambda: impl.is_workday(pick()), 50000),
                ("workdays_between(date, date + 30)",
                 lambda: shixian.workdays_between(*span30()), lambda: impl.workdays_between(*span30()), 20000)):
            # the cost of the lambda and of choosing the sample dates, taken off both
            base = per_call((lambda: span30()) if "between" in name else (lambda: pick()), calls)
            a = per_call(ours, calls) - base
            b = per_call(theirs, peer_calls * (10 if "is_workday" in name else 1)) - base
            rows.append({"op": name, "peer": peer, "shixian_ns": a * 1e9, "python_ns": b * 1e9, "ratio": b / a})
    out["scalar"] = rows


def check(shixian, n, out):
    data = os.path.join(out["build"], "bench-check", str(n))
    tasks, pubs = os.path.join(data, "tasks.csv"), os.path.join(data, "publications.csv")
    if not os.path.exists(pubs):
        os.makedirs(data, exist_ok=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_check.py"), str(n), data, "--shixian",
                        os.path.join(out["build"], "shixian")], check=True, stderr=subprocess.DEVNULL)
    cli = os.path.join(out["build"], "shixian")
    rows = []
    for fmt, findings in (("text", False), ("csv", True)):
        def run_cli():
            subprocess.run([cli, "check", tasks, "--publications", pubs, "--as-of", "2016-12-31", "--format", fmt,
                            "-o", os.path.join(data, "py-bench-report." + fmt)], stderr=subprocess.DEVNULL)

        def run_py():
            result = shixian.check(tasks, pubs, as_of="2016-12-31", findings=findings)
            run_py.rows = len(result.findings) if findings else result.summary["deadlines"]

        cli_t, py_t = [], []
        for _ in range(2):  # alternated, so both see the same load
            cli_t.append(best(run_cli, 1))
            py_t.append(best(run_py, 1))
        rows.append({"python": f"check(findings={findings})", "cli": f"--format {fmt}", "cli_s": min(cli_t),
                     "python_s": min(py_t), "ratio": min(py_t) / min(cli_t), "deadlines": run_py.rows})
    out["check"] = rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--build", default=os.path.join(ROOT, "build", "release"))
    p.add_argument("--size", type=int, default=1_000_000)
    p.add_argument("--check", type=int, default=1_000_000, help="register size for part 3 (0: skip)")
    p.add_argument("--installed", action="store_true")
    p.add_argument("--json")
    args = p.parse_args()
    if not args.installed:
        sys.path.insert(0, os.path.join(args.build, "python"))
    import shixian
    out = {"build": os.path.abspath(args.build), "loadavg": open("/proc/loadavg").read().split()[:3],
           "cpus": os.cpu_count(), "numpy": np.__version__, "python": sys.version.split()[0]}
    vectorised(shixian, args.size, out)
    scalar(shixian, out)
    if args.check:
        check(shixian, args.check, out)
    print(f"machine: {out['cpus']} CPUs, load before the run {' '.join(out['loadavg'])} (shared), "
          f"Python {out['python']}, NumPy {out['numpy']}")
    print(f"\nVectorised, {args.size:,} dates (ns per element)")
    print("| operation | shixian | numpy | numpy ÷ shixian | numpy answers ≠ shixian |")
    print("|---|---:|---:|---:|---:|")
    for r in out["vectorised"]:
        print(f"| {r['op']} | {r['shixian_ns']:.1f} | {r['numpy_ns']:.1f} | {r['ratio']:.1f}× | {r['numpy_wrong']:,} |")
    for name, ns in out.get("cpp", {}).items():
        print(f"  C++ {name}: {ns:.1f} ns per call")
    print("\nScalar calls (ns per call)")
    print("| operation | pure-Python peer | shixian | peer | peer ÷ shixian |")
    print("|---|---|---:|---:|---:|")
    for r in out["scalar"]:
        print(f"| {r['op']} | {r['peer']} | {r['shixian_ns']:.0f} | {r['python_ns']:,.0f} | {r['ratio']:,.0f}× |")
    if "check" in out:
        print(f"\ncheck, {args.check:,}-task register (s, best of 2, alternated)")
        print("| Python | CLI | Python s | CLI s | Python ÷ CLI | deadlines |")
        print("|---|---|---:|---:|---:|---:|")
        for r in out["check"]:
            print(f"| {r['python']} | {r['cli']} | {r['python_s']:.2f} | {r['cli_s']:.2f} | {r['ratio']:.2f} | {r['deadlines']:,} |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
