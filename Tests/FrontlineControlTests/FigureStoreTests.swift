import Foundation
import XCTest
import FrontlineTestSupport
@testable import FrontlineControl

/// Figures measured once and kept (`FigureStore`): the same bits as measuring, never trusted
/// across a change of a snapshot, the regions or the rules, and a damaged store is no store.
final class FigureStoreTests: XCTestCase {
    override func setUp() {
        // Each test its own user cache, inside the test process's temporary folder.
        setenv("FRONTLINE_CACHE", try! TemporaryFolder.make("figures-cache").path, 1)
    }

    override func tearDown() { unsetenv("FRONTLINE_CACHE") }

    func json(_ s: ControlState) -> String { StatsFormatter(nationalName: "T").json(s) }

    /// A half-occupied West on 2024-01-01.
    func dataset() -> URL {
        Fixtures.dataset(snapshots: ["2024-01-01": Fixtures.snapshotJSON(date: "2024-01-01", features: Fixtures.occupied("[\(Fixtures.box(30.5, 50, 31, 51))]"))])
    }

    func testStoredFiguresAreTheMeasuredOnesToTheBit() throws {
        let dates = [DayDate("2022-03-24")!, DayDate("2023-06-15")!, DayDate("2026-02-05")!]
        setenv("FRONTLINE_CACHE", "off", 1)
        let measured = try Fixtures.bundledDataset.series(dates).map(json)
        setenv("FRONTLINE_CACHE", try TemporaryFolder.make("figures-cache").path, 1)
        let first = try Dataset(folder: Fixtures.bundled).series(dates).map(json)
        let again = try Dataset(folder: Fixtures.bundled).series(dates).map(json)
        XCTAssertEqual(first, measured)
        XCTAssertEqual(again, measured)
        XCTAssertEqual(try Dataset(folder: Fixtures.bundled).control(asOf: dates[2]).regions.map(\.frontKm),
                       try Fixtures.bundledDataset.series([dates[2]])[0].regions.map(\.frontKm))
    }

    /// The bundled figures.bin holds every bundled snapshot under today's rules: a stale
    /// file (rules, regions or a snapshot changed without `snapshots --store-figures`) fails here.
    func testBundledStoreIsCurrent() throws {
        let ds = try Dataset(folder: Fixtures.bundled)
        let data = try XCTUnwrap(FileManager.default.contents(atPath: ds.figuresFile.path), "GeoData/ukraine/figures.bin")
        let store = try XCTUnwrap(FigureStore.decode(data, context: ds.figuresContext(SliverRule()), isos: ds.regions.regions.map(\.iso)),
                                  "figures.bin was made under other rules or regions: run `frontline snapshots --store-figures`")
        let missing = ds.timeline.all.filter { FigureStore.key($0).flatMap(store.entry) == nil }
        XCTAssertEqual(missing.map { "\($0.source) \($0.date)" }, [], "run `frontline snapshots --store-figures`")
    }

    func testAnEditedSnapshotIsMeasuredAgain() throws {
        let dir = dataset()
        let date = DayDate("2024-01-01")!
        let before = try Dataset(folder: dir).control(asOf: date).km2(.occupied)
        XCTAssertGreaterThan(before, 0)
        XCTAssertNotNil(try Dataset(folder: dir).figuresCacheFile.flatMap { FileManager.default.contents(atPath: $0.path) }, "kept in the user cache")
        // The same date, now the whole of West occupied.
        let file = dir.appendingPathComponent("snapshots/src/2024-01-01.geojson")
        try Fixtures.snapshotJSON(date: "2024-01-01", features: Fixtures.occupied("[\(Fixtures.box(30, 50, 31, 51))]")).write(to: file, atomically: true, encoding: .utf8)
        let after = try Dataset(folder: dir).control(asOf: date).km2(.occupied)
        XCTAssertEqual(after, 2 * before, accuracy: 0.01 * before)
        XCTAssertEqual(try Dataset(folder: dir).series([date])[0].km2(.occupied), after)
    }

    func testEditedRegionsOrRulesAreAnotherContext() throws {
        let dir = dataset()
        let ds = try Dataset(folder: dir)
        let context = ds.figuresContext(SliverRule())
        XCTAssertNotEqual(context, ds.figuresContext(.none))
        try (Fixtures.regionsJSON + " ").write(to: dir.appendingPathComponent("regions.geojson"), atomically: true, encoding: .utf8)
        XCTAssertNotEqual(try Dataset(folder: dir).figuresContext(SliverRule()), context)
    }

