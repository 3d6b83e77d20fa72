#!/usr/bin/env python3
"""Generates a task register and publication log of N tasks for the `shixian
check` benchmarks (bench/scaling.sh, bench/check_bench.cpp).

The rules are the phrases of grammar/corpus/phrases.tsv, weighted so that each
rule kind appears as often as in real plans (KIND_WEIGHTS). Tasks get the
event dates their rules need, units, a lead unit and the plan year; the log
gets one publication per deadline (N for 年内至少N次, a display interval for
公示), of which a controlled share is late, missing or displayed too briefly.

Which events a phrase needs, and its deadlines, come from shixian itself: a
calibration register (every phrase × VARIANTS event dates) is checked once
with an empty log, which yields the needed events (needs_context) and every
deadline (missing, with due date and period). So the generator never
re-implements the rules, and it plans for exactly the deadlines checked.

The realistic mix is publication-heavy: 0.5% of tasks are 每日 rules with
366 deadlines each, so 1M tasks have 3.9M deadlines and 3.7M publications
(120 MB register, 310 MB log).

The shares are exact for the log's items; the planned verdicts (on stderr)
and the check's differ where a rule with short periods (每日, 每周) has two bad
periods in a row: a late publication then counts on time for the next period
when that one has none of its own (at the defaults, about a fifth of the
planned late ones become on time + missing). 全年 stays pending until after
the as-of day whatever was published.

Deterministic for a given --seed, corpus and shixian build. About 6 µs of
CPU per task (1M tasks in 11 s, 10M in 85 s on the shared 2-core machine).

Usage: gen_check.py N OUT_DIR [--seed S] [--late F] [--missing F] [--short F]
                              [--as-of DATE] [--shixian BIN]
"""
import argparse
import bisect
import csv
import datetime
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
YEAR = 2016
VARIANTS = 16  # event-date variants per phrase; each task takes one

# How often each rule kind appears in real plans: `shixian extract` over the
# five plans of tests/data/extract found these counts (440 rules). Within a
# kind, the corpus phrases share the weight equally.
KIND_WEIGHTS = {"deadline": 128, "timely": 111, "recurring": 43, "continuous": 40, "unspecified": 33,
                "milestones": 27, "ongoing": 22, "count": 17, "duration": 14, "external": 4}
LEADS = ["区发改局", "区财政局", "区政府办", "区市场监管局", "区公共资源交易中心", "区税务局",
         "区统计局", "区住建局", "区生态环境局", "区发改局、区商务局"]
UNITS = ["各街道，区直有关部门", "", "区政务公开办", "各镇（街道）"]


