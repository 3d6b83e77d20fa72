#!/usr/bin/python3
"""NumPy as a calendar peer: numpy.is_busday, busday_offset and busday_count
over the same 4096 start dates as bench/calendar_bench.cpp (splitmix64, seed
42, 2003-01-01..2025-12-31) and the same operations, timed per operation
(one vectorised call over the sample, divided by its size: how NumPy is
meant to be used). Writes Google Benchmark-style JSON (BM_<Op>_NumPy/<n>,
median CPU ns) that bench/report.py puts beside the other implementations.

NumPy's calendar is a weekmask plus a holiday list, so it cannot express
make-up working days on weekends (调休上班). The holidays given to it are
shixian's rest days that fall Monday–Friday (from `shixian calendar YEAR
--format tsv`); every make-up Saturday or Sunday is a rest day to NumPy. The
script counts how many of NumPy's answers over the sample differ from
shixian's calendar because of that, per operation.

Debian's python3-numpy is installed for Debian's interpreter, hence
/usr/bin/python3 rather than whichever python3 is first on PATH.

Usage: numpy_peer.py [--shixian BIN] [--out FILE] [--sample N] [--min-time S]
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIRST, LAST = np.datetime64("2003-01-01"), np.datetime64("2025-12-31")
YEARS = range(2001, 2037)  # the sample's years, ±250 working days and 3652-day spans from them
OFFSETS = [3, 20, 250, -3, -20, -250]
SPANS = [365, 3652]
MASK64 = (1 << 64) - 1


def splitmix64(state):
    """The generator calendar_bench.cpp uses, so both draw the same dates."""
    state = (state + 0x9E3779B97F4A7C15) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return state, z ^ (z >> 31)


def start_dates(count):
    span = int((LAST - FIRST).astype(int)) + 1
    state, out = 42, []
    for _ in range(count):
        state, x = splitmix64(state)
        out.append(x % span)
    return FIRST + np.array(out, dtype="timedelta64[D]")


def shixian_days(shixian):
    """(first day, bool array: is a working day) from shixian's own calendar export."""
    work = []
    for year in YEARS:
        tsv = subprocess.run([shixian, "calendar", str(year), "--format", "tsv"], check=True,
                             capture_output=True, text=True).stdout
        work += [line.split("\t")[1] == "work" for line in tsv.splitlines() if line]
    return np.datetime64("%d-01-01" % YEARS[0]), np.array(work)


class Reference:
    """shixian's answers, from the exact working-day table (rank/select over a prefix sum)."""

    def __init__(self, first, work):
        self.first, self.work = first, work
        self.rank = np.cumsum(work)            # working days in [first, day]
        self.select = np.flatnonzero(work)     # index of the k-th working day

    def idx(self, d):
        return (d - self.first).astype(int)

    def is_workday(self, d):
        return self.work[self.idx(d)]

    def add_workdays(self, d, n):  # strictly after (n > 0) or before (n < 0) d, as SPEC §2 counts
        i = self.idx(d)
        before = self.rank[i] - self.work[i]
        k = self.rank[i] + n - 1 if n > 0 else before + n
        return self.first + self.select[k].astype("timedelta64[D]")

    def workdays_between(self, a, b):  # (a, b]
        return self.rank[self.idx(b)] - self.rank[self.idx(a)]


def per_op_ns(call, size, min_time, repetitions=3):
    """Median over repetitions of CPU ns per element, each repetition at least min_time seconds."""
    results = []
    for _ in range(repetitions):
        calls, start = 0, time.process_time()
        while True:
            call()
            calls += 1
            spent = time.process_time() - start
            if spent >= min_time:
                break
        results.append(spent * 1e9 / (calls * size))
    return sorted(results)[len(results) // 2]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shixian", default=os.path.join(ROOT, "build", "release", "shixian"))
    ap.add_argument("--out", help="JSON file (Google Benchmark format); default stdout")
    ap.add_argument("--sample", type=int, default=4096)
    ap.add_argument("--min-time", type=float, default=0.2, help="seconds per repetition")
    args = ap.parse_args()

    first, work = shixian_days(args.shixian)
    days = first + np.arange(len(work)).astype("timedelta64[D]")
    weekday = (days.astype(int) + 3) % 7  # 1970-01-01 was a Thursday; 0 = Monday
    holidays = days[~work & (weekday < 5)]
    makeup = int((work & (weekday >= 5)).sum())
    cal = np.busdaycalendar(weekmask="1111100", holidays=holidays)
    ref = Reference(first, work)
    dates = start_dates(args.sample)

    # (name, arg, NumPy call, shixian's answers). busday_offset rolls a start
    # that is not a business day before offsetting; rolling backward for n > 0
    # and forward for n < 0 makes it count strictly after/before the start.
    # busday_count counts [begin, end), so (a, b] is [a + 1, b + 1).
    one = np.timedelta64(1, "D")
    ops = [("IsWorkday", "", lambda: np.is_busday(dates, busdaycal=cal), ref.is_workday(dates))]
    for n in OFFSETS:
        roll = "backward" if n > 0 else "forward"
        ops.append(("AddWorkdays", str(n), lambda n=n, roll=roll: np.busday_offset(dates, n, roll=roll, busdaycal=cal),
                    ref.add_workdays(dates, n)))
    for span in SPANS:
        ops.append(("WorkdaysBetween", str(span),
                    lambda span=span: np.busday_count(dates + one, dates + span * one + one, busdaycal=cal),
                    ref.workdays_between(dates, dates + span * one)))

    benchmarks = []
    for name, arg, call, expected in ops:
        differ = int((call() != expected).sum())
        ns = per_op_ns(call, len(dates), args.min_time)
        run = "BM_%s_NumPy" % name + ("/" + arg if arg else "")
        benchmarks.append({"name": run + "_median", "run_name": run, "aggregate_name": "median",
                           "run_type": "aggregate", "repetitions": 3, "cpu_time": ns, "real_time": ns,
                           "time_unit": "ns", "differ": differ, "sample": len(dates)})
        print("%-28s %8.1f ns/op  %4d of %d answers differ from shixian" % (run, ns, differ, len(dates)),
              file=sys.stderr)
    print("NumPy %s: weekmask + %d holidays cannot express the %d make-up weekend working days of %d–%d; "
          "the differing answers above are those." % (np.__version__, len(holidays), makeup, YEARS[0], YEARS[-1]),
          file=sys.stderr)
    result = {"context": {"library": "numpy " + np.__version__, "makeup_workdays": makeup},
              "benchmarks": benchmarks}
    text = json.dumps(result, indent=1)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
