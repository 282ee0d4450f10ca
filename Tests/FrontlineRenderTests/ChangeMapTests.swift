import Foundation
import XCTest
import FrontlineControl
import FrontlineGeo
@testable import FrontlineRender

final class ChangeMapTests: XCTestCase {
    static let change = try! MapPictureTests.dataset.change(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!)

    func testPokrovskShowsNewlyOccupied() throws {
        let map = try DiffRenderer(dataset: MapPictureTests.dataset).render(Self.change, options: MapOptions())
        let image = try RasterImage(png: map.data)
        let gained = Theme.light.gained.color.over(Theme.light.land)
        func share(_ lonLat: Position, radius r: Int) throws -> Double {
            let p = try map.viewport.device(lonLat)
            var hits = 0, total = 0
            for dy in -r...r {
                for dx in -r...r {
                    guard let c = image.pixel(x: Int(p.x) + dx, y: Int(p.y) + dy) else { continue }
                    total += 1
                    if max(abs(c.r - gained.r), abs(c.g - gained.g), abs(c.b - gained.b)) <= 6.0 / 255 { hits += 1 }
                }
            }
            return Double(hits) / Double(total)
        }
        // Pokrovsk (37.18 E 48.28 N) lies 500 m inside the 2026 front: its pixel and most of
        // its neighbours; a point 1.5 km further in, most (a small-change ring passes near).
        XCTAssertGreaterThanOrEqual(try share(Position(37.18, 48.28), radius: 1), 5.0 / 9)
        XCTAssertGreaterThanOrEqual(try share(Position(37.20, 48.27), radius: 2), 0.7)
        XCTAssertEqual(try share(Position(30.52, 50.45), radius: 3), 0, "nothing changed in Kyiv")
    }

    func testChangeMapSaysTheTotals() throws {
        var o = MapOptions()
        o.format = .svg
        let svg = String(decoding: try DiffRenderer(dataset: MapPictureTests.dataset).render(Self.change, options: o).data, as: UTF8.self)
        for text in ["5 February 2025 → 5 February 2026", "Newly occupied: +4,2", "Freed: −", "Held at both dates",
                     "Change by region", "+2,66", "Control: DeepStateMap.Live"] {
            XCTAssertTrue(svg.contains(text), text)
        }
    }
}
