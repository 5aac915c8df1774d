#!/usr/bin/env bash
# Catalog scale: does analysis time grow with the number of rules? It should not (one literal pass).
# Builds release, generates a log with ../shared/bench/make-biglog.py (arguments printed), warms up,
# runs each configuration RUNS times and prints medians and ratios against the plain catalog,
# measured in the same run. Record results in docs/performance.md ("Catalog scale").
#
#   bench/catalog-scale.sh            # 256 MiB log, 3 runs
#   MB=64 RUNS=5 bench/catalog-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MB="${MB:-256}"
RUNS="${RUNS:-3}"
SEED="${SEED:-42}"
SCRATCH="${SCRATCH:-.build-bench}"
WORK="${TMPDIR:-/tmp}/cbtriage-catalog-scale"
MAKE_BIGLOG="${MAKE_BIGLOG:-../shared/bench/make-biglog.py}"
[ -f "$MAKE_BIGLOG" ] || MAKE_BIGLOG=/work/shared/bench/make-biglog.py
mkdir -p "$WORK"
LOG="$WORK/big-$MB-$SEED.log"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "== swift build -c release --scratch-path $SCRATCH --product CatalogBench"
swift build -c release --scratch-path "$SCRATCH" --product CatalogBench >/dev/null
BENCH="$SCRATCH/release/CatalogBench"

if [ ! -f "$LOG" ]; then
  echo "== python3 $MAKE_BIGLOG --mb $MB --seed $SEED --failure ecr-auth-expired --out $LOG"
  python3 "$MAKE_BIGLOG" --mb "$MB" --seed "$SEED" --failure ecr-auth-expired --out "$LOG"
else
  echo "== reusing $LOG (python3 $MAKE_BIGLOG --mb $MB --seed $SEED --failure ecr-auth-expired --out $LOG)"
fi
cat "$LOG" > /dev/null # page cache

RULES=$("$BENCH" "$LOG" --runs 1 | sed -n 's/.*rules=\([0-9]*\).*/\1/p')
EXTRA=$(( RULES * 9 ))
[ "$EXTRA" -ge 450 ] || EXTRA=450  # at least ~10x a 50-rule catalog, even before the catalog lands

run() { # label, args...
  local label="$1"; shift
  local line; line=$("$BENCH" "$LOG" --runs "$RUNS" "$@")
  echo "$label  $line" >&2
  echo "$line" | sed -n 's/.*median_s=\([0-9.]*\).*/\1/p'
}

echo "== $RUNS runs each (plus one warm-up), median wall time"
base=$(run "catalog      ")
ten=$(run "catalog+$EXTRA (rare literals)" --synthetic "$EXTRA")
worst=$(run "catalog+$EXTRA (every 10th literal common)" --synthetic "$EXTRA" --synthetic-common-every 10)
off=$(run "catalog, prefilter off" --no-prefilter)
awk -v b="$base" -v t="$ten" -v w="$worst" -v o="$off" 'BEGIN {
  printf "== ratio catalog+synthetic (rare literals) / catalog: %.2f\n", t / b
  printf "== ratio catalog+synthetic (10%% common literals) / catalog: %.2f\n", w / b
  printf "== ratio prefilter off / on (same catalog): %.2f\n", o / b
}'