    /// A cut or foreign store is not read: the figures are measured.
    func testADamagedStoreIsNoStore() throws {
        let dir = dataset()
        let ds = try Dataset(folder: dir)
        let measured = try ds.control(asOf: DayDate("2024-01-01")!)
        XCTAssertEqual(try ds.storeFigures(), 1)
        let bytes = try Data(contentsOf: ds.figuresFile)
        let isos = ds.regions.regions.map(\.iso), context = ds.figuresContext(SliverRule())
        XCTAssertNotNil(FigureStore.decode(bytes, context: context, isos: isos))
        for n in [0, 8, 12, bytes.count / 2, bytes.count - 1] {
            XCTAssertNil(FigureStore.decode(bytes.prefix(n), context: context, isos: isos), "cut at \(n)")
        }
        XCTAssertNil(FigureStore.decode(bytes + Data([0]), context: context, isos: isos), "trailing byte")
        XCTAssertNil(FigureStore.decode(bytes, context: context &+ 1, isos: isos), "other context")
        XCTAssertNil(FigureStore.decode(bytes, context: context, isos: isos.reversed()), "other regions")
        // A key whose byte count does not fit an Int (an older layout read as this one) is no
        // key: it trapped in the conversion.
        let overlong = { (magic: [UInt8]) -> Data in
            var w = ByteWriter()
            FigureStore.writeHeader(magic, context: context, isos: isos, &w)
            w.u32(1); w.string("src"); w.u32(0); w.u64(.max); w.u32(0)
            return w.data
        }
        XCTAssertNil(FigureStore.decode(overlong(FigureStore.magic), context: context, isos: isos))
        XCTAssertNil(ChangeFigureStore.decode(overlong(ChangeFigureStore.magic), context: context, isos: isos))
        // A garbage dataset store and no user cache: measured, the same figures.
        try Data("FLFIGS1\ngarbage".utf8).write(to: ds.figuresFile)
        setenv("FRONTLINE_CACHE", try TemporaryFolder.make("figures-cache").path, 1)
        XCTAssertEqual(json(try Dataset(folder: dir).control(asOf: DayDate("2024-01-01")!)), json(measured))
    }

    func testEncodingIsStable() throws {
        let ds = try Dataset(folder: dataset())
        _ = try ds.control(asOf: DayDate("2024-01-01")!)
        let store = try XCTUnwrap(ds.figureStore(SliverRule()))
        let bytes = store.encoded()
        let back = try XCTUnwrap(FigureStore.decode(bytes, context: store.context, isos: store.isos))
        XCTAssertEqual(back.all, store.all)
        XCTAssertEqual(back.encoded(), bytes)
    }

    /// A store read from a file decodes an entry only when asked: each one, asked alone, is the
    /// entry that was written, and asking for some first changes neither `all` nor the bytes.
    func testEntriesDecodedOnDemandAreTheWrittenOnes() throws {
        setenv("FRONTLINE_CACHE", try TemporaryFolder.make("figures-cache").path, 1)
        let ds = try Dataset(folder: Fixtures.dataset(snapshots: [
            "2024-01-01": Fixtures.snapshotJSON(date: "2024-01-01", features: Fixtures.occupied("[\(Fixtures.box(30.5, 50, 31, 51))]")),
            "2024-02-01": Fixtures.snapshotJSON(date: "2024-02-01", features: Fixtures.occupied("[\(Fixtures.box(30.5, 50, 32, 51))]")),
        ]))
        _ = try ds.series([DayDate("2024-01-01")!, DayDate("2024-02-01")!])
        let store = try XCTUnwrap(ds.figureStore(SliverRule()))
        let written = store.all
        XCTAssertGreaterThan(written.count, 1)
        let bytes = store.encoded()
        for (key, entry) in written {
            let fresh = try XCTUnwrap(FigureStore.decode(bytes, context: store.context, isos: store.isos))
            XCTAssertEqual(fresh.entry(key), entry)
        }
        let partly = try XCTUnwrap(FigureStore.decode(bytes, context: store.context, isos: store.isos))
        _ = partly.entry(written.keys.first!)
        XCTAssertEqual(partly.all, written)
        XCTAssertEqual(partly.encoded(), bytes)
    }

    /// A change map's two ends from the shape store: the same figures and the same changed land
    /// as measuring both snapshots (`Dataset.change` on land now takes them from the store).
    func testChangeFromStoredShapesIsTheMeasuredOne() throws {
        let (a, b) = (DayDate("2025-02-05")!, DayDate("2026-02-05")!)
        func json(_ c: ChangeSet) -> String { ChangeFormatter(nationalName: "T").json(c, settlements: nil) }
        setenv("FRONTLINE_CACHE", "off", 1)
        let measured = try Dataset(folder: Fixtures.bundled).change(from: a, to: b)
        setenv("FRONTLINE_CACHE", try TemporaryFolder.make("figures-cache").path, 1)
        _ = try Dataset(folder: Fixtures.bundled).change(from: a, to: b)  // fills the shape store
        let stored = try Dataset(folder: Fixtures.bundled).change(from: a, to: b)
        XCTAssertEqual(json(stored.changes), json(measured.changes))
        XCTAssertEqual(stored.geometry.gained[.occupied]?.count, measured.geometry.gained[.occupied]?.count)
        XCTAssertGreaterThan(measured.geometry.gained[.occupied]?.count ?? 0, 0)
    }

