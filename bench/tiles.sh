#!/usr/bin/env bash
# Tile benchmark (issue 6): the z0-9 pyramid over the dataset extent for 2026-02-05, full style,
# frontline (all cores, and --jobs 1) against Mapnik rendering the same tiles from the same
# layers. Whole processes, alternating; tiles/s from the medians. Usage: bench/tiles.sh [runs]
. "$(dirname "$0")/lib.sh"
need_mapnik
command -v bc >/dev/null || apt-get install -y -qq bc >/dev/null
build_release
runs=${1:-5}
work=$(mktemp -d)
# Mapnik reads the snapshot file; the bundle keeps it in a pack: written out once.
.build/release/frontline snapshots --source deepstate --from 2026-02-05 --to 2026-02-05 --export "$work/snap" >/dev/null
snap=$work/snap/deepstate/2026-02-05.geojson
declare -a fl fl1 mk base
for i in $(seq "$runs"); do
  # BASE_BIN: another frontline binary (an earlier commit's), timed in the same run.
  if [ -n "${BASE_BIN:-}" ]; then s=$(date +%s.%N); "$BASE_BIN" tiles --date 2026-02-05 --zoom 0-9 --mbtiles "$work/b$i.mbtiles" 2>/dev/null; base+=("$(echo "$(date +%s.%N) - $s" | bc)"); fi
  s=$(date +%s.%N); .build/release/frontline tiles --date 2026-02-05 --zoom 0-9 --mbtiles "$work/f.mbtiles" 2>/dev/null; fl+=("$(echo "$(date +%s.%N) - $s" | bc)")
  s=$(date +%s.%N); .build/release/frontline tiles --date 2026-02-05 --zoom 0-9 --mbtiles "$work/f1.mbtiles" --jobs 1 2>/dev/null; fl1+=("$(echo "$(date +%s.%N) - $s" | bc)")
  s=$(date +%s.%N); n=$(/usr/bin/python3 bench/peers/tiles_mapnik.py GeoData/ukraine "$snap" 9 "$work/mapnik"); mk+=("$(echo "$(date +%s.%N) - $s" | bc)")
done
peak=$( { /usr/bin/time -f "%M" .build/release/frontline tiles --date 2026-02-05 --zoom 0-9 --mbtiles "$work/p.mbtiles" >/dev/null; } 2>&1 | tail -1)
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
f=$(median "${fl[@]}"); f1=$(median "${fl1[@]}"); m=$(median "${mk[@]}")
echo "## Tiles z0-9 over the dataset extent, 2026-02-05, full style ($n tiles, $runs alternating runs, whole process)"
echo
echo "| renderer | median | tiles/s | ratio to Mapnik |"
echo "|---|---|---|---|"
printf "| frontline tiles (all cores) | %.2f s | %.0f | %.1f× |\n" "$f" "$(echo "$n / $f" | bc -l)" "$(echo "$m / $f" | bc -l)"
printf "| frontline tiles --jobs 1 | %.2f s | %.0f | %.1f× |\n" "$f1" "$(echo "$n / $f1" | bc -l)" "$(echo "$m / $f1" | bc -l)"
[ -n "${BASE_BIN:-}" ] && { b=$(median "${base[@]}"); printf "| frontline tiles, base binary | %.2f s | %.0f | %.1f× |\n" "$b" "$(echo "$n / $b" | bc -l)" "$(echo "$m / $b" | bc -l)"; }
printf "| Mapnik 3.1, one process | %.2f s | %.0f | 1.0× |\n" "$m" "$(echo "$n / $m" | bc -l)"
echo
echo "- Peak memory of frontline: $((peak / 1024)) MB."
rm -rf "$work"
