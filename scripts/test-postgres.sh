#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests: `start DIR PORT` creates (if needed) and starts it,
# with database and user offloadctl (password offloadctl) on 127.0.0.1:PORT; `stop DIR` stops it.
# It runs as the postgres system user because initdb refuses root; nothing else on the machine
# is touched.
set -euo pipefail
action=$1
dir=$(realpath -m "$2")
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case $action in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_postgres "$bin/initdb" -D "$dir" -A trust -U postgres >/dev/null
    fi
    as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null
    as_postgres psql -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_roles where rolname='offloadctl'" | grep -q 1 \
      || as_postgres psql -h 127.0.0.1 -p "$port" -U postgres -qc "create user offloadctl password 'offloadctl'"
    as_postgres psql -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='offloadctl'" | grep -q 1 \
      || as_postgres psql -h 127.0.0.1 -p "$port" -U postgres -qc "create database offloadctl owner offloadctl"
    echo "jdbc:postgresql://127.0.0.1:$port/offloadctl"
    ;;
  stop)
    [ -f "$dir/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
    ;;
  *)
    echo "usage: $0 start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
