#!/usr/bin/env bash
# Fuzzes Frontline's readers with libFuzzer for SECONDS each (default 60): FrontlineFuzz (GeoJSON,
# snapshot files, every importer; seeds Fuzz/corpus, cut from the real archives, plus nesting
# cases) and FrontlineFuzzArchives (the PMTiles and MBTiles readers of `tiles merge`; seeds
# Fuzz/corpus-archives, the red team's crafted archives among them). What the fuzzer finds
# grows a working corpus under Fuzz/.build-fuzz/corpus-<target>. A crash or a hang (over 10 s
# for one input) stops the run with a non-zero exit and leaves the input in
# Fuzz/.build-fuzz/artifacts/ for a test.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
seconds="${1:-60}"
mkdir -p .root && ln -sfn ../.. .root/frontline
swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library 2>&1 | grep -Ev '^\[' || true
export FRONTLINE_DATA="$PWD/../GeoData/ukraine"
mkdir -p .build-fuzz/artifacts
failed=0
for target in FrontlineFuzz:corpus FrontlineFuzzArchives:corpus-archives; do
  name="${target%%:*}" seeds="${target#*:}"
  binary=.build-fuzz/debug/$name
  [ -x "$binary" ] || { echo "fuzz: $name did not build" >&2; exit 1; }
  mkdir -p ".build-fuzz/corpus-$name"
  echo "fuzz: $name for ${seconds} s"
  # Swift's own backtracer off: libFuzzer then catches a trap and keeps the input. The status is
  # the fuzzer's own (a pipe into grep lost it: a trap once passed as success).
  set +e
  SWIFT_BACKTRACE=enable=no "$binary" ".build-fuzz/corpus-$name" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix=.build-fuzz/artifacts/ > ".build-fuzz/$name.log" 2>&1
  status=$?
  set -e
  grep -E '^(#[0-9]+ +(DONE|INITED))|stat::|ERROR|SUMMARY|crash|timeout|Test unit|Fatal error|\.swift:' ".build-fuzz/$name.log" | head -40 || true
  [ "$status" -eq 0 ] || { echo "fuzz: $name failed (status $status)" >&2; failed=1; }
done
exit "$failed"
