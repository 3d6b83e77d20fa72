#!/usr/bin/env bash
# End-to-end benchmark of `shixian check`: generates a register of N tasks
# and its publication log (bench/gen_check.py, deterministic), then checks it
# with the text report and with CSV rows, printing tasks/s and peak RSS
# (/usr/bin/time -v). Usage: bench/check_bench.sh [N=1000000] [build dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000000}
build=${2:-$root/build/release}
data=$build/bench-check/$n
if [ ! -f "$data/tasks.csv" ]; then
  python3 "$root/bench/gen_check.py" "$n" "$data"
fi
echo "register: $(du -h "$data/tasks.csv" | cut -f1), log: $(du -h "$data/publications.csv" | cut -f1), $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg)"
for format in text csv; do
  /usr/bin/time -v "$build/shixian" check "$data/tasks.csv" --publications "$data/publications.csv" \
    --as-of 2016-12-31 --format "$format" -o "$data/out.$format" 2> "$data/time.$format" || [ $? -eq 1 ]
  wall=$(grep 'Elapsed (wall clock)' "$data/time.$format" | awk '{print $NF}')
  user=$(grep 'User time' "$data/time.$format" | awk '{print $NF}')
  sys=$(grep 'System time' "$data/time.$format" | awk '{print $NF}')
  rss=$(grep 'Maximum resident' "$data/time.$format" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rate=$(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
  printf '%-5s wall %6ss  user %6ss  sys %5ss  peak RSS %6d MB  %9s tasks/s\n' "$format" "$secs" "$user" "$sys" $((rss / 1024)) "$rate"
  head -1 "$data/time.$format"
done
