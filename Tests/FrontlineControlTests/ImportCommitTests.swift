import Foundation
import XCTest
import FrontlineGeo
import FrontlineTestSupport
@testable import FrontlineControl
import FrontlineSupport

/// The import commit: a reader sees the store as it was or as it is after, nothing between.
final class ImportCommitTests: XCTestCase {
    func snapshot(_ day: Int, size: Double) throws -> Snapshot {
        let ring = [Position(30, 48), Position(30 + size, 48), Position(30 + size, 48 + size), Position(30, 48)]
        return Snapshot(date: DayDate("2025-01-01")!.adding(days: day), source: "s",
                        layers: [.occupied: try Geometry.multiPolygon(coordinates: [[ring]])])
    }

    func stage(_ dataset: URL, days: Range<Int>, size: Double) throws -> SnapshotStaging.Outcome {
        let staging = try SnapshotStaging(dataset: dataset, source: "s")
        for d in days { try staging.add(try snapshot(d, size: size)) }
        return try staging.commit()
    }

    // Fault: files were renamed into the store one by one, so a reader (or a kill) in the
    // last milliseconds of an import saw 105-132 of 769 files.
    func testAReaderDuringTheCommitSeesTheOldStoreOrTheNew() throws {
        let dataset = try TemporaryFolder.make("import-commit")
        XCTAssertEqual(try stage(dataset, days: 0..<200, size: 0.1).written.count, 200)
        let store = dataset.appendingPathComponent("snapshots/s")
        let stop = Locked(false), seen = Locked<Set<Int>>([])
        let reader = Thread {
            while !stop.value {
                let n = (try? FileManager.default.contentsOfDirectory(atPath: store.path))?.count ?? -1
                seen.update { $0.insert(n) }
            }
        }
        reader.start()
        // Every file changes and 600 are new: a one-by-one commit is seen half done.
        let outcome = try stage(dataset, days: 0..<800, size: 0.2)
        stop.update { $0 = true }
        while !reader.isFinished { usleep(1000) }
        XCTAssertEqual(outcome.written.count, 800)
        XCTAssertTrue(seen.value.isSubset(of: [200, 800]), "counts seen: \(seen.value.sorted().prefix(10))")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dataset.appendingPathComponent("snapshots").path), ["s"],
                       "no staging or old store left")
    }

    func testUnchangedFilesKeepTheirInode() throws {
        let dataset = try TemporaryFolder.make("import-commit")
        _ = try stage(dataset, days: 0..<3, size: 0.1)
        let file = dataset.appendingPathComponent("snapshots/s/2025-01-01.geojson").path
        let inode = { (try FileManager.default.attributesOfItem(atPath: file)[.systemFileNumber] as? Int) ?? -1 }
        let before = try inode()
        let again = try stage(dataset, days: 0..<4, size: 0.1)
        XCTAssertEqual(again.written.count, 1)
        XCTAssertEqual(again.unchanged.count, 3)
        XCTAssertEqual(try inode(), before, "the same file, linked into the new store")
    }

    func testAbandonedFoldersOfKilledImportsAreRemoved() throws {
        let dataset = try TemporaryFolder.make("import-commit")
        let snapshots = dataset.appendingPathComponent("snapshots")
        for name in [".import-s-999999999", ".next-s-999999999"] {
            try FileManager.default.createDirectory(at: snapshots.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        _ = try stage(dataset, days: 0..<1, size: 0.1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: snapshots.path), ["s"])
    }
}
