#!/usr/bin/env bash
# Sign-ups per second on the production jar (H2 file by default, or PostgreSQL with PG=1).
# Usage: ./mvnw package -DskipTests && src/bench/signups.sh [seconds] [connections]
# Needs wrk (sudo apt-get install -y wrk). Prints wrk's summary and the status counts from the app.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-20}; conns=${2:-32}; port=18080
dir=$(mktemp -d)
jar=target/quarkus-app/quarkus-run.jar
env=(QUARKUS_HTTP_PORT=$port EVENTDESK_ADMIN_PASSWORD=bench EVENTDESK_RATE_LIMIT_PER_MINUTE=0 QUARKUS_MAILER_MOCK=true
     QUARKUS_LOG_CATEGORY__IO_QUARKUS_MAILER__LEVEL=WARN QUARKUS_DATASOURCE_JDBC_URL=jdbc:h2:file:$dir/db)
if [ "${PG:-}" = 1 ]; then
  jar=target/postgres-app/quarkus-run.jar
  env=(QUARKUS_HTTP_PORT=$port EVENTDESK_ADMIN_PASSWORD=bench EVENTDESK_RATE_LIMIT_PER_MINUTE=0 QUARKUS_MAILER_MOCK=true
       QUARKUS_LOG_CATEGORY__IO_QUARKUS_MAILER__LEVEL=WARN QUARKUS_PROFILE=postgres
       QUARKUS_DATASOURCE_JDBC_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/eventdesk_test})
fi
env "${env[@]}" java -jar "$jar" > "$dir/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "localhost:$port/q/health/ready" > /dev/null; do sleep 0.5; done
slug="bench-$(date +%s)"
curl -sf -u admin:bench -H 'Content-Type: application/json' -d "{\"slug\":\"$slug\",\"title\":\"Bench\",\"titleKo\":\"벤치\",
  \"venue\":\"V\",\"address\":\"A\",\"startsAt\":\"2030-01-01T10:00:00+09:00\",\"endsAt\":\"2030-01-01T12:00:00+09:00\",
  \"capacity\":1000,\"waitlistEnabled\":true}" "localhost:$port/api/admin/events" > /dev/null
# warm up, then measure
wrk -t2 -c8 -d5s -s src/bench/signups.lua "http://localhost:$port/api/events/$slug/registrations" > /dev/null
wrk -t2 -c"$conns" -d"${secs}s" -s src/bench/signups.lua --latency "http://localhost:$port/api/events/$slug/registrations"
curl -sf "localhost:$port/api/events/$slug" ; echo
