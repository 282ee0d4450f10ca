#!/usr/bin/env bash
# Sets up a fresh machine (Debian packages), builds, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --build-tests
# XCTest only: the suite has no swift-testing tests, whose empty summary would read as "0 tests".
swift test --skip-build --disable-swift-testing
