#!/usr/bin/env bash
# Benchmark: small-file latency. COUNT times (default 15), a 10-row file is written straight into the inbox (as a
# writer that does not rename would); measures from its last byte written to its rows being visible (committed) in
# the table. Prints each, the median and the worst.
#
#   bench/latency.sh [COUNT]     (service settings pass through, e.g. READ_LOCK_MIN_AGE_MS=2000)
COUNT=${1:-15}
source "$(dirname "$0")/lib.sh"

start_service
LATENCIES=()
for n in $(seq 1 "$COUNT"); do
  {
    echo "id,reading,note"
    for r in $(seq 1 10); do echo "$((n * 100 + r)),$r.5,\"file $n, row $r\""; done
  } > "$APP/inbox/small-$n.csv"
  T0=$(now)
  until [ "$(psql_db -At -c "SELECT count(*) FROM small WHERE id / 100 = $n" 2>/dev/null || echo 0)" = 10 ]; do
    fail_if_dead
    sleep 0.02
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
echo "small-file latency (last byte written -> rows committed), $COUNT files of 10 rows: median $MEDIAN s, worst $WORST s"
echo "RESULT latency count=$COUNT median_s=$MEDIAN worst_s=$WORST"
