#!/usr/bin/env bash
# Used by the -Pliberty profile (pre- and post-integration-test); also a worked example for an operator.
#   prepare.sh LIBERTY_HOME HTTP_PORT BUILD_DIR start|stop
# start: makes a fresh server "gatehouse" in a freshly unpacked Open Liberty from server.xml beside
# this script, listening on 127.0.0.1:HTTP_PORT; puts BUILD_DIR/gatehouse.war in its apps/ and the
# data source class (gatehouse-datasource.jar) with the JDBC drivers the WAR bundles in its
# lib/global, where Liberty loads an application-defined data source's class from; starts it and
# waits for /api/health. stop: stops it. GATEHOUSE_* variables pass through to the server.
set -euo pipefail
home=$1 http_port=$2 build=$3 action=$4
server="$home/usr/servers/gatehouse"

if [ "$action" = stop ]; then
    [ -d "$server" ] || exit 0
    "$home/bin/server" stop gatehouse
    exit 0
fi

rm -rf "$server"
"$home/bin/server" create gatehouse >/dev/null
cp "$(dirname "$0")/server.xml" "$server/server.xml"
echo "gatehouse.http.port=$http_port" > "$server/bootstrap.properties"
# A bounded heap, as on the other servers.
printf '%s\n' -Xmx512m -XX:+UseSerialGC > "$server/jvm.options"
cp "$build/gatehouse.war" "$server/apps/gatehouse.war"
mkdir -p "$server/lib/global"
cp "$build/gatehouse-datasource.jar" "$build"/gatehouse/WEB-INF/lib/{h2,postgresql,mariadb-java-client}-*.jar "$server/lib/global/"

"$home/bin/server" start gatehouse
log="$server/logs/messages.log"
for _ in $(seq 1 180); do
    if curl -fs -o /dev/null "http://127.0.0.1:$http_port/api/health"; then
        echo "Open Liberty answers on http://127.0.0.1:$http_port/"
        exit 0
    fi
    # CWWKZ0002E: the application failed to start; CWWKF0001E and friends: a feature or the server.
    if grep -q "CWWKZ0002E\|CWWKZ0004E\|CWWKF0001E" "$log" 2>/dev/null; then
        echo "Open Liberty could not start gatehouse.war" >&2
        grep -E " [EW] " "$log" | head -40 >&2
        "$home/bin/server" stop gatehouse || true
        exit 1
    fi
    sleep 1
done
echo "Open Liberty did not answer within 180 s" >&2
tail -60 "$log" >&2
"$home/bin/server" stop gatehouse || true
exit 1
