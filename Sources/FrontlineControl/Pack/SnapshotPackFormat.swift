/// The snapshot pack's file (GeoData/README.md "Snapshot packs"): every snapshot of one source
/// in one file, each date's rings made of chains stored once for all dates.
///
///     "FLPACK1\n"
///     chains u32   entries u32
///     chain offsets: u32 × (chains + 1), into the chain data
///     entry table: per entry  date i32 (days since 1970)  offset u32  length u32 (into the entry data)
///     chain data: per chain  vertices (varint)  first vertex (zigzag x, y)  then deltas (zigzag dx, dy)
///     entry data: per entry  the snapshot file's content, lossless:
///         members (varint) × (key string, value string)
///         features (varint) × (properties (varint) × (key string, value string)
///                              kind u8 (1 Polygon, 2 MultiPolygon)  polygons (varint) × rings (varint) ×
///                              chains (varint) × chain id (varint))
///     crc32 u32 of everything before it
///
/// Strings are a varint length and UTF-8. Coordinates are integers on the 1e-6° grid.
enum SnapshotPackFormat {
    static let magic = Array("FLPACK1\n".utf8)
    static let polygon: UInt8 = 1
    static let multiPolygon: UInt8 = 2
    /// The file name of a source's pack in `snapshots/`.
    static func fileName(source: String) -> String { source + ".pack" }
    static let fileExtension = "pack"
}
