#!/usr/bin/env bash
# Runs the tests under ThreadSanitizer and under AddressSanitizer, each in a build folder of
# its own (.build-tsan, .build-asan), the `frontline` the CLI tests start included: a report
# in the test process or in a command it runs fails the test (the sanitizers' exit code).
# Usage: scripts/sanitize.sh [thread|address|all] [swift test --filter pattern]
#   scripts/sanitize.sh                  every test, under both
#   scripts/sanitize.sh thread Server    the server's tests under TSan (what CI runs, with more)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
which=${1:-all}
filter=${2:-}
if [ -z "${FRONTLINE_CACHE:-}" ]; then
  FRONTLINE_CACHE=$(mktemp -d)
  trap 'rm -rf "$FRONTLINE_CACHE"' EXIT
  export FRONTLINE_CACHE
fi
# Reports are errors; the first one stops the process that made it (its test fails).
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
export ASAN_OPTIONS="detect_leaks=0 halt_on_error=1 ${ASAN_OPTIONS:-}"
run() {
  local sanitizer=$1 scratch=$2
  echo "sanitize: building under $sanitizer"
  swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" 2>&1 | grep -E "error|warning: .*race" || true
  echo "sanitize: testing under $sanitizer${filter:+ (only $filter)}"
  swift test --skip-build --disable-swift-testing --sanitize="$sanitizer" --scratch-path "$scratch" ${filter:+--filter "$filter"} 2>&1 \
    | grep -E "ThreadSanitizer|AddressSanitizer|SUMMARY|error:|Executed .* tests" | tail -40
  return "${PIPESTATUS[0]}"
}
status=0
case "$which" in
  thread|all) run thread .build-tsan || status=$? ;;
esac
case "$which" in
  address|all) run address .build-asan || status=$? ;;
esac
exit "$status"
