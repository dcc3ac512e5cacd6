#!/usr/bin/env bash
# Benchmark: load a generated CSV end to end through the packaged service (drop -> outbox) and, in the same
# run, the same file with `psql \copy` into an identical table; print both and the ratio.
#
#   bench/run.sh [ROWS]          ROWS defaults to 1000000 (5 numeric columns, "accel" shape)
#
# Needs: java 17, psql, a PostgreSQL reachable as BENCH_PG_URL / BENCH_PG_USER (defaults: 127.0.0.1:5432, postgres).
# Service settings can be passed as usual (BATCH_SIZE=5000 bench/run.sh). Not a test: numbers, not verdicts.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-1000000}
PGHOST=${BENCH_PG_HOST:-127.0.0.1}
PGPORT=${BENCH_PG_PORT:-5432}
PGUSER=${BENCH_PG_USER:-postgres}
DB=csv_ingest_bench
HEAP=${BENCH_HEAP:--Xmx256m}
WORK=bench/work
APP=$WORK/app
export PGHOST PGPORT PGUSER

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

[ -f target/csv-ingest.jar ] || ./mvnw -q -B package -DskipTests

# 1. a deterministic file: id, pctid, x, y, z (like the UCI accelerometer data)
mkdir -p "$WORK"
FILE=$WORK/accel-$ROWS.csv
if [ ! -f "$FILE" ]; then
  echo "generating $FILE ($ROWS rows)"
  awk -v n="$ROWS" 'BEGIN {
    print "id,pctid,x,y,z"
    for (i = 1; i <= n; i++)
      printf "%d,%d,%.3f,%.3f,%.3f\n", i, 20 + (i % 81), ((i * 7919) % 2001 - 1000) / 1000, ((i * 104729) % 2001 - 1000) / 1000, ((i * 1299709) % 2001 - 1000) / 1000
  }' > "$FILE"
fi
BYTES=$(stat -c %s "$FILE")

# 2. a fresh database and the service, started as its container would start it
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
rm -rf "$APP" && mkdir -p "$APP"/{inbox,outbox,deadletter} && cp -r routes "$APP/"
LOG=$WORK/service.log
(cd "$APP" && DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DB_USER="$PGUSER" \
   exec java $HEAP -XX:+ExitOnOutOfMemoryError -jar ../../../target/csv-ingest.jar) > "$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do grep -q "started in" "$LOG" && break; sleep 0.5; done
grep -q "started in" "$LOG" || { echo "service did not start, see $LOG"; exit 1; }

# 3. drop -> outbox, the way a user drops a file (written beside the inbox, then moved in)
cp "$FILE" "$APP/.accel.part"
T0=$(now)
mv "$APP/.accel.part" "$APP/inbox/accel.csv"
until ls "$APP"/outbox/accel-*.csv >/dev/null 2>&1; do
  if ls "$APP"/deadletter/*.reason.txt >/dev/null 2>&1; then cat "$APP"/deadletter/*.reason.txt; exit 1; fi
  kill -0 $PID 2>/dev/null || { echo "service died, see $LOG"; exit 1; }
  sleep 0.05
done
T1=$(now)
PEAK_RSS_MB=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' /proc/$PID/status)
SERVICE_S=$(elapsed "$T0" "$T1")
LOADED=$(psql_db -At -c "SELECT count(*) FROM accel")
LOAD_LINE=$(grep "Loaded accel.csv" "$LOG" | sed 's/.*Loaded/Loaded/')
LOAD_S=$(echo "$LOAD_LINE" | sed -E 's/.* in ([0-9.]+) s .*/\1/')

# 4. psql \copy of the same file into an identical, empty table
psql_db -c "CREATE TABLE accel_copy (LIKE accel)"
T2=$(now)
psql_db -c "\\copy accel_copy FROM '$FILE' WITH (FORMAT csv, HEADER true)"
T3=$(now)
COPY_S=$(elapsed "$T2" "$T3")
COPIED=$(psql_db -At -c "SELECT count(*) FROM accel_copy")

echo
echo "file: $FILE ($ROWS rows, $BYTES bytes), service heap $HEAP, peak RSS ${PEAK_RSS_MB} MB"
echo "service log: $LOAD_LINE"
printf '%-36s %10s %12s %10s\n' "method" "seconds" "rows/s" "vs \\copy"
printf '%-36s %10s %12s %10s\n' "csv-ingest, drop -> outbox" "$SERVICE_S" "$(rate "$LOADED" "$SERVICE_S")" \
  "$(awk -v a="$COPY_S" -v b="$SERVICE_S" 'BEGIN { printf "%.2fx", a / b }')"
printf '%-36s %10s %12s %10s\n' "csv-ingest, load only (its log line)" "$LOAD_S" "$(rate "$LOADED" "$LOAD_S")" \
  "$(awk -v a="$COPY_S" -v b="$LOAD_S" 'BEGIN { printf "%.2fx", a / b }')"
printf '%-36s %10s %12s %10s\n' "psql \\copy" "$COPY_S" "$(rate "$COPIED" "$COPY_S")" "1.00x"
[ "$LOADED" = "$ROWS" ] && [ "$COPIED" = "$ROWS" ] || { echo "row counts differ: service $LOADED, copy $COPIED, file $ROWS"; exit 1; }
