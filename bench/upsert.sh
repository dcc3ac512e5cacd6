#!/usr/bin/env bash
# Benchmark: upsert. A generated accel file of ROWS rows (keys 1..ROWS) is upserted by the packaged service (drop ->
# outbox, feed bench-upsert: mode upsert, keys id) into a table with a primary key that already holds keys
# 1..EXISTING (default ROWS / 2: half of the file updates, half inserts). In the same run, the same file is upserted
# by hand the way an expert would in psql: \copy into a temporary table, then one INSERT ... SELECT ... ON CONFLICT
# (keys) DO UPDATE, in one transaction, into an identical table holding the same keys. With EXISTING=0 the file is
# also loaded with plain `psql \copy` into an identical empty keyed table. Prints the times and the ratios.
#
#   bench/upsert.sh [ROWS] [EXISTING]     (service settings pass through, e.g. LOAD_METHOD=insert)
ROWS=${1:-2000000}
EXISTING=${2:-$((ROWS / 2))}
source "$(dirname "$0")/lib.sh"

FILE=$WORK/accel-$ROWS.csv
[ -f "$FILE" ] || awk -v n="$ROWS" -v shape=accel -v expected="$FILE.expected" -f bench/generate.awk > "$FILE"
COLUMNS="id bigint PRIMARY KEY, pctid bigint, x numeric, y numeric, z numeric"
UPDATE="pctid = EXCLUDED.pctid, x = EXCLUDED.x, y = EXCLUDED.y, z = EXCLUDED.z"

start_service
for t in accel_keyed accel_keyed_manual; do
  psql_db -c "CREATE TABLE $t ($COLUMNS)" \
          -c "INSERT INTO $t SELECT g, 0, 0, 0, 0 FROM generate_series(1, $EXISTING) g" -c "VACUUM ANALYZE $t"
done

settle_database
cp "$FILE" "$APP/.keyed.part"
CPU0=$(cpu_seconds); PG0=$(pg_cpu_seconds)
T0=$(now)
mv "$APP/.keyed.part" "$APP/inbox/keyed-accel.csv"
echo "dropped at $(date -u +%H:%M:%S.%3N) UTC (for the service log's times)"
until ls "$APP"/outbox/keyed-accel-*Z.csv >/dev/null 2>&1; do fail_if_dead; sleep 0.05; done
T1=$(now)
CPU1=$(cpu_seconds); PG1=$(pg_cpu_seconds)
PEAK_RSS_MB=$(peak_rss_mb)
PEAK_HEAP_MB=$(peak_heap_mb)
SERVICE_S=$(elapsed "$T0" "$T1")
for _ in $(seq 1 50); do grep -q "Loaded keyed-accel.csv" "$LOG" && break; sleep 0.1; done
LOAD_LINE=$(grep "Loaded keyed-accel.csv" "$LOG" | sed 's/.*Loaded/Loaded/')
LOAD_S=$(echo "$LOAD_LINE" | sed -E 's/.* in ([0-9.]+) s .*/\1/')
stop_service

# by hand: \copy into a temporary table, then one INSERT ... ON CONFLICT, in one transaction
settle_database
PG2=$(pg_cpu_seconds)
T2=$(now)
psql_db <<SQL
BEGIN;
CREATE TEMPORARY TABLE stage ON COMMIT DROP AS SELECT * FROM accel_keyed_manual WITH NO DATA;
\copy stage FROM '$FILE' WITH (FORMAT csv, HEADER true)
INSERT INTO accel_keyed_manual SELECT * FROM stage ON CONFLICT (id) DO UPDATE SET $UPDATE;
COMMIT;
SQL
T3=$(now)
PG3=$(pg_cpu_seconds)
MANUAL_S=$(elapsed "$T2" "$T3")

COPY_S=n/a
if [ "$EXISTING" = 0 ]; then
  psql_db -c "CREATE TABLE accel_keyed_copy ($COLUMNS)"
  settle_database
  T4=$(now)
  psql_db -c "\\copy accel_keyed_copy FROM '$FILE' WITH (FORMAT csv, HEADER true)"
  T5=$(now)
  COPY_S=$(elapsed "$T4" "$T5")
fi

# both tables must hold the same rows: every key once, the file's values
SUMS="SELECT count(*), count(DISTINCT id), sum(pctid), sum(x), sum(y), sum(z) FROM"
SERVICE_SUMS=$(psql_db -At -c "$SUMS accel_keyed")
MANUAL_SUMS=$(psql_db -At -c "$SUMS accel_keyed_manual")
REPORT=$(grep -h '"rows"' "$APP"/outbox/keyed-accel-*.report.json | sed -E 's/.*\{(.*)\}.*/\1/')
echo
echo "file: $FILE ($ROWS rows, $EXISTING of its keys already in the table); method ${LOAD_METHOD:-copy}, heap $HEAP: peak heap ${PEAK_HEAP_MB} MB, peak RSS ${PEAK_RSS_MB} MB"
echo "service log: $LOAD_LINE"
echo "service report: $REPORT"
echo "CPU: service $(cpu_delta "$CPU0" "$CPU1") s, PostgreSQL $(cpu_delta "$PG0" "$PG1") s during the service's upsert; PostgreSQL $(cpu_delta "$PG2" "$PG3") s during the one by hand"
printf '%-44s %10s %12s\n' "method" "seconds" "vs by hand"
printf '%-44s %10s %12s\n' "csv-ingest, drop -> outbox" "$SERVICE_S" "$(ratio "$MANUAL_S" "$SERVICE_S")"
printf '%-44s %10s %12s\n' "csv-ingest, load only (its log line)" "$LOAD_S" "$(ratio "$MANUAL_S" "$LOAD_S")"
printf '%-44s %10s %12s\n' "by hand: \\copy to temp + INSERT ON CONFLICT" "$MANUAL_S" "1.00x"
[ "$COPY_S" = n/a ] || printf '%-44s %10s   (csv-ingest drop -> outbox vs plain \\copy: %s)\n' "plain \\copy into the empty keyed table" "$COPY_S" "$(ratio "$COPY_S" "$SERVICE_S")"
[ "$SERVICE_SUMS" = "$MANUAL_SUMS" ] || { echo "FAIL: the tables differ: service $SERVICE_SUMS, by hand $MANUAL_SUMS"; exit 1; }
case "$SERVICE_SUMS" in "$ROWS|$ROWS|"*) ;; *) echo "FAIL: expected $ROWS distinct keys: $SERVICE_SUMS"; exit 1 ;; esac
case "$REPORT" in *"\"loaded\": $ROWS, \"rejected\": 0"*) ;; *) echo "FAIL: the report does not say $ROWS loaded"; exit 1 ;; esac
echo "both tables hold the same $ROWS rows (count, keys and sums of every column agree)"
echo "RESULT upsert rows=$ROWS existing=$EXISTING method=${LOAD_METHOD:-copy} service_s=$SERVICE_S load_s=$LOAD_S manual_s=$MANUAL_S copy_s=$COPY_S heap_mb=$PEAK_HEAP_MB rss_mb=$PEAK_RSS_MB service_cpu_s=$(cpu_delta "$CPU0" "$CPU1") pg_cpu_s=$(cpu_delta "$PG0" "$PG1") manual_pg_cpu_s=$(cpu_delta "$PG2" "$PG3")"
