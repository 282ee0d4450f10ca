#!/usr/bin/env bash
# PNG compression near the floor (issue 18): zlib levels against libdeflate (Debian's
# libdeflate-dev) on the scanlines of the 1600x1200 map of 2026-02-05. Usage: bench/png-deflate.sh [runs]
. "$(dirname "$0")/lib.sh"
dpkg-query -W -f='${Status}' libdeflate-dev 2>/dev/null | grep -q "ok installed" || apt-get install -y -qq libdeflate-dev >/dev/null
build_release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/release/frontline render --date 2026-02-05 -o "$work/map.png" 2>/dev/null
# The scanlines exactly as the encoder compressed them: the PNG's IDAT stream inflated.
python3 - "$work/map.png" "$work/raw" <<'PY'
import struct, sys, zlib
data, pos, idat = open(sys.argv[1], "rb").read(), 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT": idat += data[pos + 8:pos + 8 + n]
    if kind == b"IHDR": w, h = struct.unpack(">II", data[pos + 8:pos + 16])
    pos += 12 + n
raw = zlib.decompress(idat)
open(sys.argv[2], "wb").write(raw)
print(f"{w}x{h} map, {len(raw):,} bytes of scanlines, {len(idat):,} compressed by Frontline", file=sys.stderr)
PY
cc -O2 -o "$work/bench" bench/png/deflate_bench.c -lz -ldeflate -lpthread
"$work/bench" "$work/raw" "${1:-21}"
