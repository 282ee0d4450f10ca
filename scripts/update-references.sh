#!/usr/bin/env bash
# Draws the reference pictures again (Tests/FrontlineCLITests/References/*.png) after an
# intended change to how maps look; open them and look before committing them.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests >/dev/null
FRONTLINE_UPDATE_REFERENCES=1 swift test --skip-build --disable-swift-testing --filter ReferenceImageTests.testPicturesMatchTheirReferences
ls -l Tests/FrontlineCLITests/References
