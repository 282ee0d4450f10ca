# Sourced by the benchmark scripts: from the checkout's root, with the packages installed and
# a release build of frontline (Swift runtime linked statically, as scripts/run-default.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./scripts/setup.sh >/dev/null

# Python modules for a peer, installed with pip when missing: need_pip "shapely, pyproj" shapely pyproj
need_pip() { local modules=$1; shift; python3 -c "import $modules" 2>/dev/null || pip install -q "$@"; }

# Debian's python3-mapnik, run with Debian's own python3.
need_mapnik() { /usr/bin/python3 -c "import mapnik" 2>/dev/null || apt-get install -y -qq python3-mapnik >/dev/null; }

# The archives beside the project (not part of a clone): need_shared deepstate-daily
SHARED=${SHARED:-../shared}
need_shared() { [ -d "$SHARED/datasets/$1" ] || { echo "bench: $SHARED/datasets/$1 not found" >&2; exit 66; }; }

need_wrk() { command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null; }

build_release() { swift build -c release --product frontline --static-swift-stdlib >/dev/null; }

# N bundled snapshot dates spread evenly over the whole record, separated by spaces, as the
# binary BIN lists them: spread_dates BIN N
spread_dates() {
  "$1" snapshots --dates --format json | python3 -c '
import json, sys
n = int(sys.argv[1])
dates = sorted({d for s in json.load(sys.stdin)["sources"] for d in s["dates"]})
print(" ".join(dates[round(i * (len(dates) - 1) / (n - 1))] for i in range(n)))' "$2"
}
