#!/usr/bin/env bash
# Runs every benchmark of README "Performance" and prints its table (Markdown). Takes ~6 minutes on 2 cores.
#   bench/all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/work/results.txt
mkdir -p bench/work && : > "$OUT"
run() { "$@" 2>&1 | tee -a bench/work/all.log | grep '^RESULT' >> "$OUT"; }
run bench/run.sh 153000 accel
run bench/run.sh 1000000 accel
run bench/run.sh 5000000 accel
LOAD_METHOD=insert run bench/run.sh 5000000 accel
run bench/run.sh 1000000 orders
LOAD_METHOD=insert run bench/run.sh 1000000 orders
run bench/run.sh 1000000 dirty
BENCH_WARMUP=0 run bench/burst.sh 1000 100
run bench/burst.sh 1000 100
run bench/burst.sh 1000 100 2
run bench/latency.sh 15

echo "| file | method | drop → outbox | load (log line) | \`psql \\copy\` | drop → outbox vs \`\\copy\` | load vs \`\\copy\` | peak heap / RSS |"
echo "|---|---|---|---|---|---|---|---|"
awk '/^RESULT shape=/ {
  for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  printf "| %s %s rows | %s | %.2f s | %.2f s (%.0f rows/s) | %.2f s | %.2fx | %.2fx | %s / %s MB |\n", v["shape"], v["rows"], v["method"],
    v["service_s"], v["load_s"], v["rows"] / v["load_s"], v["copy_s"], v["copy_s"] / v["service_s"], v["copy_s"] / v["load_s"], v["heap_mb"], v["rss_mb"]
}' "$OUT"
echo
awk '/^RESULT burst/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  printf "- burst: %s files x %s rows, %s instance(s), %s: %s s = **%s files/s**\n", v["files"], v["rows"], v["instances"],
    (v["warmup"] > 0 ? ("after a warm-up of " v["warmup"] " files each") : "cold JVM"), v["seconds"], v["files_per_s"] }' "$OUT"
awk '/^RESULT latency/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  printf "- small-file latency (10 rows, last byte written -> committed), %s files: median **%s s**, worst %s s\n", v["count"], v["median_s"], v["worst_s"] }' "$OUT"
