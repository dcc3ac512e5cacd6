#!/usr/bin/env bash
# Our CSV scanner against FastCSV (de.siegmar:fastcsv 4.4.0), end to end and parse only, in one run.
#
#   bench/fastcsv.sh [ROUNDS]   ROUNDS (default 6) per shape and parser
#
# bench/compare.sh with this commit as the base and bench/fastcsv-experiment.patch applied to it (CsvScanner on
# FastCSV's callback handler, same interface, fields copied out of FastCSV's reused buffer, record text rebuilt from
# the fields): bench/run.sh on accel 5,000,000 and orders 1,000,000 rows with each jar, then bench/ParseOnly.java (no
# database) on the same files, 5 rounds in one JVM each (round 0 cold). Not a test: numbers, not verdicts.
set -euo pipefail
cd "$(dirname "$0")/.."
parse_only() {
  for name in accel-5000000 shop_orders-1000000; do
    for parser in ours fastcsv; do
      local dir=$PWD classes
      [ $parser = ours ] || dir=$COMPARE_OTHER
      classes=$(mktemp -d)
      javac -d "$classes" -cp "$dir/target/classes" bench/ParseOnly.java
      java -Xmx256m -XX:+UseParallelGC -cp "$classes:$dir/target/classes:$dir/target/lib/*" ParseOnly \
        "bench/work/$name.csv" 5 | sed "s/^/parser=$parser file=$name /"
      rm -rf "$classes"
    done
  done | tee bench/work/parse-results.txt
  echo
  echo "parse only, median of the warm rounds:"
  awk '!/round=0/ { split("", f); for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
         k = f["file"] " " f["parser"]; p[k]++; s[k, p[k]] = f["seconds"] }
       END { for (k in p) { m = p[k]; for (i = 1; i <= m; i++) v[i] = s[k, i]
               for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
               printf "  %-32s %.2f s\n", k, m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2 } }' \
    bench/work/parse-results.txt | sort
}
export -f parse_only
COMPARE_LABELS="ours fastcsv" COMPARE_AFTER=parse_only bench/compare.sh HEAD "${1:-6}" bench/fastcsv-experiment.patch
