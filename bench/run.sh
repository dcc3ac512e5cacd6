#!/usr/bin/env bash
# Benchmark: load a generated CSV end to end through the packaged service (drop -> outbox) and, in the same
# run, the same file with `psql \copy` into an identical table; print both and the ratio.
#
#   bench/run.sh [ROWS] [SHAPE]   ROWS defaults to 1000000; SHAPE is
#     accel  5 numeric columns like the UCI accelerometer file (default)
#     dirty  the same with dirt: UTF-8 BOM, mixed-case header with spaces, padded values, NULL / N/A tokens,
#            ~1% exact duplicate rows, ~0.5% blank rows, bad values in every column. The generator counts what
#            each bucket must hold; the run fails unless the service's report says exactly that. \copy loads the
#            same file into all-text columns (it cannot clean), as the baseline.
#
# Needs: java 17, psql, a PostgreSQL reachable as BENCH_PG_URL / BENCH_PG_USER (defaults: 127.0.0.1:5432, postgres).
# Service settings can be passed as usual (BATCH_SIZE=5000 bench/run.sh). Not a test: numbers, not verdicts.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-1000000}
SHAPE=${2:-accel}
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

# 1. a deterministic file: id, pctid, x, y, z (like the UCI accelerometer data), clean or dirty
mkdir -p "$WORK"
NAME=accel; [ "$SHAPE" = dirty ] && NAME=accel_dirty
FILE=$WORK/$NAME-$ROWS.csv
EXPECTED=$FILE.expected
if [ ! -f "$FILE" ] || [ ! -f "$EXPECTED" ]; then
  echo "generating $FILE ($ROWS rows, $SHAPE)"
  awk -v n="$ROWS" -v shape="$SHAPE" -v expected="$EXPECTED" '
    function v(k) { return ((i * k) % 2001 - 1000) / 1000 }
    BEGIN {
      if (shape == "dirty") print "\357\273\277 Id ,PctID, X Value ,Y,Z"; else print "id,pctid,x,y,z"
      for (i = 1; i <= n; i++) {
        id = i; pct = 20 + (i % 81); x = sprintf("%.3f", v(7919)); y = sprintf("%.3f", v(104729)); z = sprintf("%.3f", v(1299709))
        if (shape == "dirty") {
          if (i % 7 == 0) x = "  " x " "
          if (i % 11 == 0) pct = "\t" pct
          if (i % 53 == 0) y = "NULL"
          if (i % 59 == 0) z = "N/A"
          bad = 0
          if (i % 1009 == 0) { id = "x" i; bad = 1 }
          if (i % 1013 == 0) { pct = "n.a."; bad = 1 }
          if (i % 1019 == 0) { x = "1.2.3"; bad = 1 }
          if (i % 1021 == 0) { y = "abc"; bad = 1 }
          if (i % 1031 == 0) { z = "--"; bad = 1 }
          rejected += bad
        }
        line = id "," pct "," x "," y "," z
        print line
        if (shape == "dirty" && i % 100 == 0) { print line; duplicates++ }
        if (shape == "dirty" && i % 200 == 0) { print ",, ,,"; blank++ }
      }
      read = n + duplicates + blank
      printf "\"read\": %d, \"loaded\": %d, \"rejected\": %d, \"duplicates\": %d, \"blank\": %d\n", read, n - rejected, rejected, duplicates, blank > expected
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
cp "$FILE" "$APP/.$NAME.part"
T0=$(now)
mv "$APP/.$NAME.part" "$APP/inbox/$NAME.csv"
until ls "$APP"/outbox/$NAME-*Z.csv >/dev/null 2>&1; do
  if ls "$APP"/deadletter/*.reason.txt >/dev/null 2>&1; then cat "$APP"/deadletter/*.reason.txt; exit 1; fi
  kill -0 $PID 2>/dev/null || { echo "service died, see $LOG"; exit 1; }
  sleep 0.05
done
T1=$(now)
PEAK_RSS_MB=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' /proc/$PID/status)
SERVICE_S=$(elapsed "$T0" "$T1")
LOADED=$(psql_db -At -c "SELECT count(*) FROM $NAME")
for _ in $(seq 1 50); do grep -q "Loaded $NAME.csv" "$LOG" && break; sleep 0.1; done
LOAD_LINE=$(grep "Loaded $NAME.csv" "$LOG" | sed 's/.*Loaded/Loaded/')
LOAD_S=$(echo "$LOAD_LINE" | sed -E 's/.* in ([0-9.]+) s .*/\1/')

# 4. psql \copy of the same file into an identical, empty table
if [ "$SHAPE" = dirty ]; then
  psql_db -c "CREATE TABLE ${NAME}_copy (id text, pctid text, x text, y text, z text)"
else
  psql_db -c "CREATE TABLE ${NAME}_copy (LIKE $NAME)"
fi
T2=$(now)
psql_db -c "\\copy ${NAME}_copy FROM '$FILE' WITH (FORMAT csv, HEADER true)"
T3=$(now)
COPY_S=$(elapsed "$T2" "$T3")
COPIED=$(psql_db -At -c "SELECT count(*) FROM ${NAME}_copy")

echo
echo "file: $FILE ($ROWS rows, $BYTES bytes), service heap $HEAP, peak RSS ${PEAK_RSS_MB} MB"
echo "service log: $LOAD_LINE"
printf '%-36s %10s %12s %10s\n' "method" "seconds" "rows/s" "vs \\copy"
printf '%-36s %10s %12s %10s\n' "csv-ingest, drop -> outbox" "$SERVICE_S" "$(rate "$LOADED" "$SERVICE_S")" \
  "$(awk -v a="$COPY_S" -v b="$SERVICE_S" 'BEGIN { printf "%.2fx", a / b }')"
printf '%-36s %10s %12s %10s\n' "csv-ingest, load only (its log line)" "$LOAD_S" "$(rate "$LOADED" "$LOAD_S")" \
  "$(awk -v a="$COPY_S" -v b="$LOAD_S" 'BEGIN { printf "%.2fx", a / b }')"
printf '%-36s %10s %12s %10s\n' "psql \\copy" "$COPY_S" "$(rate "$COPIED" "$COPY_S")" "1.00x"
LINES=$(($(wc -l < "$FILE") - 1))
REPORT=$(grep -h '"rows"' "$APP"/outbox/$NAME-*.report.json | sed -E 's/.*\{(.*)\}.*/\1/')
echo "service report:   $REPORT"
echo "generator expects: $(cat "$EXPECTED")"
LOADED_EXPECTED=$(sed -E 's/.*"loaded": ([0-9]+).*/\1/' "$EXPECTED")
case "$REPORT" in "$(cat "$EXPECTED")"*) ;; *) echo "FAIL: the service's counts differ from the generator's"; exit 1 ;; esac
[ "$LOADED" = "$LOADED_EXPECTED" ] && [ "$COPIED" = "$LINES" ] \
  || { echo "FAIL: rows in table $LOADED (expected $LOADED_EXPECTED), \\copy $COPIED (expected $LINES)"; exit 1; }
echo "counts reconcile: read = loaded + rejected + duplicates + blank"
