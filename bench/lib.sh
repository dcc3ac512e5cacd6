# Shared by the bench scripts: settings, a fresh database, the packaged service started as its container starts it.
# Sourced, not run. Service settings pass through as usual (LOAD_METHOD=insert bench/run.sh ...); connection settings
# of the service's sessions too: BENCH_DB_URL_PARAMETERS='?options=-c%20synchronous_commit%3Doff'.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PGHOST=${BENCH_PG_HOST:-127.0.0.1}
PGPORT=${BENCH_PG_PORT:-5432}
PGUSER=${BENCH_PG_USER:-postgres}
DB=csv_ingest_bench
HEAP=${BENCH_HEAP:--Xmx256m}
WORK=bench/work
APP=$WORK/app
LOG=$WORK/service.log
GCLOG=$WORK/gc.log
export PGHOST PGPORT PGUSER

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

[ -f target/csv-ingest.jar ] || ./mvnw -q -B package -DskipTests
mkdir -p "$WORK"

# a fresh database and app folder (the shipped feeds plus bench/feeds.yaml), then the service in the background,
# with the image's JVM flags (Dockerfile ENTRYPOINT) but a fixed heap instead of a share of the container's memory.
# start_service N starts N instances on the same folders and database (as docker compose up --scale would).
start_service() {
  local count=${1:-1}
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  rm -rf "$APP" && mkdir -p "$APP"/{inbox,outbox,deadletter} && cp -r routes "$APP/" && cp bench/feeds.yaml "$APP/routes/"
  # BENCH_LINEAGE=true (or e.g. "load, file, line"): the zero-config feed adds lineage columns to every row
  [ -z "${BENCH_LINEAGE:-}" ] || sed -i "s/^        fallback: true\$/        fallback: true\n        lineage: \"$BENCH_LINEAGE\"/" "$APP/routes/zero-config.yaml"
  PIDS=()
  for n in $(seq 1 "$count"); do
    local log=$LOG gclog=../gc.log
    [ "$n" = 1 ] || { log=$WORK/service-$n.log; gclog=../gc-$n.log; }
    (cd "$APP" && DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB${BENCH_DB_URL_PARAMETERS:-}" DB_USER="$PGUSER" INSTANCE_NAME="bench-$n" \
       INBOX_DIR=inbox OUTBOX_DIR=outbox DEADLETTER_DIR=deadletter \
       MANAGEMENT_PORT=$((${MANAGEMENT_PORT:-9876} + n - 1)) \
       exec java $HEAP -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError "-Xlog:gc:file=$gclog" -jar ../../../target/csv-ingest.jar) \
       > "$log" 2>&1 &
    PIDS+=($!)
  done
  PID=${PIDS[0]}
  trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
  for n in $(seq 1 "$count"); do
    local log=$LOG
    [ "$n" = 1 ] || log=$WORK/service-$n.log
    # ready: its feeds read, the database answering (files wait in the inbox until then), readiness up
    local port=$((${MANAGEMENT_PORT:-9876} + n - 1))
    for _ in $(seq 1 240); do
      grep -q "Feeds: reading" "$log" && grep -q "Database answers" "$log" \
        && curl -sf "http://127.0.0.1:$port/observe/health/ready" >/dev/null && break
      sleep 0.25
    done
    curl -sf "http://127.0.0.1:$port/observe/health/ready" >/dev/null || { echo "service $n did not become ready, see $log"; exit 1; }
  done
}

stop_service() {
  kill "${PIDS[@]}" 2>/dev/null || true
  wait "${PIDS[@]}" 2>/dev/null || true
}

# CPU seconds (user + system) the service processes have used so far
cpu_seconds() { local t=0; for p in "${PIDS[@]}"; do t=$((t + $(awk '{ print $14 + $15 }' /proc/$p/stat))); done
  awk -v t="$t" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'; }
peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' /proc/$PID/status; }
# the most heap in use, read off the GC log (the heap just before each collection)
peak_heap_mb() { { grep -oE '[0-9]+M->' "$GCLOG" || echo 'n/a'; } | sed 's/M->//' | sort -n | tail -1; }

# CPU seconds PostgreSQL has used so far (postmaster, its backends alive and ended), when it runs on this machine and
# its data directory is readable; "n/a" otherwise
pg_cpu_seconds() {
  local dir pm t
  dir=$(psql -X -At -d "$DB" -c "SHOW data_directory" 2>/dev/null) || { echo n/a; return; }
  pm=$(head -1 "$dir/postmaster.pid" 2>/dev/null) && [ -r "/proc/$pm/stat" ] || { echo n/a; return; }
  t=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat")
  for c in $(pgrep -P "$pm"); do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || echo 0))); done
  awk -v t="$t" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
cpu_delta() { [ "$1" = n/a ] || [ "$2" = n/a ] && echo n/a || awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# both loads start from the same state: no dirty pages or WAL of the other one pending (a checkpoint the other's
# WAL triggers would otherwise land in this one)
settle_database() { psql_db -c CHECKPOINT 2>/dev/null || echo "(CHECKPOINT not allowed for $PGUSER: loads may inherit each other's writes)"; sync; }

fail_if_dead() {
  if ls "$APP"/deadletter/*.reason.txt >/dev/null 2>&1; then cat "$APP"/deadletter/*.reason.txt; exit 1; fi
  for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null || { echo "a service died, see $WORK/service*.log"; exit 1; }; done
}
