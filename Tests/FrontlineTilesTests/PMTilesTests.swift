import Foundation
import XCTest
import FrontlineGeo
import FrontlineTestSupport
@testable import FrontlineTiles

final class PMTilesTests: XCTestCase {
    /// The spec's tile IDs (the reference implementations' test vectors).
    func testTileIDs() {
        XCTAssertEqual(PMTiles.tileID(z: 0, x: 0, y: 0), 0)
        XCTAssertEqual(PMTiles.tileID(z: 1, x: 0, y: 0), 1)
        XCTAssertEqual(PMTiles.tileID(z: 1, x: 0, y: 1), 2)
        XCTAssertEqual(PMTiles.tileID(z: 1, x: 1, y: 1), 3)
        XCTAssertEqual(PMTiles.tileID(z: 1, x: 1, y: 0), 4)
        XCTAssertEqual(PMTiles.tileID(z: 2, x: 1, y: 3), 11)
        XCTAssertEqual(PMTiles.tileID(z: 3, x: 3, y: 0), 26)
        XCTAssertEqual(PMTiles.tileID(z: 12, x: 3423, y: 1763), 19_078_479)
    }

    func testDirectoryEncoding() {
        let entries = [PMTiles.Entry(tileID: 5, offset: 0, length: 10, runLength: 1),
                       PMTiles.Entry(tileID: 7, offset: 10, length: 4, runLength: 3),
                       PMTiles.Entry(tileID: 300, offset: 0, length: 10, runLength: 1)]
        // count 3; IDs 5, +2, +293 (two bytes); runs 1, 3, 1; lengths 10, 4, 10; offsets 0+1, 0 (contiguous), 0+1.
        XCTAssertEqual([UInt8](PMTiles.serialize(entries)), [3, 5, 2, 0xA5, 0x02, 1, 3, 1, 10, 4, 10, 1, 0, 1])
    }

    func metadata() -> TileMetadata {
        TileMetadata(name: "t", description: "d", attribution: "a", bounds: Envelope(minX: 22, minY: 44, maxX: 41, maxY: 53),
                     minZoom: 0, maxZoom: 2, overlay: false)
    }

