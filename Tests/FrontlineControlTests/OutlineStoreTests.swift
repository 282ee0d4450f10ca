import Foundation
import FrontlineGeo
import FrontlineSupport
import FrontlineTestSupport
import XCTest
@testable import FrontlineControl

final class OutlineStoreTests: XCTestCase {
    /// The bundle's outlines.bin holds every GeoJSON outline of the folder, made from the
    /// files as they are now, and reads back as what parsing them gives.
    func testBundledOutlinesAreCurrent() throws {
        let folder = Fixtures.bundled
        let store = try XCTUnwrap(OutlineStore(try Data(contentsOf: folder.appendingPathComponent(OutlineStore.fileName))))
        let names = OutlineStore.geoJSONNames(in: folder)
        XCTAssertTrue(names.contains("regions.geojson") && names.contains("base/rivers.geojson"), "\(names)")
        XCTAssertEqual(store.names, names, "rebuild with: frontline geodata --outlines-only -o GeoData/ukraine")
        for name in names {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            let stored = try XCTUnwrap(store.collection(name, bytes: bytes), "\(name) is stale in outlines.bin")
            XCTAssertEqual(stored, try GeoJSONReader.read(bytes), name)
        }
    }

    /// A GeoJSON file edited after the outlines were written is parsed: the store never stands
    /// for other bytes than its own.
    func testAnEditedFileIsReadAsEdited() throws {
        let folder = Fixtures.dataset(snapshots: [:])
        try OutlineStore.write(folder: folder)
        let url = folder.appendingPathComponent("regions.geojson")
        XCTAssertNotNil(OutlineStore.open(folder)?.collection("regions.geojson", bytes: try Data(contentsOf: url)))
        let edited = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"West\"", with: "\"Westward\"")
        try Data(edited.utf8).write(to: url)
        XCTAssertNil(OutlineStore.open(folder)?.collection("regions.geojson", bytes: try Data(contentsOf: url)))
        let regions = try RegionSet.load(url)
        XCTAssertEqual(regions.regions.first { $0.iso == "TT-01" }?.names.primary, "Westward")
    }

    /// Damaged outlines (a flipped byte in an entry, a cut file) are not used: the GeoJSON is
    /// parsed and gives the same collection.
    func testDamagedOutlinesAreNotUsed() throws {
        let folder = Fixtures.dataset(snapshots: [:])
        try OutlineStore.write(folder: folder)
        let file = folder.appendingPathComponent(OutlineStore.fileName)
        var bytes = try Data(contentsOf: file)
        let regions = try Data(contentsOf: folder.appendingPathComponent("regions.geojson"))
        bytes[bytes.count - 20] ^= 0x40
        XCTAssertNil(OutlineStore(bytes)?.collection("regions.geojson", bytes: regions))
        for n in [0, 5, 12, bytes.count / 2, bytes.count - 1] { XCTAssertNil(OutlineStore(bytes.prefix(n)), "cut at \(n)") }
        try bytes.write(to: file)
        XCTAssertEqual(try OutlineStore.read("regions.geojson", in: folder, bytes: regions), try GeoJSONReader.read(regions))
    }

    // Fault: entries were located by offsets from 0, so a store read from a slice of a larger
    // buffer (which does not start at index 0) took the wrong bytes.
    func testAStoreInASliceReadsItsOwnBytes() throws {
        let folder = Fixtures.dataset(snapshots: [:])
        try OutlineStore.write(folder: folder)
        let bytes = try Data(contentsOf: folder.appendingPathComponent(OutlineStore.fileName))
        let regions = try Data(contentsOf: folder.appendingPathComponent("regions.geojson"))
        let slice = (Data(repeating: 7, count: 13) + bytes)[13...]
        XCTAssertEqual(try XCTUnwrap(OutlineStore(slice)?.collection("regions.geojson", bytes: regions)), try GeoJSONReader.read(regions))
    }

    /// What tells a process that a pack or an outline store it opened has changed.
    func testFileStampChangesWithTheFile() throws {
        let url = Fixtures.tempFolder().appendingPathComponent("f.bin")
        XCTAssertNil(FileStamp(path: url.path))
        try Data([1, 2, 3]).write(to: url)
        let first = try XCTUnwrap(FileStamp(path: url.path))
        XCTAssertEqual(first.size, 3)
        XCTAssertEqual(FileStamp(path: url.path), first)
        try Data([1, 2, 3, 4]).write(to: url)
        XCTAssertNotEqual(FileStamp(path: url.path), first)
    }

    func testWritingIntoNoFolderIsAnError() {
        XCTAssertThrowsError(try OutlineStore.write(folder: URL(fileURLWithPath: "/nonexistent/frontline"))) { error in
            XCTAssertTrue("\(error)".contains("no dataset folder"), "\(error)")
        }
    }
}
