"""The bundle keeps its snapshots in packs; the peers read GeoJSON files. `frontline snapshots
--export` writes them out (byte for byte what the packs were built from)."""
import os
import subprocess


def export(binary, data, into, source="deepstate", first=None, last=None):
    """Writes the snapshots of `source` (from `first` to `last`) as `into`/<source>/DATE.geojson."""
    cmd = [binary, "snapshots", "--data-dir", data, "--source", source, "--export", into]
    cmd += ["--from", first] if first else []
    cmd += ["--to", last] if last else []
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.join(into, source)


def unpack(binary, data, source="deepstate"):
    """The data folder's pack of `source` as files in its own snapshots/ folder, the pack removed."""
    export(binary, data, os.path.join(data, "snapshots"), source)
    os.remove(os.path.join(data, "snapshots", source + ".pack"))
