#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on 127.0.0.1.
#   source scripts/postgres_server.sh start   # exports KAM_PG_* for dbt
#   scripts/postgres_server.sh stop
# Needs the server binaries (Debian: apt-get install postgresql). As root, the
# server runs as the postgres user. The data folder lives in a temporary
# directory that `stop` removes.
set -euo pipefail

kam_pg_bin() {
    local bin_dir
    if command -v pg_config >/dev/null 2>&1 \
        && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return
    fi
    bin_dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin_dir" ] || [ ! -x "$bin_dir/initdb" ]; then
        echo "postgres_server: no PostgreSQL server binaries found." \
            "Install them (Debian: apt-get install -y postgresql) or set" \
            "KAM_PG_HOST to a running server." >&2
        return 1
    fi
    echo "$bin_dir"
}

kam_pg_as_owner() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

kam_pg_start() {
    local bin_dir data_dir port
    bin_dir=$(kam_pg_bin)
    port=${KAM_PG_PORT:-55432}
    data_dir=$(mktemp -d /tmp/kam_pg.XXXXXX)
    if [ "$(id -u)" = "0" ]; then
        chown postgres "$data_dir"
    fi
    kam_pg_as_owner "$bin_dir/initdb" -D "$data_dir/data" -A trust \
        -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    kam_pg_as_owner "$bin_dir/pg_ctl" -D "$data_dir/data" -w -l "$data_dir/log" \
        -o "-h 127.0.0.1 -p $port -k $data_dir" start >/dev/null
    "$bin_dir/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q \
        -c "create role kam login createrole" \
        -c "create database kam owner kam" >/dev/null
    export KAM_PG_DATA_DIR=$data_dir KAM_PG_BIN=$bin_dir
    export KAM_PG_HOST=127.0.0.1 KAM_PG_PORT=$port KAM_PG_USER=kam
    export KAM_PG_PASSWORD="" KAM_PG_DATABASE=kam KAM_PG_SCHEMA=public
    echo "postgres_server: PostgreSQL running on 127.0.0.1:$port ($data_dir)"
}

kam_pg_stop() {
    local bin_dir
    if [ -n "${KAM_PG_DATA_DIR:-}" ] && [ -d "$KAM_PG_DATA_DIR/data" ]; then
        bin_dir=${KAM_PG_BIN:-$(kam_pg_bin)}
        kam_pg_as_owner "$bin_dir/pg_ctl" -D "$KAM_PG_DATA_DIR/data" -w \
            -m fast stop >/dev/null || true
        rm -rf "$KAM_PG_DATA_DIR"
    fi
}

case "${1:-}" in
    start) kam_pg_start ;;
    stop) kam_pg_stop ;;
    *) echo "usage: postgres_server.sh start|stop" >&2; exit 2 ;;
esac
