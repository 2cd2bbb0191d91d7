#!/usr/bin/env bash
# Sign-ups per second on the production jar: H2 file by default; PostgreSQL with PG=1
# (PG_URL, default jdbc:postgresql://127.0.0.1:5432/eventdesk_test); INSTANCES=2 (with PG=1) runs
# two instances on one database and loads both at once.
# Usage: ./mvnw package -DskipTests && src/bench/signups.sh [seconds] [connections per instance]
# Needs wrk (sudo apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-20}; conns=${2:-32}; instances=${INSTANCES:-1}; base_port=18080
dir=$(mktemp -d)
jar=target/quarkus-app/quarkus-run.jar
common=(EVENTDESK_ADMIN_USERNAME=admin EVENTDESK_ADMIN_PASSWORD=bench EVENTDESK_RATE_LIMIT_PER_MINUTE=0 QUARKUS_MAILER_MOCK=true
        QUARKUS_LOG_CATEGORY__IO_QUARKUS_MAILER__LEVEL=WARN)
db=(QUARKUS_DATASOURCE_JDBC_URL=jdbc:h2:file:$dir/db)
if [ "${PG:-}" = 1 ]; then
  jar=target/postgres-app/quarkus-run.jar
  db=(QUARKUS_PROFILE=postgres QUARKUS_DATASOURCE_JDBC_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/eventdesk_test})
elif [ "$instances" != 1 ]; then
  echo "INSTANCES>1 needs PG=1 (an H2 file belongs to one process)"; exit 1
fi
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for i in $(seq 0 $((instances - 1))); do
  env "${common[@]}" "${db[@]}" QUARKUS_HTTP_PORT=$((base_port + i)) java -jar "$jar" > "$dir/app$i.log" 2>&1 &
  pids+=($!)
done
for i in $(seq 0 $((instances - 1))); do
  until curl -sf "localhost:$((base_port + i))/q/health/ready" > /dev/null; do sleep 0.5; done
done
slug="bench-$(date +%s)"
curl -sf -u admin:bench -H 'Content-Type: application/json' -d "{\"slug\":\"$slug\",\"title\":\"Bench\",\"titleKo\":\"벤치\",
  \"venue\":\"V\",\"address\":\"A\",\"startsAt\":\"2030-01-01T10:00:00+09:00\",\"endsAt\":\"2030-01-01T12:00:00+09:00\",
  \"capacity\":1000,\"waitlistEnabled\":true}" "localhost:$base_port/api/admin/events" > /dev/null
run() { # seconds connections: load every instance at once, print each wrk report
  local out=()
  for i in $(seq 0 $((instances - 1))); do
    wrk -t1 -c"$2" -d"$1s" -s src/bench/signups.lua --latency \
      "http://localhost:$((base_port + i))/api/events/$slug/registrations" > "$dir/wrk$i.txt" &
    out+=($!)
  done
  wait "${out[@]}"
}
run 5 8 # warm-up
run "$secs" "$conns"
for i in $(seq 0 $((instances - 1))); do echo "--- instance $i"; cat "$dir/wrk$i.txt"; done
echo "total sign-ups/s: $(grep -h Requests/sec "$dir"/wrk*.txt | awk '{s += $2} END {printf "%.0f", s}')"
curl -sf "localhost:$base_port/api/events/$slug"; echo
