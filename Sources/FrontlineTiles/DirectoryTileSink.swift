import Foundation
import FrontlineGeo
import FrontlineSupport

/// Writes `DIR/{z}/{x}/{y}.png` (the XYZ layout Leaflet, MapLibre and QGIS read). The pyramid
/// is written into a hidden folder beside DIR (`.DIR.<pid>.tmp`) and put in DIR's place in one
/// step by `finish`: a killed run leaves DIR as it was, and two runs at once cannot mix their
/// tiles (the last to finish wins whole). A run with the same metadata as DIR's (another shard
/// of the same pyramid, or the same run again) keeps DIR's tiles it did not render itself.
public final class DirectoryTileSink: TileSink {
    public let folder: URL
    private let temporary: URL
    /// `png` for raster tiles, `pbf` for vector tiles.
    public let fileExtension: String

    public init(folder: URL, fileExtension: String = "png") throws {
        self.fileExtension = fileExtension
        (self.folder, temporary) = try AtomicFile.stagingFolder(for: folder, what: "tiles", check: DirectoryTileSink.checkReplaceable)
    }

    public func write(_ tile: TileCoord, _ png: Data) throws {
        let dir = temporary.appendingPathComponent("\(tile.z)/\(tile.x)")
        try AtomicFile.makeFolder(dir)
        try AtomicFile.create(png, at: dir.appendingPathComponent("\(tile.y).\(fileExtension)"))
    }

    public func finish(metadata: TileMetadata) throws {
        let data = Data((JSONOut.object(metadata.rows.map { ($0.0, .string($0.1)) }).text + "\n").utf8)
        try AtomicFile.write(data, to: temporary.appendingPathComponent("metadata.json"))
        if FileManager.default.contents(atPath: folder.appendingPathComponent("metadata.json").path) == data {
            try keepTiles(of: folder)
        }
        try AtomicFile.switchFolder(temporary, into: folder)
        try? FileManager.default.removeItem(at: temporary)  // now the old pyramid
    }

    /// Abandons the run (on error): DIR stays as it was.
    public func discard() { try? FileManager.default.removeItem(at: temporary) }

    /// Links into the new pyramid every tile of `old` this run did not write.
    private func keepTiles(of old: URL) throws {
        let fm = FileManager.default
        guard let names = fm.enumerator(atPath: old.path) else { return }
        for case let name as String in names where name.hasSuffix("." + fileExtension) {
            let to = temporary.appendingPathComponent(name)
            guard !fm.fileExists(atPath: to.path) else { continue }
            try AtomicFile.makeFolder(to.deletingLastPathComponent())
            guard link(old.appendingPathComponent(name).path, to.path) == 0 else {
                throw FrontlineError.cannotWrite("cannot keep \(old.appendingPathComponent(name).path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// DIR may be absent, empty, or a pyramid (metadata.json and zoom folders): replacing a
    /// folder of other files would delete them.
    static func checkReplaceable(_ folder: URL) throws {
        guard let names = try AtomicFile.visibleNames(inFolder: folder, what: "tiles") else { return }
        let foreign = names.filter { $0 != "metadata.json" && Int($0) == nil }
        guard foreign.isEmpty, names.isEmpty || names.contains("metadata.json") else {
            throw FrontlineError.cannotWrite("cannot write tiles to \(folder.path): it holds other files (\(foreign.first ?? names[0])); give a new or empty folder, or an earlier tile folder")
        }
    }
}
