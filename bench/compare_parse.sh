#!/usr/bin/env bash
# The parser against an earlier version of itself, in one run: builds
# bench/parse_bench at REV (default: the commit before the SPEC §8 grammar,
# 4ac2d42) in a throw-away worktree with the same flags as build/release, then
# runs the two binaries alternately, three rounds, on the phrases both
# versions parse (the typical mix and the single-phrase cases). Prints each
# round's CPU times and the ratio new/old.
# Usage: bench/compare_parse.sh [REV]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rev=${1:-4ac2d42}
old="$root/build/compare-$rev"
if [ ! -x "$old/build/bench/parse_bench" ]; then
  rm -rf "$old"
  git -C "$root" worktree add --detach "$old" "$rev" >/dev/null
  cmake -S "$old" -B "$old/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSHIXIAN_BUILD_TESTS=OFF \
    -DSHIXIAN_BUILD_BENCH=ON >/dev/null
  cmake --build "$old/build" --target parse_bench >/dev/null
fi
new="$root/build/release/bench/parse_bench"
[ -x "$new" ] || { echo "build the project first (scripts/build Release -DSHIXIAN_BUILD_BENCH=ON)" >&2; exit 2; }
filter='BM_ParseTypicalMix|BM_Parse/(relative|anchor|milestones|recurrence|seed_cell)$'
run() { "$1" --benchmark_filter="$filter" --benchmark_min_time=0.5 --benchmark_format=csv 2>/dev/null |
          awk -F, 'NR > 1 { gsub(/"/, "", $1); print $1, $4 }'; }
for round in 1 2 3; do
  run "$old/build/bench/parse_bench" > /tmp/shixian-parse-old.txt
  run "$new" > /tmp/shixian-parse-new.txt
  echo "round $round (cpu ns: old new new/old)"
  join /tmp/shixian-parse-old.txt /tmp/shixian-parse-new.txt | awk '{ printf "  %-26s %8.0f %8.0f  %.2f\n", $1, $2, $3, $3 / $2 }'
done
