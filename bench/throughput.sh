#!/usr/bin/env bash
# Throughput of `cbtriage analyze` on a large generated CodeBuild log, plain and gzip, against
# peers measured in the same run (`wc -l`, `zcat | wc -l`). Rerunnable: same seed, same bytes.
#
#   bench/throughput.sh                 # 256 MiB, 5 runs each
#   MB=1024 RUNS=3 bench/throughput.sh
#   LIBRARY=0 bench/throughput.sh      # skip the release XCTest (it rebuilds with testing enabled)
#
# Until `cbtriage analyze` is wired, the script also reports the library path (LocalLogSource ->
# PhaseParser) through the ParseThroughputTests XCTest in release mode (it prints MB/s; it asserts
# only that every line was read).
set -euo pipefail

cd "$(dirname "$0")/.."
MB=${MB:-256}
RUNS=${RUNS:-5}
SEED=${SEED:-42}
DATA=${BENCH_DATA:-${TMPDIR:-/tmp}/cbtriage-bench}
SCRATCH=.build-release

# ../shared/bench/make-biglog.py relative to the repository root (a worktree under wt/ has it
# one level further up).
GENERATOR=${MAKE_BIGLOG:-}
for candidate in ../shared/bench/make-biglog.py ../../shared/bench/make-biglog.py; do
    if [[ -z "$GENERATOR" && -f "$candidate" ]]; then GENERATOR=$candidate; fi
done
if [[ -z "$GENERATOR" ]]; then
    echo "throughput.sh: ../shared/bench/make-biglog.py not found (set MAKE_BIGLOG)" >&2
    exit 2
fi

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores available)"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "swift: $(swift --version 2>/dev/null | head -1)"

echo "== build (release, --scratch-path $SCRATCH)"
swift build -c release --scratch-path "$SCRATCH" --product cbtriage 2>&1 | tail -1
BIN="$SCRATCH/release/cbtriage"

echo "== inputs ($DATA)"
mkdir -p "$DATA"
PLAIN="$DATA/big-${MB}mb-seed${SEED}.log"
GZIP="$PLAIN.gz"
for out in "$PLAIN" "$GZIP"; do
    if [[ ! -s "$out" ]]; then
        echo "python3 $GENERATOR --mb $MB --seed $SEED --out $out"
        python3 "$GENERATOR" --mb "$MB" --seed "$SEED" --out "$out"
    else
        echo "reusing $out (python3 $GENERATOR --mb $MB --seed $SEED --out $out)"
    fi
done
ls -l "$PLAIN" "$GZIP"

# Runs a command RUNS times after one warm-up; prints median wall seconds, median CPU seconds
# (user + system) and peak RSS in KiB, from /usr/bin/time -f (GNU time). CPU time is printed
# because on a shared machine wall time mostly measures the other tenants.
measure() {
    python3 - "$RUNS" "$@" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1]); command = sys.argv[2:]
def once():
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + command,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    user, system, rss = done.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(rss), done.returncode
once()  # warm-up: page cache, dynamic loader
results = [once() for _ in range(runs)]
print("%.3f %.3f %d %d" % (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
                           max(r[2] for r in results), results[-1][3]))
PY
}

size_mb() { python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1048576)" "$1"; }
PLAIN_MB=$(size_mb "$PLAIN")

if "$BIN" analyze "$PLAIN" 2>&1 | grep -q "not wired"; then
    echo "note: 'cbtriage analyze' is not wired in this build; its figures measure nothing yet"
fi

echo "== results: $RUNS runs after a warm-up, median; MiB/s of the uncompressed size ($PLAIN_MB MiB)"
printf "%-28s %8s %8s %8s %8s %10s %8s\n" "command" "wall s" "MiB/s" "cpu s" "MiB/s" "peak RSS" "cpu/peer"
row() {
    local label=$1 peer_cpu=$2; shift 2
    read -r wall cpu rss status < <(measure "$@")
    local ratio
    ratio=$( [[ -n "$peer_cpu" ]] && python3 -c "print('%.2fx' % ($cpu / max($peer_cpu, 1e-9)))" || echo "peer")
    printf "%-28s %8s %8s %8s %8s %6s MiB %8s%s\n" "$label" "$wall" \
        "$(python3 -c "print('%.0f' % ($PLAIN_MB / max($wall, 1e-9)))")" "$cpu" \
        "$(python3 -c "print('%.0f' % ($PLAIN_MB / max($cpu, 1e-9)))")" "$((rss / 1024))" "$ratio" \
        "$( [[ "$status" != 0 ]] && echo "  (exit $status)" )"
    LAST_CPU=$cpu
}
row "wc -l (plain)" "" wc -l "$PLAIN"; PEER=$LAST_CPU
row "cbtriage analyze (plain)" "$PEER" "$BIN" analyze "$PLAIN"
row "zcat | wc -l (gzip)" "" sh -c "zcat '$GZIP' | wc -l"; PEER=$LAST_CPU
row "cbtriage analyze (gzip)" "$PEER" "$BIN" analyze "$GZIP"

if [[ "${LIBRARY:-1}" == 0 ]]; then
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi
echo "== library path (XCTest ParseThroughputTests, release): LocalLogSource -> PhaseParser, no sink"
for input in "$PLAIN" "$GZIP"; do
    CBT_BENCH_LOG="$input" swift test -c release --scratch-path "$SCRATCH" --filter ParseThroughputTests 2>&1 \
        | grep -E "throughput:|error|failed" || true
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
