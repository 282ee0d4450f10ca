import Foundation
import XCTest
import FrontlineTestSupport
import FrontlineControl
import FrontlineGeo
@testable import FrontlineRender
import FrontlineSupport

/// Charts, timelapse and reports on the bundled data.
final class ReportingTests: XCTestCase {
    var ds: Dataset { get throws { try MapPictureTests.dataset } }

    func testChartShowsTheRiseOverTheArchive() throws {
        let r = try ChartRenderer(dataset: ds).render(from: DayDate("2024-07-08")!, to: DayDate("2026-08-22")!, options: .init())
        let line = try XCTUnwrap(r.chart.lines.first)
        XCTAssertEqual(line.points.first!.value, 107_000, accuracy: 1_000)
        XCTAssertEqual(line.points.last!.value, 115_000, accuracy: 1_000)
        XCTAssertEqual(try RasterImage(png: r.data).width, 1200)
    }

    func testMonthlyBarsAddUpToTheWholePeriod() throws {
        let a = DayDate("2025-01-10")!, b = DayDate("2025-06-20")!
        let bars = try ds.chartData(from: a, to: b, metric: .change).bars
        XCTAssertEqual(bars.count, 6, "10 Jan–1 Feb, Feb, Mar, Apr, May, 1–20 Jun")
        XCTAssertEqual(bars.first?.start, a)
        XCTAssertEqual(bars.last?.end, b)
        let sum = bars.reduce(0) { $0 + $1.net }
        let whole = try ds.control(asOf: b).km2(.occupied) - ds.control(asOf: a).km2(.occupied)
        XCTAssertEqual(sum, whole, accuracy: max(10, 0.005 * abs(whole)))
        XCTAssertGreaterThan(sum, 1_000)
    }

    func testTimelapseFramesAndSize() throws {
        var o = MapOptions()
        o.width = 800
        o.height = 600
        let gif = try TimelapseRenderer(dataset: ds).render(from: DayDate("2025-01-01")!, to: DayDate("2026-01-01")!,
                                                             everyDays: 14, fps: 4, options: o)
        XCTAssertEqual(gif.dates.count, 27)
        let info = try XCTUnwrap(GIFInfo.read(gif.data))
        XCTAssertEqual(info.frames, 27)
        XCTAssertEqual(info.width, 800)
        XCTAssertLessThan(gif.data.count, 5 * 1024 * 1024)
    }

