#!/usr/bin/env python3
"""Prints the benchmark suite's results as one Markdown table: every layer,
shixian's median CPU time per operation, the peers side by side where there
are peers (naive, NumPy, QuantLib; ratios = how many times faster shixian
is), the issues' targets and whether they are met (✗ 2.5×: 2.5 times away
from the target), and the machine.

Inputs, in the results directory scripts/bench fills:
  calendar.json numpy.json parse.json evaluate.json extract.json check.json
      Google Benchmark JSON (numpy.json from bench/numpy_peer.py, same form);
      benchmarks are named BM_<Operation>[_<Implementation>][/<arg>]
  scaling.tsv   bench/scaling.sh (`shixian check` at 1K…1M tasks)
  loadavg       /proc/loadavg when the run started
Missing files are skipped.

Usage: report.py RESULTS_DIR
       report.py --scaling scaling.tsv     (only the scaling table)
"""
import csv
import json
import os
import re
import sys

PEERS = ["Naive", "NumPy", "QuantLib"]


def read(path):
    if not os.path.exists(path):
        return {"context": {}, "benchmarks": []}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load(path):
    """run name → the benchmark's median (or only) entry."""
    runs = {}
    for b in read(path)["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        if b.get("error_occurred"):
            continue
        runs.setdefault(b["run_name"], b)  # the median, or the first repetition
    return runs


def cpu_ns(b):
    return b["cpu_time"] * {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]


def human_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:,.1f} ns"


def human_count(n):
    for suffix, scale in (("G", 1e9), ("M", 1e6), ("K", 1e3)):
        if n >= scale:
            return f"{n / scale:.3g}{suffix}"
    return f"{n:,.0f}"


def human_rate(per_second, unit):
    return f"{human_count(per_second)} {unit}/s"


def at_most(value, limit):
    """✓, or ✗ with how far off the target is (2.5× means 2.5 times the limit)."""
    return "✓" if value <= limit else f"✗ {value / limit:.1f}×"


def at_least(value, limit):
    return "✓" if value >= limit else f"✗ {limit / value:.1f}×" if value else "✗"


class Table:
    COLUMNS = ["layer", "benchmark", "shixian", "naive", "NumPy", "QuantLib", "× naive", "× NumPy", "× QuantLib",
               "target", "met"]

    def __init__(self):
        self.rows = []

    def add(self, layer, name, shixian, peers=None, target="", met=""):
        peers = peers or {}
        cells = [layer, name, shixian]
        cells += [human_time(peers[p]) if p in peers else "" for p in PEERS]
        cells += [f"{peers[p] / peers['Shixian']:,.0f}×" if p in peers and "Shixian" in peers else ""
                  for p in PEERS]
        self.rows.append(cells + [target, met])

    def print(self):
        print("| " + " | ".join(self.COLUMNS) + " |")
        print("|" + "---|" * len(self.COLUMNS))
        for r in self.rows:
            print("| " + " | ".join(r) + " |")


def calendar_rows(table, runs):
    """BM_<Op>_<Impl>[/n]: one row per (operation, n), implementations side by side."""
    rows = {}
    for name, b in runs.items():
        m = re.match(r"BM_(\w+?)_(Shixian|Naive|QuantLib|NumPy)(?:/(-?\d+))?$", name)
        if m:
            rows.setdefault((m.group(1), m.group(3) or ""), {})[m.group(2)] = cpu_ns(b)
    for (op, arg), times in rows.items():
        if "Shixian" not in times:
            continue
        target = met = ""
        if (op, arg) == ("AddWorkdays", "20"):
            target = "≤ 5 ns; ≥ 50× QuantLib"
            ql = times.get("QuantLib", 0) / times["Shixian"]
            met = f"{at_most(times['Shixian'], 5)}; {at_least(ql, 50)}"
        table.add("calendar", f"{op}/{arg}" if arg else op, human_time(times["Shixian"]), times, target, met)


def rate_rows(table, layer, runs, prefix, unit, targets=None):
    """One row per benchmark named prefix…: time per item and the rate."""
    targets = targets or {}
    for name, b in runs.items():
        if not name.startswith(prefix):
            continue
        ns = cpu_ns(b)
        text = human_time(ns)
        if "bytes_per_second" in b:
            text += " · " + f"{b['bytes_per_second'] / 1e6:,.0f} MB/s"
        elif "items_per_second" in b and unit:
            text += " · " + human_rate(b["items_per_second"], unit)
        target, met = "", ""
        if name in targets:
            target, met = targets[name](b)
        label = name[3:]
        if "tasks" in b:  # one iteration checks a whole register
            label += f" ({b['tasks']:,.0f} tasks)"
        table.add(layer, label, text, target=target, met=met)


