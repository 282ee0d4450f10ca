#!/usr/bin/env bash
# Fuzzes Frontline's readers (GeoJSON, snapshot files, every importer) with libFuzzer for
# SECONDS (default 60). Seeds: Fuzz/corpus (cut from the real archives, plus nesting cases);
# what the fuzzer finds grows a working corpus under Fuzz/.build-fuzz/corpus. A crash or a
# hang (over 10 s for one input) stops the run with a non-zero exit and leaves the input in
# Fuzz/.build-fuzz/artifacts/ for a test.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
seconds="${1:-60}"
mkdir -p .root && ln -sfn ../.. .root/frontline
swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library 2>&1 | grep -Ev '^\[' || true
binary=.build-fuzz/debug/FrontlineFuzz
[ -x "$binary" ] || { echo "fuzz: build failed" >&2; exit 1; }
mkdir -p .build-fuzz/corpus .build-fuzz/artifacts
export FRONTLINE_DATA="$PWD/../GeoData/ukraine"
# Swift's own backtracer off: libFuzzer then catches a trap and keeps the input. The status is
# the fuzzer's own (a pipe into grep lost it: a trap once passed as success).
set +e
SWIFT_BACKTRACE=enable=no "$binary" .build-fuzz/corpus corpus -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
  -max_len=65536 -print_final_stats=1 -artifact_prefix=.build-fuzz/artifacts/ > .build-fuzz/last.log 2>&1
status=$?
set -e
grep -E '^(#[0-9]+ +(DONE|INITED))|stat::|ERROR|SUMMARY|crash|timeout|Test unit|Fatal error|\.swift:' .build-fuzz/last.log | head -40 || true
exit "$status"
