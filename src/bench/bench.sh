#!/usr/bin/env bash
# Throughput, p99 latency and server CPU per request of GET /api/1/users/me for each way of
# authenticating, against an unauthenticated baseline on the same server.
# Usage: src/bench/bench.sh [BASE_URL]   (see src/bench/README.md for the knobs)
set -euo pipefail

BASE=${1:-http://127.0.0.1:8080}
BASE=${BASE%/}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-20}
ADMIN_EMAIL=${GATEHOUSE_ADMIN_EMAIL:?set GATEHOUSE_ADMIN_EMAIL}
ADMIN_PASSWORD=${GATEHOUSE_ADMIN_PASSWORD:?set GATEHOUSE_ADMIN_PASSWORD}

die() { echo "bench: $*" >&2; exit 1; }

# Load is generated on this machine, so only ever aim it at this machine.
[[ $BASE =~ ^(https?)://(127\.0\.0\.1|localhost)(:([0-9]+))?$ ]] \
  || die "BASE_URL must be http(s)://127.0.0.1[:port] or http(s)://localhost[:port], got $BASE"
PORT=${BASH_REMATCH[4]:-$([[ ${BASH_REMATCH[1]} == https ]] && echo 443 || echo 80)}
[[ $WARMUP =~ ^[0-9]+$ && $DURATION =~ ^[1-9][0-9]*$ ]] || die "WARMUP and DURATION are whole seconds"

if ! command -v wrk >/dev/null; then
  SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  # A fresh container often has empty package lists; refresh only if the plain install fails.
  $SUDO apt-get install -y wrk || { $SUDO apt-get update && $SUDO apt-get install -y wrk; } \
    || die "could not install wrk"
fi

# The server's PID, for its CPU time; the process that listens on the port unless told.
# GATEHOUSE_PID may name several (the nodes behind a balancer): their CPU times add up.
PID=${GATEHOUSE_PID:-$(ss -ltnpH "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)}
for p in $PID; do
  [[ -r /proc/$p/stat ]] || { echo "bench: server PID $p not found (set GATEHOUSE_PID); CPU column will be n/a" >&2; PID=; break; }
done
[[ -n $PID ]] || echo "bench: server PID not found (set GATEHOUSE_PID); CPU column will be n/a" >&2
TICK=$(getconf CLK_TCK)
# utime+stime in clock ticks; fields counted after the ")" closing the command name.
cpu_ticks() {
  local p sum=0
  for p in $PID; do sum=$((sum + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}'))); done
  echo $sum
}
# DB_STATEMENTS: a command printing how many SQL statements the database has run so far (e.g. a
# pg_stat_statements sum); when set, each row shows the statements per request.
db_statements() { if [[ -n ${DB_STATEMENTS:-} ]]; then bash -c "$DB_STATEMENTS"; else echo 0; fi; }
# Whole-host busy ticks (user nice system irq softirq steal), and this shell's reaped children
# (cutime+cstime: wrk). Host minus server minus wrk is foreign load: on a small box a concurrent
# build or test run skews every figure, so we report it rather than guess.
host_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
wrk_ticks() { sed 's/.*) //' "/proc/$$/stat" | awk '{print $14 + $15}'; }

CURL=(curl -sS --max-time 10)
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
json_num() { sed -n "s/.*\"$1\":\\([0-9]*\\).*/\\1/p"; }

# A fresh user per run, so earlier runs (sessions, cached credentials) do not colour this one.
EMAIL="bench-$(date +%s)-$$@bench.test"
PASSWORD="Bench-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
created=$("${CURL[@]}" -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"name\":\"Benchmark\"}" "$BASE/api/admin/users")
USERID=$(json_num userid <<<"$created")
[[ -n $USERID ]] || die "creating the bench user failed: $created"
# Remove the user again however the run ends, so runs do not pile up accounts.
trap '"${CURL[@]}" -o /dev/null -X DELETE -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" "$BASE/api/admin/users/$USERID" || true' EXIT

SESSKEY=$("${CURL[@]}" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/1/auth/session" | json_field sesskey)
[[ -n $SESSKEY ]] || die "login failed"
APIKEY=$("${CURL[@]}" -b "sesskey=$SESSKEY" "$BASE/api/1/users/me/apikey" | json_field apikey)
[[ -n $APIKEY ]] || die "fetching the API key failed"
AUTH_TOKEN=$("${CURL[@]}" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/authenticate" | json_field auth_token)
[[ -n $AUTH_TOKEN ]] || die "fetching an auth_token failed"

# An OAuth client for the token-issuance shapes.
client=$("${CURL[@]}" -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d '{"name":"bench","grant_types":["client_credentials","password","refresh_token"]}' "$BASE/api/admin/clients")
CLIENT_ID=$(json_field client_id <<<"$client"); CLIENT_SECRET=$(json_field client_secret <<<"$client")
[[ -n $CLIENT_ID ]] || die "creating the bench OAuth client failed: $client"
trap '"${CURL[@]}" -o /dev/null -X DELETE -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" "$BASE/api/admin/users/$USERID" || true
      "${CURL[@]}" -o /dev/null -X DELETE -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" "$BASE/api/admin/clients/$CLIENT_ID" || true
      rm -f "$REFRESH_POOL_FILE"' EXIT
CLIENT_BASIC="Authorization: Basic $(printf %s "$CLIENT_ID:$CLIENT_SECRET" | base64 -w0)"
export REFRESH_POOL_FILE; REFRESH_POOL_FILE=$(mktemp)
SCRIPTS="$(cd "$(dirname "$0")" && pwd)"
# Each refresh run needs fresh chains: a rotated token dies with the run that held it.
refresh_pool() {
  : > "$REFRESH_POOL_FILE"
  local i reply
  for ((i = 0; i < 32; i++)); do
    reply=$("${CURL[@]}" -H "$CLIENT_BASIC" -d grant_type=password --data-urlencode "username=$EMAIL" \
      --data-urlencode "password=$PASSWORD" "$BASE/oauth/v2/token")
    json_field refresh_token <<<"$reply" >> "$REFRESH_POOL_FILE"
  done
  (( $(wc -l < "$REFRESH_POOL_FILE") >= 16 )) || die "could not make refresh tokens: ${reply:0:200}"
}

ME="$BASE/api/1/users/me"
# Baseline: GET /api/health, which passes through the same servlet, authentication mechanism and
# JAX-RS stack with no credential (Payara's own /health would bypass all of them).
health=$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$BASE/api/health" || true)
[[ $health == 200 ]] || die "GET /api/health answered $health"
UNAUTH_NAME="unauthenticated (GET /api/health)"; UNAUTH_URL="$BASE/api/health"

# Each shape: name, URL, then wrk header arguments.
SHAPES=(unauth session basic apikey_query apikey_basic bearer client_credentials refresh password)
# ONLY="unauth refresh" measures a subset.
[[ -z ${ONLY:-} ]] || read -r -a SHAPES <<<"$ONLY"
declare -A NAME URL HDR SCRIPT
NAME[unauth]=$UNAUTH_NAME;               URL[unauth]=$UNAUTH_URL;              HDR[unauth]=
NAME[session]="session cookie";           URL[session]=$ME;                     HDR[session]="Cookie: sesskey=$SESSKEY"
NAME[basic]="Basic email:password";       URL[basic]=$ME;                       HDR[basic]="Authorization: Basic $(printf %s "$EMAIL:$PASSWORD" | base64 -w0)"
NAME[apikey_query]="API key (?apikey=)";  URL[apikey_query]="$ME?apikey=$APIKEY"; HDR[apikey_query]=
NAME[apikey_basic]="API key (Basic apikey:KEY)"; URL[apikey_basic]=$ME;         HDR[apikey_basic]="Authorization: Basic $(printf %s "apikey:$APIKEY" | base64 -w0)"
NAME[bearer]="Bearer auth_token (JWT)";    URL[bearer]=$ME;                      HDR[bearer]="Authorization: Bearer $AUTH_TOKEN"
TOKEN="$BASE/oauth/v2/token"
NAME[client_credentials]="client_credentials tokens"; URL[client_credentials]=$TOKEN; HDR[client_credentials]=$CLIENT_BASIC; SCRIPT[client_credentials]=form-post.lua
NAME[refresh]="refresh_token grants (rotating)"; URL[refresh]=$TOKEN;       HDR[refresh]=$CLIENT_BASIC; SCRIPT[refresh]=refresh.lua
NAME[password]="password grants (Argon2id)";  URL[password]=$TOKEN;         HDR[password]=$CLIENT_BASIC; SCRIPT[password]=form-post.lua

run_wrk() { # shape seconds -> wrk output; same load shape as the Keycloak baseline
  local h=() sc=(); [[ -n ${HDR[$1]} ]] && h=(-H "${HDR[$1]}")
  [[ -n ${SCRIPT[$1]:-} ]] && sc=(-s "$SCRIPTS/${SCRIPT[$1]}")
  [[ $1 == refresh ]] && refresh_pool
  case $1 in
    client_credentials) export FORM_BODY="grant_type=client_credentials" ;;
    password) export FORM_BODY="grant_type=password&username=${EMAIL//@/%40}&password=$PASSWORD" ;;
  esac
  wrk -t2 -c16 -d"$2"s --latency "${sc[@]}" "${h[@]}" "${URL[$1]}"
}

# Every GET shape must answer 200 before we spend minutes loading it.
for s in "${SHAPES[@]}"; do
  [[ -z ${SCRIPT[$s]:-} && $s != unauth ]] || continue
  h=(); [[ -n ${HDR[$s]} ]] && h=(-H "${HDR[$s]}")
  code=$("${CURL[@]}" -o /dev/null -w '%{http_code}' "${h[@]}" "${URL[$s]}")
  [[ $code == 200 ]] || die "${NAME[$s]} answered $code"
done

# JIT warm-up: the whole budget spread over all shapes, so each code path gets compiled.
if (( WARMUP > 0 )); then
  per=$(( (WARMUP + ${#SHAPES[@]} - 1) / ${#SHAPES[@]} ))
  echo "Warming up ${per}s per shape (${WARMUP}s total)..." >&2
  for s in "${SHAPES[@]}"; do run_wrk "$s" "$per" >/dev/null; done
fi

declare -A RPS P99 CPU BAD OTHER STMTS
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
  printf "%.2f", (u == "us") ? n / 1000 : (u == "s") ? n * 1000 : (u == "m") ? n * 60000 : n }'; }
for s in "${SHAPES[@]}"; do
  echo "Measuring ${NAME[$s]} for ${DURATION}s..." >&2
  sbefore=$(db_statements); before=$(cpu_ticks); hbefore=$(host_ticks); wbefore=$(wrk_ticks)
  out=$(run_wrk "$s" "$DURATION")
  after=$(cpu_ticks); hafter=$(host_ticks); wafter=$(wrk_ticks); safter=$(db_statements)
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  RPS[$s]=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  P99[$s]=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  errs=$(awk '/Socket errors/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' <<<"$out")
  BAD[$s]="$(awk '/Non-2xx or 3xx/ {print $NF}' <<<"$out")"; BAD[$s]=${BAD[$s]:-0}
  (( ${errs:-0} == 0 )) || BAD[$s]="${BAD[$s]} (+${errs} socket errors)"
  CPU[$s]=n/a; OTHER[$s]=n/a
  STMTS[$s]=$(awk -v d=$((safter - sbefore)) -v r="${reqs:-0}" 'BEGIN { printf "%.4f", (r > 0 ? d / r : 0) }')
  [[ -n $PID ]] && OTHER[$s]=$(awk -v d=$((hafter - hbefore - (after - before) - (wafter - wbefore))) -v t="$TICK" -v n="$DURATION" \
    'BEGIN { printf "%.2f", d / t / n }')
  [[ -n $PID && ${reqs:-0} -gt 0 ]] && CPU[$s]=$(awk -v d=$((after - before)) -v t="$TICK" -v r="$reqs" \
    'BEGIN { printf "%.3f", d * 1000 / t / r }')
done

ratio() { [[ $1 == n/a || $2 == n/a ]] && echo n/a || awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
echo
echo "Gatehouse $BASE, wrk -t2 -c16 -d${DURATION}s after ${WARMUP}s warm-up, server PID ${PID:-unknown}"
# SPEC §9 holds memory after the load against Keycloak's: the server's resident set, now.
[[ -z $PID ]] || echo "Server resident memory after the load: $(( $(ps -o rss= -p "${PID// /,}" | awk '{s += $1} END {print s}') / 1024 )) MiB"
echo
stmt_head=; stmt_rule=; [[ -z ${DB_STATEMENTS:-} ]] || { stmt_head=" DB statements/request |"; stmt_rule="---:|"; }
echo "| shape | requests/s | p99 latency (ms) | server CPU ms/request | non-2xx | req/s vs unauth | CPU/request vs unauth | foreign CPU (cores) |$stmt_head"
echo "|---|---:|---:|---:|---:|---:|---:|---:|$stmt_rule"
status=0
for s in "${SHAPES[@]}"; do
  stmt_cell=; [[ -z ${DB_STATEMENTS:-} ]] || stmt_cell=" ${STMTS[$s]} |"
  echo "| ${NAME[$s]} | ${RPS[$s]} | ${P99[$s]} | ${CPU[$s]} | ${BAD[$s]} | $(ratio "${RPS[$s]}" "${RPS[unauth]}") | $(ratio "${CPU[$s]}" "${CPU[unauth]}") | ${OTHER[$s]} |$stmt_cell"
  # An authenticated shape that was refused measured the error path, not authentication.
  [[ $s == unauth || ${BAD[$s]} == 0 ]] || status=1
done
# Kernel threads and idle daemons stay well under this; a build or test run does not.
busy=$(printf '%s\n' "${OTHER[@]}" | awk '$1 != "n/a" && $1 > m { m = $1 } END { if (m > 0.25) print m }')
[[ -z $busy ]] || echo "bench: WARNING: other processes used up to $busy cores during the runs; figures are skewed, rerun on a quiet host" >&2
(( status == 0 )) || echo "bench: WARNING: an authenticated shape had non-2xx responses or socket errors" >&2
echo
echo "foreign CPU = cores the host spent on neither the server nor wrk during the run; near 0 on a quiet host."
exit $status