    /// The rate of advance's changes: from the change store the same JSON as measured, and an
    /// edited snapshot is measured again.
    func testChangeFiguresAreTheMeasuredOnes() throws {
        let (a, b) = (DayDate("2026-01-01")!, DayDate("2026-02-05")!)
        func json(_ c: ChangeSet) -> String { ChangeFormatter(nationalName: "T").json(c, settlements: nil) }
        let measured = json(try Fixtures.bundledDataset.change(from: a, to: b).changes)
        let first = try Dataset(folder: Fixtures.bundled)
        XCTAssertEqual(json(try first.changeFigures(from: a, to: b)), measured)
        let again = try Dataset(folder: Fixtures.bundled)
        let store = try XCTUnwrap(again.changeStore(SliverRule()))
        XCTAssertEqual(store.all.count, 1, "read back from the user cache")
        XCTAssertEqual(json(try again.changeFigures(from: a, to: b)), measured)
        let back = try XCTUnwrap(ChangeFigureStore.decode(store.encoded(), context: store.context, isos: store.isos))
        XCTAssertEqual(back.all, store.all)
        XCTAssertNil(ChangeFigureStore.decode(store.encoded().dropLast(), context: store.context, isos: store.isos))

        let dir = dataset()
        try Fixtures.snapshotJSON(date: "2024-02-01", features: Fixtures.occupied("[\(Fixtures.box(30.2, 50, 31, 51))]"))
            .write(to: dir.appendingPathComponent("snapshots/src/2024-02-01.geojson"), atomically: true, encoding: .utf8)
        let d1 = DayDate("2024-01-01")!, d2 = DayDate("2024-02-01")!
        let gained = try Dataset(folder: dir).changeFigures(from: d1, to: d2).national(.occupied).gainedKm2
        XCTAssertGreaterThan(gained, 0)
        try Fixtures.snapshotJSON(date: "2024-02-01", features: Fixtures.occupied("[\(Fixtures.box(30, 50, 31, 51))]"))
            .write(to: dir.appendingPathComponent("snapshots/src/2024-02-01.geojson"), atomically: true, encoding: .utf8)
        let after = try Dataset(folder: dir).changeFigures(from: d1, to: d2).national(.occupied).gainedKm2
        XCTAssertEqual(after / gained, 5.0 / 3, accuracy: 0.05, "the edited snapshot is measured again: 0.5° of West gained, not 0.3°")
    }

    /// The shapes a map draws: from the store the same bits as measured; a cut file or one for
    /// other bytes is measured again.
    func testShapesFromTheStoreAreTheMeasuredOnes() throws {
        let date = DayDate("2026-02-05")!
        let isos = try Fixtures.bundledDataset.regions.regions.map(\.iso)
        let ref = try Fixtures.bundledDataset.timeline.snapshot(asOf: date).ref
        let key = try XCTUnwrap(FigureStore.key(ref))
        func bytes(_ m: ControlMeasurement) -> Data { ShapeStore.encode(m.geometry, key: key, isos: isos) }
        setenv("FRONTLINE_CACHE", "off", 1)
        let measured = try Fixtures.bundledDataset.measure(asOf: date)
        setenv("FRONTLINE_CACHE", try TemporaryFolder.make("figures-cache").path, 1)
        let first = try Dataset(folder: Fixtures.bundled)
        XCTAssertNil(first.storedShapes(ref, key: key, rule: SliverRule()))
        XCTAssertEqual(bytes(try first.measure(asOf: date)), bytes(measured))
        let second = try Dataset(folder: Fixtures.bundled)
        let stored = try XCTUnwrap(second.storedShapes(ref, key: key, rule: SliverRule()), "kept by the first measurement")
        XCTAssertEqual(ShapeStore.encode(stored, key: key, isos: isos), bytes(measured))
        XCTAssertEqual(json(try second.measure(asOf: date).state), json(measured.state))
        // Another snapshot's key, a cut file: no shapes.
        let other = FigureStore.Key(source: key.source, date: key.date, size: key.size, crc: key.crc &+ 1)
        XCTAssertNil(ShapeStore.decode(bytes(measured), key: other, isos: isos))
        XCTAssertNil(ShapeStore.decode(bytes(measured).dropLast(9), key: key, isos: isos))
    }
}
