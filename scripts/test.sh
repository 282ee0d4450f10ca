#!/usr/bin/env bash
# Sets up a fresh machine (Debian packages), builds, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --build-tests
# Figures the tests measure are cached in a folder of their own, not the user's ~/.cache.
if [ -z "${FRONTLINE_CACHE:-}" ]; then
  FRONTLINE_CACHE=$(mktemp -d)
  trap 'rm -rf "$FRONTLINE_CACHE"' EXIT
  export FRONTLINE_CACHE
fi
# XCTest only: the suite has no swift-testing tests, whose empty summary would read as "0 tests".
swift test --skip-build --disable-swift-testing
