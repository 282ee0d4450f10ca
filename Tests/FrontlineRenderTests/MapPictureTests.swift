import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import FrontlineTestSupport
import FrontlineControl
import FrontlineGeo
@testable import FrontlineRender
import FrontlineSupport

/// Tests that look at the picture: pixels where cities are, text in the SVG, themes, bytes.
final class MapPictureTests: XCTestCase {
    static let datasetFixture = Fixture { try Dataset(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("GeoData/ukraine")) }
    static var dataset: Dataset { get throws { try datasetFixture.value } }
    static let rendererFixture = Fixture { try MapRenderer(dataset: dataset) }
    static var renderer: MapRenderer { get throws { try rendererFixture.value } }
    static let date = DayDate("2026-02-05")!
    // A rendered map holds its viewport, whose PROJ object belongs to one thread: XCTest runs
    // these tests on one.
    static let lightFixture = Fixture { try renderer.render(date: date, options: MapOptions()) }
    static var light: MapRenderer.Rendered { get throws { try lightFixture.value } }
    /// The fills alone: probes at city positions would otherwise meet the city's dot and name.
    static let unlabelledFixture = Fixture { try renderer.render(date: date, options: withoutLabels(MapOptions())) }
    static var unlabelled: MapRenderer.Rendered { get throws { try unlabelledFixture.value } }

    static func withoutLabels(_ o: MapOptions) -> MapOptions {
        var o = o
        o.labels = false
        return o
    }

    /// Share of pixels in a (2r+1)² box around a lon/lat position that show `color`.
    func share(of color: RGBA, at lonLat: Position, in map: MapRenderer.Rendered, radius r: Int) throws -> Double {
        try PixelProbe(image: RasterImage(png: map.data), viewport: map.viewport).share(of: color, at: lonLat, radius: r)
    }

    func close(_ a: RGBA, _ b: RGBA) -> Bool { PixelProbe.close(a, b) }

    /// What occupied land looks like on the page: the translucent fill over the land colour.
    func occupiedColor(_ theme: Theme) -> RGBA { theme.fill(.occupied).color.over(theme.land) }
    /// Land held before 2022: its darker fill over occupied land.
    func heldBefore2022Color(_ theme: Theme) -> RGBA { theme.baseline.color.over(occupiedColor(theme)) }

    // Natural Earth positions of the city markers (the ring leaves the centre showing the fill).
    let donetsk = Position(37.82803, 48.00195), luhansk = Position(39.33438, 48.56976), simferopol = Position(34.09873, 44.94915)
    let kyiv = Position(30.51468, 50.43531), lviv = Position(24.03, 49.83498), odesa = Position(30.70806, 46.49196)
    let kramatorsk = Position(37.53439, 48.71936)
    let mariupol = Position(37.5562, 47.09618), melitopol = Position(35.37747, 46.83782)

    /// Donetsk, Luhansk and Simferopol were held before 2022: the darker occupied colour.
    func testOccupiedCitiesShowTheOccupiedColour() throws {
        for (name, city) in [("Donetsk", donetsk), ("Luhansk", luhansk), ("Simferopol", simferopol)] {
            XCTAssertGreaterThanOrEqual(try share(of: heldBefore2022Color(.light), at: city, in: Self.unlabelled, radius: 1), 0.5, name)
        }
        for (name, city) in [("Mariupol", mariupol), ("Melitopol", melitopol)] {
            XCTAssertGreaterThanOrEqual(try share(of: occupiedColor(.light), at: city, in: Self.unlabelled, radius: 1), 0.5, name)
        }
        XCTAssertFalse(close(heldBefore2022Color(.light), occupiedColor(.light)), "the two are told apart")
    }

    func testFreeCitiesDoNot() throws {
        let occupied = occupiedColor(.light)
        for (name, city) in [("Kyiv", kyiv), ("Lviv", lviv), ("Odesa", odesa), ("Kramatorsk", kramatorsk)] {
            XCTAssertEqual(try share(of: occupied, at: city, in: Self.light, radius: 4), 0, name)
            XCTAssertGreaterThan(try share(of: Theme.light.land, at: city, in: Self.light, radius: 4), 0.3, "\(name) shows free land")
        }
    }

