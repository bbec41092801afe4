#!/usr/bin/env bash
# Capacity of a cluster on this machine: one node against three behind HAProxy, each on a
# PostgreSQL of its own (initdb, with pg_stat_statements), everything on 127.0.0.1.
#   src/bench/capacity.sh            (about 15 minutes; needs haproxy, wrk and PostgreSQL's server binaries)
# For each: bench.sh through the balancer with the CPU of every node added up and the SQL
# statements per request; then the statements and writes of one login, failed login, password
# grant, refresh, client_credentials grant and OTP send. Markdown on stdout, for docs/cluster.md.
# Knobs: WARMUP, DURATION (bench.sh's), NODES (default "1 3"), CAPACITY_PORT (default 18080: the
# balancer; nodes on the next three ports, PostgreSQL on CAPACITY_PORT + 9).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/target/capacity
base_port=${CAPACITY_PORT:-18080}
pg_port=$((base_port + 9))
read -r -a counts <<<"${NODES:-1 3}"
export GATEHOUSE_ADMIN_EMAIL=capacity-admin@bench.test
export GATEHOUSE_ADMIN_PASSWORD=Capacity-admin-passw0rd
pg=("$root/src/test/cluster/throwaway-postgres.sh")
psql_cmd="psql -h 127.0.0.1 -p $pg_port -U postgres -tAq"

for p in $base_port $((base_port + 1)) $((base_port + 2)) $((base_port + 3)) $pg_port; do
    ! ss -ltnH "sport = :$p" | grep -q . || { echo "capacity: port $p is taken (set CAPACITY_PORT)" >&2; exit 2; }
done
[ -f "$root/target/gatehouse.war" ] || (cd "$root" && mvn -B -q -ntp -DskipTests package)
mkdir -p "$work"

cleanup() {
    CLUSTER_DIR=$work/cluster "$root/server-config/cluster/cluster.sh" stop || true
    "${pg[@]}" destroy "$work/postgres" "$pg_port" || true
}
trap cleanup EXIT
PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" \
    "${pg[@]}" start "$work/postgres" "$pg_port"
$psql_cmd -c "create extension pg_stat_statements"

# Statements run so far, without the change feed's polling (four reads a second per node, whatever the load).
statements="$psql_cmd -d postgres -c \"select coalesce(sum(calls), 0) from pg_stat_statements where query not ilike '%gh_cluster_change%' and query not ilike '%pg_stat_statements%'\""
writes="$psql_cmd -d postgres -c \"select coalesce(sum(calls), 0) from pg_stat_statements where query ~* '^\\s*(insert|update|delete)' and query not ilike '%gh_cluster_change%'\""
count() { bash -c "$1"; }

curl_=(curl -sS --max-time 30)
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

# The statements and writes one operation costs, averaged over N of them.
per_operation() { # name command...
    local name=$1; shift
    local n=${N:-20} s0 w0 s1 w1
    # The audit log is written a second later, in batches: wait for the earlier operation's rows,
    # and for this one's.
    sleep 2; s0=$(count "$statements"); w0=$(count "$writes")
    for ((i = 0; i < n; i++)); do "$@" >/dev/null; done
    sleep 2; s1=$(count "$statements"); w1=$(count "$writes")
    awk -v n=$n -v s=$((s1 - s0)) -v w=$((w1 - w0)) -v name="$name" \
        'BEGIN { printf "| %s | %.1f | %.1f |\n", name, s / n, w / n }'
}

operations() {
    local url=http://127.0.0.1:$base_port admin=("-u" "$GATEHOUSE_ADMIN_EMAIL:$GATEHOUSE_ADMIN_PASSWORD")
    local email="ops-$(date +%s)@bench.test" password="Ops-passw0rd-$$"
    "${curl_[@]}" "${admin[@]}" -H 'Content-Type: application/json' -o /dev/null \
        -d "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"Ops\"}" "$url/api/admin/users"
    local client id secret
    client=$("${curl_[@]}" "${admin[@]}" -H 'Content-Type: application/json' \
        -d '{"name":"ops","grant_types":["client_credentials","password","refresh_token"]}' "$url/api/admin/clients")
    id=$(json_field client_id <<<"$client"); secret=$(json_field client_secret <<<"$client")
    login() { "${curl_[@]}" -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$url/api/1/auth/session"; }
    failed() { "${curl_[@]}" -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"wrong-$RANDOM\"}" "$url/api/1/auth/session"; }
    grant() { "${curl_[@]}" -u "$id:$secret" -d grant_type=password --data-urlencode "username=$email" --data-urlencode "password=$password" "$url/oauth/v2/token"; }
    refresh_token=$(grant | json_field refresh_token)
    refresh() { refresh_token=$("${curl_[@]}" -u "$id:$secret" -d grant_type=refresh_token -d "refresh_token=$refresh_token" "$url/oauth/v2/token" | json_field refresh_token); }
    cc() { "${curl_[@]}" -u "$id:$secret" -d grant_type=client_credentials "$url/oauth/v2/token"; }
    echo "| operation | SQL statements | of them writes (insert, update, delete) |"
    echo "|---|---:|---:|"
    per_operation "session login (Konekt)" login
    per_operation "password grant (OAuth)" grant
    per_operation "refresh_token grant, rotating" refresh
    per_operation "client_credentials grant" cc
    # One-time passwords: on, then sent to the known user (5 a quarter hour per destination: so 5).
    "${curl_[@]}" "${admin[@]}" -X PUT -H 'Content-Type: application/json' -o /dev/null \
        -d '{"otp.enabled":true}' "$url/api/admin/settings"
    local token
    token=$(cc | json_field access_token)
    otp() { "${curl_[@]}" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "{\"email\":\"$email\"}" "$url/otp/send"; }
    N=5 per_operation "OTP send (e-mail; no SMTP configured, so the mail itself is dropped)" otp
    # After the others: enough failures lock the account, and a locked account's failures cost less.
    per_operation "failed login (wrong password)" failed
}

for n in "${counts[@]}"; do
    ports=""
    for ((i = 1; i <= n; i++)); do ports="$ports $((base_port + i))"; done
    echo "capacity: $n node(s) on ports$ports" >&2
    CLUSTER_DIR=$work/cluster CLUSTER_PORT=$base_port CLUSTER_NODE_PORTS="${ports# }" \
        GATEHOUSE_DB_URL=jdbc:postgresql://127.0.0.1:$pg_port/gatehouse_$n GATEHOUSE_DB_USER=postgres \
        "$root/server-config/cluster/cluster.sh" start >&2
    pids=$(cat "$work"/cluster/node*.pid | tr '\n' ' ')
    echo
    echo "### $n node(s) behind HAProxy, $(nproc) cores"
    echo
    GATEHOUSE_PID="${pids% }" DB_STATEMENTS="$statements" "$root/src/bench/bench.sh" "http://127.0.0.1:$base_port" \
        | grep -v '^foreign CPU' || echo "(bench.sh reported non-2xx answers or a busy host: see above)"
    echo
    operations
    CLUSTER_DIR=$work/cluster "$root/server-config/cluster/cluster.sh" stop >&2
done
