import Foundation
import FrontlineGeo
import FrontlineSupport

/// Moves snapshot files into their source's pack, and writes packed snapshots back out as
/// files (`frontline snapshots --pack`, `--export`).
public enum SnapshotPacker {
    /// Packs `snapshots/<source>/*.geojson` with the entries already in `snapshots/<source>.pack`
    /// (a file replaces the entry of its date) and removes the packed files. The pack is
    /// written whole before any file goes: an interruption leaves both, which read the same.
    /// Returns the number of snapshots in the pack.
    @discardableResult
    public static func pack(snapshots dir: URL, source: String) throws -> Int {
        let packURL = dir.appendingPathComponent(SnapshotPackFormat.fileName(source: source))
        let folder = dir.appendingPathComponent(source)
        var writer = SnapshotPackWriter()
        if FileManager.default.fileExists(atPath: packURL.path) {
            let old = try SnapshotPack.open(packURL)
            for (n, date) in old.dates.enumerated() { try writer.add(try old.collection(n), date: date) }
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".geojson") }.sorted()
        for name in files {
            guard let date = DayDate(String(name.dropLast(".geojson".count))) else { continue }
            let url = folder.appendingPathComponent(name)
            let fc: GeoJSONFeatureCollection
            do { fc = try GeoJSONReader.read(contentsOf: url) } catch { throw FrontlineError.badData(in: url.path, error) }
            guard fc[member: "date"]?.stringValue == date.description else {
                throw FrontlineError.badData("\(url.path): its 'date' member does not match its file name")
            }
            try writer.add(fc, date: date)
        }
        guard writer.count > 0 else { return 0 }
        try AtomicFile.write(writer.data(), to: packURL)
        for name in files where DayDate(String(name.dropLast(".geojson".count))) != nil {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        if ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? ["x"]).isEmpty {
            try? FileManager.default.removeItem(at: folder)
        }
        return writer.count
    }

    /// The snapshot file of `ref` as it was before packing (a file's own bytes, a pack entry
    /// written by the same writer that wrote the files).
    public static func fileData(_ ref: SnapshotRef) throws -> Data {
        guard let n = ref.packEntry else {
            guard let d = FileManager.default.contents(atPath: ref.path) else { throw FrontlineError.missingInput("cannot read \(ref.path)") }
            return d
        }
        return GeoJSONWriter(decimals: 6).data(try SnapshotPack.open(URL(fileURLWithPath: ref.path)).collection(n))
    }

    /// Writes `refs` as `<folder>/<source>/YYYY-MM-DD.geojson` (a data folder's snapshot
    /// layout), each file atomically.
    public static func export(_ refs: [SnapshotRef], to folder: URL, progress: (Int, Int) -> Void = { _, _ in }) throws {
        for (n, ref) in refs.enumerated() {
            let dir = folder.appendingPathComponent(ref.source)
            try AtomicFile.makeFolder(dir)
            try AtomicFile.write(try fileData(ref), to: dir.appendingPathComponent("\(ref.date).geojson"))
            progress(n + 1, refs.count)
        }
    }
}