    func testSVGHoldsTitleLegendAndAttribution() throws {
        var o = MapOptions()
        o.format = .svg
        let svg = String(decoding: try Self.renderer.render(date: Self.date, options: o).data, as: UTF8.self)
        for text in ["<title>Ukraine: territorial control on 5 February 2026</title>", "Occupied by Russia", "Front line",
                     "Occupied before 24 Feb 2022",
                     "Control: DeepStateMap.Live", "geoBoundaries", "78.6 %", ">Donetsk<", "100 km"] {
            XCTAssertTrue(svg.contains(text), text)
        }
        XCTAssertTrue(XMLParser(data: Data(svg.utf8)).parse(), "well-formed XML")
    }

    func testUkrainianLabels() throws {
        var o = MapOptions()
        o.format = .svg
        o.language = Language("uk")
        let svg = String(decoding: try Self.renderer.render(date: Self.date, options: o).data, as: UTF8.self)
        for text in ["Донецька", "Окуповано Росією", "Лінія фронту", "5 лютого 2026", "78,6 %", "Київ"] {
            XCTAssertTrue(svg.contains(text), text)
        }
    }

    func testThemesDiffer() throws {
        for name in [Theme.Name.dark, .colorblind, .print] {
            var o = MapOptions()
            o.theme = name
            let map = try Self.renderer.render(date: Self.date, options: Self.withoutLabels(o))
            XCTAssertNotEqual(map.data, try Self.unlabelled.data, name.rawValue)
            let theme = Theme.named(name)
            XCTAssertFalse(close(occupiedColor(theme), occupiedColor(.light)), name.rawValue)
            if theme.fill(.occupied).hatch == nil {
                XCTAssertGreaterThanOrEqual(try share(of: heldBefore2022Color(theme), at: donetsk, in: map, radius: 1), 0.5, name.rawValue)
            }
        }
    }

    func testSameInputsSameBytes() throws {
        XCTAssertEqual(try Self.renderer.render(date: Self.date, options: MapOptions()).data, try Self.light.data)
        for format in [OutputFormat.svg, .pdf] {
            var o = MapOptions()
            o.format = format
            XCTAssertEqual(try Self.renderer.render(date: Self.date, options: o).data,
                           try Self.renderer.render(date: Self.date, options: o).data, format.rawValue)
        }
    }

    func testPDFIsAPDF() throws {
        var o = MapOptions()
        o.format = .pdf
        let pdf = try Self.renderer.render(date: Self.date, options: o).data
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
        XCTAssertTrue(String(decoding: pdf, as: UTF8.self).contains("/CreationDate (20260205"), "creation date is the map's date")
    }

    func testRegionFocusFramesDonetsk() throws {
        var o = MapOptions()
        o.regions = ["UA-14"]
        o.labels = false  // the colours at the cities, not their names, are probed
        let map = try Self.renderer.render(date: Self.date, options: o)
        let visible = try map.viewport.visibleExtent()
        XCTAssertLessThan(visible.width, 12, "zoomed in")
        XCTAssertTrue(visible.contains(donetsk) && visible.contains(kramatorsk))
        XCTAssertGreaterThanOrEqual(try share(of: heldBefore2022Color(.light), at: donetsk, in: map, radius: 1), 0.5)
        XCTAssertEqual(try share(of: occupiedColor(.light), at: kramatorsk, in: map, radius: 4), 0)
    }

    func testBadOptionsAreUsageErrors() {
        for (w, h) in [(0, 100), (100, 20_001)] {
            var o = MapOptions()
            o.width = w
            o.height = h
            XCTAssertThrowsError(try Self.renderer.render(date: Self.date, options: o)) { e in
                XCTAssertEqual((e as? FrontlineError)?.exitCode, 64)
            }
        }
        var o = MapOptions()
        o.regions = ["UA-99"]
        XCTAssertThrowsError(try Self.renderer.render(date: Self.date, options: o)) { e in
            XCTAssertTrue("\(e)".contains("unknown region 'UA-99'"))
        }
    }
}
