import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// A PMTiles v3 archive read whole: its header fields, metadata and every addressed tile by
/// tile ID, following leaf directories and run lengths. For `tiles merge` and the tests; every
/// offset is checked against the file, so a truncated or foreign file is an error, not a trap.
public struct PMTilesArchive {
    public let kind: PMTilesWriter.Kind
    public let minZoom: Int
    public let maxZoom: Int
    public let bounds: Envelope
    /// The metadata object (name, attribution, vector_layers...), `.null` when empty.
    public let metadata: JSONValue
    /// Tile ID (Hilbert order, `PMTiles.tileID`) → the tile's bytes as stored.
    public private(set) var tiles: [UInt64: Data] = [:]

    public init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FrontlineError.missingInput("no such PMTiles file: \(url.path)")
        }
        try self.init(data, name: url.lastPathComponent)
    }

    init(_ data: Data, name: String) throws {
        let bytes = [UInt8](data)
        func bad(_ why: String) -> FrontlineError { .badData("\(name): not a PMTiles v3 archive (\(why))") }
        guard bytes.count >= 127, Array(bytes[0..<7]) == Array("PMTiles".utf8), bytes[7] == 3 else { throw bad("no v3 header") }
        func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) } }
        func i32(_ at: Int) -> Double { Double(Int32(bitPattern: UInt32(truncatingIfNeeded: u64(at) & 0xFFFF_FFFF))) / 1e7 }
        let (rootOffset, rootLength, metaOffset, metaLength) = (u64(8), u64(16), u64(24), u64(32))
        let (leafOffset, dataOffset) = (u64(40), u64(56))
        let internalCompression = bytes[97], tileCompression = bytes[98], tileType = bytes[99]
        switch (tileType, tileCompression) {
        case (2, _): kind = .png
        case (1, 2): kind = .mvt
        default: throw bad("tile type \(tileType) with compression \(tileCompression) is neither PNG nor gzipped MVT")
        }
        (minZoom, maxZoom) = (Int(bytes[100]), Int(bytes[101]))
        guard minZoom <= maxZoom, maxZoom <= PMTiles.maxZoom else { throw bad("zoom range \(minZoom)-\(maxZoom) is not within 0-\(PMTiles.maxZoom)") }
        bounds = Envelope(minX: i32(102), minY: i32(106), maxX: i32(110), maxY: i32(114))

        func slice(_ offset: UInt64, _ length: UInt64, _ what: String) throws -> Data {
            guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { throw bad("\(what) runs past the end of the file") }
            return Data(bytes[Int(offset)..<Int(offset + length)])
        }
        func at(_ base: UInt64, _ offset: UInt64, _ what: String) throws -> UInt64 {
            let (sum, overflow) = base.addingReportingOverflow(offset)
            guard !overflow else { throw bad("\(what) lies beyond any file") }
            return sum
        }
        func unpack(_ d: Data, _ what: String) throws -> Data {
            switch internalCompression {
            case 1: return d
            case 2: return try CompressedFile.inflate(d, name: "\(name) \(what)", limit: PMTiles.maxDirectoryBytes)
            default: throw bad("internal compression \(internalCompression) is not supported")
            }
        }
        let meta = try unpack(try slice(metaOffset, metaLength, "metadata"), "metadata")
        metadata = meta.isEmpty ? .null : try GeoJSONReader.parseJSON(meta)

        var tiles: [UInt64: Data] = [:]
        // Tile IDs outside the header's zoom range cannot be addressed: with the header's own
        // count they bound every run, so a corrupt run length is an error, not an allocation.
        let firstID = PMTiles.tileID(z: minZoom, x: 0, y: 0), endID = PMTiles.tileID(z: maxZoom + 1, x: 0, y: 0)
        // The header's count is 0 where the writer did not know it (the spec allows that).
        let addressed = u64(72) == 0 ? UInt64.max : u64(72)
        let maxTiles = min(addressed, endID - firstID, PMTiles.maxTilesRead)
        // Each leaf directory is read once: leaves pointing at each other (a cycle, or a DAG
        // walked again and again) are a corrupt archive.
        var visited = Set<UInt64>()
        func walk(_ dir: Data, depth: Int) throws {
            guard depth < 4 else { throw bad("leaf directories nested too deep") }
            for e in try PMTiles.deserialize(try unpack(dir, "directory"), name: name) {
                if e.runLength == 0 {
                    let offset = try at(leafOffset, e.offset, "a leaf directory")
                    guard visited.insert(offset).inserted else { throw bad("a leaf directory is referenced twice") }
                    try walk(try slice(offset, UInt64(e.length), "a leaf directory"), depth: depth + 1)
                } else {
                    let tile = try slice(try at(dataOffset, e.offset, "a tile"), UInt64(e.length), "a tile")
                    let run = UInt64(e.runLength)
                    guard e.tileID >= firstID, e.tileID < endID, run <= endID - e.tileID else {
                        throw bad("tile \(e.tileID) (run of \(run)) is outside zooms \(minZoom)-\(maxZoom)")
                    }
                    guard UInt64(tiles.count) + run <= maxTiles else { throw bad("more tiles than the header's \(u64(72)) addressed, or than \(maxTiles) in all") }
                    for i in 0..<run { tiles[e.tileID + i] = tile }
                }
            }
        }
        try walk(try slice(rootOffset, rootLength, "the root directory"), depth: 0)
        self.tiles = tiles
    }

    /// The layers and fields of the metadata's `vector_layers`, as TileMetadata keeps them.
    var vectorLayers: [(id: String, fields: [(String, String)])] { TileMetadata.vectorLayers(in: metadata) }
}

