#!/usr/bin/env bash
# Our CSV scanner against FastCSV (de.siegmar:fastcsv 4.4.0), end to end and parse only, in one run.
#
#   bench/fastcsv.sh [ROUNDS]   ROUNDS (default 6) per shape and parser
#
# Builds this checkout's jar and, in a throwaway git worktree, the same commit with bench/fastcsv-experiment.patch
# applied (CsvScanner on FastCSV's callback handler, same interface, fields copied out of FastCSV's reused buffer,
# record text rebuilt from the fields). Then, alternating which goes first (the second run of a pair is often faster),
# bench/run.sh on accel 5,000,000 and orders 1,000,000 rows with each jar, and bench/ParseOnly.java (no database)
# on the same files. Prints every run and the medians. Not a test: numbers, not verdicts. Needs what run.sh needs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-6}
OURS=$PWD
EXPERIMENT=$(mktemp -d /tmp/csv-ingest-fastcsv.XXXXXX)
RESULTS=$OURS/bench/work/fastcsv-results.txt
cleanup() { git -C "$OURS" worktree remove --force "$EXPERIMENT" >/dev/null 2>&1 || rm -rf "$EXPERIMENT"; }
trap cleanup EXIT

./mvnw -q -B package -DskipTests
git worktree add -q --detach "$EXPERIMENT" HEAD
git -C "$EXPERIMENT" apply "$OURS/bench/fastcsv-experiment.patch"
(cd "$EXPERIMENT" && ./mvnw -q -B package -DskipTests)
mkdir -p bench/work && rm -rf "$EXPERIMENT/bench/work" && ln -s "$OURS/bench/work" "$EXPERIMENT/bench/work"
: > "$RESULTS"

run() { # run TREE-NAME DIR ROWS SHAPE
  local line
  line=$(cd "$2" && bench/run.sh "$3" "$4" 2>&1 | grep '^RESULT') || { echo "bench/run.sh failed in $2" >&2; exit 1; }
  echo "parser=$1 $line" | tee -a "$RESULTS"
}
for shape in "5000000 accel" "1000000 orders"; do
  for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then run ours "$OURS" $shape; run fastcsv "$EXPERIMENT" $shape
    else run fastcsv "$EXPERIMENT" $shape; run ours "$OURS" $shape; fi
  done
done

for name in accel-5000000 shop_orders-1000000; do
  for parser in ours fastcsv; do
    dir=$OURS; [ $parser = ours ] || dir=$EXPERIMENT
    classes=$(mktemp -d)
    javac -d "$classes" -cp "$dir/target/classes" bench/ParseOnly.java
    java -Xmx256m -XX:+UseParallelGC -cp "$classes:$dir/target/classes:$dir/target/lib/*" ParseOnly \
      "bench/work/$name.csv" 5 | sed "s/^/parser=$parser file=$name /" | tee -a "$RESULTS"
    rm -rf "$classes"
  done
done

echo
echo "medians ($ROUNDS runs each; load = the service's log line, ratio = psql \\copy seconds / load seconds):"
awk '
  /RESULT/ { split("", f); for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
             k = f["shape"] " " f["parser"]; n[k]++; load[k, n[k]] = f["load_s"]; ratio[k, n[k]] = f["copy_s"] / f["load_s"]
             cpu[k, n[k]] = f["service_cpu_s"] }
  /PARSE/ && !/round=0/ { split("", f); for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
             k = f["file"] " " f["parser"]; p[k]++; parse[k, p[k]] = f["seconds"] }
  function median(a, k, m,   i, j, t, v) { for (i = 1; i <= m; i++) v[i] = a[k, i]
             for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
             return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2 }
  END { for (k in n) printf "  end to end %-16s load %.2f s, vs \\copy %.2fx, service CPU %.2f s\n", k,
              median(load, k, n[k]), median(ratio, k, n[k]), median(cpu, k, n[k])
        for (k in p) printf "  parse only %-28s %.2f s (warm rounds)\n", k, median(parse, k, p[k]) }' "$RESULTS" | sort
