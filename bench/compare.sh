#!/usr/bin/env bash
# Two builds of the service, end to end in one run: this checkout against another commit (or against this commit
# with a patch applied), so a change's effect is measured on the same machine at the same time.
#
#   bench/compare.sh BASE [ROUNDS] [PATCH]
#     BASE    the commit to compare with (a hash, a tag, HEAD~3); the base build is made in a throwaway git worktree
#     ROUNDS  runs per shape and build (default 6), alternating which build goes first (the second run of a pair is
#             often the faster one)
#     PATCH   a patch applied to the base build before it is built (bench/fastcsv.sh uses this)
#   COMPARE_LABELS="ours base" names the two builds in the output; COMPARE_SHAPES="5000000 accel,1000000 orders"
#   the bench/run.sh runs (default: accel 5M and orders 1M). Leaves the base build in $COMPARE_KEEP if set.
# Prints every run (also into bench/work/compare-results.txt) and the medians. Needs what bench/run.sh needs.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: bench/compare.sh BASE [ROUNDS] [PATCH]}
ROUNDS=${2:-6}
PATCH=${3:-}
read -r LABEL_OURS LABEL_BASE <<< "${COMPARE_LABELS:-ours base}"
IFS=, read -r -a SHAPES <<< "${COMPARE_SHAPES:-5000000 accel,1000000 orders}"
OURS=$PWD
OTHER=${COMPARE_KEEP:-$(mktemp -d /tmp/csv-ingest-compare.XXXXXX)}
RESULTS=$OURS/bench/work/compare-results.txt
cleanup() { [ -n "${COMPARE_KEEP:-}" ] || git -C "$OURS" worktree remove --force "$OTHER" >/dev/null 2>&1 || rm -rf "$OTHER"; }
trap cleanup EXIT

./mvnw -q -B package -DskipTests
rm -rf "$OTHER" && git worktree prune && git worktree add -q --detach "$OTHER" "$BASE"
[ -z "$PATCH" ] || git -C "$OTHER" apply "$OURS/$PATCH"
(cd "$OTHER" && ./mvnw -q -B package -DskipTests)
mkdir -p bench/work && rm -rf "$OTHER/bench/work" && ln -s "$OURS/bench/work" "$OTHER/bench/work"
: > "$RESULTS"

run() { # run LABEL DIR ROWS SHAPE
  local line
  line=$(cd "$2" && bench/run.sh "$3" "$4" 2>&1 | grep '^RESULT') || { echo "bench/run.sh failed in $2" >&2; exit 1; }
  echo "build=$1 $line" | tee -a "$RESULTS"
}
for shape in "${SHAPES[@]}"; do
  for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then run "$LABEL_OURS" "$OURS" $shape; run "$LABEL_BASE" "$OTHER" $shape
    else run "$LABEL_BASE" "$OTHER" $shape; run "$LABEL_OURS" "$OURS" $shape; fi
  done
done

echo
echo "medians ($ROUNDS runs each; load = the service's log line, ratio = psql \\copy seconds / load seconds):"
awk '
  function median(a, k, m,   i, j, t, v) { for (i = 1; i <= m; i++) v[i] = a[k, i]
             for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
             return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2 }
  { split("", f); for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    k = f["shape"] " " f["rows"] " " f["build"]; n[k]++; load[k, n[k]] = f["load_s"]; drop[k, n[k]] = f["service_s"]
    ratio[k, n[k]] = f["copy_s"] / f["load_s"]; cpu[k, n[k]] = f["service_cpu_s"]; heap[k, n[k]] = f["heap_mb"] }
  END { for (k in n) printf "  %-28s load %.2f s, vs \\copy %.2fx, drop -> outbox %.2f s, service CPU %.2f s, peak heap %d MB\n",
              k, median(load, k, n[k]), median(ratio, k, n[k]), median(drop, k, n[k]), median(cpu, k, n[k]), median(heap, k, n[k]) }
' "$RESULTS" | sort
# the base build stays usable for a parse-only comparison until this script exits
[ -z "${COMPARE_AFTER:-}" ] || COMPARE_OTHER=$OTHER bash -c "$COMPARE_AFTER"
