#!/usr/bin/env bash
# `make fuzz FUZZ_SECONDS=N`: builds the libFuzzer targets in fuzz/ (AddressSanitizer on) and runs each for
# N seconds on a corpus seeded from Fixtures/. A crash leaves its input in fuzz/artifacts/<target>/ and fails
# the run; the executions each target reached are printed (docs/fuzzing.md keeps the table).
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH=${FUZZ_SECONDS:-10}
TARGETS=${FUZZ_TARGETS:-"FuzzLocalInput FuzzPhaseParser FuzzAnalyzer FuzzRuleFile FuzzINI FuzzAWSErrorDecoder FuzzLogEventsJSON FuzzGzip"}
echo "== swift build --package-path fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld"
swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld 2>&1 | tail -1
seed() {  # target -> files from Fixtures/ that make a good start
    case "$1" in
        FuzzLocalInput|FuzzAnalyzer) ls ../Fixtures/forms/* ../Fixtures/logs/*.log | head -40 ;;
        FuzzPhaseParser) ls ../Fixtures/logs/*.log ../Fixtures/forms/*.log | head -40 ;;
        FuzzRuleFile) ls ../Tests/Golden/inputs/rules/*.yaml ;;
        FuzzINI) ls ../Fixtures/fuzz-seeds/ini/* 2>/dev/null || true ;;
        FuzzAWSErrorDecoder) ls ../Fixtures/fuzz-seeds/aws-errors/* ;;  # each starts with the target's 6-byte header
        FuzzLogEventsJSON) ls ../Fixtures/forms/*.events.log ../Fixtures/fuzz-seeds/log-events/* ../Fixtures/codebuild-api/*.json | head -40 ;;
        FuzzGzip) ls ../Fixtures/logs/*.gz ../Fixtures/forms/*.gz ;;
    esac
}
status=0
for target in $TARGETS; do
    corpus=corpus/$target
    mkdir -p "$corpus" "artifacts/$target"
    seed "$target" | while read -r file; do cp -n "$file" "$corpus/" 2>/dev/null || true; done
    log=artifacts/$target/run.log
    if ASAN_OPTIONS=detect_leaks=0 ".build/debug/$target" "$corpus" -max_total_time="$SECONDS_EACH" -max_len=65536 \
        -rss_limit_mb=2048 -timeout=10 -artifact_prefix="artifacts/$target/" >"$log" 2>&1; then
        result=ok
    else
        result="FAILED (see fuzz/$log)"
        status=1
    fi
    runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' || echo "?")
    echo "$target: $runs executions in ${SECONDS_EACH}s, corpus $(ls "$corpus" | wc -l) files: $result"
done
exit $status
