#!/usr/bin/env bash
# Used by the -Ptomcat profile (pre- and post-integration-test); also a worked example for an operator.
#   prepare.sh TOMCAT_HOME HTTP_PORT SHUTDOWN_PORT WAR start|stop
# start: sets a freshly unpacked Tomcat 11 to loopback only and the given ports, drops its sample
# applications and its access log (it would record query strings, where credentials may travel:
# ?sesskey=, ?apikey=), deploys WAR as ROOT, starts it with catalina.sh and waits for /api/health.
# stop: catalina.sh stop, forced after 30 s. GATEHOUSE_* variables pass through to the server.
set -euo pipefail
home=$1 http_port=$2 shutdown_port=$3 war=$4 action=$5
export CATALINA_HOME="$home" CATALINA_BASE="$home" CATALINA_PID="$home/logs/catalina.pid"

if [ "$action" = stop ]; then
    [ -f "$CATALINA_PID" ] || exit 0
    "$home/bin/catalina.sh" stop 30 -force
    exit 0
fi

server="$home/conf/server.xml"
# Shutdown port and HTTP connector on loopback, on the reserved ports; no access log.
sed -i -e "s|<Server port=\"8005\" shutdown=\"SHUTDOWN\">|<Server port=\"$shutdown_port\" address=\"127.0.0.1\" shutdown=\"SHUTDOWN\">|" \
       -e "s|<Connector port=\"8080\" protocol=\"HTTP/1.1\"|<Connector port=\"$http_port\" address=\"127.0.0.1\" protocol=\"HTTP/1.1\"|" \
       "$server"
python3 - "$server" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
text = re.sub(r'<Valve className="org.apache.catalina.valves.AccessLogValve".*?/>', '', text, flags=re.S)
open(path, 'w').write(text)
PY
grep -q "address=\"127.0.0.1\" protocol=\"HTTP/1.1\"" "$server" || { echo "server.xml: HTTP connector not found" >&2; exit 1; }

rm -rf "$home/webapps/"* "$home/logs/"*   # a failure logged by an earlier run must not count for this one
cp "$war" "$home/webapps/ROOT.war"
chmod +x "$home/bin/"*.sh
# A bounded heap, as on the other servers.
echo 'CATALINA_OPTS="$CATALINA_OPTS -Xmx512m -XX:+UseSerialGC"' > "$home/bin/setenv.sh"

"$home/bin/catalina.sh" start
for _ in $(seq 1 180); do
    if curl -fs -o /dev/null "http://127.0.0.1:$http_port/api/health"; then
        echo "Tomcat answers on http://127.0.0.1:$http_port/"
        exit 0
    fi
    if grep -q "Error deploying web application archive\|Context \[\] startup failed" "$home/logs/catalina.out"; then
        echo "Tomcat could not deploy $war" >&2
        grep -n -A3 "SEVERE\|Caused by" "$home/logs/catalina.out" | head -80 >&2
        "$home/bin/catalina.sh" stop 10 -force || true
        exit 1
    fi
    if ! kill -0 "$(cat "$CATALINA_PID")" 2>/dev/null; then
        echo "Tomcat stopped during start-up" >&2
        tail -50 "$home/logs/catalina.out" >&2
        exit 1
    fi
    sleep 1
done
echo "Tomcat did not answer within 180 s" >&2
tail -80 "$home/logs/catalina.out" >&2
exit 1
