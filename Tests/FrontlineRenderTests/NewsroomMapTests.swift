import Foundation
import XCTest
import FrontlineControl
import FrontlineGeo
@testable import FrontlineRender

/// What a graphics editor checks first: the towns at the front named, furniture off the data,
/// readable text at every size, water that changes with the date, a change map's legend.
final class NewsroomMapTests: XCTestCase {
    static var dataset: Dataset { get throws { try MapPictureTests.dataset } }
    static let date = DayDate("2026-02-05")!

    func scene(_ o: MapOptions, date: DayDate = date, advances: ChangeMeasurement? = nil) throws -> MapScene {
        let measured = try Self.dataset.measure(asOf: date)
        return try MapComposer(dataset: Self.dataset, base: try BaseMap(folder: Self.dataset.folder), options: o)
            .scene(state: measured.state, geometry: measured.geometry, advances: advances)
    }

    func closeUp(_ iso: String) -> MapOptions {
        var o = MapOptions()
        o.regions = [iso]
        return o
    }

    func testTheDonetskCloseUpNamesTheTownsAtTheFront() throws {
        var o = closeUp("UA-14")
        o.format = .svg
        let svg = String(decoding: try MapRenderer(dataset: Self.dataset).render(date: Self.date, options: o).data, as: UTF8.self)
        for town in ["Pokrovsk", "Myrnohrad", "Kostiantynivka", "Bakhmut", "Chasiv Yar", "Toretsk", "Kramatorsk", "Sloviansk", "Siversk", "Huliaipole"] {
            XCTAssertTrue(svg.contains(">\(town)<"), town)
        }
        XCTAssertTrue(svg.contains(">RUSSIA<"), "the neighbour is named")
        XCTAssertTrue(svg.contains(">Sea of Azov<"), "the sea is named")
    }

    /// A PNG is painted in bands on canvases lent from band to band (BandWorkspaces); the last
    /// band here is shorter than the canvas lent to it. Every pixel is the one a single canvas
    /// paints: nothing of an earlier band shows through.
    func testBandsOnLentCanvasesPaintWhatOneCanvasPaints() throws {
        var o = MapOptions()
        o.width = 900
        o.height = 701
        let full = try scene(o)
        let banded = try RasterImage(png: try SceneRenderer.png(full).data)
        let canvas = try Canvas(format: .png, width: o.width, height: o.height)
        try SceneRenderer.draw(full, on: canvas)
        let single = try RasterImage(png: canvas.finish())
        XCTAssertEqual(banded.width, 900)
        XCTAssertEqual(banded.height, 701)
        var differing = 0
        for y in 0..<701 {
            for x in 0..<900 where banded.pixel(x: x, y: y) != single.pixel(x: x, y: y) { differing += 1 }
        }
        XCTAssertEqual(differing, 0)
    }

    func testNoOccupiedPixelUnderTheFurnitureOfTheCloseUps() throws {
        for iso in ["UA-14", "UA-63"] {
            let full = try scene(closeUp(iso))
            let prepared = try SceneRenderer.prepare(full, measuring: try Canvas(format: .png, width: 1, height: 1))
            let boxes = try XCTUnwrap(prepared.furniture).boxes
            XCTAssertEqual(boxes.count, 4, "title, legend, attribution and inset")
            // The same prepared map painted without its furniture: what the panels lie over.
            let canvas = try Canvas(format: .png, width: Int(full.width), height: Int(full.height))
            try SceneRenderer.paint(prepared, on: canvas, furniture: false)
            let image = try RasterImage(png: canvas.finish())
            let occupied = Theme.light.fill(.occupied).color.over(Theme.light.land)
            let before = Theme.light.baseline.color.over(occupied)
            for b in boxes {
                var hits = 0
                for y in stride(from: Int(b.minY), to: Int(b.maxY), by: 2) {
                    for x in stride(from: Int(b.minX), to: Int(b.maxX), by: 2) {
                        guard let c = image.pixel(x: x, y: y) else { continue }
                        if PixelProbe.close(c, occupied) || PixelProbe.close(c, before) { hits += 1 }
                    }
                }
                XCTAssertEqual(hits, 0, "\(iso): occupied land under the panel at \(b)")
            }
        }
    }

    func testTextIsReadableAtEverySize() throws {
        for preset in PicturePreset.allCases {
            var o = MapOptions()
            (o.width, o.height) = preset.size
            let prepared = try SceneRenderer.prepare(try scene(o), measuring: try Canvas(format: .png, width: 1, height: 1))
            let smallest = prepared.texts.map(\.font.size).min() ?? 0
            XCTAssertGreaterThanOrEqual(smallest, 11, "\(preset): map text of \(smallest) px")
            XCTAssertGreaterThan(prepared.texts.count, 20, "\(preset) names places")
        }
    }

    func testTwiceTheSizeAtTwiceTheDpiNamesTheSamePlaces() throws {
        func names(_ w: Int, _ h: Int, dpi: Double) throws -> Set<String> {
            var o = MapOptions()
            (o.width, o.height, o.dpi) = (w, h, dpi)
            return Set(try SceneRenderer.prepare(try scene(o), measuring: try Canvas(format: .png, width: 1, height: 1)).texts.map(\.text))
        }
        let one = try names(1600, 1200, dpi: 96), two = try names(3200, 2400, dpi: 192)
        // Rounding may move a label by a pixel and let one more or one fewer fit, no more.
        XCTAssertLessThanOrEqual(one.symmetricDifference(two).count, 2, "differ: \(one.symmetricDifference(two).sorted())")
        XCTAssertGreaterThan(one.intersection(two).count, 60)
    }

