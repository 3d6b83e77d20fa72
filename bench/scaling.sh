#!/usr/bin/env bash
# `shixian check` at growing register sizes, to show that time grows linearly
# with the tasks and memory stays flat: for each size, bench/gen_check.py
# generates a register and its publication log (cached per size), then
# `shixian check` runs under /usr/bin/time -v. Writes one TSV row per size
# and prints the table (bench/report.py --scaling).
#
# Usage: bench/scaling.sh [--10m] [--sizes "1000 10000"] [--build DIR] [--tsv FILE]
#   default sizes 1K, 10K, 100K, 1M; --10m adds 10M (about 4 GB of input
#   and a minute or two just to generate it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes="1000 10000 100000 1000000"
build=$root/build/release
tsv=""
while [ $# -gt 0 ]; do
  case "$1" in
    --10m) sizes="$sizes 10000000" ;;
    --sizes) sizes=$2; shift ;;
    --build) build=$2; shift ;;
    --tsv) tsv=$2; shift ;;
    *) echo "usage: bench/scaling.sh [--10m] [--sizes \"N...\"] [--build DIR] [--tsv FILE]" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$tsv" ] || tsv=$build/bench-results/scaling.tsv
mkdir -p "$(dirname "$tsv")"
field() { grep "$1" "$data/time.txt" | awk '{print $NF}'; }  # a value of /usr/bin/time -v
printf 'tasks\tdeadlines\tpublications\tinput_mb\twall_s\tuser_s\tsys_s\tpeak_rss_kb\tcpus\n' > "$tsv"

for n in $sizes; do
  data=$build/bench-check/$n
  # Regenerate when the generator, the corpus or the binary (which calibrates it) changed.
  if [ ! -f "$data/publications.csv" ] || [ -n "$(find "$root/bench/gen_check.py" \
       "$root/grammar/corpus/phrases.tsv" "$build/shixian" -newer "$data/publications.csv")" ]; then
    rm -rf "$data" && mkdir -p "$data"
    python3 "$root/bench/gen_check.py" "$n" "$data" --shixian "$build/shixian" 2> "$data/gen.log" ||
      { cat "$data/gen.log" >&2; exit 1; }
  fi
  status=0
  /usr/bin/time -v "$build/shixian" check "$data/tasks.csv" --publications "$data/publications.csv" \
    --as-of 2016-12-31 --format text -o "$data/report.txt" 2> "$data/time.txt" || status=$?
  [ $status -le 1 ] || { cat "$data/time.txt" >&2; exit 1; }  # 1: failures found, as planned
  wall=$(field 'Elapsed (wall clock)' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  # The summary line: 检查N项任务、M个期限：…
  deadlines=$(grep -o '项任务、[0-9]*个期限' "$data/time.txt" | grep -o '[0-9]*' || echo 0)
  publications=$(($(wc -l < "$data/publications.csv") - 1))
  input_mb=$(du -cm "$data/tasks.csv" "$data/publications.csv" | tail -1 | cut -f1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$deadlines" "$publications" "$input_mb" "$wall" \
    "$(field 'User time')" "$(field 'System time')" "$(field 'Maximum resident')" "$(nproc)" >> "$tsv"
done
python3 "$root/bench/report.py" --scaling "$tsv"
