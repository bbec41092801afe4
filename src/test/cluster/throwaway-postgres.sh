#!/usr/bin/env bash
# A PostgreSQL instance of the fault tests' own, never the machine's shared one: made with initdb in
# DIR, listening on 127.0.0.1:PORT only, trust authentication for user postgres.
#
#   throwaway-postgres.sh start DIR PORT     initdb when DIR is new, then start and wait until it answers
#   throwaway-postgres.sh stop DIR PORT      fast shutdown (what an operator's restart does)
#
# initdb refuses to run as root; as root, the server runs as the postgres user (DIR is given to it).
set -euo pipefail
action=${1:?start|stop} dir=${2:?DIR} port=${3:?PORT}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $action in
    start)
        if [ ! -f "$dir/PG_VERSION" ]; then
            mkdir -p "$dir"
            [ "$(id -u)" = 0 ] && chown postgres: "$dir"
            as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
        fi
        # Sockets in DIR too, so that nothing touches /var/run/postgresql.
        as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null
        ;;
    stop)
        as_owner "$bin/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null
        ;;
    *) echo "usage: $0 start|stop DIR PORT" >&2; exit 2 ;;
esac
