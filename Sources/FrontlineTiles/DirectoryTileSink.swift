import Foundation
import FrontlineControl
import FrontlineGeo

/// Writes `DIR/{z}/{x}/{y}.png` (the XYZ layout Leaflet, MapLibre and QGIS read), each file
/// atomically, and `DIR/metadata.json` last.
public final class DirectoryTileSink: TileSink {
    public let folder: URL

    public init(folder: URL) throws {
        self.folder = folder
        try AtomicFile.makeFolder(folder)
    }

    public func write(_ tile: TileCoord, _ png: Data) throws {
        let dir = folder.appendingPathComponent("\(tile.z)/\(tile.x)")
        try AtomicFile.makeFolder(dir)
        try AtomicFile.write(png, to: dir.appendingPathComponent("\(tile.y).png"))
    }

    public func finish(metadata: TileMetadata) throws {
        let json = "{" + metadata.rows.map { "\(JSONText.string($0.0)):\(JSONText.string($0.1))" }.joined(separator: ",") + "}\n"
        try AtomicFile.write(Data(json.utf8), to: folder.appendingPathComponent("metadata.json"))
    }
}
