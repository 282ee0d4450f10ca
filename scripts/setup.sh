#!/usr/bin/env bash
# Installs the Debian packages Frontline needs to build, test and render.
# Idempotent and quick: apt is skipped entirely when every package is already there.
set -euo pipefail

PACKAGES=(
  pkg-config
  libgeos-dev         # geometry (FrontlineGeo)
  libproj-dev proj-data  # projections and geodesic areas
  libcairo2-dev       # drawing (FrontlineRender)
  zlib1g-dev          # PNG compression
  libdeflate-dev      # fast CRC-32 and Adler-32 (checksums of packs, outlines, PNG rows)
  libgif-dev          # animated GIF (timelapse)
  poppler-utils       # pdftoppm: tests look at PDF pages
  libsqlite3-dev      # MBTiles, GeoPackage
  libjs-leaflet       # the map of `frontline embed` (inlined)
  libcurl4-gnutls-dev # HTTP for `frontline update` (libcurl, loaded when first used)
  fonts-dejavu-core   # map text, Latin and Cyrillic
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} Debian packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
