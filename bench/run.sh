#!/usr/bin/env bash
# Benchmark: load a generated CSV end to end through the packaged service (drop -> outbox) and, in the same run, the
# same file with `psql \copy` into an identical table; print both, the ratio, peak heap and RSS.
#
#   bench/run.sh [ROWS] [SHAPE]   ROWS defaults to 1000000; SHAPE is
#     accel   5 numeric columns like the UCI accelerometer file (default)
#     orders  8 mixed columns: ids, quoted names with commas and doubled quotes, text, numeric, integer,
#             timestamptz, status, a quoted note
#     dirty   accel with dirt: UTF-8 BOM, mixed-case header with spaces, padded values, NULL / N/A tokens, ~1% exact
#             duplicate rows, ~0.5% blank rows, bad values in every column; loaded by the feed bench-dirty, which
#             declares the column types, so bad values reject their rows (the zero-config feed would widen its
#             inferred columns to text instead). \copy loads it into all-text columns (it cannot clean), as the baseline.
#   BENCH_LINEAGE=true (or "load, file, line"): the zero-config feed adds lineage columns; \copy fills the same table without them.
#   The generator counts what each bucket must hold; the run fails unless the service's report says exactly that.
#
# Needs: java 17, psql, a PostgreSQL reachable as BENCH_PG_HOST / BENCH_PG_PORT / BENCH_PG_USER (defaults:
# 127.0.0.1, 5432, postgres). Service settings pass through (LOAD_METHOD=insert, BATCH_SIZE=...). Heap: BENCH_HEAP
# (default -Xmx256m). BENCH_WARMUP_ROWS=N first loads an N-row file of the same shape into another table, so the
# measured file meets a JIT-compiled service, as in one that has been running (default 0: a cold JVM, the first file
# after a start; on 2 cores the JIT then takes a large share of the CPU). Not a test: numbers, not verdicts.
ROWS=${1:-1000000}
SHAPE=${2:-accel}
source "$(dirname "$0")/lib.sh"

case "$SHAPE" in accel) NAME=accel ;; dirty) NAME=accel_dirty ;; orders) NAME=shop_orders ;;
  *) echo "unknown shape $SHAPE (accel, orders, dirty)"; exit 2 ;; esac
FILE=$WORK/$NAME-$ROWS.csv
EXPECTED=$FILE.expected
if [ ! -f "$FILE" ] || [ ! -f "$EXPECTED" ]; then
  echo "generating $FILE ($ROWS rows, $SHAPE)"
  awk -v n="$ROWS" -v shape="$SHAPE" -v expected="$EXPECTED" -f bench/generate.awk > "$FILE"
fi
BYTES=$(stat -c %s "$FILE")

start_service
WARMUP_ROWS=${BENCH_WARMUP_ROWS:-0}
if [ "$WARMUP_ROWS" -gt 0 ]; then
  WARM_FILE=$WORK/$NAME-warmup-$WARMUP_ROWS.csv
  [ -f "$WARM_FILE" ] || awk -v n="$WARMUP_ROWS" -v shape="$SHAPE" -v expected=/dev/null -f bench/generate.awk > "$WARM_FILE"
  echo "warming up: $WARMUP_ROWS rows into table ${NAME}_warmup"
  cp "$WARM_FILE" "$APP/.warmup.part" && mv "$APP/.warmup.part" "$APP/inbox/${NAME}_warmup.csv"
  until ls "$APP"/outbox/${NAME}_warmup-*Z.csv >/dev/null 2>&1; do fail_if_dead; sleep 0.1; done
fi

# drop -> outbox, the way a user drops a file (written beside the inbox, then moved in)
settle_database
cp "$FILE" "$APP/.$NAME.part"
CPU0=$(cpu_seconds); PG0=$(pg_cpu_seconds)
T0=$(now)
mv "$APP/.$NAME.part" "$APP/inbox/$NAME.csv"
until ls "$APP"/outbox/$NAME-*Z.csv >/dev/null 2>&1; do fail_if_dead; sleep 0.05; done
T1=$(now)
CPU1=$(cpu_seconds); PG1=$(pg_cpu_seconds)
PEAK_RSS_MB=$(peak_rss_mb)
PEAK_HEAP_MB=$(peak_heap_mb)
SERVICE_S=$(elapsed "$T0" "$T1")
LOADED=$(psql_db -At -c "SELECT count(*) FROM $NAME")
for _ in $(seq 1 50); do grep -q "Loaded $NAME.csv" "$LOG" && break; sleep 0.1; done
LOAD_LINE=$(grep "Loaded $NAME.csv" "$LOG" | sed 's/.*Loaded/Loaded/')
LOAD_S=$(echo "$LOAD_LINE" | sed -E 's/.* in ([0-9.]+) s .*/\1/')
stop_service

