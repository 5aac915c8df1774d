#!/usr/bin/env bash
# `make bench`: one table of ratios, cbtriage against its peers measured side by side in the same run.
#
#   bench/run.sh                     # MB=256 RUNS=5
#   MB=512 RUNS=5 BIG_COPIES=8 bench/run.sh   # the issue's sizes (+ peak RSS on 4 GiB through stdin)
#
# Builds release (--scratch-path .build-release), generates the inputs with
# ../shared/bench/make-biglog.py (its exact arguments are printed; reused when present), writes the
# catalog's literals with `cbtriage rules literals`, writes ×10 synthetic rule files, and runs
# bench/ratios.py. Installs ripgrep (apt) when `rg` is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${MB:-256}
RUNS=${RUNS:-5}
SEED=${SEED:-42}
BIG_COPIES=${BIG_COPIES:-0}
DATA=${BENCH_DATA:-${TMPDIR:-/tmp}/cbtriage-bench}
SCRATCH=${SCRATCH:-.build-release}

GENERATOR=${MAKE_BIGLOG:-}
for candidate in ../shared/bench/make-biglog.py ../../shared/bench/make-biglog.py /work/shared/bench/make-biglog.py; do
    if [[ -z "$GENERATOR" && -f "$candidate" ]]; then GENERATOR=$candidate; fi
done
[[ -n "$GENERATOR" ]] || { echo "bench: ../shared/bench/make-biglog.py not found (set MAKE_BIGLOG)" >&2; exit 2; }

if ! command -v rg >/dev/null 2>&1; then
    echo "== installing ripgrep (apt)"
    SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ripgrep >/dev/null
fi

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores available)"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); $(uname -sr); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "swift: $(swift --version 2>/dev/null | head -1)"
echo "peers: $(rg --version 2>/dev/null | head -1); $(grep --version | head -1); $(gzip --version | head -1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# The flags the shipped binary is built with (Makefile's RELEASE_FLAGS), so the benchmark measures it.
RELEASE_FLAGS=${RELEASE_FLAGS:---static-swift-stdlib -Xswiftc -enforce-exclusivity=unchecked}
echo "== swift build -c release --scratch-path $SCRATCH --product cbtriage $RELEASE_FLAGS"
# shellcheck disable=SC2086 # the flags are words
swift build -c release --scratch-path "$SCRATCH" --product cbtriage $RELEASE_FLAGS 2>&1 | tail -1
BIN="$SCRATCH/release/cbtriage"

echo "== inputs ($DATA)"
mkdir -p "$DATA"
PLAIN="$DATA/big-${MB}mb-seed${SEED}.log"
GZIP="$PLAIN.gz"
for out in "$PLAIN" "$GZIP"; do
    if [[ -s "$out" ]]; then
        echo "reusing $out (python3 $GENERATOR --mb $MB --seed $SEED --out $out)"
    else
        echo "python3 $GENERATOR --mb $MB --seed $SEED --out $out"
        python3 "$GENERATOR" --mb "$MB" --seed "$SEED" --out "$out"
    fi
done
LITERALS="$DATA/literals.txt"
"$BIN" rules literals >"$LITERALS"
RULES=$("$BIN" rules list | tail -1 | cut -d' ' -f1)
EXTRA=$((RULES * 9))
echo "$BIN rules literals > $LITERALS  ($(wc -l <"$LITERALS") literals; $RULES rules)"
python3 bench/make-synthetic-rules.py --count "$EXTRA" --out "$DATA/rare-rules.yaml"
python3 bench/make-synthetic-rules.py --count "$EXTRA" --common-every 10 --out "$DATA/common-rules.yaml"
echo "python3 bench/make-synthetic-rules.py --count $EXTRA [--common-every 10] --out $DATA/{rare,common}-rules.yaml"
# A failing build with a 70,000-character token on the line before the failure (it lands in the evidence).
LONG="$DATA/long-token.log"
python3 - "$LONG" <<'PY'
import random, sys
lines = open("Fixtures/logs/ecr-auth-expired-push.log", encoding="utf-8").read().split("\n")
rng = random.Random(7)
token = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(70_000))
failure = next(i for i, line in enumerate(lines) if "authorization token has expired" in line)
lines.insert(failure, "debug: token=" + token)
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines))
PY
cat "$PLAIN" "$GZIP" >/dev/null  # page cache

echo "== measuring ($RUNS rounds per pair)"
python3 bench/ratios.py --bin "$BIN" --plain "$PLAIN" --gzip "$GZIP" --literals "$LITERALS" \
    --rare-rules "$DATA/rare-rules.yaml" --common-rules "$DATA/common-rules.yaml" --long-token "$LONG" \
    --runs "$RUNS" --big-copies "$BIG_COPIES"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
