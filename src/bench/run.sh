#!/usr/bin/env bash
# eventdesk benchmark suite: the "opening minute" crowd (against its floor: the same crowd fetching the
# stylesheet), the quiet-event probe, steady load, mail delivery, CSV export and footprint, printed as a
# table of targets (measured, target, met / not met) and one markdown table of every figure.
# See src/bench/README.md.
#
#   ./mvnw -B -q package -DskipTests && src/bench/run.sh
#
# Environment (all optional):
#   PARTS="footprint crowd mail steady export"   which parts to run
#   SECS=10          seconds per steady target (after WARMUP seconds of warm-up)
#   WARMUP=3         also the warm-up before each crowd
#   WRK_TIMEOUT=5    seconds after which wrk counts a steady request as a timeout error
#   CROWDS="3000 10000"   crowd sizes on H2 and on one PostgreSQL instance (the run's first crowd
#                    also times mail)
#   CROWD2=3000      crowd split over two PostgreSQL instances
#   CROWD_SETUPS="h2 pg1 pg2"   where the crowds run (pg1/pg2: one or two PostgreSQL instances)
#   FLOOR=1          before each crowd, the floor: the same N new connections fetching /style.css (0: skip)
#   PROBES="10000"   crowd sizes during which a quiet event is probed with API sign-ups ("": never);
#                    never the run's first crowd when it times mail (the probes' mails would count)
#   PROBE_EVERY_MS=250   one probe this often from the firing until the crowd is answered (at most 120)
#   FOOTPRINT_RUNS=3 starts per footprint row (the median is reported, the range beside it)
#   PG=auto|1|0      PostgreSQL runs: when reachable (auto), required (1), never (0)
#   PG_HOST=127.0.0.1 PG_PORT=5432   database eventdesk_bench is created and dropped here
#   EXPORT_ROWS=100000   EXPORT_FILL=h2|api (h2: straight into the stopped app's H2 file)
#   MAIL_TIMEOUT=180 seconds to wait for a crowd's mails
#   JVM_FLAGS="..."  extra JVM flags for a second footprint row
#   APP_FLAGS="..."  extra JVM flags for the apps of the crowds and of the steady load, e.g. a flight
#                    recording of where their time goes: APP_FLAGS="-XX:StartFlightRecording=filename=/tmp/jfr/,settings=profile"
#   PORT_BASE=18100  first port tried for the apps (each start takes a new one)
#   KEEP=1           keep the H2 files in the work directory
# Needs: java 17, node, wrk, curl; psql for PostgreSQL.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench=$root/src/bench
cd "$root" || exit 1

PARTS=${PARTS:-"footprint crowd mail steady export"}
SECS=${SECS:-10}
WARMUP=${WARMUP:-3}
WRK_TIMEOUT=${WRK_TIMEOUT:-5}
CROWDS=${CROWDS:-"3000 10000"}
CROWD2=${CROWD2:-3000}
CROWD_SETUPS=${CROWD_SETUPS:-"h2 pg1 pg2"}
FLOOR=${FLOOR:-1}
PROBES=${PROBES-10000}
PROBE_EVERY_MS=${PROBE_EVERY_MS:-250}
FOOTPRINT_RUNS=${FOOTPRINT_RUNS:-3}
PG=${PG:-auto}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_DB=eventdesk_bench
EXPORT_ROWS=${EXPORT_ROWS:-100000}
EXPORT_FILL=${EXPORT_FILL:-h2}
MAIL_TIMEOUT=${MAIL_TIMEOUT:-180}
JVM_FLAGS=${JVM_FLAGS:-}
APP_FLAGS=${APP_FLAGS:-}
PORT_BASE=${PORT_BASE:-18100}
KEEP=${KEEP:-0}
H2_JAR=target/quarkus-app/quarkus-run.jar
PG_JAR=target/postgres-app/quarkus-run.jar