def corpus():
    """(phrase, kind) for every line of the phrase corpus ("\\n" is a line break)."""
    out = []
    with open(os.path.join(ROOT, "grammar", "corpus", "phrases.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            out.append((cells[0].replace("\\n", "\n"), cells[2]))
    return out


def csv_cell(text):
    if any(c in text for c in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def run_check(shixian, tasks):
    """Checks [(id, rule, events)] as of 2099 with an empty log: the findings as dicts."""
    with tempfile.TemporaryDirectory() as tmp:
        reg, log, out = (os.path.join(tmp, n) for n in ("tasks.csv", "log.csv", "out.csv"))
        with open(reg, "w", encoding="utf-8") as f:
            f.write("id,title,lead,rule,year,events\n")
            for tid, rule, events in tasks:
                f.write("%s,t,区发改局,%s,%d,%s\n" % (tid, csv_cell(rule), YEAR, events_cell(events)))
        with open(log, "w", encoding="utf-8") as f:
            f.write("task_id,published\n")
        r = subprocess.run([shixian, "check", reg, "--publications", log, "--as-of", "2099-12-31",
                            "--format", "csv", "-o", out], stderr=subprocess.PIPE, text=True)
        if r.returncode not in (0, 1):
            sys.exit("gen_check.py: calibration failed: " + r.stderr)
        with open(out, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))


def events_cell(events):
    return csv_cell(";".join("%s=%s" % e for e in events))


def needed_events(shixian, phrases):
    """The event names each phrase needs: asked one at a time until none is missing."""
    needed = [[] for _ in phrases]
    open_ = set(range(len(phrases)))
    day = datetime.date(YEAR, 6, 1)
    while open_:
        rows = run_check(shixian, [("P%d" % i, phrases[i][0], [(e, day) for e in needed[i]]) for i in open_])
        asked = {}
        for r in rows:
            if r["verdict"] == "needs_context":
                m = re.search(r'"([^"]+)"', r["message"])  # the first event named (the rest are alternatives)
                if m:
                    asked.setdefault(int(r["task_id"][1:]), m.group(1))
        for i in list(open_):
            name = asked.get(i)
            if name is None or name in needed[i]:  # done, or giving it did not help
                open_.discard(i)
            else:
                needed[i].append(name)
    return needed


VERDICTS = ["on_time", "late", "missing", "too_short", "count_short", "pending"]
ON_TIME, LATE, MISSING, TOO_SHORT, COUNT_SHORT, PENDING = range(len(VERDICTS))


def deadlines(shixian, phrases, needed, bases):
    """Every deadline of every (phrase, variant): {(i, v): [(kind, obligation, a, b, n)]}.
    Kinds: 'D' by-deadline (window start a, due b), 'C' count (period [a, b],
    at least n), 'S' 公示 (no start known: a, b None; at least n)."""
    tasks = [("P%dV%d" % (i, v), phrases[i][0], [(e, bases[i][v]) for e in needed[i]])
             for i in range(len(phrases)) for v in range(VARIANTS)]
    out = {}
    iso = datetime.date.fromisoformat
    for r in run_check(shixian, tasks):
        i, v = map(int, r["task_id"][1:].split("V"))
        obl = int(r["obligation"])
        if r["verdict"] == "count_short":
            spec = ("C", obl, iso(r["period_start"]), iso(r["period_end"]), int(r["required"]))
        elif r["required"]:
            spec = ("S", obl, None, None, int(r["required"]))
        elif r["verdict"] == "missing" and r["due"]:
            due = iso(r["due"][:10])
            spec = ("D", obl, min(iso(r["period_start"]) if r["period_start"] else bases[i][v], due), due, 0)
        else:
            continue
        out.setdefault((i, v), []).append(spec)
    return out


def outcomes(specs, base, shares, as_of, rng):
    """For each deadline, its possible log lines: [(below, pieces, verdict)],
    the first whose `below` exceeds a uniform draw is taken. `pieces` joined
    with the task id are the lines (the id appears in the URL too)."""
    late, missing, short = shares
    day = datetime.timedelta
    # A late publication must come before the next due date of the same rule,
    # else the matcher counts it for the next period.
    dues = {}
    for kind, obl, _, due, _ in specs:
        if kind == "D":
            dues.setdefault(obl, []).append(due)
    for d in dues.values():
        d.sort()

    def line(k, obl, published, withdrawn=""):
        return ["", ",%s,%s,http://www.example.gov.cn/xxgk/" % (published, withdrawn),
                "_%d.html,信息%d,%d\n" % (k, k, obl)]

    def joined(lines):  # pieces of several lines: the id goes between each pair
        pieces = [""]
        for ln in lines:
            pieces[-1] += ln[0]
            pieces += ln[1:]
        return pieces

    def judged(verdict, due, published=None):  # what check should say as of as_of (全年 aside)
        if published is None or published > as_of:
            return PENDING if due >= as_of else (COUNT_SHORT if verdict == COUNT_SHORT else MISSING)
        return PENDING if due > as_of else verdict

    out = []
    for k, (kind, obl, a, b, n) in enumerate(specs):
        if kind == "D":
            later = dues[obl][bisect.bisect_right(dues[obl], b):]
            gap = (later[0] - b).days if later else 30
            on = b - day(rng.randint(0, min((b - a).days, 5)))
            lt = b + day(rng.randint(1, max(1, min(gap - 1, 10))))
            out.append([(missing, [], judged(MISSING, b)),
                        (missing + late, line(k, obl, lt), judged(LATE, b, lt)),
                        (2.0, line(k, obl, on), judged(ON_TIME, b, on))])
        elif kind == "C":  # missing: one publication too few
            dates = sorted(a + day(rng.randint(0, (b - a).days)) for _ in range(n))
            ok = joined([line(k * 1000 + j, obl, d) for j, d in enumerate(dates)])
            few = joined([line(k * 1000 + j, obl, d) for j, d in enumerate(dates[1:])])
            out.append([(missing, few, judged(COUNT_SHORT, b)), (2.0, ok, judged(ON_TIME, b, a))])
        else:  # 'S': too short displays under half the minimum
            start = base + day(rng.randint(0, 10))
            brief = line(k, obl, start, start + day(max(0, n // 2 - 1)))
            full = line(k, obl, start, start + day(2 * n + 14))
            out.append([(missing, [], MISSING), (missing + short, brief, TOO_SHORT), (2.0, full, ON_TIME)])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="tasks")
    ap.add_argument("out", help="output directory (tasks.csv, publications.csv)")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--late", type=float, default=0.10, help="share of deadlines published late")
    ap.add_argument("--missing", type=float, default=0.05, help="share never published (count rules: one short)")
    ap.add_argument("--short", type=float, default=0.20, help="share of 公示 displayed too briefly")
    ap.add_argument("--as-of", default="%d-12-31" % YEAR, help="the check's as-of day, for the planned verdicts")
    ap.add_argument("--shixian", default=os.path.join(ROOT, "build", "release", "shixian"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    phrases = corpus()
    needed = needed_events(args.shixian, phrases)
    bases = [[datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randint(0, 300)) for _ in range(VARIANTS)]
             for _ in phrases]
    found = deadlines(args.shixian, phrases, needed, bases)
    shares = (args.late, args.missing, args.short)
    as_of = datetime.date.fromisoformat(args.as_of)
    # One entry per (phrase, variant): the task row's tail and its deadlines' outcomes.
    kinds = {}
    for _, kind in phrases:
        kinds[kind] = kinds.get(kind, 0) + 1
    variants, cum, total = [], [], 0.0
    for i, (rule, kind) in enumerate(phrases):
        for v in range(VARIANTS):
            tail = ",%s,%d,%s\n" % (csv_cell(rule), YEAR, events_cell([(e, bases[i][v]) for e in needed[i]]))
            variants.append((tail, outcomes(found.get((i, v), []), bases[i][v], shares, as_of, rng)))
            total += KIND_WEIGHTS.get(kind, 0) / kinds[kind] / VARIANTS
            cum.append(total)

    os.makedirs(args.out, exist_ok=True)
    planned = [0] * len(VERDICTS)
    pubs = 0
    rand = rng.random
    with open(os.path.join(args.out, "tasks.csv"), "w", encoding="utf-8") as t, \
         open(os.path.join(args.out, "publications.csv"), "w", encoding="utf-8") as p:
        t.write("id,title,lead,units,rule,year,events\n")
        p.write("task_id,published,withdrawn,url,title,obligation\n")
        # Lead and units cycle together: 20 = lcm(len(LEADS), len(UNITS)).
        heads = ["%s,%s" % (LEADS[j % len(LEADS)], csv_cell(UNITS[j % len(UNITS)])) for j in range(20)]
        batch = 65536
        for first in range(0, args.n, batch):
            rows, lines = [], []
            for j, (tail, deadline_outcomes) in enumerate(rng.choices(variants, cum_weights=cum,
                                                                      k=min(batch, args.n - first))):
                i = first + j
                tid = "T%08d" % i
                rows.append("%s,事项%d：政务信息公开,%s%s" % (tid, i, heads[i % 20], tail))
                for choices in deadline_outcomes:
                    u = rand()
                    for below, pieces, verdict in choices:
                        if u < below:
                            if pieces:
                                lines.append(tid.join(pieces))
                            planned[verdict] += 1
                            break
            t.write("".join(rows))
            text = "".join(lines)
            pubs += text.count("\n")
            p.write(text)
    print("gen_check.py: %d tasks, %d publications; planned %d deadlines: %s" % (
        args.n, pubs, sum(planned), ", ".join("%s %d" % kv for kv in zip(VERDICTS, planned))), file=sys.stderr)


if __name__ == "__main__":
    main()
