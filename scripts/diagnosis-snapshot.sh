#!/usr/bin/env bash
# Writes the JSON diagnosis of every fixture log (Fixtures/logs, plain and gzip) and every real-log excerpt
# (Fixtures/real) into one directory, with `generatedAt` removed, so two builds of cbtriage can be compared
# byte for byte (an engine change must not change a diagnosis):
#
#   scripts/diagnosis-snapshot.sh BINARY OUTDIR
#   scripts/diagnosis-snapshot.sh .build-release/release/cbtriage /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# Each file also records the exit status, so a changed status shows up in the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:?usage: diagnosis-snapshot.sh BINARY OUTDIR}
OUT=${2:?usage: diagnosis-snapshot.sh BINARY OUTDIR}
mkdir -p "$OUT"
count=0
for input in Fixtures/logs/*.log Fixtures/logs/*.gz Fixtures/real/*.log; do
    [[ -f "$input" ]] || continue
    name=$(echo "$input" | tr '/' '_')
    status=0
    TZ=UTC NO_COLOR=1 COLUMNS=100 "$BIN" analyze --format json "$input" >"$OUT/$name.raw" 2>"$OUT/$name.stderr" || status=$?
    grep -v '"generatedAt"' "$OUT/$name.raw" >"$OUT/$name.json"
    rm "$OUT/$name.raw"
    echo "exit $status" >>"$OUT/$name.json"
    count=$((count + 1))
done
echo "$count diagnoses written to $OUT"