extension TileMetadata {
    /// The layers and fields of a metadata object's `vector_layers` (PMTiles' metadata, MBTiles' `json` row).
    static func vectorLayers(in metadata: JSONValue) -> [(id: String, fields: [(String, String)])] {
        (metadata["vector_layers"]?.arrayValue ?? []).compactMap { l in
            guard let id = l["id"]?.stringValue else { return nil }
            guard case .object(let fields)? = l["fields"] else { return (id, []) }
            return (id, fields.map { ($0.key, $0.value.stringValue ?? "String") })
        }
    }
}

extension PMTiles {
    /// Zoom levels a tile ID can address in 64 bits (the spec's limit).
    static let maxZoom = 30
    /// What `tiles merge` holds in memory at most: a pyramid to z12 whole.
    static let maxTilesRead: UInt64 = 1 << 25
    /// A directory or metadata inflated: the spec's root fits 16 KiB; leaves are far smaller than this.
    static let maxDirectoryBytes = 256 << 20

    /// The inverse of `serialize`, with every count and offset checked.
    static func deserialize(_ data: Data, name: String) throws -> [Entry] {
        var bytes = [UInt8](data)[...]
        func bad() -> FrontlineError { .badData("\(name): not a PMTiles v3 archive (a directory is cut short)") }
        func next() throws -> UInt64 {
            var v: UInt64 = 0, shift: UInt64 = 0
            while let b = bytes.popFirst() {
                v |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return v }
                shift += 7
                if shift > 63 { break }
            }
            throw bad()
        }
        let count = try next()
        // Each entry takes at least four bytes: a count above that is a corrupt file, not an allocation.
        guard count <= UInt64(bytes.count) else { throw bad() }
        var entries = [Entry](repeating: Entry(tileID: 0, offset: 0, length: 0, runLength: 0), count: Int(count))
        var last: UInt64 = 0
        for i in entries.indices { last &+= try next(); entries[i].tileID = last }
        for i in entries.indices { entries[i].runLength = UInt32(truncatingIfNeeded: try next()) }
        for i in entries.indices { entries[i].length = UInt32(truncatingIfNeeded: try next()) }
        for i in entries.indices {
            let v = try next()
            if v == 0 {
                guard i > 0 else { throw bad() }
                let (next, overflow) = entries[i - 1].offset.addingReportingOverflow(UInt64(entries[i - 1].length))
                guard !overflow else { throw FrontlineError.badData("\(name): not a PMTiles v3 archive (a directory entry's offset overflows)") }
                entries[i].offset = next
            } else {
                entries[i].offset = v - 1
            }
        }
        return entries
    }
}
