#!/usr/bin/env bash
# The PostgreSQL extension's benchmarks, one run on one throw-away server
# (postgres/cluster.sh): add_workdays over 1M and 10M rows against the
# calendar-table queries people write (bench/postgres/add_workdays.sql: two
# joins on numbered days, one join on a precomputed answer table, the
# row_number() numbering in the query, a correlated subquery and a PL/pgSQL
# loop on samples) and the floors (no calendar work); the check query over the
# 1M-task register of bench/gen_check.py against `shixian check` on the same
# CSV files; the check with parallel workers; the register partitioned by unit.
# Output: the psql timings, raw.
# Usage: bench/postgres_bench.sh [--quick | --add-workdays-only]   (after scripts/build Release)
#   --quick: add_workdays on 1M rows only; --add-workdays-only: 1M and 10M rows, no check
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lib=$root/build/release/src/libshixian.a
build=$root/build/release
quick=${1:-}
pg_settings="-c shared_buffers=512MB -c work_mem=256MB -c max_parallel_workers=2 -c max_wal_size=4GB -c synchronous_commit=off"
. "$root/postgres/cluster.sh"
psql=("$bindir/psql" -X -q -d postgres)
"${psql[@]}" -c 'CREATE EXTENSION IF NOT EXISTS shixian'
for rows in 1000000 $([ "$quick" = --quick ] || echo 10000000); do
  echo "== add_workdays, $rows rows (correlated subquery on 100000 of them, PL/pgSQL loop on 20000)"
  "${psql[@]}" -v rows=$rows -v correlated_rows=100000 -v plpgsql_rows=20000 -f "$root/bench/postgres/add_workdays.sql"
done
[ "$quick" != --add-workdays-only ] || exit 0
data=$build/bench-pg/1000000
if [ ! -f "$data/publications.csv" ]; then
  mkdir -p "$data"
  /usr/bin/python3 "$root/bench/gen_check.py" 1000000 "$data" --shixian "$build/shixian" 2> "$data/gen.log"
fi
chmod 755 "$build/bench-pg" "$data"; chmod 644 "$data"/*.csv
echo "== shixian check, 1M tasks (CLI)"
/usr/bin/time -f 'cli wall %e s' "$build/shixian" check "$data/tasks.csv" --publications "$data/publications.csv" \
  --as-of 2016-12-31 --format text -o "$data/report.txt" || true
grep -m1 '项任务' "$data/report.txt" || true
echo "== check query, 1M tasks (SQL)"
"${psql[@]}" -v tasks="$data/tasks.csv" -v publications="$data/publications.csv" -f "$root/bench/postgres/check.sql"
echo "== parallel query"
"${psql[@]}" -f "$root/bench/postgres/parallel.sql"
echo "== partitioned by unit"
"${psql[@]}" -f "$root/bench/postgres/partitioned.sql"
