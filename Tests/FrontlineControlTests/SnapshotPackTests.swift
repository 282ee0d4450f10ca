import Foundation
import XCTest
import FrontlineTestSupport
import FrontlineGeo
import FrontlineSupport
@testable import FrontlineControl

/// The snapshot pack: lossless (the files come back byte for byte), shared chains stored
/// once, a damaged pack an error, and a file beside the pack stands for its date.
final class SnapshotPackTests: XCTestCase {
    override func setUp() { setenv("FRONTLINE_CACHE", "off", 1) }
    override func tearDown() { unsetenv("FRONTLINE_CACHE") }

    /// Two dates of a West with a bite out of it; the second moves one corner.
    func dataset() -> URL {
        let a = "[[[30.1,50.1],[30.9,50.1],[30.9,50.9],[30.5,50.5],[30.1,50.9],[30.1,50.1]]]"
        let b = "[[[30.1,50.1],[30.9,50.1],[30.9,50.9],[30.5,50.6],[30.1,50.9],[30.1,50.1]]]"
        return Fixtures.dataset(snapshots: [
            "2024-01-01": Fixtures.snapshotJSON(date: "2024-01-01", features: Fixtures.occupied(a)),
            "2024-01-08": Fixtures.snapshotJSON(date: "2024-01-08", features: Fixtures.occupied("[\(b)]", type: "MultiPolygon")),
        ])
    }

    func files(_ dir: URL, _ sub: String = "snapshots/src") throws -> [String: Data] {
        let s = dir.appendingPathComponent(sub)
        return try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: s.path).map {
            ($0, try Data(contentsOf: s.appendingPathComponent($0)))
        })
    }

    func testPackedSnapshotsReadAndExportAsTheFiles() throws {
        let dir = dataset()
        let before = try files(dir)
        let states = try Dataset(folder: dir).series([DayDate("2024-01-01")!, DayDate("2024-01-08")!])
        XCTAssertEqual(try SnapshotPacker.pack(snapshots: dir.appendingPathComponent("snapshots"), source: "src"), 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("snapshots/src").path), "packed files are removed")
        let ds = try Dataset(folder: dir)
        XCTAssertEqual(ds.timeline.bySource["src"]?.compactMap(\.packEntry), [0, 1])
        let packed = try ds.series([DayDate("2024-01-01")!, DayDate("2024-01-08")!])
        XCTAssertEqual(packed.map { $0.km2(.occupied) }, states.map { $0.km2(.occupied) })
        let out = try TemporaryFolder.make("pack-export")
        try SnapshotPacker.export(ds.timeline.all, to: out)
        // The same content (the fixtures are not written by the snapshot writer: compare parsed).
        let exported = try files(out, "src")
        XCTAssertEqual(exported.keys.sorted(), before.keys.sorted())
        for (name, data) in before { XCTAssertEqual(try GeoJSONReader.read(exported[name]!), try GeoJSONReader.read(data), name) }
    }

    func testAFileBesideThePackStandsForItsDate() throws {
        let dir = dataset()
        try SnapshotPacker.pack(snapshots: dir.appendingPathComponent("snapshots"), source: "src")
        let sdir = dir.appendingPathComponent("snapshots/src")
        try FileManager.default.createDirectory(at: sdir, withIntermediateDirectories: true)
        try Fixtures.snapshotJSON(date: "2024-01-08", features: Fixtures.occupied("[\(Fixtures.box(30.1, 50.1, 30.2, 50.2))]"))
            .write(to: sdir.appendingPathComponent("2024-01-08.geojson"), atomically: true, encoding: .utf8)
        let ds = try Dataset(folder: dir)
        let ref = try ds.timeline.snapshot(asOf: DayDate("2024-01-08")!).ref
        XCTAssertNil(ref.packEntry)
        XCTAssertLessThan(try ds.control(asOf: DayDate("2024-01-08")!).km2(.occupied), 200)
    }

    /// Chains shared by the two dates are stored once: the pack of both is far smaller than
    /// twice the pack of one.
    func testUnchangedStretchesAreStoredOnce() throws {
        var ring: [String] = []
        for i in 0..<400 { let t = Double(i) / 400 * 2 * .pi; ring.append("[\(30.5 + 0.3 * cos(t)),\(50.5 + 0.3 * sin(t))]") }
        ring.append(ring[0])
        var moved = ring
        moved[10] = "[30.83,50.52]"
        let fc = { (r: [String], d: String) in try GeoJSONReader.read(Data(Fixtures.snapshotJSON(date: d, features: Fixtures.occupied("[[\(r.joined(separator: ","))]]")).utf8)) }
        var one = SnapshotPackWriter()
        try one.add(fc(ring, "2024-01-01"), date: DayDate("2024-01-01")!)
        var two = one
        try two.add(fc(moved, "2024-01-02"), date: DayDate("2024-01-02")!)
        XCTAssertLessThan(two.data().count, one.data().count * 13 / 10)
    }

    func testDamagedPackIsAnError() throws {
        let dir = dataset()
        try SnapshotPacker.pack(snapshots: dir.appendingPathComponent("snapshots"), source: "src")
        let url = dir.appendingPathComponent("snapshots/src.pack")
        var data = try Data(contentsOf: url)
        data[data.count / 2] ^= 0x40
        try data.write(to: url)
        XCTAssertThrowsError(try Dataset(folder: dir)) { XCTAssertEqual(($0 as? FrontlineError)?.exitCode, 65) }
        try data.prefix(20).write(to: url)
        XCTAssertThrowsError(try Dataset(folder: dir)) { XCTAssertEqual(($0 as? FrontlineError)?.exitCode, 65) }
    }

    /// The fuzzer's find: a string whose length reached past the end by the bytes of the
    /// length itself trapped in the slice. Now every entry of a crafted pack is an error or
    /// a collection, never a trap.
    func testACraftedPackIsAnErrorNotATrap() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/pack-fuzz-string-length.bin")
        let pack = try SnapshotPack(try Data(contentsOf: url), url: url, verifyingChecksum: false)
        XCTAssertFalse(pack.dates.isEmpty)
        for n in pack.dates.indices {
            XCTAssertThrowsError(try pack.collection(n))
            _ = pack.content(n)
        }
        XCTAssertThrowsError(try SnapshotPack(try Data(contentsOf: url), url: url), "and its checksum does not match")
    }

    func testOnlyTheSnapshotFormatIsPacked() throws {
        var w = SnapshotPackWriter()
        let line = try GeoJSONReader.read(Data(#"{"type":"FeatureCollection","date":"2024-01-01","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[30,50],[31,51]]}}]}"#.utf8))
        XCTAssertThrowsError(try w.add(line, date: DayDate("2024-01-01")!))
    }
}
