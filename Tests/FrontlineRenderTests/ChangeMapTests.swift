import Foundation
import XCTest
import FrontlineTestSupport
import FrontlineControl
import FrontlineGeo
@testable import FrontlineRender

final class ChangeMapTests: XCTestCase {
    static let changeFixture = Fixture { try MapPictureTests.dataset.change(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!) }
    static var change: ChangeMeasurement { get throws { try changeFixture.value } }

    func testPokrovskShowsNewlyOccupied() throws {
        let map = try DiffRenderer(dataset: MapPictureTests.dataset).render(Self.change, options: MapPictureTests.withoutLabels(MapOptions()))
        let probe = PixelProbe(image: try RasterImage(png: map.data), viewport: map.viewport)
        let gained = Theme.light.gained.color.over(Theme.light.land)
        func share(_ lonLat: Position, radius r: Int) throws -> Double { try probe.share(of: gained, at: lonLat, radius: r) }
        // South of Pokrovsk (37.18 E 48.28 N), taken in the year: a few km from the 2026 front,
        // clear of its casing (which at country scale covers about 3 km each side of the line).
        XCTAssertGreaterThanOrEqual(try share(Position(37.22, 48.24), radius: 1), 8.0 / 9)
        XCTAssertGreaterThanOrEqual(try share(Position(37.25, 48.245), radius: 2), 0.7)
        XCTAssertEqual(try share(Position(30.52, 50.45), radius: 3), 0, "nothing changed in Kyiv")
    }

    func testChangeMapSaysTheTotals() throws {
        var o = MapOptions()
        o.format = .svg
        let svg = String(decoding: try DiffRenderer(dataset: MapPictureTests.dataset).render(Self.change, options: o).data, as: UTF8.self)
        for text in ["5 February 2025 → 5 February 2026", "Newly occupied: 4,2", "Freed: ", "Occupied at both dates",
                     "Change by region, km² (+ gained, − lost)", "+2,66", "Control: DeepStateMap.Live"] {
            XCTAssertTrue(svg.contains(text), text)
        }
        // The legend's words say the direction; its amounts carry no sign ("Freed: 113 km²").
        XCTAssertFalse(svg.contains("Freed: −") || svg.contains("Newly occupied: +"), "a signed amount after a word that says it")
    }
}
