import FrontlineControl
import FrontlineGeo
import XCTest
@testable import FrontlineRender

/// The QA matrix's rules, each on a picture made to break it (and one made to keep it).
final class MapInspectionTests: XCTestCase {
    static let occupied = FillStyle(RGBA(0.8, 0.3, 0.3))

    /// A 400×300 picture of 30-34° E, 45-48° N in Web Mercator: land held in the south-east,
    /// its edge along 46.5° N the front line.
    func picture(texts: [(String, Position, Double)], legend: [(String, Furniture.Swatch)] = [("Occupied", .fill(occupied))]) throws -> MapInspection {
        var scene = MapScene(width: 400, height: 300, unit: 1, background: RGBA(1, 1, 1), projection: "EPSG:3857",
                             extent: Envelope(minX: 30, minY: 45, maxX: 34, maxY: 48), frame: Envelope(minX: 0, minY: 0, maxX: 400, maxY: 300))
        let front = [Position(32, 46.5), Position(35, 46.5)]
        let held = [[[Position(32, 44), Position(35, 44), Position(35, 46.5), Position(32, 46.5), Position(32, 44)]]]
        scene.layers = [.fill(layer: .control(.occupied), polygons: held, style: Self.occupied, outline: nil),
                        .strokeInside(layer: .front, lines: [front], style: LineStyle(RGBA(0, 0, 0), width: 2), clip: held)]
        scene.furniture.legend = legend
        scene.furniture.scaleBar = false
        let viewport = try Viewport(projection: Projection(to: scene.projection), extent: scene.extent, width: 400, height: 300, frame: scene.frame)
        let placed = texts.map { PlacedText(text: $0.0, origin: $0.1, font: Font(size: $0.2), color: RGBA(0, 0, 0), halo: RGBA(1, 1, 1), haloWidth: 2) }
        let canvas = try Canvas(format: .png, width: 1, height: 1)
        let furniture = FurnitureLayout(scene.furniture, canvas: canvas, unit: 1, width: 400, height: 300)
        let prepared = PreparedScene(scene: scene, viewport: viewport, layers: [], texts: placed, furniture: furniture)
        let hints = InspectionHints(frontTowns: [], baseExtent: Envelope(minX: 20, minY: 40, maxX: 40, maxY: 55), textFloor: 11,
                                    land: RGBA(0.98, 0.97, 0.96), water: RGBA(0.8, 0.88, 0.93))
        return try SceneInspector(prepared, hints: hints).inspect()
    }

    func checks(_ i: MapInspection) -> Set<String> { Set(i.violations.map(\.check)) }

    func testALabelOnTheFrontAndATinyOneAreFound() throws {
        let frontY = try Viewport(projection: Projection(to: "EPSG:3857"), extent: Envelope(minX: 30, minY: 45, maxX: 34, maxY: 48),
                                  width: 400, height: 300, frame: Envelope(minX: 0, minY: 0, maxX: 400, maxY: 300)).device(Position(33, 46.5)).y
        let found = try picture(texts: [("Onfront", Position(280, frontY + 4), 12), ("Tiny", Position(40, 40), 8)])
        XCTAssertEqual(checks(found), ["label-on-front", "text-small"])
        XCTAssertTrue(found.violations.contains { $0.detail.contains("Onfront") })
        XCTAssertTrue(found.violations.contains { $0.detail.contains("Tiny") && $0.detail.contains("8.0 px") })
    }

    func testLabelsApartInsideTheFrameOffTheLinePass() throws {
        XCTAssertEqual(checks(try picture(texts: [("North", Position(40, 40), 12), ("South", Position(200, 280), 12)])), [])
    }

    func testOverlappingAndCutLabelsAreFound() throws {
        XCTAssertEqual(checks(try picture(texts: [("Alpha", Position(40, 40), 12), ("Beta", Position(50, 42), 12)])), ["text-overlap"])
        XCTAssertEqual(checks(try picture(texts: [("Edge", Position(385, 40), 12)])), ["text-outside"])
    }

    func testALegendRowTheColourOfTheLandOrTwiceIsFound() throws {
        let land = FillStyle(RGBA(0.98, 0.97, 0.96)), held = Self.occupied
        let found = try picture(texts: [], legend: [("Occupied", .fill(held)), ("Not reported", .fill(land)), ("Occupied", .fill(held))])
        XCTAssertEqual(checks(found), ["legend-land-swatch", "legend-duplicate", "colours-confusable"])
        XCTAssertEqual(checks(try picture(texts: [], legend: [])), ["legend-missing"], "the occupied fill is drawn without a row")
    }

    func testColourVisionTellsRedFromGreenOnlyWithNormalVision() {
        let red = RGBA(hex: "#d62728"), green = RGBA(hex: "#2ca02c")
        XCTAssertGreaterThan(ColourVision.normal.deltaE(red, green), 50)
        XCTAssertLessThan(ColourVision.deuteranopia.deltaE(red, green), ColourVision.normal.deltaE(red, green) / 2)
        XCTAssertEqual(ColourVision.tritanopia.deltaE(red, red), 0, accuracy: 1e-9)
    }

    func testASegmentMeetsABoxOnlyWhereItCrossesIt() {
        let box = Envelope(minX: 0, minY: 0, maxX: 10, maxY: 10)
        XCTAssertTrue(SegmentIndex.crosses(Position(-5, 5), Position(15, 5), box))
        XCTAssertTrue(SegmentIndex.crosses(Position(2, 2), Position(3, 3), box), "inside")
        XCTAssertFalse(SegmentIndex.crosses(Position(-5, 12), Position(15, 12), box))
        XCTAssertFalse(SegmentIndex.crosses(Position(-5, 0), Position(0, -5), box.expanded(by: -1)))
    }

    /// The national map of the newest data, inspected as the matrix does: the report is made
    /// and names a rule for each finding.
    func testTheRendererInspectsWhenAsked() throws {
        var options = MapOptions()
        options.inspect = true
        options.width = 800
        options.height = 600
        let map = try MapRenderer(dataset: try MapPictureTests.dataset).render(date: DayDate("2026-02-05")!, options: options)
        let inspection = try XCTUnwrap(map.inspection)
        XCTAssertTrue(inspection.json.hasPrefix("{\"violations\":"))
        XCTAssertGreaterThan(inspection.facts.first { $0.0 == "labels" }?.1 ?? 0, 20)
        options.inspect = false
        XCTAssertNil(try MapRenderer(dataset: try MapPictureTests.dataset).render(date: DayDate("2026-02-05")!, options: options).inspection)
    }
}
