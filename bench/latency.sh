#!/usr/bin/env bash
# Benchmark: small-file latency. COUNT times (default 15), a 10-row file arrives in the inbox, then the time until its
# rows are visible (committed) in the table is measured. Prints each, the median and the worst. HOW is
#   move    written beside the inbox, then moved in (`mv`, the documented way): measured from the move (default)
#   write   written straight into the inbox, as a writer that does not rename would: measured from its last byte; such
#           a file waits out the quiet period (READ_LOCK_MIN_AGE_MS), which keeps a file still being written unread
#
#   bench/latency.sh [COUNT] [HOW]     (service settings pass through, e.g. READ_LOCK_MIN_AGE_MS=2000)
COUNT=${1:-15}
HOW=${2:-move}
source "$(dirname "$0")/lib.sh"

case "$HOW" in move | write) ;; *) echo "unknown way $HOW (move, write)"; exit 2 ;; esac
start_service
# one file first, not measured: the feed's first file meets a cold JVM and an empty ledger
printf 'id,reading,note\n1,0.5,"warm-up"\n' > "$APP/small-warmup.part" && mv "$APP/small-warmup.part" "$APP/inbox/small-0.csv"
until [ "$(psql_db -At -c "SELECT count(*) FROM small WHERE id = 1" 2>/dev/null || echo 0)" = 1 ]; do fail_if_dead; sleep 0.05; done
LATENCIES=()
for n in $(seq 1 "$COUNT"); do
  TARGET=$APP/inbox/small-$n.csv
  [ "$HOW" = move ] && TARGET=$APP/small-$n.part
  {
    echo "id,reading,note"
    for r in $(seq 1 10); do echo "$((n * 100 + r)),$r.5,\"file $n, row $r\""; done
  } > "$TARGET"
  T0=$(now)
  [ "$HOW" = move ] && mv "$TARGET" "$APP/inbox/small-$n.csv"
  until [ "$(psql_db -At -c "SELECT count(*) FROM small WHERE id / 100 = $n" 2>/dev/null || echo 0)" = 10 ]; do
    fail_if_dead
    sleep 0.01
  done
  T1=$(now)
  LATENCIES+=("$(elapsed "$T0" "$T1")")
  echo "file $n: $(elapsed "$T0" "$T1") s"
done
stop_service
SORTED=$(printf '%s\n' "${LATENCIES[@]}" | sort -n)
MEDIAN=$(echo "$SORTED" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
WORST=$(echo "$SORTED" | tail -1)
echo
echo "small-file latency ($HOW: $([ "$HOW" = move ] && echo "moved in" || echo "last byte written") -> rows committed), $COUNT files of 10 rows: median $MEDIAN s, worst $WORST s"
echo "RESULT latency how=$HOW count=$COUNT median_s=$MEDIAN worst_s=$WORST"