    /// The sea tile stored once: identical tiles share one offset, and neighbours on the
    /// curve with the same bytes are one entry with a run length.
    func testDeduplicatedAndClustered() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-\(getpid()).pmtiles")
        let w = try PMTilesWriter(target: file)
        let sea = Data(repeating: 7, count: 100)
        try w.write(TileCoord(z: 0, x: 0, y: 0)!, Data(repeating: 1, count: 50))
        for (x, y) in [(0, 0), (0, 1), (1, 1), (1, 0)] { try w.write(TileCoord(z: 1, x: x, y: y)!, sea) }
        try w.write(TileCoord(z: 2, x: 1, y: 3)!, sea)
        let bytes = try w.archive(metadata())
        func u64(_ at: Int) -> UInt64 { bytes[at..<at + 8].enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) } }
        XCTAssertEqual(Array(bytes.prefix(8)), Array("PMTiles".utf8) + [3])
        XCTAssertEqual(u64(72), 6, "addressed tiles")
        XCTAssertEqual(u64(80), 3, "entries: z0, the z1 run of four, the z2 tile")
        XCTAssertEqual(u64(88), 2, "contents: the sea once")
        XCTAssertEqual(u64(64), 150, "tile data: 50 + 100 bytes")
        XCTAssertEqual(u64(56) + u64(64), UInt64(bytes.count), "tile data last")
        XCTAssertEqual(bytes[96], 1, "clustered")
        XCTAssertEqual(bytes[99], 2, "PNG")
    }

    /// Past 16 KiB the entries go to leaf directories and the root holds pointers only.
    func testLeafDirectories() throws {
        let entries = (0..<60_000).map { (i: Int) -> PMTiles.Entry in
            let offset = UInt64(i * 997 % 1_000_003), length = UInt32(100 + i % 89)
            return PMTiles.Entry(tileID: UInt64(i * 3), offset: offset, length: length, runLength: 1)
        }
        let (root, leaves) = try PMTiles.directories(entries)
        XCTAssertLessThanOrEqual(root.count, 16_384 - 127)
        XCTAssertFalse(leaves.isEmpty)
        let small = try PMTiles.directories(Array(entries.prefix(50)))
        XCTAssertTrue(small.leaves.isEmpty)
    }

    func testDirectoryRoundTrip() throws {
        let entries = [PMTiles.Entry(tileID: 5, offset: 0, length: 10, runLength: 1),
                       PMTiles.Entry(tileID: 7, offset: 10, length: 4, runLength: 3),
                       PMTiles.Entry(tileID: 300, offset: 0, length: 10, runLength: 0)]
        XCTAssertEqual(try PMTiles.deserialize(PMTiles.serialize(entries), name: "t"), entries)
        // Cut short anywhere, it is bad data, not a trap.
        let bytes = PMTiles.serialize(entries)
        for n in 0..<bytes.count {
            XCTAssertThrowsError(try PMTiles.deserialize(bytes.prefix(n), name: "t"), "cut at \(n)")
        }
    }

    /// What the writer wrote reads back tile for tile, leaf directories and runs included.
    func testReadBackWithLeaves() throws {
        let dir = try TemporaryFolder.make("pmtiles")
        let file = dir.appendingPathComponent("big.pmtiles")
        let w = try PMTilesWriter(target: file)
        var written: [UInt64: Data] = [:]
        // 5,461 tiles of z0-6, one in three alike: enough entries for leaf directories.
        for z in 0...6 {
            for x in 0..<(1 << z) {
                for y in 0..<(1 << z) {
                    let bytes = (x + y) % 3 == 0 ? Data([9, 9, 9]) : Data("\(z)/\(x)/\(y)".utf8)
                    try w.write(TileCoord(z: z, x: x, y: y)!, bytes)
                    written[PMTiles.tileID(z: z, x: x, y: y)] = bytes
                }
            }
        }
        var m = metadata()
        m.maxZoom = 6
        try w.finish(metadata: m)
        let a = try PMTilesArchive(contentsOf: file)
        XCTAssertEqual(a.tiles.count, written.count)
        XCTAssertEqual(a.tiles, written)
        XCTAssertEqual(a.kind, .png)
        XCTAssertEqual(a.maxZoom, 6)
        XCTAssertEqual(a.bounds.minX, 22, accuracy: 1e-6)
        XCTAssertEqual(a.metadata["name"]?.stringValue, "t")
    }

    /// Two archives become one: zooms and bounds span both, the later wins an overlap.
    func testMerge() throws {
        let dir = try TemporaryFolder.make("pmtiles")
        func archive(_ name: String, _ tiles: [(Int, Int, Int, UInt8)], maxZoom: Int) throws -> URL {
            let url = dir.appendingPathComponent(name)
            let w = try PMTilesWriter(target: url)
            for (z, x, y, b) in tiles { try w.write(TileCoord(z: z, x: x, y: y)!, Data([b])) }
            var m = metadata()
            m.maxZoom = maxZoom
            try w.finish(metadata: m)
            return url
        }
        let a = try archive("a.pmtiles", [(0, 0, 0, 1), (1, 0, 0, 2)], maxZoom: 1)
        let b = try archive("b.pmtiles", [(1, 0, 0, 3), (2, 3, 3, 4)], maxZoom: 2)
        let out = dir.appendingPathComponent("m.pmtiles")
        try PMTilesWriter.merge([a, b], into: out)
        let m = try PMTilesArchive(contentsOf: out)
        XCTAssertEqual(m.tiles, [0: Data([1]), PMTiles.tileID(z: 1, x: 0, y: 0): Data([3]), PMTiles.tileID(z: 2, x: 3, y: 3): Data([4])])
        XCTAssertEqual(m.maxZoom, 2)
    }

    /// A file that is not an archive, a truncated one and one of another kind: errors, and
    /// no output file.
    func testBadArchives() throws {
        let dir = try TemporaryFolder.make("pmtiles")
        let good = dir.appendingPathComponent("g.pmtiles")
        let w = try PMTilesWriter(target: good)
        try w.write(TileCoord(z: 0, x: 0, y: 0)!, Data([1, 2, 3]))
        try w.finish(metadata: metadata())
        let bytes = try Data(contentsOf: good)
        let text = dir.appendingPathComponent("t.pmtiles"), cut = dir.appendingPathComponent("c.pmtiles")
        try Data("hello".utf8).write(to: text)
        try bytes.prefix(bytes.count - 2).write(to: cut)
        // A header that says it addresses one tile, before a directory with two: not trusted.
        let two = dir.appendingPathComponent("2.pmtiles")
        let w2 = try PMTilesWriter(target: two)
        try w2.write(TileCoord(z: 0, x: 0, y: 0)!, Data([1, 2, 3]))
        try w2.write(TileCoord(z: 1, x: 1, y: 1)!, Data([4, 5]))
        try w2.finish(metadata: metadata())
        let lying = dir.appendingPathComponent("l.pmtiles")
        var patched = try Data(contentsOf: two)
        patched.replaceSubrange(72..<80, with: [1, 0, 0, 0, 0, 0, 0, 0])
        try patched.write(to: lying)
        // A count of 0 is the spec's "unknown": the archive is read, bounded by its zooms.
        let unknown = dir.appendingPathComponent("u.pmtiles")
        var zeroed = bytes
        zeroed.replaceSubrange(72..<80, with: [UInt8](repeating: 0, count: 8))
        try zeroed.write(to: unknown)
        XCTAssertEqual(try PMTilesArchive(contentsOf: unknown).tiles.count, 1)
        let vector = dir.appendingPathComponent("v.pmtiles")
        let v = try PMTilesWriter(target: vector, kind: .mvt)
        try v.write(TileCoord(z: 0, x: 0, y: 0)!, Data([1]))
        try v.finish(metadata: metadata())
        let out = dir.appendingPathComponent("out.pmtiles")
        for (inputs, fragment) in [([text], "not a PMTiles v3 archive"), ([cut], "runs past the end"), ([lying], "more tiles than the header"),
                                   ([good, vector], "merge archives of one kind"), ([dir.appendingPathComponent("none.pmtiles")], "no such PMTiles")] {
            XCTAssertThrowsError(try PMTilesWriter.merge(inputs, into: out)) { e in
                XCTAssertTrue("\(e)".contains(fragment), "\(e)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        }
    }
}
