#!/usr/bin/env python3
"""Generates a task register and publication log of N tasks for the check
benchmark (bench/check_bench.sh): realistic rule texts (a few dozen distinct,
as plans repeat them), event dates across 2016, one or two publications per
task, some late, some missing. Deterministic (seeded).

Usage: gen_check.py N OUT_DIR
"""
import os
import random
import sys

RULES = [
    ("形成文件后3个工作日公开", "形成文件"),
    ("收到文件后5个工作日公开", "收到文件"),
    ("收到文件后及时发布", "收到文件"),
    ("复议期届满后5个工作日公开", "决定送达"),
    ("提前2个工作日发布", "检修"),
    ("突发事件发生后24小时内发布", "突发事件"),
    ("签订3日内公示", "签订"),
    ("于人大批复后30个工作日内公开", "人大批复"),
    ("自执行税收政策起5个工作日内进行更新发布", "执行税收政策"),
    ("形成文件后3个工作日公开；收到文件后及时发布", "形成文件+收到文件"),
    ("5月底前", None), ("3月31日前", None), ("7月中旬前", None), ("9月上旬", None), ("年底前", None),
    ("年中督查，年底考核", None), ("第三季度末", None), ("上半年", None), ("9月9日、11月25日前", None),
    ("7月底前启动，9月底前完成", None), ("每季度", None), ("每半年", None), ("每年", None),
    ("每季度结束后15个工作日内", None), ("年内至少2次", None), ("全年", None),
    ("公示不得少于5个工作日", None), ("公示20日", None), ("长期推进", None), ("适时", None),
    ("按预算法规定时限", None), ("每月", None),
]
LEADS = ["区发改局", "区财政局", "区政府办", "区市场监管局", "区公共资源交易中心", "区税务局",
         "区统计局", "区住建局", "区生态环境局", "区发改局、区商务局"]


def day(rng, lo=1, hi=330):
    import datetime
    return datetime.date(2016, 1, 1) + datetime.timedelta(days=rng.randint(lo, hi))


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(6)
    with open(os.path.join(out, "tasks.csv"), "w", encoding="utf-8") as t, \
         open(os.path.join(out, "publications.csv"), "w", encoding="utf-8") as p:
        t.write("id,title,lead,units,rule,year,events\n")
        p.write("task_id,published,withdrawn,url,title\n")
        for i in range(n):
            rule, ev = RULES[i % len(RULES)]
            tid = "T%07d" % i
            events = ""
            base = day(rng)
            if ev:
                names = ev.split("+")
                events = ";".join("%s=%s" % (name, base) for name in names)
            t.write('%s,事项%d：政务信息公开,%s,"各街道，区直有关部门",%s,2016,%s\n'
                    % (tid, i, LEADS[i % len(LEADS)], rule, events))
            import datetime
            for k in range(rng.choice([0, 1, 1, 2, 2, 3])):
                d = base + datetime.timedelta(days=rng.randint(0, 12) + 30 * k)
                w = ""
                if "公示" in rule:
                    w = str(d + datetime.timedelta(days=rng.randint(3, 30)))
                p.write("%s,%s,%s,http://www.example.gov.cn/xxgk/%s_%d.html,信息%d\n" % (tid, d, w, tid, k, i))


if __name__ == "__main__":
    main()
