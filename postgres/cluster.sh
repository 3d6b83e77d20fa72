# Sourced by scripts/test-postgres and bench/postgres_bench.sh: builds and
# installs the extension, starts a throw-away PostgreSQL cluster (initdb in a
# temp dir as the unprivileged `postgres` user when run as root, 127.0.0.1 on
# a free port) and stops it on exit (trap). Exports PGHOST, PGPORT, PGUSER.
# Set before sourcing: root (the repository), lib (libshixian.a), and
# optionally pg_settings (extra `-c name=value` server options).
bindir=$(pg_config --bindir)
[ -f "$lib" ] || { echo "postgres: $lib missing (run scripts/build Release first)" >&2; exit 1; }
make -s -C "$root/postgres" SHIXIAN_LIB="$lib" >/dev/null
if [ -w "$(pg_config --sharedir)/extension" ] && [ -w "$(pg_config --pkglibdir)" ]; then
  make -s -C "$root/postgres" SHIXIAN_LIB="$lib" install >/dev/null
else
  sudo -n make -s -C "$root/postgres" SHIXIAN_LIB="$lib" install >/dev/null ||
    { echo "postgres: cannot install into $(pg_config --sharedir) (run as root)" >&2; exit 1; }
fi
# The server refuses to run as root: run it as an unprivileged user.
run_as=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  run_as=(runuser -u postgres --)
fi
cluster=$(mktemp -d /tmp/shixian-pg.XXXXXX)
chmod 755 "$cluster"
if [ "$(id -u)" = 0 ]; then chown postgres "$cluster"; fi
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
stop_cluster() {
  "${run_as[@]}" "$bindir/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap stop_cluster EXIT
"${run_as[@]}" "$bindir/initdb" -D "$cluster/data" -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1
"${run_as[@]}" "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $cluster -c fsync=off ${pg_settings:-}" start >/dev/null
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres
