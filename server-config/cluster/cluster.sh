#!/usr/bin/env bash
# Three Gatehouse nodes (Payara Micro, the one WAR) on one PostgreSQL behind HAProxy round-robin,
# everything on 127.0.0.1:
#
#   server-config/cluster/cluster.sh start    build the WAR if there is none, start nodes and balancer, wait until ready
#   server-config/cluster/cluster.sh stop     stop exactly what start started, by the PIDs it wrote
#   server-config/cluster/cluster.sh status
#   server-config/cluster/cluster.sh node N   start node N again (after it stopped or was killed), as start did
#
# The nodes get the database and the secret only from the GATEHOUSE_* variables (README, "Configuration"):
#   GATEHOUSE_DB_URL       default jdbc:postgresql://127.0.0.1:5432/gatehouse_cluster (a local one is created when missing)
#   GATEHOUSE_DB_USER      default postgres; GATEHOUSE_DB_PASSWORD as needed
#   GATEHOUSE_SECRET       every node needs the same: generated once into CLUSTER_DIR when unset
#   GATEHOUSE_ISSUER       default the balancer's URL, so that every node signs tokens alike
#   GATEHOUSE_TRUSTED_PROXIES  default 127.0.0.1, the balancer: the nodes take the client's address
#                          from its X-Forwarded-For, so per-address limits see clients, not HAProxy
#   GATEHOUSE_ADMIN_EMAIL, _ADMIN_PASSWORD, _SMTP_*, _SMS_*   passed through as they are
# and this script's own:
#   CLUSTER_PORT           the balancer (default 8080); CLUSTER_NODE_PORTS "8081 8082 8083"
#   CLUSTER_DIR            PIDs, logs and each node's data folder (default target/cluster)
#   CLUSTER_SERVER         payara (default) or wildfly
#   WILDFLY_HOME           for wildfly: an unpacked WildFly 39 (server-config/wildfly/*.cli are applied to it)
# A Payara node runs `java -Xmx512m -jar target/payara-micro.jar` with the words of payara-micro.args,
# pre-boot-commands.txt and post-boot-commands.txt from this folder, its --port and --name.
# A WildFly node runs WILDFLY_HOME's standalone.sh on a copy of its standalone/ folder (node N's
# ports offset by N x 100, HTTP on its port), with the WAR as deployments/ROOT.war.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dir=${CLUSTER_DIR:-$root/target/cluster}
port=${CLUSTER_PORT:-8080}
read -r -a node_ports <<<"${CLUSTER_NODE_PORTS:-8081 8082 8083}"
war=$root/target/gatehouse.war
jar=$root/target/payara-micro.jar
server=${CLUSTER_SERVER:-payara}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop() {
    for pidfile in "$dir"/haproxy.pid "$dir"/node*.pid; do
        [ -f "$pidfile" ] || continue
        pid=$(cat "$pidfile")
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid"
            for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        fi
        rm -f "$pidfile"
    done
}

status() {
    for i in "${!node_ports[@]}"; do
        n=$((i + 1)) p=${node_ports[$i]}
        state=stopped
        alive "$dir/node$n.pid" && state="running (pid $(cat "$dir/node$n.pid"))"
        curl -fs -o /dev/null "http://127.0.0.1:$p/health/ready" && state="$state, ready"
        echo "node$n  http://127.0.0.1:$p/  $state"
    done
    state=stopped
    alive "$dir/haproxy.pid" && state="running (pid $(cat "$dir/haproxy.pid"))"
    echo "balancer  http://127.0.0.1:$port/  $state"
}

database() {
    export GATEHOUSE_DB_URL=${GATEHOUSE_DB_URL:-jdbc:postgresql://127.0.0.1:5432/gatehouse_cluster}
    export GATEHOUSE_DB_USER=${GATEHOUSE_DB_USER:-postgres}
    case $GATEHOUSE_DB_URL in
        jdbc:h2:*) echo "A cluster needs a database every node can reach, not the embedded H2" >&2; exit 2 ;;
    esac
    # A PostgreSQL database on this machine is created when it does not exist yet.
    if [[ $GATEHOUSE_DB_URL =~ ^jdbc:postgresql://(127\.0\.0\.1|localhost):([0-9]+)/([a-z_][a-z0-9_]*)$ ]]; then
        local pg=(psql -h 127.0.0.1 -p "${BASH_REMATCH[2]}" -U "$GATEHOUSE_DB_USER" -d postgres) name=${BASH_REMATCH[3]}
        "${pg[@]}" -tAc "select 1 from pg_database where datname = '$name'" | grep -q 1 || "${pg[@]}" -qc "create database $name"
    fi
}

secret() {
    if [ -z "${GATEHOUSE_SECRET:-}" ]; then
        if [ ! -s "$dir/secret" ]; then
            (umask 077; head -c 32 /dev/urandom | base64 > "$dir/secret")
        fi
        GATEHOUSE_SECRET=$(cat "$dir/secret")
        export GATEHOUSE_SECRET
    fi
}

start_node() {
    if [ "$server" = wildfly ]; then start_wildfly_node "$@"; else start_payara_node "$@"; fi
}

start_payara_node() {
    local n=$1 p=$2
    mkdir -p "$dir/node$n"
    # The options file's words, without its comments.
    local args
    read -r -a args <<<"$(sed -e 's/#.*//' "$here/payara-micro.args" | tr '\n' ' ')"
    (cd "$dir/node$n" && GATEHOUSE_DATA_DIR="$dir/node$n/data" exec nohup java -Xmx512m -jar "$jar" "${args[@]}" \
        --prebootcommandfile "$here/pre-boot-commands.txt" --postbootcommandfile "$here/post-boot-commands.txt" \
        --deploy "$war" --port "$p" --name "node$n" >"$dir/node$n.log" 2>&1 </dev/null) &
    echo $! > "$dir/node$n.pid"
}

# What an operator does once (README, "Deploying to WildFly"); the scripts are safe to run again.
configure_wildfly() {
    [ -x "${WILDFLY_HOME:-}/bin/standalone.sh" ] || { echo "WILDFLY_HOME must name an unpacked WildFly" >&2; exit 2; }
    for script in "$here"/../wildfly/*.cli; do
        JBOSS_HOME=$WILDFLY_HOME "$WILDFLY_HOME/bin/jboss-cli.sh" --file="$script" >/dev/null
    done
}

start_wildfly_node() {
    local n=$1 p=$2
    local base=$dir/node$n/standalone offset=$((n * 100))
    [ -d "$base" ] || { mkdir -p "$dir/node$n" && cp -r "$WILDFLY_HOME/standalone" "$base"; }
    cp "$war" "$base/deployments/ROOT.war"
    rm -f "$dir/node$n.pid"
    # standalone.sh writes its JVM's PID to JBOSS_PIDFILE: stop and kill -9 reach the server itself.
    (GATEHOUSE_DATA_DIR="$dir/node$n/data" JBOSS_PIDFILE="$dir/node$n.pid" LAUNCH_JBOSS_IN_BACKGROUND=1         exec nohup "$WILDFLY_HOME/bin/standalone.sh" -b 127.0.0.1 -Djboss.server.base.dir="$base"         -Djboss.socket.binding.port-offset=$offset -Djboss.http.port=$((p - offset))         >"$dir/node$n.log" 2>&1 </dev/null) &
    for _ in $(seq 1 60); do [ -s "$dir/node$n.pid" ] && return 0; sleep 0.5; done
    echo "node$n (WildFly) did not start (log: $dir/node$n.log)" >&2
    return 1
}

await_node() {
    local n=$1 p=$2
    for _ in $(seq 1 240); do
        curl -fs -o /dev/null "http://127.0.0.1:$p/health/ready" && return 0
        if ! alive "$dir/node$n.pid"; then
            echo "node$n stopped during start-up; the end of $dir/node$n.log:" >&2
            tail -40 "$dir/node$n.log" >&2
            return 1
        fi
        sleep 0.5
    done
    echo "node$n did not become ready within 120 s (log: $dir/node$n.log)" >&2
    return 1
}

balancer() {
    {
        cat <<EOF
# Written by server-config/cluster/cluster.sh: round-robin over the nodes, no sticky sessions.
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
frontend gatehouse
    bind 127.0.0.1:$port
    # The client's address for the nodes (GATEHOUSE_TRUSTED_PROXIES names this balancer).
    option forwardfor
    default_backend nodes
backend nodes
    balance roundrobin
    # A node that stops answering leaves the rotation within two seconds, and a request that
    # could not reach one goes to another. Liveness, not readiness: with the database away every
    # node is unready, and the clients should get the nodes' 503 in their dialect, not HAProxy's page.
    option httpchk GET /health/live
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    # A busy node may take more than the one-second interval to answer: only silence takes it out.
    timeout check 3s
    retries 2
    option redispatch
    # Which node answered (absent on HAProxy's own answers): for an operator reading a failure.
    http-response set-header X-Served-By %[srv_name]
EOF
        for i in "${!node_ports[@]}"; do
            echo "    server node$((i + 1)) 127.0.0.1:${node_ports[$i]} check"
        done
    } > "$dir/haproxy.cfg"
    haproxy -c -q -f "$dir/haproxy.cfg"
    haproxy -D -f "$dir/haproxy.cfg" -p "$dir/haproxy.pid"
}

case ${1:-} in
    start)
        command -v haproxy >/dev/null || { echo "haproxy is not installed (Debian: apt-get install haproxy)" >&2; exit 2; }
        mkdir -p "$dir"
        for pidfile in "$dir"/*.pid; do
            alive "$pidfile" && { echo "already running: $pidfile (cluster.sh stop first)" >&2; exit 2; }
        done
        [ -f "$war" ] && [ -f "$jar" ] || (cd "$root" && mvn -B -q -ntp -DskipTests package)
        if [ "$server" = wildfly ]; then
            configure_wildfly
            rm -rf "$dir"/node*/standalone  # each start from the configured server, as deployed
        fi
        database
        secret
        export GATEHOUSE_ISSUER=${GATEHOUSE_ISSUER:-http://127.0.0.1:$port}
        export GATEHOUSE_TRUSTED_PROXIES=${GATEHOUSE_TRUSTED_PROXIES:-127.0.0.1}
        # What `node N` needs to start a node again exactly as this start did.
        (umask 077; export CLUSTER_PORT=$port CLUSTER_NODE_PORTS="${node_ports[*]}" CLUSTER_SERVER=$server
         export -p | grep -E '^declare -x (GATEHOUSE_|CLUSTER_|WILDFLY_HOME=)' > "$dir/env")
        # One node first: it brings the schema up to date before the others read it.
        start_node 1 "${node_ports[0]}"
        await_node 1 "${node_ports[0]}" || { stop; exit 1; }
        for i in "${!node_ports[@]}"; do
            ((i == 0)) || start_node $((i + 1)) "${node_ports[$i]}"
        done
        for i in "${!node_ports[@]}"; do
            ((i == 0)) || await_node $((i + 1)) "${node_ports[$i]}" || { stop; exit 1; }
        done
        balancer || { stop; exit 1; }
        status
        ;;
    node)
        n=${2:?usage: $0 node N}
        [ -f "$dir/env" ] || { echo "no cluster was started in $dir" >&2; exit 2; }
        alive "$dir/node$n.pid" && { echo "node$n is running" >&2; exit 2; }
        source "$dir/env"
        read -r -a node_ports <<<"$CLUSTER_NODE_PORTS"
        server=$CLUSTER_SERVER
        ((n >= 1 && n <= ${#node_ports[@]})) || { echo "no node $n" >&2; exit 2; }
        start_node "$n" "${node_ports[$((n - 1))]}"
        await_node "$n" "${node_ports[$((n - 1))]}"
        ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status|node N" >&2; exit 2 ;;
esac
