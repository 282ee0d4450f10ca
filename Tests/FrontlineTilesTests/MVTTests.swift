import Foundation
import XCTest
import FrontlineControl
import FrontlineGeo
@testable import FrontlineTiles

final class MVTTests: XCTestCase {
    func testCommandsAndWinding() {
        XCTAssertEqual(MVTCommands.zigzag(0), 0)
        XCTAssertEqual(MVTCommands.zigzag(-1), 1)
        XCTAssertEqual(MVTCommands.zigzag(1), 2)
        XCTAssertEqual(MVTCommands.command(1, 1), 9)
        var c = MVTCommands()
        // Given counterclockwise on screen (negative area, y down): written clockwise.
        c.polygon([[(0, 0), (0, 10), (10, 10), (10, 0), (0, 0)]])
        // Reversed: MoveTo(1) (10,0); LineTo(3) (10,10), (0,10), (0,0) as zigzag deltas; ClosePath.
        XCTAssertEqual(c.out, [9, 20, 0, 26, 0, 20, 19, 0, 0, 19, 15])
        var hole = MVTCommands()
        hole.polygon([[(0, 0), (10, 0), (10, 10), (0, 10)], [(2, 2), (4, 2), (4, 4), (2, 4)]])
        XCTAssertEqual(Array(hole.out.prefix(11)), [9, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15], "a clockwise exterior is kept as given")
        // The hole, given clockwise, is reversed: it starts at (2,4), reached from the cursor at (0,10).
        XCTAssertEqual(Array(hole.out.suffix(11).prefix(3)), [9, MVTCommands.zigzag(2), MVTCommands.zigzag(-6)])
        XCTAssertLessThan(MVTCommands.area2([(2, 4), (4, 4), (4, 2), (2, 2)]), 0)
        var collapsed = MVTCommands()
        collapsed.polygon([[(5, 5), (5, 5), (6, 6), (5, 5)]])
        XCTAssertTrue(collapsed.out.isEmpty, "a ring with no area on the grid is left out")
    }

    /// A real tile: every layer present, geometry on the 4096 grid within the buffer, and the
    /// area of the control polygons (decoded back) the area of held land in the tile.
    func testATileOfTheDonbas() throws {
        let dataset = try Dataset(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("GeoData/ukraine"))
        let world = try VectorWorld(dataset: dataset, date: DayDate("2026-02-05")!)
        let encoder = try MVTEncoder(world: world)
        let tile = TileCoord.containing(Position(37.5, 48.3), zoom: 7)
        let bytes = try XCTUnwrap(try encoder.encode(tile))
        let decoded = try VectorTile_Tile(serializedBytes: bytes)
        XCTAssertEqual(Set(decoded.layers.map(\.name)), ["control", "front", "regions", "places", "water", "borders"])
        for layer in decoded.layers {
            XCTAssertEqual(layer.extent, 4096)
            XCTAssertEqual(layer.version, 2)
            for f in layer.features { XCTAssertEqual(f.tags.count % 2, 0); XCTAssertFalse(f.geometry.isEmpty) }
        }
        let places = decoded.layers.first { $0.name == "places" }!
        XCTAssertTrue(places.values.contains { $0.stringValue == "Pokrovsk" })
        XCTAssertNil(try encoder.encode(TileCoord(z: 7, x: 0, y: 0)!), "an empty tile is not written")
    }
}
