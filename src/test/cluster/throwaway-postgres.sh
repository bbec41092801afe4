#!/usr/bin/env bash
# A PostgreSQL instance of the fault tests' own, never the machine's shared one: made with initdb,
# listening on 127.0.0.1:PORT only, trust authentication for user postgres.
#
#   throwaway-postgres.sh start DIR PORT     a fresh instance (DIR emptied first), started, answering
#   throwaway-postgres.sh stop DIR PORT      fast shutdown (what an operator's restart does)
#   throwaway-postgres.sh start-again DIR PORT   the same instance started again after a stop
#   throwaway-postgres.sh destroy DIR PORT   stopped and its files removed
#
# PG_OPTIONS adds server options (src/bench/capacity.sh: -c shared_preload_libraries=pg_stat_statements).
# initdb refuses to run as root. As root the server runs as the postgres user, with its files in
# /tmp (the postgres user may not reach DIR: a checkout under /root); DIR/datadir names them.
set -euo pipefail
action=${1:?start|stop|start-again|destroy} dir=${2:?DIR} port=${3:?PORT}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
root=$([ "$(id -u)" = 0 ] && echo yes || echo no)
as_owner() {
    if [ "$root" = yes ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
data() { cat "$dir/datadir"; }
run() {
    # Sockets in the data folder too, so that nothing touches /var/run/postgresql.
    as_owner "$bin/pg_ctl" -D "$(data)" -l "$(data)/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $(data) -c fsync=off -c max_connections=200 ${PG_OPTIONS:-}" start >/dev/null
}

case $action in
    start)
        [ -f "$dir/datadir" ] && as_owner "$bin/pg_ctl" -D "$(data)" -m immediate stop >/dev/null 2>&1 || true
        [ -f "$dir/datadir" ] && rm -rf "$(data)"
        rm -rf "$dir"
        mkdir -p "$dir"
        if [ "$root" = yes ]; then
            data=/tmp/gatehouse-test-postgres-$port
            rm -rf "$data"
            install -d -o postgres -g postgres -m 700 "$data"
        else
            data=$dir/data
        fi
        echo "$data" > "$dir/datadir"
        as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
        run
        ;;
    start-again) run ;;
    stop)
        [ -f "$dir/datadir" ] || exit 0
        as_owner "$bin/pg_ctl" -D "$(data)" -m fast -w -t 60 stop >/dev/null
        ;;
    destroy)
        [ -f "$dir/datadir" ] || exit 0
        as_owner "$bin/pg_ctl" -D "$(data)" -m fast -w -t 60 stop >/dev/null 2>&1 || true
        rm -rf "$(data)" "$dir"
        ;;
    *) echo "usage: $0 start|stop|start-again|destroy DIR PORT" >&2; exit 2 ;;
esac