def scaling_rows(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def check_target(row):
    """1M tasks ≤ 2 s on 2 cores, ≤ 200 MB peak: (text, met) for the 1M row."""
    if int(row["tasks"]) != 1_000_000:
        return "", ""
    return "≤ 2 s, ≤ 200 MB", f"{at_most(float(row['wall_s']), 2)}; {at_most(int(row['peak_rss_kb']), 200 * 1024)}"


def print_scaling(path):
    rows = scaling_rows(path)
    print("| tasks | deadlines | publications | input | wall | CPU (user + sys) | tasks/s | peak RSS | µs CPU / task |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        n, wall = int(r["tasks"]), float(r["wall_s"])
        cpu = float(r["user_s"]) + float(r["sys_s"])
        print(f"| {n:,} | {int(r['deadlines']):,} | {int(r['publications']):,} | {r['input_mb']} MB | {wall:.2f} s "
              f"| {cpu:.2f} s | {human_rate(n / wall, 'tasks') if wall else '—'} "
              f"| {int(r['peak_rss_kb']) / 1024:,.0f} MB | {cpu * 1e6 / n:,.1f} |")


def machine(results):
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = "?"
    if os.path.exists(os.path.join(results, "loadavg")):
        with open(os.path.join(results, "loadavg"), encoding="utf-8") as f:
            load = " ".join(f.read().split()[:3])
    return f"{model}, {os.cpu_count()} cores, load average at start {load}"


def main(results):
    calendar = load(os.path.join(results, "calendar.json"))
    numpy = load(os.path.join(results, "numpy.json"))
    table = Table()
    calendar_rows(table, {**calendar, **numpy})
    rate_rows(table, "parse", load(os.path.join(results, "parse.json")), "BM_", "phrases",
              {"BM_ParseTypicalMix": lambda b: ("≥ 1M phrases/s/core", at_least(b["items_per_second"], 1e6))})
    evaluate = load(os.path.join(results, "evaluate.json"))
    rate_rows(table, "compile", evaluate, "BM_Compile", "rules",
              {"BM_CompileTypicalMix": lambda b: ("≤ 1 µs", at_most(cpu_ns(b), 1000))})
    rate_rows(table, "evaluate", evaluate, "BM_Evaluate", "evaluations",
              {"BM_Evaluate/workdays": lambda b: ("≥ 50M/s/core", at_least(b["items_per_second"], 50e6)),
               "BM_Evaluate/weekly_year": lambda b: ("≤ 2 µs", at_most(cpu_ns(b), 2000))})
    rate_rows(table, "evaluate", evaluate, "BM_Due", "")
    rate_rows(table, "extract", load(os.path.join(results, "extract.json")), "BM_", "",
              {"BM_ExtractPlans": lambda b: ("≥ 20 MB/s", at_least(b["bytes_per_second"], 20e6))})
    rate_rows(table, "check (library)", load(os.path.join(results, "check.json")), "BM_", "tasks")
    for r in scaling_rows(os.path.join(results, "scaling.tsv")):
        n, wall = int(r["tasks"]), float(r["wall_s"])
        text = f"{wall:.2f} s · {human_rate(n / wall, 'tasks') if wall else '—'} · {int(r['peak_rss_kb']) / 1024:,.0f} MB"
        label = f"{n:,} tasks ({human_count(int(r['deadlines']))} deadlines, {human_count(int(r['publications']))} publications)"
        table.add("check (CLI)", label, text, {}, *check_target(r))

    date = read(os.path.join(results, "calendar.json"))["context"].get("date", "")
    print(f"Machine: {machine(results)}; {date}. Median CPU time per operation (3 repetitions); "
          f"`check (CLI)` is wall time, throughput and peak RSS of `shixian check` (bench/scaling.sh).\n")
    table.print()
    differ = [(name[3:].replace("_NumPy", ""), b["differ"], b["sample"]) for name, b in numpy.items() if "differ" in b]
    if differ:
        print(f"\nNumPy's calendar is a weekmask plus holidays: it cannot express make-up working days on weekends "
              f"(调休上班), so some of its answers differ from shixian's. Out of {differ[0][2]} start dates: "
              + ", ".join(f"{op} {d}" for op, d, _ in differ) + ".")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--scaling":
        print_scaling(sys.argv[2])
    elif len(sys.argv) == 2:
        main(sys.argv[1])
    else:
        sys.exit(__doc__)