    func testTheKakhovkaReservoirDrainsFromJune2023() throws {
        let base = try BaseMap(folder: Self.dataset.folder)
        let drained = zip(base.lakes, base.lakeUntil).filter { $0.1 != nil }.map(\.0)
        XCTAssertEqual(drained.count, 1, "one reservoir changes")
        // Points of the reservoir (a grid over its polygon): part of it lies under occupied
        // land's fill, the rest shows water until the dam is destroyed.
        let lake = try Geometry.polygon(try XCTUnwrap(drained.first))
        let prepared = try PreparedGeometry(lake)
        let box = try XCTUnwrap(lake.envelope)
        var points: [Position] = []
        for i in 0..<40 { for j in 0..<40 {
            let p = Position(box.minX + box.width * (Double(i) + 0.5) / 40, box.minY + box.height * (Double(j) + 0.5) / 40)
            if try prepared.contains(Geometry.point(p)) { points.append(p) }
        } }
        XCTAssertGreaterThan(points.count, 50)
        var o = closeUp("UA-65")
        o.labels = false
        let renderer = try MapRenderer(dataset: Self.dataset)
        func water(_ day: String) throws -> Double {
            let map = try renderer.render(date: DayDate(day)!, options: o)
            let probe = PixelProbe(image: try RasterImage(png: map.data), viewport: map.viewport)
            return try points.reduce(0) { $0 + (try probe.share(of: Theme.light.water, at: $1, radius: 0)) } / Double(points.count)
        }
        XCTAssertGreaterThan(try water("2023-05-01"), 0.3, "full before the dam was destroyed")
        XCTAssertLessThan(try water("2023-07-01"), 0.02, "drained after")
    }

    func testTheChangeMapLegendHasOneRowPerMeaning() throws {
        let change = try Self.dataset.change(from: DayDate("2022-11-17")!, to: DayDate("2023-11-17")!)
        let composer = DiffComposer(map: MapComposer(dataset: try Self.dataset, base: try BaseMap(folder: Self.dataset.folder), options: MapOptions()))
        let legend = composer.legend(change.changes, change.changes)
        XCTAssertEqual(Set(legend.map(\.label)).count, legend.count, "\(legend.map(\.label))")
        let fills = legend.compactMap { row -> RGBA? in if case .fill(let f) = row.swatch { return f.color } else { return nil } }
        for (i, a) in fills.enumerated() { for b in fills[(i + 1)...] { XCTAssertNotEqual(a, b, "two rows share a colour") } }
        XCTAssertTrue(legend.contains { $0.label.hasPrefix("Newly contested") })
        // Labels and table read the same figures.
        let zhytomyr = change.changes.region("UA-18")
        let label = composer.changeLines(zhytomyr, change.changes.statuses).map(\.text)
        let row = composer.furniture(change.changes, []).table.first { $0.label == "Zhytomyr" }
        XCTAssertTrue(label.isEmpty == (row == nil), "label \(label), table \(String(describing: row))")
    }

    func testPDFMapTextIsText() throws {
        let tool = "/usr/bin/pdftotext"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: tool), "poppler-utils (scripts/setup.sh) is not installed")
        var o = closeUp("UA-14")
        o.format = .pdf
        (o.width, o.height) = PaperPage.a4.size
        let pdf = try MapRenderer(dataset: Self.dataset).render(date: Self.date, options: o).data
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-text-\(getpid()).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = [file.path, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        for name in ["Pokrovsk", "Kramatorsk", "Bakhmut", "Donetsk oblast: territorial control"] { XCTAssertTrue(text.contains(name), name) }
    }

    /// `--advances`: the land newly occupied in the window is drawn in the change map's colour,
    /// and its km² in the legend are the change's; without the option no pixel has that colour.
    func testRecentAdvancesAreDrawnAndCounted() throws {
        var o = closeUp("UA-14")
        o.labels = false
        let renderer = try MapRenderer(dataset: Self.dataset)
        func gainedPixels(_ days: Int?) throws -> Int {
            var options = o
            options.advancesDays = days
            let image = try RasterImage(png: try renderer.render(date: Self.date, options: options).data)
            var n = 0
            for y in stride(from: 0, to: image.height, by: 2) {
                for x in stride(from: 0, to: image.width, by: 2) where PixelProbe.close(image.pixel(x: x, y: y)!, Theme.light.gained.color) { n += 1 }
            }
            return n
        }
        XCTAssertEqual(try gainedPixels(nil), 0)
        XCTAssertGreaterThan(try gainedPixels(30), 40)
        let change = try Self.dataset.change(from: Self.date.adding(days: -30), to: Self.date)
        let scene = try self.scene(o, advances: change)
        let km2 = change.changes.filtered(["UA-14"]).national(.occupied).gainedKm2
        let row = try XCTUnwrap(scene.furniture.legend.first { $0.label.hasPrefix("Newly occupied since 6 January 2026") })
        XCTAssertTrue(row.label.hasSuffix("+\(MapText(words: .english).changeKm2(km2))"), row.label)
        XCTAssertTrue(scene.layers.contains { $0.layer == .advances })
        o.advancesDays = 0
        XCTAssertThrowsError(try renderer.render(date: Self.date, options: o))
    }
}
