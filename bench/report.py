#!/usr/bin/env python3
"""Prints a Markdown table from Google Benchmark JSON: median time per
operation for each implementation side by side, and how many times faster
shixian is. Benchmarks are named BM_<Operation>_<Implementation>[/arg]."""
import json
import re
import sys
from collections import OrderedDict

IMPLEMENTATIONS = ["Shixian", "Naive", "QuantLib"]


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    rows = OrderedDict()
    for b in data["benchmarks"]:
        if b.get("aggregate_name", "median") != "median":
            continue
        m = re.match(r"BM_(\w+?)_(Shixian|Naive|QuantLib)(?:/(-?\d+))?(?:_median)?$", b["run_name"])
        if not m:
            continue
        op, impl, arg = m.group(1), m.group(2), m.group(3) or ""
        unit = {"ns": 1.0, "us": 1e3, "ms": 1e6}[b["time_unit"]]
        rows.setdefault((op, arg), {})[impl] = b["cpu_time"] * unit
    ctx = data["context"]
    reps = max((b.get("repetitions", 1) for b in data["benchmarks"]), default=1)
    print(f"Machine: {ctx['num_cpus']} CPUs @ {ctx['mhz_per_cpu']} MHz; median CPU time of {reps} repetitions "
          f"per operation; {ctx['date']}\n")
    header = "| operation | n | " + " | ".join(f"{i} (ns)" for i in IMPLEMENTATIONS) + " | × naive | × QuantLib |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for (op, arg), times in rows.items():
        cells = [f"{times[i]:,.1f}" if i in times else "—" for i in IMPLEMENTATIONS]
        ratio = lambda peer: f"{times[peer] / times['Shixian']:,.0f}×" if peer in times and "Shixian" in times else "—"
        print(f"| {op} | {arg} | " + " | ".join(cells) + f" | {ratio('Naive')} | {ratio('QuantLib')} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench-results/calendar.json")