has() { [[ " $PARTS " == *" $1 "* ]]; }
on() { [[ " $CROWD_SETUPS " == *" $1 "* ]]; }
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for tool in java node curl; do command -v $tool > /dev/null || die "$tool is missing"; done
has steady && ! command -v wrk > /dev/null && die "wrk is missing: apt-get install -y wrk"
[ -f "$H2_JAR" ] || die "$H2_JAR is missing: run ./mvnw -B -q package -DskipTests first"

work=$(mktemp -d "${TMPDIR:-/tmp}/eventdesk-bench.XXXXXX")
results=$work/results.jsonl
: > "$results"
tag=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
pids=()
pg_created=0
port_cursor=$PORT_BASE

# Every process this script starts is in pids; all of them are ended on exit.
cleanup() {
  local p alive
  trap - EXIT INT TERM
  for p in "${pids[@]}"; do kill "$p" 2> /dev/null; done
  for _ in $(seq 1 30); do
    alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2> /dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.5
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2> /dev/null; done
  wait 2> /dev/null
  if [ $pg_created = 1 ]; then
    psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -qc "drop database if exists $PG_DB with (force)" > /dev/null 2>&1
  fi
  [ "$KEEP" = 1 ] || rm -rf "$work"/db-* "$work/export.csv"
  log "logs: $work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 10,000 sockets need as many descriptors on both ends (the app inherits the limit).
ulimit -n "$(ulimit -Hn)" 2> /dev/null || true
[ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 12000 ] && log "warning: ulimit -n is $(ulimit -n); a 10,000 crowd needs more"

# run_child CMD...: runs CMD as a tracked child and waits for it; a signal to this script then ends
# it at once (bash would otherwise run the trap only after a foreground command has finished).
run_child() {
  "$@" &
  local p=$!
  pids+=("$p")
  wait "$p"
}

result() { printf '%s\n' "$1" >> "$results"; }
json_str() { node -e 'process.stdout.write(JSON.stringify(process.argv[1]))' "$1"; }
failed() { result "{\"kind\":\"failed\",\"part\":\"$1\",\"setup\":$(json_str "$2"),\"reason\":$(json_str "$3")}"; log "FAILED $1 ($2): $3"; }

# Ports: every app start takes a port not used before in this run, so the crowds' sockets in
# TIME_WAIT from an earlier run never collide with a new one.
port_free() { ! (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
alloc_port() {
  while ! port_free "$port_cursor"; do port_cursor=$((port_cursor + 1)); done
  PORT=$port_cursor
  port_cursor=$((port_cursor + 1))
}

# The SMTP sink takes every mail of every app of the run.
alloc_port
smtp_port=$PORT
smtp_status=$work/smtp.status
node "$bench/smtp-sink.js" "$smtp_port" "$smtp_status" 2> "$work/smtp-sink.log" &
pids+=($!)

# launch_app NAME JAR PORT JDBC_URL "JVM FLAGS" [ENV=VALUE...]: starts the jar, sets APP_PID
launch_app() {
  local name=$1 jar=$2 port=$3 url=$4 flags=$5
  shift 5
  # shellcheck disable=SC2086
  env EVENTDESK_ADMIN_USERNAME=admin EVENTDESK_ADMIN_PASSWORD=bench EVENTDESK_RATE_LIMIT_PER_MINUTE=0 \
    EVENTDESK_RATE_LIMIT_PER_EMAIL_PER_HOUR=0 EVENTDESK_RATE_LIMIT_MAILS_PER_ADDRESS_PER_HOUR=0 \
    EVENTDESK_BASE_URL="http://127.0.0.1:$port" QUARKUS_HTTP_PORT="$port" QUARKUS_DATASOURCE_JDBC_URL="$url" \
    QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=bench-only-session-key-0123456789abcdef \
    QUARKUS_MAILER_MOCK=false QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$smtp_port" \
    QUARKUS_MAILER_START_TLS=DISABLED QUARKUS_MAILER_LOGIN=DISABLED "$@" \
    java $flags -jar "$jar" > "$work/$name.log" 2>&1 &
  APP_PID=$!
  pids+=($APP_PID)
}

# await_app NAME PORT PID: waits until ready; sets APP_START (the seconds of "started in")
await_app() {
  local name=$1 port=$2 pid=$3 deadline=$((SECONDS + 180))
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    if ! kill -0 "$pid" 2> /dev/null; then log "$name exited; see $work/$name.log"; return 1; fi
    if [ $SECONDS -gt $deadline ]; then log "$name not ready after 180 s; see $work/$name.log"; return 1; fi
    sleep 0.2
  done
  APP_START=$(grep -o 'started in [0-9.]*s' "$work/$name.log" | head -1 | grep -o '[0-9.]*[0-9]')
  log "$name up on port $port (pid $pid, started in ${APP_START:-?} s)"
}

start_app() {
  launch_app "$@"
  await_app "$1" "$3" "$APP_PID"
}

stop_app() {
  local pid=$1
  kill "$pid" 2> /dev/null
  for _ in $(seq 1 60); do kill -0 "$pid" 2> /dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
}

# create_event PORT SLUG CAPACITY WAITLIST(true|false)
create_event() {
  local starts ends code
  starts=$(date -d '+30 days' '+%Y-%m-%dT10:00:00+09:00')
  ends=$(date -d '+30 days' '+%Y-%m-%dT18:00:00+09:00')
  code=$(curl -s -o "$work/create-$2.txt" -w '%{http_code}' -u admin:bench -H 'Content-Type: application/json' \
    -d "{\"slug\":\"$2\",\"title\":\"Bench $2\",\"titleKo\":\"벤치 $2\",\"description\":\"Benchmark event\",
         \"descriptionKo\":\"벤치마크 행사\",\"venue\":\"Bench Hall\",\"address\":\"Seoul\",\"startsAt\":\"$starts\",
         \"endsAt\":\"$ends\",\"capacity\":$3,\"waitlistEnabled\":$4}" "http://127.0.0.1:$1/api/admin/events")
  [ "$code" = 201 ] || { log "creating event $2 answered $code: $(head -c 300 "$work/create-$2.txt")"; return 1; }
}

# crowd SETUP SHOW(crowd,mail) WAIT_MAIL(1|0) N PORTS...: one fresh 300-seat event, N sign-ups at once;
# with WAIT_MAIL=1 it also waits until the SMTP sink has every mail of the crowd (the mail figure).
# For the sizes in PROBES (and WAIT_MAIL=0) a second, quiet event is probed while the crowd is answered.
crowd() {
  local setup=$1 show=$2 waitmail=$3 n=$4 slug quiet
  shift 4
  local extra=()
  [ "$waitmail" = 1 ] && extra=(--mail-status "$smtp_status" --mail-cap-ms $((MAIL_TIMEOUT * 1000)))
  local ports
  ports=$(IFS=,; echo "$*")
  slug=crowd-$n-$((++crowd_no))-$tag
  create_event "$1" "$slug" 300 true || { failed crowd "$setup, N=$n" "could not create the event"; return 1; }
  if [ "$waitmail" = 0 ] && [[ " $PROBES " == *" $n "* ]]; then
    quiet=quiet-$n-$crowd_no-$tag
    if create_event "$1" "$quiet" 1000 true; then
      extra+=(--probe-slug "$quiet" --probe-every-ms "$PROBE_EVERY_MS" --probe-max 120)
    else
      failed probe "$setup, N=$n" "could not create the quiet event"
    fi
  fi
  log "crowd: $n sign-ups on $setup (ports $ports)${quiet:+, probing $quiet}"
  local out
  run_child node "$bench/crowd.js" --ports "$ports" --slug "$slug" --n "$n" --capacity 300 --timeout-ms 30000 \
    --cap-ms 90000 --tag "$tag-$crowd_no" "${extra[@]}" > "$work/$slug.json" 2> >(tee -a "$work/crowd.log" >&2)
  out=$(cat "$work/$slug.json")
  if [ -z "$out" ]; then failed crowd "$setup, N=$n" "crowd client gave no result"; return 1; fi
  result "{\"kind\":\"crowd\",\"setup\":$(json_str "$setup"),\"show\":\"$show\",\"data\":$out}"
}

# floor_crowd SETUP N PORTS...: the crowd's floor, the same client shape (N new connections, all open
# first, every request written in one loop) fetching GET /style.css: what the machine, the client and
# the HTTP stack cost N people at once with no app work. Run on the crowd's own app(s) right before it.
floor_crowd() {
  local setup=$1 n=$2 out name
  shift 2
  local ports
  ports=$(IFS=,; echo "$*")
  name=floor-$n-$((++crowd_no))-$tag
  log "floor: $n stylesheet fetches on $setup (ports $ports)"
  run_child node "$bench/crowd.js" --mode floor --ports "$ports" --slug "$name" --n "$n" --timeout-ms 30000 \
    --cap-ms 90000 --tag "$tag-$crowd_no" > "$work/$name.json" 2> >(tee -a "$work/crowd.log" >&2)
  out=$(cat "$work/$name.json")
  if [ -z "$out" ]; then failed floor "$setup, N=$n" "crowd client gave no result"; return 1; fi
  result "{\"kind\":\"floor\",\"setup\":$(json_str "$setup"),\"data\":$out}"
}
crowd_no=0

machine() {
  local jv app
  jv=$(java -version 2>&1 | head -1)
  app=$(git -C "$root" log -1 --format='%h %s' 2> /dev/null | cut -c1-60)
  git -C "$root" diff --quiet HEAD -- src/main pom.xml 2> /dev/null || app="$app (+ uncommitted changes)"
  printf 'machine: %s cores, %s, %s; load average %s at the start, %s at the end\n' "$(nproc)" "$jv" \
    "$(date '+%Y-%m-%d %H:%M %Z')" "$load_start" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'app: branch %s, commit %s; jars built %s\n' "$(git -C "$root" rev-parse --abbrev-ref HEAD 2> /dev/null)" \
    "$app" "$(date -r "$H2_JAR" '+%Y-%m-%d %H:%M')"
}

# ---------------------------------------------------------------------------------------------- footprint
# footprint_once NAME DB_DIR FLAGS: one start of the H2 jar on DB_DIR; sets FP_READY (seconds from the
# launch until /q/health/ready answers 200, polled every 20 ms), APP_START ("started in") and FP_RSS
# (KB, one second after ready), then stops the app
footprint_once() {
  local name=$1 db=$2 flags=$3 t0 t1 deadline=$((SECONDS + 180)) ok=1
  FP_READY='' FP_RSS='' APP_START=''
  alloc_port
  t0=$(date +%s%N)
  launch_app "$name-$PORT" "$H2_JAR" "$PORT" "jdbc:h2:file:$db/db;DB_CLOSE_ON_EXIT=FALSE" "$flags"
  # a forked curl every 20 ms would take CPU from the start being measured: curl only once the port is open
  until ! port_free "$PORT" && curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$APP_PID" 2> /dev/null && [ $SECONDS -le $deadline ] || { ok=0; break; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  if [ $ok = 1 ]; then
    FP_READY=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
    APP_START=$(grep -o 'started in [0-9.]*s' "$work/$name-$PORT.log" | head -1 | grep -o '[0-9.]*[0-9]')
    sleep 1
    FP_RSS=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
  fi
  stop_app "$APP_PID"
  [ $ok = 1 ]
}

median() { sort -n | awk '{a[NR] = $1} END {if (NR) print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
list_json() { printf '[%s]' "$(IFS=,; echo "$*")"; }

# footprint KEY SETUP FLAGS: FOOTPRINT_RUNS first starts, each on a fresh H2 file (Flyway creates the
# schema and the seed events), then as many restarts on the database the first start made
footprint() {
  local key=$1 setup=$2 flags=$3 db kind i ready start rss
  db=$work/db-fp-$key
  for kind in fresh restart; do
    ready=() start=() rss=()
    for i in $(seq 1 "$FOOTPRINT_RUNS"); do
      if [ "$kind" = fresh ]; then rm -rf "$db"; mkdir -p "$db"; fi
      if footprint_once "footprint-$key-$kind" "$db" "$flags"; then
        ready+=("$FP_READY") start+=("${APP_START:-null}") rss+=("${FP_RSS:-null}")
        log "footprint $key $kind $i: ready after $FP_READY s (started in ${APP_START:-?} s), RSS $((${FP_RSS:-0} / 1024)) MB"
      else
        failed footprint "$setup, $kind" "the app did not start (log: footprint-$key-$kind-*.log)"
        break
      fi
    done
    [ ${#ready[@]} -gt 0 ] || continue
    result "{\"kind\":\"footprint\",\"key\":\"$key-$kind\",\"setup\":$(json_str "$setup, $([ $kind = fresh ] && echo 'first start, fresh database' || echo 'restart, database up to date')"),\"runs\":${#ready[@]},\"readySeconds\":$(printf '%s\n' "${ready[@]}" | median),\"startSeconds\":$(printf '%s\n' "${start[@]}" | grep -v null | median | grep . || echo null),\"rssKb\":$(printf '%s\n' "${rss[@]}" | grep -v null | median | grep . || echo null),\"readyAll\":$(list_json "${ready[@]}"),\"rssAll\":$(list_json "${rss[@]}")}"
  done
}
if has footprint; then
  log "== footprint ($FOOTPRINT_RUNS starts each)"
  footprint default "H2 jar, $(java -version 2>&1 | head -1 | cut -d'"' -f2), default JVM flags" ""
  [ -n "$JVM_FLAGS" ] && footprint flags "H2 jar, JVM_FLAGS=$JVM_FLAGS" "$JVM_FLAGS"
fi

# ---------------------------------------------------------------------------------------------- crowd + mail
# Every crowd runs on freshly started app(s) with a fresh database, after a short warm-up (WARMUP
# seconds of API sign-ups to a 1-seat event without waitlist: they answer 409 and send no mail; then,
# with FLOOR=1, WARMUP seconds of stylesheet GETs), so no crowd competes with an earlier crowd's mail
# backlog. The first crowd of the run waits for its
# mails: that is the mail figure.
pg_reachable() { psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -qAtc 'select 1' > /dev/null 2>&1; }
fresh_db() {
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "drop database if exists $PG_DB with (force)" -c "create database $PG_DB" > /dev/null && pg_created=1
}
pgurl="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
pgenv=(QUARKUS_PROFILE=postgres QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=)

warm_up() { # PORTS...
  command -v wrk > /dev/null || return 0
  local slug=warm-$((++crowd_no))-$tag p w=() before
  create_event "$1" "$slug" 1 false || return 0
  before=$(cut -d' ' -f1 "$smtp_status")
  for p in "$@"; do
    wrk -t1 -c16 -d"${WARMUP}s" -s "$bench/steady.lua" "http://127.0.0.1:$p/api/events/$slug/registrations" -- api "warm$p" > /dev/null 2>&1 &
    w+=($!)
    pids+=($!)
  done
  wait "${w[@]}"
  if [ "$FLOOR" = 1 ]; then # the floor's path too, so neither the floor nor the crowd meets cold code
    w=()
    for p in "$@"; do
      wrk -t1 -c16 -d"${WARMUP}s" "http://127.0.0.1:$p/style.css" > /dev/null 2>&1 &
      w+=($!)
      pids+=($!)
    done
    wait "${w[@]}"
  fi
  # the one seat's mail must be out before the crowd, or the mail count would include it
  for _ in $(seq 1 50); do [ "$(cut -d' ' -f1 "$smtp_status")" -gt "$before" ] && break; sleep 0.2; done
}

# crowd_run h2|pg1|pg2 N WAIT_MAIL SHOW
crowd_run() {
  local kind=$1 n=$2 waitmail=$3 show=$4 setup ports=() apppids=() i ok=1
  case $kind in
    h2) setup="H2, 1 instance" ;;
    pg1) setup="PostgreSQL, 1 instance" ;;
    pg2) setup="PostgreSQL, 2 instances (crowd split)" ;;
  esac
  if [ "$kind" = h2 ]; then
    alloc_port
    ports=("$PORT")
    mkdir -p "$work/db-crowd-$PORT"
    launch_app "crowd-$n-h2-$PORT" "$H2_JAR" "$PORT" "jdbc:h2:file:$work/db-crowd-$PORT/db" "$APP_FLAGS"
    apppids=("$APP_PID")
  else
    fresh_db || { failed crowd "$setup, N=$n" "could not create database $PG_DB"; return 1; }
    for i in $(seq 1 "${kind#pg}"); do
      # Instances start at once, as a deployment would; Flyway serializes the migration.
      alloc_port
      ports+=("$PORT")
      launch_app "crowd-$n-$kind-$PORT" "$PG_JAR" "$PORT" "$pgurl" "$APP_FLAGS" "${pgenv[@]}"
      apppids+=("$APP_PID")
    done
  fi
  for i in "${!ports[@]}"; do
    await_app "crowd-$n-$kind-${ports[$i]}" "${ports[$i]}" "${apppids[$i]}" || ok=0
  done
  if [ $ok = 1 ]; then
    warm_up "${ports[@]}"
    [ "$FLOOR" = 1 ] && floor_crowd "$setup" "$n" "${ports[@]}"
    crowd "$setup" "$show" "$waitmail" "$n" "${ports[@]}"
  else
    failed crowd "$setup, N=$n" "the app did not start (logs: crowd-$n-$kind-*.log)"
  fi
  kill "${apppids[@]}" 2> /dev/null
  for i in "${apppids[@]}"; do stop_app "$i"; done
}

if has crowd || has mail; then
  mail_left=0
  has mail && mail_left=1
  pg_ok=0
  if [ "$PG" != 0 ] && (on pg1 || on pg2); then
    if ! [ -f "$PG_JAR" ]; then
      [ "$PG" = 1 ] && failed crowd "PostgreSQL" "$PG_JAR is missing"
      [ "$PG" = 1 ] || result '{"kind":"skipped","part":"crowd","setup":"PostgreSQL","reason":"no target/postgres-app/quarkus-run.jar"}'
    elif ! pg_reachable; then
      [ "$PG" = 1 ] && failed crowd "PostgreSQL" "not reachable at $PG_HOST:$PG_PORT"
      [ "$PG" = 1 ] || result "{\"kind\":\"skipped\",\"part\":\"crowd\",\"setup\":\"PostgreSQL\",\"reason\":\"not reachable at $PG_HOST:$PG_PORT\"}"
    else
      pg_ok=1
    fi
  fi
  for kind in $CROWD_SETUPS; do
    [ "$kind" = h2 ] || [ $pg_ok = 1 ] || continue
    sizes=$CROWDS
    [ "$kind" = pg2 ] && sizes=$CROWD2
    for n in $sizes; do
      if [ $mail_left = 1 ]; then
        log "== crowd $n on $kind (+ mail)"
        crowd_run "$kind" "$n" 1 "$(has crowd && echo crowd,)mail"
        mail_left=0
      elif has crowd; then
        log "== crowd $n on $kind"
        crowd_run "$kind" "$n" 0 crowd
      fi
    done
  done
fi

# ---------------------------------------------------------------------------------------------- steady
# steady_target KEY NAME URL HEADER MODE [ARGS...]: KEY names the figure for the targets (report.js);
# HEADER is one request header for wrk -H ("" for none)
steady_target() {
  local key=$1 name=$2 url=$3 header=$4 out
  shift 4
  local hdr=()
  [ -n "$header" ] && hdr=(-H "$header")
  out=$work/wrk-$key.txt
  run_child wrk -t1 -c32 -d"${WARMUP}s" --timeout "${WRK_TIMEOUT}s" "${hdr[@]}" -s "$bench/steady.lua" "$url" -- "$@" > /dev/null 2>&1
  run_child wrk -t1 -c32 -d"${SECS}s" --timeout "${WRK_TIMEOUT}s" --latency "${hdr[@]}" -s "$bench/steady.lua" "$url" -- "$@" > "$out" 2>&1
  local line
  line=$(grep '^BENCH ' "$out" | head -1 | cut -c7-)
  if [ -z "$line" ]; then failed steady "H2, $name" "wrk gave no result: $(head -c 300 "$out")"; return 1; fi
  result "{\"kind\":\"steady\",\"key\":\"$key\",\"setup\":\"H2, wrk -t1 -c32 -d${SECS}s\",\"target\":$(json_str "$name"),\"mode\":\"$1\",\"wrk\":$line}"
  log "steady $name: $(grep -E 'Requests/sec' "$out")"
}
if has steady; then
  log "== steady on H2 (a fresh app, so no mail backlog from the crowds)"
  alloc_port
  sport=$PORT
  mkdir -p "$work/db-steady"
  if start_app h2-steady "$H2_JAR" "$sport" "jdbc:h2:file:$work/db-steady/db" "$APP_FLAGS"; then
    sslug=steady-$tag
    if create_event "$sport" "$sslug" 100000 true; then
      base=http://127.0.0.1:$sport
      steady_target style "GET /style.css" "$base/style.css" "" get
      steady_target home "GET /" "$base/" "" get
      steady_target event-ko "GET /events/{slug}, Accept-Language: ko" "$base/events/$sslug" "Accept-Language: ko" get
      steady_target event-en "GET /events/{slug}, Accept-Language: en" "$base/events/$sslug" "Accept-Language: en" get
      steady_target api-event "GET /api/events/{slug}" "$base/api/events/$sslug" "Accept: application/json" get
      steady_target api-signup "POST /api/events/{slug}/registrations" "$base/api/events/$sslug/registrations" "" api "$tag"
      curl -s -c "$work/cookies.txt" -o "$work/event-page.html" "$base/events/$sslug"
      cookie=$(awk '$6 == "csrf-token" {print $7}' "$work/cookies.txt" | tail -1)
      field=$(grep -o 'name="csrf-token" value="[^"]*"' "$work/event-page.html" | head -1 | sed 's/.*value="//; s/"$//')
      if [ -n "$cookie" ] && [ -n "$field" ]; then
        steady_target form-signup "POST /events/{slug}/registrations (form)" "$base/events/$sslug/registrations" "" form "$tag" "$field" "$cookie"
      else
        failed steady "H2, form sign-ups" "no csrf-token cookie or field on the event page"
      fi
    else
      failed steady "H2" "could not create the event"
    fi
    stop_app "$APP_PID"
  else
    failed steady "H2" "the app did not start (log: h2-steady.log)"
  fi
fi

# ---------------------------------------------------------------------------------------------- export
heap_kb() { # PID -> "heapUsedKB oldUsedKB" from jstat -gc
  jstat -gc "$1" 2> /dev/null | awk 'NR==1 {for (i = 1; i <= NF; i++) c[$i] = i} NR==2 {
    printf "%d %d", $c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"], $c["OU"]}'
}
if has export; then
  log "== export on H2"
  alloc_port
  eport=$PORT
  mkdir -p "$work/db-export"
  eurl="jdbc:h2:file:$work/db-export/db"
  eslug=export-$tag
  ok=1
  if start_app h2-export-1 "$H2_JAR" "$eport" "$eurl" "" && create_event "$eport" "$eslug" "$EXPORT_ROWS" false; then
    fill=$EXPORT_FILL
    if [ "$fill" = h2 ]; then
      stop_app "$APP_PID"
      h2jar=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar | head -1)
      log "inserting $EXPORT_ROWS registrations with $h2jar"
      run_child java -cp "$h2jar" "$bench/H2Fill.java" "$eurl" "$eslug" "$EXPORT_ROWS" > "$work/h2fill.log" 2>&1
      cat "$work/h2fill.log" >&2
      if ! grep -q 'inserted' "$work/h2fill.log"; then
        log "the H2 insert failed; filling through the API instead"
        fill=api
      fi
      alloc_port
      eport=$PORT
      start_app h2-export-2 "$H2_JAR" "$eport" "$eurl" "" || ok=0
    fi
    if [ $ok = 1 ] && [ "$fill" = api ]; then
      run_child node "$bench/fill.js" "$eport" "$eslug" "$EXPORT_ROWS" 64 || log "some API sign-ups failed"
    fi
  else
    ok=0
  fi
  if [ $ok = 1 ]; then
    jcmd "$APP_PID" GC.run > /dev/null 2>&1
    read -r heap0 old0 <<< "$(heap_kb "$APP_PID")"
    jstat -gc "$APP_PID" 100 > "$work/jstat-export.txt" 2> /dev/null &
    jstat_pid=$!
    pids+=($jstat_pid)
    log "GET /admin/events/$eslug/attendees.csv?reason=benchmark"
    run_child curl -s -u admin:bench -o "$work/export.csv" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' \
      --max-time 600 "http://127.0.0.1:$eport/admin/events/$eslug/attendees.csv?reason=benchmark" > "$work/export.stats"
    stats=$(cat "$work/export.stats")
    sleep 0.3
    kill "$jstat_pid" 2> /dev/null
    read -r code ttfb total bytes <<< "$stats"
    peak=$(awk 'NR==1 {for (i = 1; i <= NF; i++) c[$i] = i; next} $1 ~ /^[0-9.]+$/ {
      h = $c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]; if (h > m) m = h; if ($c["OU"] > o) o = $c["OU"]}
      END {printf "%d %d", m, o}' "$work/jstat-export.txt")
    read -r heappeak oldpeak <<< "$peak"
    jcmd "$APP_PID" GC.run > /dev/null 2>&1
    read -r heap1 old1 <<< "$(heap_kb "$APP_PID")"
    csvrows=$(($(wc -l < "$work/export.csv") - 1))
    head -5 "$work/export.csv" > "$work/export-head.csv"
    dbrows=$(curl -s "http://127.0.0.1:$eport/api/events/$eslug" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const e=JSON.parse(s);console.log(e.capacity-e.seatsLeft)}catch(x){console.log("null")}})')
    result "{\"kind\":\"export\",\"setup\":\"H2, $EXPORT_ROWS registrations (filled via $fill)\",\"code\":${code:-0},\"ttfb\":${ttfb:-null},\"seconds\":${total:-null},\"bytes\":${bytes:-0},\"rows\":$csvrows,\"seats\":${dbrows:-null},\"heapBeforeKb\":${heap0:-null},\"heapPeakKb\":${heappeak:-null},\"oldBeforeKb\":${old0:-null},\"oldPeakKb\":${oldpeak:-null},\"heapAfterGcKb\":${heap1:-null}}"
    log "export: HTTP $code, $csvrows rows, $bytes bytes in $total s"
  else
    failed export "H2" "the app did not start or the event could not be made (logs: h2-export-*.log)"
  fi
  [ -n "${APP_PID:-}" ] && stop_app "$APP_PID"
fi

# ---------------------------------------------------------------------------------------------- table
{
  machine
  echo
  node "$bench/report.js" "$results"
} | tee "$work/table.md"
