#!/usr/bin/env bash
# Benchmark: a burst of small files. FILES files of ROWS order rows each (defaults 1000 x 100) are moved into the
# inbox at once; measures the time until every one is in the outbox and its rows in the table: files/s. With
# INSTANCES > 1, that many instances share the inbox and the database (each file must still load exactly once).
#
#   bench/burst.sh [FILES] [ROWS] [INSTANCES]     (service settings pass through, e.g. LOAD_METHOD=insert)
#
# A fresh JVM spends most of its first minute compiling (on 2 cores the JIT takes about half the CPU while small
# files stream in), so each instance first loads BENCH_WARMUP files (default 300, into another table) the way a
# running service would have; BENCH_WARMUP=0 measures a cold start.
FILES=${1:-1000}
ROWS=${2:-100}
INSTANCES=${3:-1}
source "$(dirname "$0")/lib.sh"

STAGE=$WORK/burst-$FILES-$ROWS
if [ ! -d "$STAGE" ]; then
  echo "generating $FILES files of $ROWS rows in $STAGE"
  mkdir -p "$STAGE.tmp"
  awk -v files="$FILES" -v rows="$ROWS" -v dir="$STAGE.tmp" 'BEGIN {
    for (f = 1; f <= files; f++) {
      out = sprintf("%s/burst-%05d.csv", dir, f)
      print "order_id,customer,country,total,status" > out
      for (r = 1; r <= rows; r++) {
        id = (f - 1) * rows + r
        printf "%d,\"Customer %d, Ltd\",DE,%.2f,paid\n", id, id % 977, (id * 7919 % 100000) / 100 > out
      }
      close(out)
    }
  }'
  mv "$STAGE.tmp" "$STAGE"
fi

start_service "$INSTANCES"
WARMUP=${BENCH_WARMUP:-300}
if [ "$WARMUP" -gt 0 ]; then
  echo "warming up: $WARMUP files per instance"
  for f in $(seq 1 $((WARMUP * INSTANCES))); do
    sed "s/^\([0-9]*\),/$f\1,/" "$STAGE/burst-00001.csv" > "$APP/.small-warm-$f.csv"
    mv "$APP/.small-warm-$f.csv" "$APP/inbox/small-warm-$f.csv"
  done
  until [ "$(find "$APP/outbox" -name 'small-warm-*Z.csv' | wc -l)" -ge $((WARMUP * INSTANCES)) ]; do fail_if_dead; sleep 0.2; done
fi
cp "$STAGE"/*.csv "$APP/"
CPU0=$(cpu_seconds); PG0=$(pg_cpu_seconds)
T0=$(now)
mv "$APP"/burst-*.csv "$APP/inbox/"
until [ "$(find "$APP/outbox" -name 'burst-*Z.csv' | wc -l)" -ge "$FILES" ]; do fail_if_dead; sleep 0.1; done
T1=$(now)
CPU1=$(cpu_seconds); PG1=$(pg_cpu_seconds)
SECONDS_TAKEN=$(elapsed "$T0" "$T1")
CPU_MS_PER_FILE=$(awk -v a="$CPU0" -v b="$CPU1" -v n="$FILES" 'BEGIN { printf "%.1f", (b - a) * 1000 / n }')
PG_MS_PER_FILE=$( [ "$PG0" = n/a ] || [ "$PG1" = n/a ] && echo n/a || awk -v a="$PG0" -v b="$PG1" -v n="$FILES" 'BEGIN { printf "%.1f", (b - a) * 1000 / n }')
LOADED=$(psql_db -At -c "SELECT count(*) FROM burst")
BURST="file_name LIKE 'burst-%'"
LEDGER=$(psql_db -At -c "SELECT count(*) FROM csv_ingest_ledger WHERE status = 'loaded' AND $BURST")
DISTINCT=$(psql_db -At -c "SELECT count(DISTINCT file_name) FROM csv_ingest_ledger WHERE status = 'loaded' AND $BURST")
SHARES=$(psql_db -At -F ' ' -c "SELECT instance, count(*) FROM csv_ingest_ledger WHERE $BURST GROUP BY instance ORDER BY instance" | paste -sd ',' -)
PEAK_RSS_MB=$(peak_rss_mb)
stop_service

echo
echo "burst: $FILES files x $ROWS rows, $INSTANCES instance(s) ($SHARES), warm-up $WARMUP, method ${LOAD_METHOD:-copy}: $SECONDS_TAKEN s = $(rate "$FILES" "$SECONDS_TAKEN") files/s ($(rate "$LOADED" "$SECONDS_TAKEN") rows/s), service CPU ${CPU_MS_PER_FILE} ms per file, PostgreSQL CPU ${PG_MS_PER_FILE} ms per file, peak RSS ${PEAK_RSS_MB} MB"
[ "$LOADED" = "$((FILES * ROWS))" ] && [ "$LEDGER" = "$FILES" ] && [ "$DISTINCT" = "$FILES" ] \
  || { echo "FAIL: $LOADED rows (expected $((FILES * ROWS))), $LEDGER files loaded in the ledger (expected $FILES)"; exit 1; }
echo "every file loaded once: $LOADED rows, $LEDGER ledger rows 'loaded'"
echo "RESULT burst files=$FILES rows=$ROWS instances=$INSTANCES warmup=$WARMUP method=${LOAD_METHOD:-copy} seconds=$SECONDS_TAKEN files_per_s=$(rate "$FILES" "$SECONDS_TAKEN") cpu_ms_per_file=$CPU_MS_PER_FILE pg_ms_per_file=$PG_MS_PER_FILE concurrent_files=${CONCURRENT_FILES:-2}"