# psql \copy of the same file into an identical, empty table
if [ "$SHAPE" = dirty ]; then
  psql_db -c "CREATE TABLE ${NAME}_copy (id text, pctid text, x text, y text, z text)"
else
  psql_db -c "CREATE TABLE ${NAME}_copy (LIKE $NAME)" \
          -c "ALTER TABLE ${NAME}_copy DROP COLUMN IF EXISTS _load_id, DROP COLUMN IF EXISTS _source_file, DROP COLUMN IF EXISTS _source_line"
fi
settle_database
PG2=$(pg_cpu_seconds)
T2=$(now)
psql_db -c "\\copy ${NAME}_copy FROM '$FILE' WITH (FORMAT csv, HEADER true)"
T3=$(now)
PG3=$(pg_cpu_seconds)
COPY_S=$(elapsed "$T2" "$T3")
COPIED=$(psql_db -At -c "SELECT count(*) FROM ${NAME}_copy")

echo
echo "file: $FILE ($ROWS rows, $SHAPE, $BYTES bytes); method ${LOAD_METHOD:-copy}, heap $HEAP: peak heap ${PEAK_HEAP_MB} MB, peak RSS ${PEAK_RSS_MB} MB"
echo "service log: $LOAD_LINE"
echo "CPU during the load: service $(cpu_delta "$CPU0" "$CPU1") s, PostgreSQL $(cpu_delta "$PG0" "$PG1") s; during \\copy: PostgreSQL $(cpu_delta "$PG2" "$PG3") s"
printf '%-36s %10s %12s %10s\n' "method" "seconds" "rows/s" "vs \\copy"
printf '%-36s %10s %12s %10s\n' "csv-ingest, drop -> outbox" "$SERVICE_S" "$(rate "$LOADED" "$SERVICE_S")" "$(ratio "$COPY_S" "$SERVICE_S")"
printf '%-36s %10s %12s %10s\n' "csv-ingest, load only (its log line)" "$LOAD_S" "$(rate "$LOADED" "$LOAD_S")" "$(ratio "$COPY_S" "$LOAD_S")"
printf '%-36s %10s %12s %10s\n' "psql \\copy" "$COPY_S" "$(rate "$COPIED" "$COPY_S")" "1.00x"
READ_EXPECTED=$(sed -E 's/.*"read": ([0-9]+).*/\1/' "$EXPECTED")
REPORT=$(grep -h '"rows"' "$APP"/outbox/$NAME-*.report.json | sed -E 's/.*\{(.*)\}.*/\1/')
echo "service report:    $REPORT"
echo "generator expects: $(cat "$EXPECTED")"
LOADED_EXPECTED=$(sed -E 's/.*"loaded": ([0-9]+).*/\1/' "$EXPECTED")
case "$REPORT" in "$(cat "$EXPECTED")"*) ;; *) echo "FAIL: the service's counts differ from the generator's"; exit 1 ;; esac
[ "$LOADED" = "$LOADED_EXPECTED" ] || { echo "FAIL: rows in table $LOADED (expected $LOADED_EXPECTED)"; exit 1; }
[ "$COPIED" = "$READ_EXPECTED" ] || { echo "FAIL: \\copy loaded $COPIED (expected $READ_EXPECTED)"; exit 1; }
echo "counts reconcile: read = loaded + rejected + duplicates + blank"
echo "RESULT shape=$SHAPE rows=$ROWS method=${LOAD_METHOD:-copy} warmup_rows=$WARMUP_ROWS service_s=$SERVICE_S load_s=$LOAD_S copy_s=$COPY_S heap_mb=$PEAK_HEAP_MB rss_mb=$PEAK_RSS_MB service_cpu_s=$(cpu_delta "$CPU0" "$CPU1") pg_cpu_s=$(cpu_delta "$PG0" "$PG1") copy_pg_cpu_s=$(cpu_delta "$PG2" "$PG3")"
