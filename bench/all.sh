#!/usr/bin/env bash
# Runs every benchmark of README "Performance" and prints its tables (Markdown). Takes ~25 minutes on 2 cores.
#   bench/all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/work/results.txt
mkdir -p bench/work && : > "$OUT" && : > bench/work/all.log
run() { "$@" 2>&1 | tee -a bench/work/all.log | grep '^RESULT' >> "$OUT"; }
WARM=300000
run bench/run.sh 153000 accel
run bench/run.sh 1000000 accel
run bench/run.sh 5000000 accel
BENCH_WARMUP_ROWS=$WARM run bench/run.sh 5000000 accel
LOAD_METHOD=insert run bench/run.sh 5000000 accel
run bench/run.sh 1000000 orders
BENCH_WARMUP_ROWS=$WARM run bench/run.sh 1000000 orders
LOAD_METHOD=insert run bench/run.sh 1000000 orders
run bench/run.sh 1000000 dirty
# upsert: half of the file's keys already in the table, against the same upsert by hand in psql; then into an empty
# keyed table, against plain \copy
run bench/upsert.sh 2000000
LOAD_METHOD=insert run bench/upsert.sh 2000000
run bench/upsert.sh 5000000 0
BENCH_WARMUP=0 run bench/burst.sh 1000 100
# one instance, then two, three times over: on a shared 2-core VM single runs vary by a third
for _ in 1 2 3; do run bench/burst.sh 1000 100 1; run bench/burst.sh 1000 100 2; done
run bench/latency.sh 15 move
run bench/latency.sh 15 write

echo "| file | method | JVM | drop → outbox | load (log line) | \`psql \\copy\` | drop → outbox vs \`\\copy\` | load vs \`\\copy\` | CPU: service / PostgreSQL (\`\\copy\`: PostgreSQL) | peak heap / RSS |"
echo "|---|---|---|---|---|---|---|---|---|---|"
awk '/^RESULT shape=/ {
  for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  jvm = v["warmup_rows"] > 0 ? "warm" : "cold"
  printf "| %s %s rows | %s | %s | %.2f s | %.2f s (%.0fk rows/s) | %.2f s | %.2fx | %.2fx | %s / %s s (%s s) | %s / %s MB |\n", v["shape"], v["rows"], v["method"], jvm,
    v["service_s"], v["load_s"], v["rows"] / v["load_s"] / 1000, v["copy_s"], v["copy_s"] / v["service_s"], v["copy_s"] / v["load_s"],
    v["service_cpu_s"], v["pg_cpu_s"], v["copy_pg_cpu_s"], v["heap_mb"], v["rss_mb"]
}' "$OUT"
echo
awk '/^RESULT burst/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  printf "- burst: %s files x %s rows, %s instance(s), %s: %s s = **%s files/s** (CPU per file: service %s ms, PostgreSQL %s ms)\n", v["files"], v["rows"], v["instances"],
    (v["warmup"] > 0 ? ("after a warm-up of " v["warmup"] " files each") : "cold JVM"), v["seconds"], v["files_per_s"], v["cpu_ms_per_file"], v["pg_ms_per_file"] }' "$OUT"
for n in 1 2; do
  runs=$(grep "^RESULT burst .*instances=$n warmup=[1-9]" "$OUT" | sed -E 's/.*files_per_s=([0-9]+).*/\1/' | sort -n)
  [ -n "$runs" ] && echo "- burst median, $n instance(s): **$(echo "$runs" | awk '{ r[NR] = $1 } END { print r[int((NR + 1) / 2)] }') files/s** (runs: $(echo $runs))"
done
echo
echo "| upsert | method | drop → outbox | load (log line) | by hand: \`\\copy\` to a temp table + \`INSERT ... ON CONFLICT\` | vs by hand | plain \`\\copy\` into the empty keyed table | vs plain \`\\copy\` | CPU: service / PostgreSQL (by hand: PostgreSQL) | peak heap |"
echo "|---|---|---|---|---|---|---|---|---|---|"
awk '/^RESULT upsert/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  plain = v["copy_s"] == "n/a" ? "–" : sprintf("%.2f s", v["copy_s"]); vs = v["copy_s"] == "n/a" ? "–" : sprintf("**%.2fx**", v["copy_s"] / v["service_s"])
  printf "| accel %s rows, %s keys already in the table | %s | %.2f s | %.2f s | %.2f s | **%.2fx** | %s | %s | %s / %s s (%s s) | %s MB |\n", v["rows"], v["existing"], v["method"],
    v["service_s"], v["load_s"], v["manual_s"], v["manual_s"] / v["service_s"], plain, vs, v["service_cpu_s"], v["pg_cpu_s"], v["manual_pg_cpu_s"], v["heap_mb"] }' "$OUT"
echo
awk '/^RESULT latency/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  printf "- small-file latency (10 rows, %s -> committed), %s files: median **%s s**, worst %s s\n", (v["how"] == "write" ? "written in place: last byte written" : "moved into the inbox: the move"), v["count"], v["median_s"], v["worst_s"] }' "$OUT"