    func testBadPeriods() {
        XCTAssertThrowsError(try ChartRenderer(dataset: ds).render(from: DayDate("2025-01-01")!, to: DayDate("2025-01-01")!, options: .init()))
        XCTAssertThrowsError(try TimelapseRenderer(dataset: ds).render(from: DayDate("2025-01-01")!, to: DayDate("2025-02-01")!,
                                                                        everyDays: 0, fps: 4, options: MapOptions())) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 64)
        }
    }

    static let reportFixture = Fixture { try ReportBuilder(dataset: MapPictureTests.dataset).build(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!) }
    static var report: Report { get throws { try reportFixture.value } }

    /// `--basis admin`: the summary and the table on the units with their waters (shares of
    /// the official total), said in the method notes; the maps stay on land.
    func testReportOnTheAdminBasis() throws {
        var o = ReportBuilder.Options()
        o.basis = .admin
        o.regions = ["UA-14"]
        let admin = try ReportBuilder(dataset: MapPictureTests.dataset).build(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!, options: o)
        o.basis = .land
        let land = try ReportBuilder(dataset: MapPictureTests.dataset).build(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!, options: o)
        XCTAssertEqual(admin.changes.to.basis, .admin)
        XCTAssertTrue(admin.methodNotes.first?.contains("administrative basis") ?? false, "\(admin.methodNotes)")
        XCTAssertFalse(land.methodNotes.contains { $0.contains("administrative basis") })
        // Donetsk oblast with its share of the Sea of Azov: a larger area, a smaller share.
        XCTAssertGreaterThan(admin.changes.regions[0].areaKm2, land.changes.regions[0].areaKm2 + 1_000)
        XCTAssertEqual(admin.mapPNG, land.mapPNG, "the map is the land's")
    }

    func testHTMLIsSelfContained() throws {
        let html = try Self.report.html()
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: "src=\"data:image/png;base64,").count - 1, 3)
        for external in ["http://", "https://", "<script", "<link", "url("] {
            XCTAssertFalse(html.contains(external), external)
        }
        let donetsk = html.components(separatedBy: "<tr>").first { $0.contains("<td>Donetsk</td>") } ?? ""
        XCTAssertTrue(donetsk.contains("+2,659"), donetsk)
        XCTAssertTrue(html.contains("most of it in Donetsk oblast"))
        XCTAssertTrue(html.contains("DeepStateMap.Live"))
    }

    func testMarkdownLinksItsImages() throws {
        let md = try Self.report.markdown()
        XCTAssertEqual(md.files.count, 3)
        for f in md.files {
            XCTAssertTrue(md.text.contains("](\(f.path))"), f.path)
            XCTAssertTrue(f.path.hasPrefix("images/"))
            XCTAssertNoThrow(try RasterImage(png: f.data))
        }
    }

    func testPDFPageOneShowsTheMap() throws {
        let pdf = try Self.report.pdf()
        let dir = try TemporaryFolder.make("frontline-pdf")
        try pdf.write(to: dir.appendingPathComponent("r.pdf"))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
        p.arguments = ["-f", "1", "-l", "1", "-r", "72", "-png", dir.appendingPathComponent("r.pdf").path, dir.appendingPathComponent("page").path]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let page = try RasterImage(png: Data(contentsOf: dir.appendingPathComponent("page-1.png")))
        XCTAssertEqual(page.width, 595)
        // Occupied land (the fill over the land colour) covers a good part of the page-1 map.
        let occupied = Theme.light.fill(.occupied).color.over(Theme.light.land)
        var hits = 0
        for y in stride(from: 0, to: page.height, by: 2) {
            for x in stride(from: 0, to: page.width, by: 2) {
                if let c = page.pixel(x: x, y: y), max(abs(c.r - occupied.r), abs(c.g - occupied.g), abs(c.b - occupied.b)) < 10.0 / 255 { hits += 1 }
            }
        }
        XCTAssertGreaterThan(hits, 1_000)
    }

    // Fault: a report parsed base/ twice (its map and its change map each built a renderer),
    // and the tile renderer read it again for every date.
    func testAReportAndTheTilesOfManyDatesReadTheBaseLayersOnce() throws {
        let before = BaseMap.readCount
        let context = try MapContext(dataset: MapPictureTests.dataset)
        _ = try ReportBuilder(context: context).build(from: DayDate("2026-01-05")!, to: DayDate("2026-02-05")!)
        for date in ["2025-02-05", "2026-02-05"] { _ = try TileRenderer(context: context, date: DayDate(date)!) }
        XCTAssertEqual(BaseMap.readCount - before, 1)
    }

    /// A context keeps the layers it projected for tiles (all but the control layers) for the
    /// next date: tiles of a date drawn after another are the bytes of a fresh context's, and
    /// the control layers of the second date are its own, not the first's.
    func testTilesAfterAnotherDateAreTheTilesOfAFreshContext() throws {
        let shared = try MapContext(dataset: MapPictureTests.dataset)
        _ = try TileRenderer(context: shared, date: DayDate("2026-02-05")!).png(tile: TileCoord(z: 7, x: 77, y: 44)!, style: .full)
        let after = try TileRenderer(context: shared, date: DayDate("2023-02-05")!)
        let fresh = try TileRenderer(context: try MapContext(dataset: MapPictureTests.dataset), date: DayDate("2023-02-05")!)
        for tile in [TileCoord(z: 5, x: 19, y: 10)!, TileCoord(z: 7, x: 77, y: 44)!, TileCoord(z: 9, x: 310, y: 178)!] {
            XCTAssertEqual(try after.png(tile: tile, style: .full), try fresh.png(tile: tile, style: .full), "\(tile)")
            XCTAssertEqual(try after.png(tile: tile, style: .overlay), try fresh.png(tile: tile, style: .overlay), "\(tile)")
        }
        XCTAssertNotEqual(try after.png(tile: TileCoord(z: 7, x: 77, y: 44)!, style: .overlay),
                          try TileRenderer(context: shared, date: DayDate("2026-02-05")!).png(tile: TileCoord(z: 7, x: 77, y: 44)!, style: .overlay))
    }

    /// A tile hands Cairo only the runs of a line that reach it: the same pixels as the whole
    /// line, for lines that cross the tile, pass beside it, and leave and come back.
    func testLinesCutToTheTileAreDrawnAsWholeLines() throws {
        let zigzag = (0..<400).map { i in Position(Double(i) * 3 - 400, 128 + 300 * sin(Double(i) / 9)) }
        let beside = [Position(-100, -60), Position(400, -59), Position(420, 300)]
        let ring = [Position(-50, -50), Position(300, -40), Position(310, 310), Position(-40, 300), Position(-50, -50)]
        func png(window: Envelope?) throws -> Data {
            let canvas = try Canvas(format: .png, width: 256, height: 256)
            let scene = MapScene(width: 256, height: 256, unit: 1, background: RGBA(1, 1, 1, 1), projection: "EPSG:3857",
                                 extent: Envelope(minX: 0, minY: 0, maxX: 256, maxY: 256), frame: Envelope(minX: 0, minY: 0, maxX: 256, maxY: 256))
            let layers: [PreparedScene.Layer] = [
                .fill(rings: [ring], style: FillStyle(RGBA(0.8, 0.2, 0.2, 1)), outline: nil),
                .stroke(lines: [zigzag, beside], style: LineStyle(RGBA(0, 0, 0.5, 1), width: 3)),
                .strokeInside(lines: [zigzag], style: LineStyle(RGBA(0, 0, 0, 1), width: 2), clip: [ring]),
            ]
            try SceneRenderer.paint(PreparedScene(scene: scene, viewport: nil, layers: layers, texts: []), on: canvas, window: window)
            return try canvas.finish()
        }
        let whole = try png(window: nil)
        XCTAssertEqual(try png(window: Envelope(minX: 0, minY: 0, maxX: 256, maxY: 256)), whole)
        // The test can fail: a window that leaves out part of what shows gives other pixels.
        XCTAssertNotEqual(try png(window: Envelope(minX: 0, minY: 0, maxX: 100, maxY: 100)), whole)
    }
}
